//! The running inspection drawn: the current standard with its note,
//! evidence, photos and corrective action, the answer and move buttons, and
//! the list of standards in scope.

use std::collections::HashMap;

use super::{FAIL_COLOR, PASS_COLOR, Session, TOUCH};
use crate::core::i18n::{InspectTexts, Words};
use crate::core::inspection::Verdict;
use crate::core::model::{Language, StandardsSet};
use crate::gui::state::{BINDINGS, Command, PhotoFor, Scope};
use crate::gui::views::Cx;

/// The running inspection: the answer buttons at the bottom, the list on
/// the left when there is room, the current standard in the middle.
pub(super) fn show(
    ui: &mut egui::Ui,
    cx: &mut Cx,
    session: &mut Session,
    set: &StandardsSet,
    t: &InspectTexts,
) {
    // The answer buttons and the navigation sit at the bottom, within reach
    // of a thumb on a tablet, whatever the length of the standard above them.
    egui::Panel::bottom("inspect-actions").show(ui, |ui| {
        ui.add_space(4.0);
        saved_line(ui, session, t);
        for command in actions(ui, session, cx.words()) {
            cx.run(command);
        }
    });
    // The list takes room a tablet does not have: hidden below 1200 px
    // unless the auditor shows it.
    let wide = ui.available_width() >= 1200.0;
    if session.list.unwrap_or(wide) {
        list(ui, cx, session, set);
    } else {
        // Shown again later, the list scrolls to the current standard.
        ui.data_mut(|d| d.remove::<usize>(egui::Id::unique(LIST_SCROLLED)));
    }
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                // Every button, drop-down and field here is touch-sized.
                crate::gui::views::touch_sized(ui);
                for command in current_body(session, set, cx.lang, ui, t, wide) {
                    cx.run(command);
                }
            });
    });
}

/// Where the list last scrolled to (egui memory): it follows the current
/// standard, whether the auditor moves by key, by button or by the list.
const LIST_SCROLLED: &str = "inspect-list-scrolled";

/// The verdict buttons, then Previous / Next / Next unanswered, and Finish
/// apart on the right.
fn actions(ui: &mut egui::Ui, session: &Session, w: &'static Words) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.add_space(6.0);
    let verdict = session
        .current_id()
        .map_or(Verdict::NotChecked, |id| session.record.verdict(id));
    let gap = ui.spacing().item_spacing.x;
    let third = ((ui.available_width() - 2.0 * gap) / 3.0).max(80.0);
    ui.horizontal(|ui| {
        for (v, color, key) in [
            (Verdict::Pass, PASS_COLOR, "1"),
            (Verdict::Fail, FAIL_COLOR, "2"),
            (Verdict::NotApplicable, egui::Color32::GRAY, "3"),
        ] {
            let label = Command::Verdict(v).label(w).unwrap_or_default();
            let on = verdict == v;
            let text = egui::RichText::new(format!("{label}  [{key}]")).size(20.0);
            let text = text.color(if on { egui::Color32::WHITE } else { color });
            let mut button = egui::Button::new(text).min_size(egui::vec2(third, 64.0));
            if on {
                button = button.fill(color);
            }
            if ui
                .add_enabled(session.current_id().is_some(), button)
                .clicked()
            {
                commands.push(Command::Verdict(v));
            }
        }
    });
    ui.add_space(6.0);
    let nav = |text: &str| {
        egui::Button::new(egui::RichText::new(text).size(16.0)).min_size(egui::vec2(120.0, TOUCH))
    };
    let mut nav_button = |ui: &mut egui::Ui, command: Command| {
        let label = command.label(w).unwrap_or_default();
        if ui.add(nav(label)).clicked() {
            commands.push(command);
        }
    };
    ui.horizontal(|ui| {
        nav_button(ui, Command::InspectStep(-1));
        nav_button(ui, Command::InspectStep(1));
        nav_button(ui, Command::NextUnanswered);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            nav_button(ui, Command::FinishInspection);
        });
    });
    ui.add_space(6.0);
    commands
}

