//! The findings panel: every validation and checker finding; a click selects the item.

use crate::core::check::Severity;
use crate::gui::app::{Command, ServstdApp};

pub fn show(app: &mut ServstdApp, ui: &mut egui::Ui) {
    let t = app.texts();
    let lang = crate::core::i18n::for_set(app.state.ui_language, app.doc.set.language);
    let today = crate::core::dates::today();
    let findings = app.doc.findings(today).to_vec();
    egui::Panel::bottom("findings")
        .resizable(true)
        .default_size(140.0)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.strong(format!("{} ({})", t.findings, findings.len()));
            });
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    if findings.is_empty() {
                        ui.label(t.no_findings);
                    }
                    for finding in &findings {
                        let icon = match finding.severity {
                            Severity::Error => "■",
                            Severity::Warning => "▲",
                        };
                        let place = if finding.trail.is_empty() {
                            t.set_details.to_owned()
                        } else {
                            finding.trail.clone()
                        };
                        let text = format!("{icon} {} — {place}", finding.problem.message(lang));
                        let selected = finding.item.is_some() && finding.item == app.selected;
                        if ui.selectable_label(selected, text).clicked() {
                            match &finding.item {
                                Some(id) => app.run(Command::Select(id.clone())),
                                None => app.selected = None,
                            }
                        }
                    }
                });
        });
}
