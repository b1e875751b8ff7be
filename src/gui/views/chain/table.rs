//! The league table: one row per site, only the rows in view drawn, column
//! headings that sort, a sparkline of the last whole visits.

use crate::core::chain::{SiteRow, SortKey};
use crate::core::i18n::chain::ChainWords;
use crate::core::model::Language;
use crate::export::report::percent;

use super::{ChainView, Page, rate_color};

/// Row height, and the sparkline's size.
const ROW: f32 = 24.0;
const SPARK: egui::Vec2 = egui::vec2(96.0, 18.0);

/// The table's columns: what each shows, its width, and the key it sorts by.
fn columns(w: &ChainWords) -> [(&'static str, f32, Option<SortKey>); 10] {
    [
        (w.col_site, 170.0, Some(SortKey::Site)),
        (w.col_region, 64.0, Some(SortKey::Region)),
        (w.col_score, 60.0, Some(SortKey::Score)),
        (w.col_result, 150.0, None),
        (w.col_trend, SPARK.x + 8.0, None),
        (w.col_critical, 56.0, Some(SortKey::CriticalFailures)),
        (w.col_open, 84.0, Some(SortKey::OpenActions)),
        (w.col_overdue, 60.0, Some(SortKey::OverdueActions)),
        (w.col_days, 104.0, Some(SortKey::DaysSince)),
        (w.col_visits, 52.0, Some(SortKey::Visits)),
    ]
}

pub(super) fn league(ui: &mut egui::Ui, view: &mut ChainView, w: &ChainWords, lang: Language) {
    let mut columns = columns(w);
    // The site's name takes what room the window has beyond the numbers.
    let others: f32 = columns[1..].iter().map(|c| c.1).sum::<f32>()
        + ui.spacing().item_spacing.x * columns.len() as f32;
    columns[0].1 = (ui.available_width() - others - 24.0).clamp(columns[0].1, 360.0);
    let mut sort = None;
    let mut open = None;
    egui::ScrollArea::horizontal()
        .id_salt("league-h")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                for (label, width, key) in columns {
                    match key {
                        Some(key) => {
                            let arrow = match view.sort {
                                (k, true) if k == key => " ▼",
                                (k, false) if k == key => " ▲",
                                _ => "",
                            };
                            let button = egui::Button::new(
                                egui::RichText::new(format!("{label}{arrow}")).strong(),
                            )
                            .frame(false)
                            .truncate();
                            // The site's heading sits over its names, at the left.
                            let heading = if key == SortKey::Site {
                                ui.allocate_ui_with_layout(
                                    egui::vec2(width, ROW),
                                    egui::Layout::left_to_right(egui::Align::Center),
                                    |ui| {
                                        ui.set_min_width(width);
                                        ui.set_max_width(width);
                                        ui.add(button)
                                    },
                                )
                                .inner
                            } else {
                                ui.add_sized([width, ROW], button)
                            };
                            if heading.on_hover_text(w.sort_tooltip).clicked() {
                                sort = Some(key);
                            }
                        }
                        None => {
                            ui.add_sized(
                                [width, ROW],
                                egui::Label::new(egui::RichText::new(label).strong()).truncate(),
                            );
                        }
                    }
                }
            });
            ui.separator();
            let rows = view.shown.len();
            egui::ScrollArea::vertical()
                .id_salt("league-rows")
                .auto_shrink([false, false])
                .show_rows(ui, ROW, rows, |ui, range| {
                    for at in range {
                        let Some(&n) = view.shown.get(at) else {
                            continue;
                        };
                        let row = &view.chain.sites[n];
                        if line(ui, row, &view.records, &columns, w, lang) {
                            open = Some(n);
                        }
                    }
                });
        });
    if let Some(key) = sort {
        view.sort_by(key);
    }
    if let Some(n) = open {
        view.page = Page::Site(n);
    }
}

