//! The actions view: every corrective action of the records beside the set,
//! filtered by status, owner, site, contact point and overdue, each one moved
//! along where it is (start, done with a note, verified, can't do with a
//! reason).

use crate::core::i18n::{aside, fill, messages};
use crate::core::inspection::actions::{Action, Status};
use crate::core::model::StandardsSet;
use crate::gui::app::actions::{self, Board};
use crate::gui::app::{Command, View};
use crate::gui::views::Cx;

const OVERDUE: egui::Color32 = egui::Color32::from_rgb(199, 48, 44);

/// What an action's row asks to do, applied after the list is drawn.
enum Change {
    Start,
    Done(String),
    Verify(String),
    CantDo(String),
}

fn filters(ui: &mut egui::Ui, cx: &Cx, board: &mut Board, set: &StandardsSet) {
    let t = &cx.texts().actions;
    let lang = cx.lang;
    let f = &mut board.filter;
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(t.status);
        egui::ComboBox::from_id_salt("action-status")
            .selected_text(f.status.map_or(t.all, |s| s.label(lang)))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut f.status, None, t.all);
                for s in Status::ALL {
                    ui.selectable_value(&mut f.status, Some(s), s.label(lang));
                }
            })
            .response
            .labelled_by(label.id);
        let label = ui.label(t.owner);
        ui.add(egui::TextEdit::singleline(&mut f.owner).desired_width(110.0))
            .labelled_by(label.id);
        let label = ui.label(t.site);
        ui.add(egui::TextEdit::singleline(&mut f.site).desired_width(110.0))
            .labelled_by(label.id);
        let label = ui.label(t.contact_point);
        let chosen = f
            .contact_point
            .as_ref()
            .and_then(|id| set.contact_points.iter().find(|c| &c.id == id))
            .map_or(t.all, |c| c.name.as_str());
        egui::ComboBox::from_id_salt("action-cp")
            .selected_text(chosen)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut f.contact_point, None, t.all);
                for cp in &set.contact_points {
                    ui.selectable_value(&mut f.contact_point, Some(cp.id.clone()), &cp.name);
                }
            })
            .response
            .labelled_by(label.id);
        ui.checkbox(&mut f.overdue_only, t.overdue_only);
    });
}

fn keeps(
    board: &Board,
    file: usize,
    a: &Action,
    set: &StandardsSet,
    today: jiff::civil::Date,
) -> bool {
    let f = &board.filter;
    let site = board.files[file]
        .record
        .as_ref()
        .map_or("", |r| r.site.as_str());
    let cp = set
        .standard(&a.standard)
        .map(|(at, _)| at.contact_point.id.as_str());
    f.status.is_none_or(|s| s == a.status)
        && (f.owner.trim().is_empty() || a.owner.contains(f.owner.trim()))
        && (f.site.trim().is_empty() || site.contains(f.site.trim()))
        && f.contact_point.as_deref().is_none_or(|id| cp == Some(id))
        && (!f.overdue_only || a.is_overdue(today))
}

pub fn show(ui: &mut egui::Ui, cx: &mut Cx, board: &mut Board, set: &StandardsSet) {
    let today = crate::core::dates::today();
    let lang = crate::core::i18n::for_set(cx.lang, set.language);
    egui::CentralPanel::default().show(ui, |ui| {
        let t = &cx.texts().actions;
        filters(ui, cx, board, set);
        if board.files.iter().any(|f| f.path.is_none()) {
            ui.label(egui::RichText::new(t.sample_note).weak());
        }
        for problem in &board.problems {
            ui.colored_label(OVERDUE, problem);
        }
        if let Some(error) = &board.save_error {
            ui.colored_label(OVERDUE, format!("{}: {error}", t.not_saved));
        }
        ui.horizontal_wrapped(|ui| {
            for site in board.sites_with_open() {
                if ui.button(fill(t.reinspect, &[("site", &site)])).clicked() {
                    cx.run(Command::ReinspectOpen(site));
                }
            }
        });
        ui.separator();
        let rows: Vec<(usize, Action)> = board
            .all()
            .into_iter()
            .filter(|(file, a)| keeps(board, *file, a, set, today))
            .map(|(file, a)| (file, a.clone()))
            .collect();
        if rows.is_empty() {
            ui.label(t.none);
        }
        let mut changes: Vec<(usize, String, Change)> = Vec::new();
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for (file, a) in &rows {
                    let record = board.files[*file].record.as_ref();
                    if let Some(change) =
                        row(ui, cx, a, record, set, lang, today, &mut board.verifier)
                    {
                        changes.push((*file, a.id.clone(), change));
                    }
                }
            });
        for (file, id, change) in changes {
            board.change(file, &id, |a| match change {
                Change::Start => actions::start(a),
                Change::Done(note) => actions::done(a, &note, today),
                Change::Verify(by) => actions::verify(a, &by, today),
                Change::CantDo(reason) => actions::cant_do(a, &reason),
            });
        }
    });
}

