//! The tabs under the menu bar that switch between standards, inspection,
//! results and actions, with the running inspection's progress beside them.

use super::Session;
use crate::gui::state::{Command, View};
use crate::gui::views::Cx;

/// The three tabs under the menu bar; `view` is the one shown.
pub fn show(ui: &mut egui::Ui, cx: &mut Cx, view: View, session: Option<&Session>) {
    let t = cx.inspect_texts();
    let current = view;
    egui::Panel::top("view-tabs").show(ui, |ui| {
        ui.horizontal(|ui| {
            for (view, label) in [
                (View::Standards, t.tab_standards),
                (View::Inspect, t.tab_inspect),
                (View::Results, t.tab_results),
                (View::Actions, cx.texts().actions.tab),
                (View::Chain, cx.words().chain.title),
            ] {
                if ui.selectable_label(current == view, label).clicked() && current != view {
                    cx.run(Command::ShowView(view));
                }
            }
            if let Some(session) = session {
                ui.separator();
                ui.label(format!(
                    "{} · {} · {}/{} {}",
                    session.record.site,
                    session.record.when.strftime("%Y-%m-%d %H:%M"),
                    session.answered(),
                    session.order.len(),
                    t.answered
                ));
            }
        });
    });
}
