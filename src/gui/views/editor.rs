//! The editor of the selected item, with the method's guiding question and
//! hints for its level. The standard editor underlines vague words as you type.

use std::sync::Arc;

use egui::text::{LayoutJob, TextFormat};
use jiff::civil::Date;

use crate::core::check::{assess, assess_in};
use crate::core::i18n::Texts;
use crate::core::model::{
    Dimension, ItemMut, ItemPath, Language, SetWords, StandardKind, StandardsSet, Target,
};
use crate::gui::state::{Command, Document};
use crate::gui::views::Cx;

/// Draws the editor of the item at `selected` (the set's details for `None`).
/// The document takes a new revision only in a frame where a field changed.
pub fn show(ui: &mut egui::Ui, cx: &mut Cx, doc: &mut Document, selected: Option<ItemPath>) {
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                // An approved set shows who approved it and is read only
                // until a draft of the next revision is started.
                let locked = super::revisions::approved_banner(ui, cx, doc);
                // The editor uses the window's width: fields stretch, rows wrap.
                ui.add_enabled_ui(!locked, |ui| {
                    doc.edit(|set| {
                        let changed = match selected {
                            None => set_editor(cx, ui, set),
                            Some(path @ ItemPath::ContactPoint(..)) => {
                                contact_point_editor(cx, ui, set, path)
                            }
                            Some(path @ ItemPath::Step(..)) => step_editor(cx, ui, set, path),
                            Some(path @ ItemPath::Factor(..)) => factor_editor(cx, ui, set, path),
                            Some(path @ ItemPath::Standard(..)) => {
                                standard_editor(cx, ui, set, path)
                            }
                        };
                        ((), changed)
                    });
                });
                if selected.is_none() {
                    history(ui, cx, doc.set());
                }
                // The last field scrolls clear of the findings panel below.
                ui.add_space(16.0);
            });
    });
}

/// The set's approvals, newest first: read only, outside the locked editor.
fn history(ui: &mut egui::Ui, cx: &Cx, set: &StandardsSet) {
    if set.history.is_empty() {
        return;
    }
    let t = &cx.texts().revisions;
    ui.add_space(8.0);
    ui.strong(t.history);
    for r in set.history.iter().rev() {
        ui.label(crate::core::i18n::fill(
            t.history_line,
            &[
                ("revision", &r.revision),
                ("date", &r.date.to_string()),
                ("by", &r.approved_by),
                ("summary", &r.summary),
            ],
        ));
    }
}

/// A labelled text field whose label names it for screen readers and tests.
fn text_field(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut String,
    multiline: bool,
) -> egui::Response {
    let label = ui.label(label);
    let edit = if multiline {
        egui::TextEdit::multiline(value).desired_rows(2)
    } else {
        egui::TextEdit::singleline(value)
    };
    ui.add(edit.desired_width(f32::INFINITY))
        .labelled_by(label.id)
}

fn question(ui: &mut egui::Ui, text: &str) {
    egui::Frame::group(ui.style())
        .fill(ui.visuals().faint_bg_color)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(egui::RichText::new(text).strong());
        });
    ui.add_space(6.0);
}

/// A date typed as YYYY-MM-DD; a partly typed date is kept until it parses.
fn date_field(ui: &mut egui::Ui, t: &Texts, label: &str, date: &mut Option<Date>) {
    let id = ui.make_persistent_id(("date", label));
    let mut buffer: String = ui
        .data_mut(|d| d.get_temp::<String>(id))
        .unwrap_or_else(|| date.map(|d| d.to_string()).unwrap_or_default());
    ui.horizontal(|ui| {
        let label = ui.label(label);
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut buffer)
                    .hint_text(t.date_hint)
                    // Wide enough for its hint in every language.
                    .desired_width(180.0),
            )
            .labelled_by(label.id);
        let parsed = if buffer.trim().is_empty() {
            Ok(None)
        } else {
            buffer.trim().parse::<Date>().map(Some)
        };
        match parsed {
            Ok(value) => {
                if response.changed() {
                    *date = value;
                }
                if response.has_focus() {
                    ui.data_mut(|d| d.insert_temp(id, buffer.clone()));
                } else {
                    ui.data_mut(|d| d.remove::<String>(id));
                }
            }
            Err(_) => {
                ui.data_mut(|d| d.insert_temp(id, buffer.clone()));
                ui.colored_label(ui.visuals().error_fg_color, t.bad_date);
            }
        }
    });
}