/// One site's row; true when its name was clicked.
fn line(
    ui: &mut egui::Ui,
    row: &SiteRow,
    records: &[crate::core::chain::Record],
    columns: &[(&'static str, f32, Option<SortKey>); 10],
    w: &ChainWords,
    lang: Language,
) -> bool {
    let mut clicked = false;
    ui.horizontal(|ui| {
        ui.set_height(ROW);
        let width = |n: usize| columns[n].1;
        let name = if row.registered {
            row.site.name.clone()
        } else {
            format!("{} ({})", row.site.name, w.unregistered)
        };
        // Names read from the left, as in a list.
        let link = ui
            .allocate_ui_with_layout(
                egui::vec2(width(0), ROW),
                egui::Layout::left_to_right(egui::Align::Center),
                |ui| {
                    ui.set_min_width(width(0));
                    ui.set_max_width(width(0));
                    ui.add(egui::Link::new(name))
                },
            )
            .inner;
        if link.on_hover_text(&row.site.id).clicked() {
            clicked = true;
        }
        cell(ui, width(1), &row.site.region, None);
        cell(
            ui,
            width(2),
            &percent(row.latest_rate),
            Some(rate_color(row.latest_rate)),
        );
        let result = row
            .latest
            .and_then(|n| records.get(n))
            .map(|r| r.scores.result_cell(lang))
            .unwrap_or_default();
        let result_color = row.latest_passed.map(|p| {
            if p {
                egui::Color32::from_rgb(40, 140, 84)
            } else {
                egui::Color32::from_rgb(199, 48, 44)
            }
        });
        cell(ui, width(3), &result, result_color);
        sparkline(ui, &row.trend, width(4));
        let count = |n: usize| if n == 0 { String::new() } else { n.to_string() };
        let warn = ui.visuals().error_fg_color;
        cell(ui, width(5), &count(row.critical_failures), Some(warn));
        cell(ui, width(6), &count(row.open_actions), None);
        cell(ui, width(7), &count(row.overdue_actions), Some(warn));
        let days = row
            .days_since
            .map_or_else(|| w.never.to_owned(), |d| d.to_string());
        cell(ui, width(8), &days, None);
        cell(ui, width(9), &row.visits.len().to_string(), None);
    });
    clicked
}

fn cell(ui: &mut egui::Ui, width: f32, text: &str, color: Option<egui::Color32>) {
    let mut rich = egui::RichText::new(text);
    if let Some(color) = color {
        rich = rich.color(color);
    }
    ui.add_sized([width, ROW], egui::Label::new(rich).truncate());
}

/// The last whole visits' scores as a small line, the pass mark dotted.
fn sparkline(ui: &mut egui::Ui, trend: &[f64], width: f32) {
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, ROW), egui::Sense::hover());
    let area = egui::Rect::from_center_size(rect.center(), SPARK);
    let painter = ui.painter_at(rect);
    let y = |rate: f64| {
        #[expect(clippy::cast_possible_truncation, reason = "a share in points")]
        let share = rate.clamp(0.5, 1.0) as f32;
        area.bottom() - (share - 0.5) / 0.5 * area.height()
    };
    let mark = y(crate::core::inspection::score::PASS_MARK);
    painter.line_segment(
        [
            egui::pos2(area.left(), mark),
            egui::pos2(area.right(), mark),
        ],
        egui::Stroke::new(1.0, ui.visuals().weak_text_color().gamma_multiply(0.5)),
    );
    let step = area.width() / (trend.len().max(2) - 1) as f32;
    let points: Vec<egui::Pos2> = trend
        .iter()
        .enumerate()
        .map(|(n, r)| egui::pos2(area.left() + n as f32 * step, y(*r)))
        .collect();
    if points.len() > 1 {
        painter.add(egui::Shape::line(
            points.clone(),
            egui::Stroke::new(1.5, ui.visuals().text_color()),
        ));
    }
    if let (Some(last), Some(rate)) = (points.last(), trend.last()) {
        painter.circle_filled(*last, 2.5, rate_color(Some(*rate)));
    }
    if !trend.is_empty() {
        let text: Vec<String> = trend.iter().map(|r| percent(Some(*r))).collect();
        response.on_hover_text(text.join(" → "));
    }
}
