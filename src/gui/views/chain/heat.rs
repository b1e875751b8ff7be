//! The heat map of sites × contact points, coloured by pass rate (only the
//! rows in view drawn), and the page a cell opens: that site's failures at
//! that contact point in the period, newest visit first.

use crate::core::i18n::chain::ChainWords;
use crate::core::i18n::fill;
use crate::core::model::StandardsSet;
use crate::export::report::percent;

use super::{ChainView, Page, left_cell, rate_color};
use crate::gui::state::Command;
use crate::gui::views::Cx;

const ROW: f32 = 26.0;
const NAME: f32 = 190.0;
const CELL: f32 = 78.0;

pub(super) fn map(ui: &mut egui::Ui, view: &mut ChainView, w: &ChainWords) {
    ui.label(egui::RichText::new(w.heat_hint).weak());
    let mut open = None;
    egui::ScrollArea::horizontal()
        .id_salt("heat-h")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.add_space(NAME + ui.spacing().item_spacing.x);
                for (id, name) in &view.chain.contact_points {
                    ui.add_sized(
                        [CELL, ROW],
                        egui::Label::new(egui::RichText::new(name).strong()).truncate(),
                    )
                    .on_hover_text(format!("{id} {name}"));
                }
            });
            egui::ScrollArea::vertical()
                .id_salt("heat-rows")
                .auto_shrink([false, false])
                .show_rows(ui, ROW, view.shown.len(), |ui, range| {
                    for at in range {
                        let Some(&n) = view.shown.get(at) else {
                            continue;
                        };
                        let row = &view.chain.sites[n];
                        ui.horizontal(|ui| {
                            left_cell(ui, NAME, ROW, row.site.name.as_str());
                            for (col, tally) in row.heat.iter().enumerate() {
                                let cp = &view.chain.contact_points[col].1;
                                if cell(ui, &row.site.name, cp, tally.rate(), tally.failed) {
                                    open = Some((n, col));
                                }
                            }
                        });
                    }
                });
        });
    if let Some((row, col)) = open {
        view.page = Page::Failures(row, col);
    }
}

/// One cell: its colour and percentage, named for a screen reader as
/// "site · contact point: 83%"; true when clicked.
fn cell(ui: &mut egui::Ui, site: &str, cp: &str, rate: Option<f64>, failed: usize) -> bool {
    let (rect, response) =
        ui.allocate_exact_size(egui::vec2(CELL, ROW - 2.0), egui::Sense::click());
    let text = percent(rate);
    let label = format!("{site} · {cp}: {text}");
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
    if ui.is_rect_visible(rect) {
        let fill = if rate.is_some() {
            rate_color(rate)
        } else {
            ui.visuals().faint_bg_color
        };
        let painter = ui.painter();
        painter.rect_filled(rect.shrink(1.0), 3.0, fill);
        if response.hovered() {
            painter.rect_stroke(
                rect.shrink(1.0),
                3.0,
                egui::Stroke::new(2.0, ui.visuals().strong_text_color()),
                egui::StrokeKind::Inside,
            );
        }
        let color = if rate.is_some() {
            egui::Color32::WHITE
        } else {
            ui.visuals().weak_text_color()
        };
        painter.text(
            rect.center(),
            egui::Align2::CENTER_CENTER,
            &text,
            egui::FontId::proportional(13.0),
            color,
        );
    }
    let hover = if failed > 0 {
        format!("{label} ({failed} ✗)")
    } else {
        label
    };
    response.on_hover_text(hover).clicked() && failed > 0
}

pub(super) fn failures(
    ui: &mut egui::Ui,
    cx: &mut Cx,
    view: &mut ChainView,
    set: &StandardsSet,
    row: usize,
    col: usize,
    w: &ChainWords,
) {
    if ui.button(w.back).clicked() {
        view.page = Page::Chain;
        return;
    }
    let (Some(site), Some((cp_id, cp_name))) = (
        view.chain.sites.get(row),
        view.chain.contact_points.get(col),
    ) else {
        view.page = Page::Chain;
        return;
    };
    ui.heading(fill(
        w.failures_at,
        &[("site", &site.site.name), ("cp", cp_name)],
    ));
    let found = view.chain.failures_at(set, &view.records, row, cp_id);
    if found.is_empty() {
        ui.label(w.no_failures);
        return;
    }
    let texts: std::collections::HashMap<&str, (&str, bool)> = set
        .standards()
        .map(|(_, s)| (s.id.as_str(), (s.text.as_str(), s.critical)))
        .collect();
    let mut open = None;
    egui::ScrollArea::vertical()
        .id_salt("chain-failures")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let mut last = None;
            for (n, id) in &found {
                let record = &view.records[*n];
                if last != Some(*n) {
                    ui.add_space(6.0);
                    ui.horizontal(|ui| {
                        ui.strong(record.inspection.when.strftime("%Y-%m-%d").to_string());
                        ui.label(&record.inspection.inspector);
                        if let Some(short) = record.scores.visit_short(cx.lang) {
                            ui.weak(short);
                        }
                        if ui
                            .small_button(w.open_results)
                            .on_hover_text(w.open_results_tooltip)
                            .clicked()
                        {
                            open = Some(*n);
                        }
                    });
                    last = Some(*n);
                }
                let (text, critical) = texts.get(id.as_str()).copied().unwrap_or(("", false));
                let star = if critical { "★ " } else { "" };
                ui.label(format!("  {star}{id} {text}"));
                if let Some(note) = record.inspection.entry(id).map(|e| e.note.as_str())
                    && !note.is_empty()
                {
                    ui.label(egui::RichText::new(format!("      {note}")).weak());
                }
            }
        });
    if let Some(n) = open {
        cx.run(Command::ChainVisit(n));
    }
}
