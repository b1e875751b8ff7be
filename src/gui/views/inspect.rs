//! Inspect mode: the form that starts an inspection ([`form`]), then one
//! standard at a time with large Pass / Fail / N/A buttons (keys 1 / 2 / 3),
//! a note, a progress bar and the list of standards by contact point
//! ([`walk`], over the running [`session`]); Finish shows the [`summary`].
//! Also the [`tabs`] that switch between standards, inspection and results.

pub mod form;
pub mod session;
pub mod summary;
pub mod tabs;
mod walk;

use crate::core::model::StandardsSet;
use crate::gui::views::Cx;

pub use form::StartForm;
pub use session::{Earlier, Session};
pub use summary::score_header;

/// Touch-sized: at least 48 px high, as the platforms' guidelines ask, for
/// everything an auditor touches on a tablet (buttons, drop-downs, fields).
pub const TOUCH: f32 = 52.0;

const PASS_COLOR: egui::Color32 = egui::Color32::from_rgb(40, 140, 84);
const FAIL_COLOR: egui::Color32 = egui::Color32::from_rgb(199, 48, 44);
const PARTIAL_COLOR: egui::Color32 = egui::Color32::from_rgb(196, 120, 0);

/// Inspect mode's state: the inspection being carried out, or the form that
/// starts one while none runs.
#[derive(Debug, Default)]
pub struct Inspect {
    /// The inspection being carried out, if any.
    pub session: Option<Session>,
    /// The form that starts an inspection, while no session runs.
    pub start: Option<StartForm>,
}

impl Inspect {
    /// Inspect mode over `set`: the start form while no session runs, then
    /// the session, then its summary.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &mut Cx, set: &StandardsSet) {
        let t = cx.inspect_texts();
        let Some(session) = &mut self.session else {
            egui::Panel::bottom("inspect-start").show(ui, |ui| {
                form::buttons(ui, cx, self.start.as_ref());
            });
            egui::CentralPanel::default().show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .show(ui, |ui| form::show(ui, cx, &mut self.start, set, t));
            });
            return;
        };
        if session.finished {
            egui::CentralPanel::default().show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| summary::show(ui, cx, session, set, t));
            });
            return;
        }
        walk::show(ui, cx, session, set, t);
    }
}