#[expect(
    clippy::too_many_arguments,
    reason = "an action and what it is shown with"
)]
fn row(
    ui: &mut egui::Ui,
    cx: &mut Cx,
    a: &Action,
    record: Option<&crate::core::inspection::Inspection>,
    set: &StandardsSet,
    lang: crate::core::model::Language,
    today: jiff::civil::Date,
    verifier: &mut String,
) -> Option<Change> {
    let t = &cx.texts().actions;
    let m = messages(lang);
    let mut change = None;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            ui.strong(&a.id);
            if let Some(r) = record {
                ui.label(format!("{} · {}", r.when.date(), r.site));
            }
            ui.separator();
            ui.label(a.status.label(lang));
            ui.separator();
            let due = format!("{} {}", t.due, a.due);
            if a.is_overdue(today) {
                ui.colored_label(OVERDUE, format!("{due}{}", aside(lang, m.action_words[1])));
            } else {
                ui.label(due);
            }
            ui.separator();
            ui.label(format!("{} {}", t.priority, a.priority.label(lang)));
            ui.separator();
            ui.label(format!("{} {}", t.owner, a.owner));
        });
        ui.label(&a.what);
        match set.standard(&a.standard) {
            Some((at, standard)) => {
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        egui::RichText::new(format!(
                            "{} · {} › {}",
                            standard.id, at.contact_point.name, standard.text
                        ))
                        .weak(),
                    );
                    if ui.small_button(t.show_standard).clicked() {
                        cx.run(Command::ShowView(View::Standards));
                        cx.run(Command::Select(standard.id.clone()));
                    }
                });
            }
            None => {
                ui.colored_label(
                    OVERDUE,
                    fill(
                        m.actions[2],
                        &[("action", &a.id), ("standard", &a.standard)],
                    ),
                );
            }
        }
        if let Some(done) = &a.done {
            let mut line = format!("{} {}", t.done, done.date);
            if !done.note.is_empty() {
                line = format!("{line} · {}", done.note);
            }
            if let Some(v) = &a.verified {
                line = format!("{line} · {} {} {}", t.verified_by, v.by, v.date);
            }
            ui.label(egui::RichText::new(line).weak());
        }
        if !a.reason.is_empty() {
            ui.label(egui::RichText::new(format!("{}: {}", t.reason, a.reason)).weak());
        }
        change = buttons(ui, t, a, verifier);
    });
    change
}

/// The ways on from the action's status; a note, a reason or who verifies
/// is typed in the row first.
fn buttons(
    ui: &mut egui::Ui,
    t: &crate::core::i18n::ActionTexts,
    a: &Action,
    verifier: &mut String,
) -> Option<Change> {
    let id = egui::Id::unique(("action-text", &a.id, a.due.to_string(), &a.standard));
    let mut text = ui.data_mut(|d| d.get_temp::<String>(id).unwrap_or_default());
    let mut change = None;
    ui.horizontal_wrapped(|ui| match a.status {
        Status::Open | Status::InProgress => {
            let label = ui.label(format!("{} / {}", t.note, t.reason));
            ui.add(egui::TextEdit::singleline(&mut text).desired_width(220.0))
                .labelled_by(label.id);
            if a.status == Status::Open && ui.button(t.start).clicked() {
                change = Some(Change::Start);
            }
            if ui.button(t.done).clicked() {
                change = Some(Change::Done(text.clone()));
            }
            if ui
                .add_enabled(!text.trim().is_empty(), egui::Button::new(t.cant_do))
                .clicked()
            {
                change = Some(Change::CantDo(text.clone()));
            }
        }
        Status::Done => {
            let label = ui.label(t.verified_by);
            ui.add(egui::TextEdit::singleline(verifier).desired_width(160.0))
                .labelled_by(label.id);
            if ui
                .add_enabled(!verifier.trim().is_empty(), egui::Button::new(t.verify))
                .clicked()
            {
                change = Some(Change::Verify(verifier.clone()));
            }
        }
        Status::Verified | Status::CantDo => {}
    });
    if change.is_some() {
        text.clear();
    }
    ui.data_mut(|d| d.insert_temp(id, text));
    change
}
