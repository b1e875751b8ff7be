//! The actions view: every corrective action of the records beside the set,
//! filtered by status, owner, site, contact point and overdue, each one moved
//! along where it is (start, done with a note and photos, verified, can't do
//! with a reason). Each row shows the failure's photos and the fix's as
//! thumbnails, and opens the verdict it came from.

use crate::core::i18n::{aside, fill, messages};
use crate::core::inspection::actions::{Action, Status};
use crate::core::model::StandardsSet;
use crate::gui::photos::Thumbs;
use crate::gui::state::{Command, PhotoFor, View};
use crate::gui::views::Cx;

pub mod board;

use board as actions;
pub use board::Board;

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
        let label = ui.label(cx.texts().owner);
        ui.add(egui::TextEdit::singleline(&mut f.owner).desired_width(110.0))
            .labelled_by(label.id);
        let label = ui.label(cx.inspect_texts().site);
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

impl Board {
    /// Draws the board: its filters, then the actions of the set's records.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &mut Cx, set: &StandardsSet) {
        show(ui, cx, self, set);
    }
}

fn show(ui: &mut egui::Ui, cx: &mut Cx, board: &mut Board, set: &StandardsSet) {
    let today = crate::core::dates::today();
    let lang = crate::core::i18n::for_set(cx.lang, set.language);
    egui::CentralPanel::default().show(ui, |ui| {
        // Actions are closed and verified on site, on a tablet too: every
        // button, field and filter here is touch-sized, as in Inspect.
        super::touch_sized(ui);
        let t = &cx.texts().actions;
        filters(ui, cx, board, set);
        if board.files.iter().any(|f| f.path.is_none()) {
            ui.label(egui::RichText::new(t.sample_note).weak());
        }
        for problem in board.problems.iter().chain(&board.photo_errors) {
            ui.colored_label(OVERDUE, problem);
        }
        if board.is_attaching() {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(t.storing);
            });
        }
        if let Some(error) = &board.save_error {
            ui.colored_label(
                OVERDUE,
                format!("{}: {error}", cx.inspect_texts().not_saved),
            );
        }
        ui.horizontal_wrapped(|ui| {
            for site in board.sites_with_open() {
                if ui.button(fill(t.reinspect, &[("site", &site)])).clicked() {
                    cx.run(Command::ReinspectOpen(site));
                }
            }
        });
        ui.separator();
        let rows: Vec<(usize, usize, Action)> = board
            .all()
            .into_iter()
            .filter(|(file, a)| keeps(board, *file, a, set, today))
            .map(|(file, a)| {
                let at = board.files[file]
                    .actions
                    .actions
                    .iter()
                    .position(|b| b.id == a.id)
                    .unwrap_or(0);
                (file, at, a.clone())
            })
            .collect();
        if rows.is_empty() {
            ui.label(t.none);
        }
        let mut changes: Vec<(usize, String, Change)> = Vec::new();
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for (file, at, a) in &rows {
                    let place = Place {
                        file: *file,
                        at: *at,
                        beside: board.files[*file].path.as_deref(),
                        record: board.files[*file].record.as_ref(),
                    };
                    let shown = Shown { set, lang, today };
                    if let Some(change) = row(
                        ui,
                        cx,
                        a,
                        &place,
                        &shown,
                        &mut board.thumbs,
                        &mut board.verifier,
                    ) {
                        changes.push((*file, a.id.clone(), change));
                    }
                }
            });
        for (file, id, change) in changes {
            match change {
                Change::Done(note) => board.mark_done(file, &id, &note, today),
                Change::Start => board.change(file, &id, actions::start),
                Change::Verify(by) => board.change(file, &id, |a| actions::verify(a, &by, today)),
                Change::CantDo(reason) => board.change(file, &id, |a| actions::cant_do(a, &reason)),
            }
        }
    });
}

/// Where an action's row is: its file on the board, its place in the file,
/// the actions file its photos are relative to (none for the embedded
/// sample's) and its record.
struct Place<'a> {
    file: usize,
    at: usize,
    beside: Option<&'a std::path::Path>,
    record: Option<&'a crate::core::inspection::Inspection>,
}

/// What every row is shown with.
struct Shown<'a> {
    set: &'a StandardsSet,
    lang: crate::core::model::Language,
    today: jiff::civil::Date,
}

/// A row of photos after a weak label, when there are any.
fn photo_line(
    ui: &mut egui::Ui,
    thumbs: &mut Thumbs,
    beside: Option<&std::path::Path>,
    label: &str,
    photos: &[String],
    note: Option<&str>,
) {
    if photos.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new(label).weak());
        super::thumbnails(ui, thumbs, beside, photos, 64.0);
        if let Some(note) = note {
            ui.label(egui::RichText::new(note).weak().italics());
        }
    });
}

