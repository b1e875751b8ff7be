//! The form that starts an inspection: site, inspector, the way of
//! checking, the contact points in scope and the record's file.

use std::path::Path;

use super::FAIL_COLOR;
use crate::core::i18n::InspectTexts;
use crate::core::inspection::{self, Inspection};
use crate::core::model::{Monitoring, StandardsSet};
use crate::core::storage::scan;
use crate::gui::state::Command;
use crate::gui::views::Cx;

/// The form that starts an inspection.
#[derive(Clone, Debug, PartialEq)]
pub struct StartForm {
    pub site: String,
    pub inspector: String,
    pub method: Monitoring,
    /// Contact points: (ID, name, inspected).
    pub scope: Vec<(String, String, bool)>,
    pub path: String,
    pub error: Option<String>,
    /// A follow-up visit: only these standards (those with open actions).
    pub only: Vec<String>,
}

impl StartForm {
    #[must_use]
    /// The form for `set` at `set_path`; a set never saved puts its records
    /// in `folder`. The record's name carries the date and time, and never
    /// names a file that exists.
    pub fn new(
        set: &StandardsSet,
        set_path: Option<&Path>,
        folder: &Path,
        now: jiff::civil::DateTime,
    ) -> Self {
        let name = scan::path_beside(
            &set.title,
            set_path,
            folder,
            &format!(
                "-{}{}",
                now.strftime("%Y-%m-%d-%H%M"),
                inspection::EXTENSION
            ),
        );
        Self {
            site: String::new(),
            inspector: String::new(),
            method: Monitoring::SupervisorPatrol,
            scope: set
                .contact_points
                .iter()
                .map(|c| (c.id.clone(), c.name.clone(), true))
                .collect(),
            path: scan::unique_path(&name, inspection::EXTENSION),
            error: None,
            only: Vec::new(),
        }
    }

    /// The record this form describes, stored at `path`.
    #[must_use]
    pub fn record(
        &self,
        set: &StandardsSet,
        set_path: Option<&Path>,
        path: &Path,
        when: jiff::civil::DateTime,
    ) -> Inspection {
        // A set never saved (the embedded sample) records no path: the record
        // then names the built-in template by its title.
        let mut record = Inspection::new(set, set_path, path, when);
        self.site.trim().clone_into(&mut record.site);
        self.inspector.trim().clone_into(&mut record.inspector);
        record.method = self.method;
        record.check_only(&self.only);
        if self.scope.iter().any(|(_, _, on)| !on) {
            record.scope = self
                .scope
                .iter()
                .filter(|(_, _, on)| *on)
                .map(|(id, _, _)| id.clone())
                .collect();
        }
        record
    }
}

pub(super) fn show(
    ui: &mut egui::Ui,
    cx: &mut Cx,
    start: &mut Option<StartForm>,
    set: &StandardsSet,
    t: &InspectTexts,
) {
    let lang = cx.lang;
    ui.set_max_width(720.0);
    // Started on a tablet too: touch-sized.
    ui.spacing_mut().interact_size.y = super::TOUCH;
    ui.heading(t.start_title);
    ui.label(t.start_intro);
    ui.add_space(8.0);
    ui.strong(&set.title);
    let Some(form) = start else {
        return;
    };
    let field = |ui: &mut egui::Ui, label: &str, value: &mut String| {
        let l = ui.label(label);
        ui.add(egui::TextEdit::singleline(value).desired_width(f32::INFINITY))
            .labelled_by(l.id);
    };
    field(ui, t.site, &mut form.site);
    field(ui, t.inspector, &mut form.inspector);
    // The "fill in both" message goes once both are filled.
    if form.error.as_deref() == Some(t.need_site_and_inspector)
        && !form.site.trim().is_empty()
        && !form.inspector.trim().is_empty()
    {
        form.error = None;
    }
    ui.label(t.method);
    ui.horizontal_wrapped(|ui| {
        for m in Monitoring::ALL {
            ui.radio_value(&mut form.method, m, m.label(lang));
        }
    });
    ui.add_space(4.0);
    ui.label(t.scope);
    for (id, name, on) in &mut form.scope {
        ui.checkbox(on, format!("{id} {name}"));
    }
    ui.add_space(4.0);
    field(ui, t.record_file, &mut form.path);
}

/// What the form asks of the auditor (the error, Start, Resume): kept in
/// a bottom panel, in view and within a thumb's reach however long the
/// list of contact points above is.
pub(super) fn buttons(ui: &mut egui::Ui, cx: &mut Cx, start: Option<&StartForm>) {
    ui.spacing_mut().interact_size.y = super::TOUCH;
    ui.add_space(6.0);
    if let Some(error) = start.and_then(|f| f.error.as_ref()) {
        ui.colored_label(FAIL_COLOR, error);
    }
    ui.horizontal(|ui| {
        cx.button(ui, Command::BeginInspection);
        cx.button(ui, Command::ResumeInspection);
    });
    ui.add_space(6.0);
}