/// The set's own fields; returns whether one changed.
fn set_editor(cx: &Cx, ui: &mut egui::Ui, set: &mut StandardsSet) -> bool {
    let t = cx.texts();
    ui.heading(t.set_details);
    question(ui, t.q_contact_points);
    // The journey is not edited here: set it aside so that comparing the
    // fields before and after costs a few strings, not the whole set.
    let journey = std::mem::take(&mut set.contact_points);
    let before = set.clone();
    text_field(ui, t.title, &mut set.title, false);
    text_field(ui, t.organisation, &mut set.organisation, false);
    ui.horizontal_wrapped(|ui| {
        ui.label(t.set_language);
        for lang in Language::ALL {
            ui.radio_value(&mut set.language, lang, lang.native_name());
        }
    });
    egui::Grid::new("set-grid").num_columns(2).show(ui, |ui| {
        let label = ui.label(t.revision);
        ui.text_edit_singleline(&mut set.revision)
            .labelled_by(label.id);
        ui.end_row();
        let label = ui.label(t.owner);
        ui.text_edit_singleline(&mut set.owner)
            .labelled_by(label.id);
        ui.end_row();
        let label = ui.label(t.approved_by);
        ui.text_edit_singleline(&mut set.approved_by)
            .labelled_by(label.id);
        ui.end_row();
    });
    date_field(ui, t, t.effective, &mut set.effective);
    date_field(ui, t, t.next_review, &mut set.next_review);
    text_field(ui, t.journey_description, &mut set.journey, true);
    ui.add_space(8.0);
    ui.label(t.select_hint);
    let changed = *set != before;
    set.contact_points = journey;
    changed
}

fn contact_point_editor(
    cx: &mut Cx,
    ui: &mut egui::Ui,
    set: &mut StandardsSet,
    path: ItemPath,
) -> bool {
    let t = cx.texts();
    let Some(ItemMut::ContactPoint(cp)) = set.item_mut(path) else {
        return false;
    };
    question(ui, t.q_contact_points);
    let before = (cp.name.clone(), cp.description.clone());
    ui.label(egui::RichText::new(&cp.id).weak());
    text_field(ui, t.name, &mut cp.name, false);
    text_field(ui, t.description, &mut cp.description, true);
    ui.add_space(8.0);
    question(ui, t.q_steps);
    let mut go = None;
    for (i, step) in cp.steps.iter().enumerate() {
        if ui.link(format!("{}. {}", i + 1, step.name)).clicked() {
            go = Some(step.id.clone());
        }
    }
    if let Some(id) = go {
        cx.run(Command::Select(id));
    }
    if ui.button(format!("＋ {}", t.add_step)).clicked() {
        cx.run(Command::AddChild);
    }
    (cp.name.as_str(), cp.description.as_str()) != (before.0.as_str(), before.1.as_str())
}

fn step_editor(cx: &mut Cx, ui: &mut egui::Ui, set: &mut StandardsSet, path: ItemPath) -> bool {
    let t = cx.texts();
    let Some(ItemMut::Step(step)) = set.item_mut(path) else {
        return false;
    };
    question(ui, t.q_steps);
    let before = step.name.clone();
    ui.label(egui::RichText::new(&step.id).weak());
    text_field(ui, t.name, &mut step.name, false);
    ui.add_space(8.0);
    question(ui, t.q_factors);
    let mut go = None;
    for factor in &step.factors {
        if ui.link(format!("• {}", factor.name)).clicked() {
            go = Some(factor.id.clone());
        }
    }
    if let Some(id) = go {
        cx.run(Command::Select(id));
    }
    if ui.button(format!("＋ {}", t.add_factor)).clicked() {
        cx.run(Command::AddChild);
    }
    step.name != before
}