fn row(
    ui: &mut egui::Ui,
    cx: &mut Cx,
    a: &Action,
    place: &Place<'_>,
    shown: &Shown<'_>,
    thumbs: &mut Thumbs,
    verifier: &mut String,
) -> Option<Change> {
    let (set, lang, today) = (shown.set, shown.lang, shown.today);
    let t = &cx.texts().actions;
    let m = messages(lang);
    let mut change = None;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            ui.strong(&a.id);
            if let Some(r) = place.record {
                ui.label(format!("{} · {}", r.when.date(), r.site));
            }
            ui.separator();
            ui.label(a.status.label(lang));
            ui.separator();
            let due = format!("{} {}", t.due, a.due);
            if a.is_overdue(today) {
                ui.colored_label(
                    OVERDUE,
                    format!("{due}{}", aside(lang, m.action_words.overdue)),
                );
            } else {
                ui.label(due);
            }
            ui.separator();
            ui.label(format!("{} {}", t.priority, a.priority.label(lang)));
            ui.separator();
            ui.label(format!("{} {}", cx.texts().owner, a.owner));
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
                    if ui.button(t.show_standard).clicked() {
                        cx.run(Command::ShowView(View::Standards));
                        cx.run(Command::Select(standard.id.clone()));
                    }
                    if place.beside.is_some() && ui.button(t.open_verdict).clicked() {
                        cx.run(Command::OpenVerdict(place.file, a.standard.clone()));
                    }
                });
            }
            None => {
                ui.colored_label(
                    OVERDUE,
                    fill(
                        m.action_problems.unknown_standard,
                        &[("action", &a.id), ("standard", &a.standard)],
                    ),
                );
            }
        }
        let failure: Vec<String> = place
            .record
            .and_then(|r| r.entry(&a.standard))
            .map(crate::core::inspection::Entry::images)
            .unwrap_or_default();
        // The record is beside its actions file: the same folder.
        let beside = place.beside;
        photo_line(ui, thumbs, beside, t.failure_photos, &failure, None);
        if let Some(done) = &a.done {
            let mut line = format!("{} {}", t.done, done.date);
            if !done.note.is_empty() {
                line = format!("{line} · {}", done.note);
            }
            if let Some(v) = &a.verified {
                line = format!("{line} · {} {} {}", t.verified_by, v.by, v.date);
            }
            ui.label(egui::RichText::new(line).weak());
            photo_line(ui, thumbs, beside, t.fix_photos, &done.photos, None);
        }
        let wait = Some(t.photos_wait);
        photo_line(ui, thumbs, beside, t.fix_photos, &a.photos, wait);
        if !a.reason.is_empty() {
            ui.label(egui::RichText::new(format!("{}: {}", t.reason, a.reason)).weak());
        }
        let (buttons_change, add_photos) = buttons(ui, t, a, place.beside.is_some(), verifier);
        change = buttons_change;
        if add_photos {
            cx.run(Command::AttachPhotos(PhotoFor::Action(
                place.file, place.at,
            )));
        }
    });
    change
}

/// The ways on from the action's status; a note, a reason or who verifies
/// is typed in the row first.
fn buttons(
    ui: &mut egui::Ui,
    t: &crate::core::i18n::ActionTexts,
    a: &Action,
    has_folder: bool,
    verifier: &mut String,
) -> (Option<Change>, bool) {
    let id = egui::Id::unique(("action-text", &a.id, a.due.to_string(), &a.standard));
    let mut text = ui.data_mut(|d| d.get_temp::<String>(id).unwrap_or_default());
    let mut change = None;
    let mut add_photos = false;
    let mut photos_button = |ui: &mut egui::Ui| {
        let button = ui.add_enabled(has_folder, egui::Button::new(t.add_photos));
        add_photos |= button.on_disabled_hover_text(t.photos_need_file).clicked();
    };
    ui.horizontal_wrapped(|ui| match a.status {
        Status::Open | Status::InProgress => {
            let label = ui.label(format!("{} / {}", t.note, t.reason));
            ui.add(egui::TextEdit::singleline(&mut text).desired_width(220.0))
                .labelled_by(label.id);
            if a.status == Status::Open && ui.button(t.start).clicked() {
                change = Some(Change::Start);
            }
            photos_button(ui);
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
            photos_button(ui);
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
    (change, add_photos)
}