/// The standards in scope by contact point, with their answers; click to go there.
fn list(ui: &mut egui::Ui, cx: &mut Cx, session: &Session, set: &StandardsSet) {
    let lang = cx.lang;
    let mut go = None;
    egui::Panel::left("inspect-list")
        .resizable(true)
        .default_size(300.0)
        .show(ui, |ui| {
            let scrolled = egui::Id::unique(LIST_SCROLLED);
            let follow = ui.data(|d| d.get_temp::<usize>(scrolled)) != Some(session.current);
            ui.data_mut(|d| d.insert_temp(scrolled, session.current));
            egui::ScrollArea::vertical().show(ui, |ui| {
                // Looked up by ID once per frame: a scan per row is quadratic.
                let standards: HashMap<&str, _> = set
                    .standards()
                    .map(|(at, s)| (s.id.as_str(), (at, s)))
                    .collect();
                let entries = session.record.entries();
                let mut last_cp = None;
                for (i, id) in session.order.iter().enumerate() {
                    let Some((at, standard)) = standards.get(id.as_str()) else {
                        continue;
                    };
                    if last_cp != Some(&at.contact_point.id) {
                        last_cp = Some(&at.contact_point.id);
                        ui.add_space(4.0);
                        ui.strong(format!("{} {}", at.contact_point.id, at.contact_point.name));
                    }
                    let verdict = entries
                        .get(id.as_str())
                        .map_or(Verdict::NotChecked, |e| e.verdict);
                    let mark = match verdict {
                        Verdict::Pass => egui::RichText::new("✓").color(PASS_COLOR),
                        Verdict::Fail => egui::RichText::new("■").color(FAIL_COLOR),
                        Verdict::NotApplicable => egui::RichText::new("–"),
                        Verdict::NotChecked => egui::RichText::new("·"),
                    };
                    ui.horizontal_top(|ui| {
                        ui.label(mark);
                        // The whole text, wrapped: a touch screen has no tooltips.
                        let r = ui.add(
                            egui::Button::selectable(
                                i == session.current,
                                format!("{} {}", standard.id, standard.text),
                            )
                            .wrap_mode(egui::TextWrapMode::Wrap),
                        );
                        if r.clicked() {
                            go = Some(i);
                        }
                        if i == session.current && follow {
                            r.scroll_to_me(Some(egui::Align::Center));
                        }
                        r.on_hover_text(verdict.label(lang));
                    });
                }
            });
        });
    if let Some(i) = go {
        cx.run(Command::InspectGoTo(i));
    }
}

