//! The findings panel: every validation and checker finding; a click selects the item.

use crate::core::check::Severity;
use crate::gui::state::{Command, Document};
use crate::gui::views::Cx;

/// Draws the findings of `doc`; `selected` is the ID of the selected item.
pub fn show(ui: &mut egui::Ui, cx: &mut Cx, doc: &mut Document, selected: Option<&str>) {
    let t = cx.texts();
    let lang = crate::core::i18n::for_set(cx.lang, doc.set().language);
    let today = crate::core::dates::today();
    let findings = doc.findings(today);
    // A seventh of the window's height, at most 140 points: at 1024 × 768
    // the panel took the room of the end of a standard's form.
    let height = (ui.available_height() / 7.0).clamp(72.0, 140.0);
    egui::Panel::bottom("findings")
        .resizable(true)
        .default_size(height)
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
                    for finding in findings {
                        let icon = match finding.severity {
                            Severity::Error => "■",
                            Severity::Warning => "▲",
                            Severity::Hint => "○",
                        };
                        let place = if finding.trail.is_empty() {
                            t.set_details.to_owned()
                        } else {
                            finding.trail.clone()
                        };
                        let text = format!("{icon} {} — {place}", finding.problem.message(lang));
                        let is_selected =
                            finding.item.is_some() && finding.item.as_deref() == selected;
                        if ui.selectable_label(is_selected, text).clicked() {
                            cx.run(match &finding.item {
                                Some(id) => Command::Select(id.clone()),
                                None => Command::SelectSet,
                            });
                        }
                    }
                });
        });
}