fn factor_editor(cx: &mut Cx, ui: &mut egui::Ui, set: &mut StandardsSet, path: ItemPath) -> bool {
    let t = cx.texts();
    let Some(ItemMut::Factor(factor)) = set.item_mut(path) else {
        return false;
    };
    question(ui, t.q_factors);
    let standards = std::mem::take(&mut factor.standards);
    let before = factor.clone();
    ui.label(egui::RichText::new(&factor.id).weak());
    text_field(ui, t.name, &mut factor.name, false);
    text_field(ui, t.why, &mut factor.why, true);
    ui.horizontal(|ui| {
        ui.label(t.importance);
        ui.add(egui::Slider::new(&mut factor.importance, 1..=5));
    });
    ui.horizontal(|ui| {
        let mut measured = factor.satisfaction.is_some();
        ui.checkbox(&mut measured, t.satisfaction);
        if measured {
            let value = factor.satisfaction.get_or_insert(3);
            ui.add(egui::Slider::new(value, 1..=5));
        } else {
            factor.satisfaction = None;
            ui.label(egui::RichText::new(t.not_measured).weak());
        }
    });
    ui.collapsing(t.approachability, |ui| {
        for item in t.approachability_list {
            ui.label(format!("• {item}"));
        }
    });
    ui.collapsing(t.staff_skills, |ui| {
        for item in t.staff_skills_list {
            ui.label(format!("• {item}"));
        }
    });
    let changed = *factor != before;
    factor.standards = standards;
    ui.add_space(8.0);
    question(ui, t.q_standards);
    let mut go = None;
    for standard in &factor.standards {
        let mark = if assess(&standard.text).is_measurable() {
            "✓"
        } else {
            "▲"
        };
        if ui.link(format!("{mark} {}", standard.text)).clicked() {
            go = Some(standard.id.clone());
        }
    }
    if let Some(id) = go {
        cx.run(Command::Select(id));
    }
    if ui.button(format!("＋ {}", t.add_standard)).clicked() {
        cx.run(Command::AddChild);
    }
    changed
}

/// Lays out a standard's text with its vague words underlined in red.
fn underline_vague(
    ui: &egui::Ui,
    words: &SetWords,
    text: &str,
    wrap_width: f32,
) -> Arc<egui::Galley> {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let color = ui.visuals().text_color();
    let warn = ui.visuals().error_fg_color;
    let plain = TextFormat::simple(font.clone(), color);
    let flagged = TextFormat {
        underline: egui::Stroke::new(2.0, warn),
        color: warn,
        ..TextFormat::simple(font, color)
    };
    let mut job = LayoutJob::default();
    let mut at = 0;
    // Only the words no criterion states: 及时 in 「及时，2小时内」 is not underlined.
    for word in assess_in(words, text).ungoverned() {
        if word.range.start < at {
            continue;
        }
        job.append(&text[at..word.range.start], 0.0, plain.clone());
        job.append(&text[word.range.clone()], 0.0, flagged.clone());
        at = word.range.end;
    }
    job.append(&text[at..], 0.0, plain);
    job.wrap.max_width = wrap_width;
    ui.fonts_mut(|f| f.layout_job(job))
}

/// A vague standard accepted as it is: the reason and a way to take it
/// back; not accepted: "this is fine here…", a field for the reason and
/// the button that accepts it (the manual's appendix lists the exception).
fn exception(ui: &mut egui::Ui, accepted: &mut Option<String>, lang: Language) {
    let m = &crate::core::i18n::messages(lang).rewrite;
    if let Some(reason) = accepted.clone() {
        ui.horizontal_wrapped(|ui| {
            let said = crate::core::i18n::fill(m.accepted, &[("reason", &reason)]);
            ui.label(egui::RichText::new(format!("○ {said}")).weak());
            if ui.button(m.withdraw).clicked() {
                *accepted = None;
            }
        });
        return;
    }
    egui::CollapsingHeader::new(m.fine_here)
        .id_salt("fine-here")
        .show(ui, |ui| {
            let id = ui.scope_id().with("reason");
            let mut reason: String = ui.data_mut(|d| d.get_temp(id).unwrap_or_default());
            ui.horizontal_wrapped(|ui| {
                let label = ui.label(m.reason);
                ui.add(egui::TextEdit::singleline(&mut reason).desired_width(320.0))
                    .labelled_by(label.id);
                let ready = !reason.trim().is_empty();
                if ui.add_enabled(ready, egui::Button::new(m.accept)).clicked() {
                    *accepted = Some(reason.trim().to_owned());
                    reason.clear();
                }
            });
            ui.data_mut(|d| d.insert_temp(id, reason));
        });
}