/// The current standard, its note and evidence; the list toggle and the progress.
fn current_body(
    session: &mut Session,
    set: &StandardsSet,
    lang: Language,
    ui: &mut egui::Ui,
    t: &InspectTexts,
    wide: bool,
) -> Vec<Command> {
    let mut commands = Vec::new();
    // Very long lines are hard to read: the widest windows keep a margin.
    ui.set_max_width(ui.available_width().min(1600.0));
    let total = session.order.len();
    ui.horizontal(|ui| {
        let shown = session.list.unwrap_or(wide);
        if ui.selectable_label(shown, t.list_toggle).clicked() {
            session.list = Some(!shown);
        }
        // The count beside the bar, not on it: egui draws the text of a bar
        // over its start, the dot of an empty bar.
        ui.label(format!("{}/{total} {}", session.answered(), t.answered));
        // The bar is as wide as the room left: an infinite width made egui
        // draw it full whatever the fraction.
        let width = ui.available_width();
        ui.add(
            egui::ProgressBar::new(session.progress())
                .desired_width(width)
                // Not a touch target: its usual height, not the touch size.
                .desired_height(24.0),
        );
    });
    ui.label(keys_hint(ui.ctx(), lang));
    ui.add_space(8.0);
    let Some(id) = session.current_id().map(str::to_owned) else {
        ui.label(t.nothing_in_scope);
        if ui.button(t.close).clicked() {
            commands.push(Command::CloseInspection);
        }
        return commands;
    };
    let Some((at, standard)) = set.standard(&id) else {
        return commands;
    };
    ui.label(format!(
        "{} › {} › {}",
        at.contact_point.name, at.step.name, at.factor.name
    ));
    ui.label(format!(
        "{} / {total} · {}",
        session.current + 1,
        standard.id
    ));
    ui.add_space(4.0);
    ui.add(egui::Label::new(egui::RichText::new(&standard.text).size(22.0).strong()).wrap());
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        ui.label(standard.kind.label(lang));
        if let Some(target) = &standard.target {
            ui.separator();
            ui.label(format!(
                "{} {} {}",
                crate::core::i18n::texts(lang).target,
                crate::export::csv::format_number(target.value),
                target.unit
            ));
        }
        if !standard.monitoring.is_empty() {
            ui.separator();
            let methods: Vec<_> = standard.monitoring.iter().map(|m| m.label(lang)).collect();
            let sep = crate::core::i18n::report_words(lang).list_separator;
            ui.label(format!("{}: {}", t.how_checked, methods.join(sep)));
        }
    });
    if standard.critical {
        ui.colored_label(FAIL_COLOR, t.critical);
    }
    ui.add_space(12.0);
    let mut note = session
        .record
        .entry(&id)
        .map(|e| e.note.clone())
        .unwrap_or_default();
    let label = ui.label(t.note);
    let edit = ui
        .add(
            egui::TextEdit::multiline(&mut note)
                .desired_rows(2)
                // Shift+Enter starts a new line; Enter moves on.
                .return_key(egui::KeyboardShortcut::new(
                    egui::Modifiers::SHIFT,
                    egui::Key::Enter,
                ))
                .hint_text(t.note_hint)
                .desired_width(ui.available_width()),
        )
        .labelled_by(label.id);
    if std::mem::take(&mut session.focus_note) {
        edit.request_focus();
    }
    if edit.changed() {
        session.set_note(set, note);
    }
    let enter =
        edit.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter) && !i.modifiers.shift);
    if enter {
        edit.surrender_focus();
        session.save();
        commands.push(Command::InspectStep(1));
    } else if edit.lost_focus() {
        session.save();
    }
    let mut evidence = session
        .record
        .entry(&id)
        .and_then(|e| e.evidence.clone())
        .unwrap_or_default();
    let label = ui.label(t.evidence);
    let edit = ui
        .add(
            egui::TextEdit::singleline(&mut evidence)
                .hint_text(t.evidence_hint)
                .desired_width(ui.available_width()),
        )
        .labelled_by(label.id);
    if edit.changed() {
        session.set_evidence(set, &evidence);
    }
    if edit.lost_focus() {
        session.save();
    }
    earlier(ui, session, &id, lang);
    photo_row(ui, session, &id, lang, &mut commands);
    let passed = session
        .record
        .entry(&id)
        .is_some_and(|e| e.verdict == crate::core::inspection::Verdict::Pass);
    if passed {
        let t = &crate::core::i18n::texts(lang).actions;
        for (file, action, _) in session.follow_up.iter().filter(|(_, _, s)| *s == id) {
            ui.horizontal_wrapped(|ui| {
                ui.label(crate::core::i18n::fill(
                    t.follow_up_passed,
                    &[("id", action)],
                ));
                if ui.button(t.verify).clicked() {
                    commands.push(Command::VerifyFollowUp(*file, action.clone()));
                }
            });
        }
    }
    for (action, _, by) in session.verified.iter().filter(|(_, s, _)| *s == id) {
        let t = &crate::core::i18n::texts(lang).actions;
        ui.colored_label(
            PASS_COLOR,
            crate::core::i18n::fill(t.follow_up_verified, &[("id", action), ("by", by)]),
        );
    }
    let failed = session
        .record
        .entry(&id)
        .is_some_and(|e| e.verdict == crate::core::inspection::Verdict::Fail);
    if failed {
        action_fields(ui, session, lang, &mut commands);
    }
    commands
}

/// Where the record is saved, or why it is not: a line of the bottom bar,
/// above the answer buttons, where the standard's form cannot push it under
/// them. A long path is cut to the room, all of it on hover.
fn saved_line(ui: &mut egui::Ui, session: &Session, t: &InspectTexts) {
    match &session.save_error {
        Some(error) => {
            ui.colored_label(FAIL_COLOR, format!("{}: {error}", t.not_saved));
        }
        None => {
            let text = format!("{} {}", t.saved_to, session.path.display());
            ui.add(egui::Label::new(egui::RichText::new(&text).weak()).truncate())
                .on_hover_text(text);
        }
    }
}

/// On a follow-up visit, what the visit that failed the standard saw: its
/// note and photos, so that the auditor checks the same thing again.
fn earlier(ui: &mut egui::Ui, session: &mut Session, id: &str, lang: Language) {
    let Some(earlier) = session.earlier.get(id) else {
        return;
    };
    let t = &crate::core::i18n::texts(lang).actions;
    let date = earlier.when.strftime("%Y-%m-%d").to_string();
    ui.group(|ui| {
        ui.strong(crate::core::i18n::fill(
            t.follow_up_earlier,
            &[("date", &date)],
        ));
        if !earlier.note.is_empty() {
            ui.add(egui::Label::new(&earlier.note).wrap());
        }
        if !earlier.photos.is_empty() {
            ui.horizontal_wrapped(|ui| {
                crate::gui::views::thumbnails(
                    ui,
                    &mut session.thumbs,
                    earlier.record.as_deref(),
                    &earlier.photos,
                    96.0,
                );
            });
        }
    });
}

