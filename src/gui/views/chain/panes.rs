//! The chain view's other panes: the standards failing most across the
//! chain, the quadrant of the chain or a region, and a site's visits with
//! the way into each visit's own results.

use crate::core::i18n::chain::ChainWords;
use crate::core::i18n::fill;
use crate::export::report::percent;
use crate::gui::state::Command;
use crate::gui::views::Cx;

use super::{ChainView, Page, left_cell, rate_color};

const ROW: f32 = 24.0;

pub(super) fn weakest(ui: &mut egui::Ui, view: &ChainView, w: &ChainWords) {
    ui.label(egui::RichText::new(w.weakest_hint).weak());
    let widths = [360.0, 150.0, 80.0, 100.0, 80.0];
    let header = [
        w.col_standard,
        w.col_contact_point,
        w.col_fail_rate,
        w.col_sites_failing,
        w.col_failures,
    ];
    egui::ScrollArea::horizontal()
        .id_salt("weakest-h")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                for (n, (label, width)) in header.iter().zip(widths).enumerate() {
                    let text = egui::RichText::new(*label).strong();
                    if n < 2 {
                        left_cell(ui, width, ROW, text);
                    } else {
                        ui.add_sized([width, ROW], egui::Label::new(text).truncate());
                    }
                }
            });
            ui.separator();
            let rows = &view.chain.weakest;
            egui::ScrollArea::vertical()
                .id_salt("weakest-rows")
                .auto_shrink([false, false])
                .show_rows(ui, ROW, rows.len(), |ui, range| {
                    for r in &rows[range] {
                        ui.horizontal(|ui| {
                            let star = if r.critical { "★ " } else { "" };
                            left_cell(ui, widths[0], ROW, format!("{star}{} {}", r.id, r.text))
                                .on_hover_text(&r.text);
                            left_cell(ui, widths[1], ROW, r.contact_point.as_str());
                            let fail_rate = r.tally.rate().map(|p| 1.0 - p);
                            ui.add_sized(
                                [widths[2], ROW],
                                egui::Label::new(
                                    egui::RichText::new(percent(fail_rate))
                                        .color(rate_color(r.tally.rate())),
                                ),
                            );
                            ui.add_sized(
                                [widths[3], ROW],
                                egui::Label::new(r.sites_failing.to_string()),
                            );
                            ui.add_sized(
                                [widths[4], ROW],
                                egui::Label::new(r.tally.failed.to_string()),
                            );
                        });
                    }
                });
        });
}

pub(super) fn quadrant(ui: &mut egui::Ui, view: &ChainView, w: &ChainWords, cx: &Cx) {
    let scope = view
        .region
        .clone()
        .unwrap_or_else(|| w.whole_chain.to_owned());
    ui.strong(fill(w.quadrant, &[("scope", &scope)]));
    egui::ScrollArea::vertical()
        .id_salt("chain-quadrant")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            crate::gui::views::quadrant::show(
                ui,
                &view.chain.quadrant,
                cx.inspect_texts(),
                cx.lang,
            );
        });
}

/// A site's visits in the period, newest first, each with its score and a
/// button into its own results.
pub(super) fn site(
    ui: &mut egui::Ui,
    cx: &mut Cx,
    view: &mut ChainView,
    row: usize,
    w: &ChainWords,
) {
    if ui.button(w.back).clicked() {
        view.page = Page::Chain;
        return;
    }
    let Some(site) = view.chain.sites.get(row) else {
        view.page = Page::Chain;
        return;
    };
    ui.heading(fill(w.visits_of, &[("site", &site.site.name)]));
    let facts: Vec<String> = [
        (w.col_region, site.site.region.as_str()),
        (w.col_manager, site.site.manager.as_str()),
    ]
    .iter()
    .filter(|(_, v)| !v.is_empty())
    .map(|(k, v)| format!("{k}: {v}"))
    .chain(site.site.groups.iter().map(|(k, v)| format!("{k}: {v}")))
    .collect();
    ui.label(facts.join(" · "));
    ui.add_space(6.0);
    let widths = [110.0, 150.0, 70.0, 200.0, 90.0];
    ui.horizontal(|ui| {
        for (label, width) in [w.col_date, w.col_inspector, w.col_score, w.col_result, ""]
            .iter()
            .zip(widths)
        {
            ui.add_sized(
                [width, ROW],
                egui::Label::new(egui::RichText::new(*label).strong()),
            );
        }
    });
    let mut open = None;
    egui::ScrollArea::vertical()
        .id_salt("site-visits")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for &n in site.visits.iter().rev() {
                let record = &view.records[n];
                let s = &record.scores;
                ui.horizontal(|ui| {
                    ui.add_sized(
                        [widths[0], ROW],
                        egui::Label::new(record.inspection.when.strftime("%Y-%m-%d").to_string()),
                    );
                    ui.add_sized(
                        [widths[1], ROW],
                        egui::Label::new(record.inspection.inspector.as_str()).truncate(),
                    );
                    ui.add_sized(
                        [widths[2], ROW],
                        egui::Label::new(
                            egui::RichText::new(percent(s.overall.rate()))
                                .color(rate_color(s.overall.rate())),
                        ),
                    );
                    ui.add_sized(
                        [widths[3], ROW],
                        egui::Label::new(s.result_cell(cx.lang)).truncate(),
                    );
                    let date = record.inspection.when.strftime("%Y-%m-%d").to_string();
                    let button = ui
                        .add_sized([widths[4], ROW], egui::Button::new(w.open_results))
                        .on_hover_text(format!("{} ({date})", w.open_results_tooltip));
                    if button.clicked() {
                        open = Some(n);
                    }
                });
            }
        });
    if let Some(n) = open {
        cx.run(Command::ChainVisit(n));
    }
}
