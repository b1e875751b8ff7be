//! The summary shown when an inspection is finished, and the score header
//! it shares with the results view.

use super::{FAIL_COLOR, PARTIAL_COLOR, PASS_COLOR, Session};
use crate::core::i18n::InspectTexts;
use crate::core::inspection::{Scores, score};
use crate::core::model::{Language, StandardsSet};
use crate::gui::state::{Command, View};
use crate::gui::views::Cx;

/// The score in large type, coloured by the result, the result and the counts:
/// the head of the inspection summary and of the results view.
pub fn score_header(ui: &mut egui::Ui, s: &Scores, lang: Language) {
    let color = if s.passed() { PASS_COLOR } else { FAIL_COLOR };
    ui.horizontal(|ui| {
        ui.label(
            egui::RichText::new(crate::export::report::percent(s.overall.rate()))
                .size(32.0)
                .strong()
                .color(color),
        );
        ui.vertical(|ui| {
            ui.label(
                egui::RichText::new(s.result_text(lang))
                    .size(17.0)
                    .color(color),
            );
            ui.label(s.overall.summary(lang));
            if let Some(partial) = s.visit_text(lang) {
                ui.colored_label(PARTIAL_COLOR, partial);
            }
        });
    });
}

pub(super) fn show(
    ui: &mut egui::Ui,
    cx: &mut Cx,
    session: &mut Session,
    set: &StandardsSet,
    t: &InspectTexts,
) {
    let lang = cx.lang;
    let s = score(set, &session.record);
    ui.heading(t.summary);
    ui.label(format!(
        "{} · {} · {}",
        session.record.site,
        session.record.inspector,
        session.record.when.strftime("%Y-%m-%d %H:%M")
    ));
    ui.add_space(8.0);
    score_header(ui, &s, lang);
    ui.add_space(8.0);
    egui::Grid::new("summary-cps").striped(true).show(ui, |ui| {
        for g in &s.contact_points {
            ui.label(&g.name);
            ui.label(crate::export::report::percent(g.tally.rate()));
            ui.end_row();
        }
    });
    ui.add_space(8.0);
    ui.strong(t.failures);
    // The same failures, in scope and in the set's order, as results and the report.
    if s.failures.is_empty() {
        ui.label(t.no_failures);
    }
    let entries = session.record.entries();
    for (_, standard) in set
        .standards()
        .filter(|(_, st)| s.failures.contains(&st.id))
    {
        ui.label(format!("■ {} {}", standard.id, standard.text));
        if let Some(entry) = entries.get(standard.id.as_str())
            && !entry.note.is_empty()
        {
            ui.small(format!("    {}", entry.note));
        }
    }
    ui.add_space(10.0);
    ui.horizontal(|ui| {
        if ui.button(t.back_to_inspection).clicked() {
            session.finished = false;
        }
        if ui.button(t.show_results).clicked() {
            cx.run(Command::ShowView(View::Results));
        }
        cx.button(ui, Command::CloseInspection);
    });
}