/// The verdict's photos as thumbnails (made off the drawing thread), the
/// button to add more, and what went wrong with the last ones.
fn photo_row(
    ui: &mut egui::Ui,
    session: &mut Session,
    id: &str,
    lang: Language,
    commands: &mut Vec<Command>,
) {
    let t = &crate::core::i18n::texts(lang).actions;
    let photos: Vec<String> = session
        .record
        .entry(id)
        .map(|e| e.photos.clone())
        .unwrap_or_default();
    ui.horizontal_wrapped(|ui| {
        ui.label(t.photos);
        crate::gui::views::thumbnails(ui, &mut session.thumbs, Some(&session.path), &photos, 96.0);
        if ui.button(t.add_photos).clicked() {
            commands.push(Command::AttachPhotos(PhotoFor::Verdict));
        }
        if session.attaching.is_empty() {
            ui.label(egui::RichText::new(t.drop_hint).weak());
        } else {
            ui.spinner();
            ui.label(t.storing);
        }
    });
    for error in &session.photo_errors {
        ui.colored_label(FAIL_COLOR, error);
    }
}

/// A failed standard's corrective action: a button to raise it (key A), then
/// what, who and by when, saved beside the record as they are typed.
fn action_fields(
    ui: &mut egui::Ui,
    session: &mut Session,
    lang: Language,
    commands: &mut Vec<Command>,
) {
    let t = &crate::core::i18n::texts(lang).actions;
    ui.add_space(6.0);
    ui.strong(t.heading);
    if let Some(blocked) = &session.actions_blocked {
        ui.colored_label(FAIL_COLOR, blocked);
        return;
    }
    let Some(action) = session.current_action().cloned() else {
        if ui.button(t.add).clicked() {
            commands.push(Command::AddAction);
        }
        return;
    };
    let mut what = action.what.clone();
    let mut owner = action.owner.clone();
    let due_id = egui::Id::unique(("action-due", &action.id, &session.path));
    let mut due = ui
        .data_mut(|d| d.get_temp::<String>(due_id))
        .unwrap_or_else(|| action.due.to_string());
    let mut priority = action.priority;
    let focus = std::mem::take(&mut session.focus_action);
    egui::Grid::new("inspect-action")
        .num_columns(2)
        .show(ui, |ui| {
            let label = ui.label(t.what);
            let edit = ui
                .add(egui::TextEdit::singleline(&mut what).desired_width(ui.available_width()))
                .labelled_by(label.id);
            if focus {
                edit.request_focus();
            }
            ui.end_row();
            let label = ui.label(crate::core::i18n::texts(lang).owner);
            ui.add(egui::TextEdit::singleline(&mut owner).desired_width(200.0))
                .labelled_by(label.id);
            ui.end_row();
            let label = ui.label(t.due);
            ui.horizontal(|ui| {
                let edit = ui
                    .add(egui::TextEdit::singleline(&mut due).desired_width(110.0))
                    .labelled_by(label.id);
                if edit.changed() {
                    ui.data_mut(|d| d.insert_temp(due_id, due.clone()));
                }
                let label = ui.label(t.priority);
                egui::ComboBox::from_id_salt("inspect-action-priority")
                    .selected_text(priority.label(lang))
                    .show_ui(ui, |ui| {
                        for p in crate::core::inspection::actions::Priority::ALL {
                            ui.selectable_value(&mut priority, p, p.label(lang));
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.label(format!("{} · {}", action.id, action.status.label(lang)));
            });
            ui.end_row();
        });
    let parsed = due.trim().parse::<jiff::civil::Date>().ok();
    if what != action.what
        || owner != action.owner
        || priority != action.priority
        || parsed.is_some_and(|d| d != action.due)
    {
        session.change_action(|a| {
            a.what = what;
            a.owner = owner;
            a.priority = priority;
            if let Some(d) = parsed {
                a.due = d;
            }
        });
    }
}

/// "Keys: 1 Pass · 2 Fail … ", from the registry's inspect-mode bindings.
fn keys_hint(ctx: &egui::Context, lang: Language) -> String {
    let words = crate::core::i18n::words(lang);
    let parts: Vec<String> = BINDINGS
        .iter()
        .filter(|b| b.scope == Scope::Inspecting)
        .map(|b| {
            let keys: Vec<String> = b.keys.iter().map(|k| ctx.format_shortcut(k)).collect();
            let help = b.command.tooltip(words).unwrap_or_default();
            format!("{} {}", keys.join("/"), help)
        })
        .collect();
    format!("{}: {}", words.inspect.keys_label, parts.join(" · "))
}