fn standard_editor(cx: &Cx, ui: &mut egui::Ui, set: &mut StandardsSet, path: ItemPath) -> bool {
    let t = cx.texts();
    let lang = crate::core::i18n::for_set(cx.lang, set.language);
    let set_lang = set.language;
    let set_words = set.words.clone();
    let Some(ItemMut::Standard(standard)) = set.item_mut(path) else {
        return false;
    };
    question(ui, t.q_standards);
    let before = standard.clone();
    ui.label(egui::RichText::new(&standard.id).weak());

    ui.horizontal_wrapped(|ui| {
        ui.label(t.kind);
        for kind in StandardKind::ALL {
            ui.selectable_value(&mut standard.kind, kind, kind.label(lang))
                .on_hover_text(kind.meaning(lang));
        }
    });
    ui.label(egui::RichText::new(standard.kind.meaning(lang)).weak());

    let label = ui.label(t.text);
    let mut layouter = |ui: &egui::Ui, buf: &dyn egui::TextBuffer, wrap: f32| {
        underline_vague(ui, &set_words, buf.as_str(), wrap)
    };
    let edit = ui
        .add(
            egui::TextEdit::multiline(&mut standard.text)
                .desired_rows(2)
                .desired_width(f32::INFINITY)
                .layouter(&mut layouter),
        )
        .labelled_by(label.id);
    let assessment = assess_in(&set_words, &standard.text);
    match &assessment.vagueness {
        Some(_) if standard.accepted.is_some() => {
            exception(ui, &mut standard.accepted, lang);
        }
        Some(vagueness) => {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!("▲ {}", vagueness.message(lang)),
            );
            let kind = Some(standard.kind);
            super::rewrite::offer(ui, &mut standard.text, edit.id, set_lang, kind, lang);
            exception(ui, &mut standard.accepted, lang);
        }
        None => {
            let text = match assessment.criterion() {
                Some(criterion) => format!(
                    "✓ {} {}",
                    t.measurable,
                    crate::core::i18n::fill(
                        t.quoted,
                        &[("text", crate::core::check::shown(criterion))]
                    )
                ),
                None => format!("✓ {}", crate::core::i18n::messages(lang).measurable_plain),
            };
            ui.colored_label(egui::Color32::from_rgb(0x2e, 0x8b, 0x57), text);
        }
    }
    let reading = crate::core::check::reading_in(&set_words, standard, lang);
    if !reading.is_empty() {
        // Open at first, so that a read-only (approved) set shows it too.
        egui::CollapsingHeader::new(t.checker_reading)
            .id_salt("checker-reading")
            .default_open(true)
            .show(ui, |ui| {
                for line in reading {
                    ui.label(egui::RichText::new(format!("• {line}")).weak());
                }
            });
    }
    ui.add_space(6.0);

    ui.horizontal_wrapped(|ui| {
        let mut has_target = standard.target.is_some();
        if ui.checkbox(&mut has_target, t.target).changed() {
            standard.target = has_target.then(|| Target {
                value: 0.0,
                unit: String::new(),
            });
        }
        match &mut standard.target {
            Some(target) => {
                let label = ui.label(t.target_value);
                ui.add(egui::DragValue::new(&mut target.value).speed(1.0))
                    .labelled_by(label.id);
                let label = ui.label(t.target_unit);
                ui.add(egui::TextEdit::singleline(&mut target.unit).desired_width(80.0))
                    .labelled_by(label.id);
            }
            None => {
                ui.label(egui::RichText::new(t.no_target).weak());
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(t.monitoring);
        super::monitoring_checkboxes(ui, &mut standard.monitoring, lang);
    });
    egui::Grid::new("standard-grid")
        .num_columns(2)
        .show(ui, |ui| {
            let label = ui.label(t.owner_role);
            ui.text_edit_singleline(&mut standard.owner_role)
                .labelled_by(label.id);
            ui.end_row();
        });
    ui.checkbox(&mut standard.critical, t.critical)
        .on_hover_text(t.critical_hint);
    ui.label(t.dimensions);
    ui.horizontal_wrapped(|ui| {
        for dimension in Dimension::ALL {
            let mut on = standard.dimensions.contains(&dimension);
            if ui.toggle_value(&mut on, dimension.label(lang)).changed() {
                if on {
                    standard.dimensions.push(dimension);
                    standard.dimensions.sort();
                } else {
                    standard.dimensions.retain(|d| *d != dimension);
                }
            }
        }
    });
    let mut rationale = standard.rationale.clone().unwrap_or_default();
    if text_field(ui, t.rationale, &mut rationale, true).changed() {
        standard.rationale = (!rationale.trim().is_empty()).then_some(rationale);
    }
    date_field(ui, t, t.review, &mut standard.review);
    ui.add_space(8.0);
    ui.collapsing(t.seven_aspects, |ui| {
        for item in t.seven_aspects_list {
            ui.label(format!("• {item}"));
        }
    });
    ui.collapsing(t.kinds_meaning, |ui| {
        for kind in StandardKind::ALL {
            ui.label(format!("• {}: {}", kind.label(lang), kind.meaning(lang)));
        }
    });
    *standard != before
}
