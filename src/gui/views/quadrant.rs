//! The importance × satisfaction quadrant of the results view: one marker
//! per factor (hollow where only the set's own score places it), the
//! method's four names, labels placed by `core::inspection::chart` so that
//! none covers a marker, a name, a split line or another label, a legend,
//! and the factor with its standards on hover.
#![expect(
    clippy::cast_possible_truncation,
    reason = "label boxes computed in f64, drawn in f32 screen points"
)]

use egui_plot::{HLine, Plot, PlotPoints, Points, Text, VLine};

use crate::core::i18n::InspectTexts;
use crate::core::inspection::FactorPoint;
use crate::core::inspection::chart::spread;
use crate::core::inspection::score::{IMPORTANT_FROM, Quadrant, SATISFIED_FROM};
use crate::export::report::percent;

/// The colour of a quadrant's markers and name.
#[must_use]
pub fn color(q: Quadrant) -> egui::Color32 {
    match q {
        Quadrant::FixFirst => egui::Color32::from_rgb(199, 48, 44),
        Quadrant::Strength => egui::Color32::from_rgb(40, 140, 84),
        Quadrant::LowPriority => egui::Color32::from_rgb(217, 140, 26),
        Quadrant::UnnecessaryStrength => egui::Color32::GRAY,
    }
}

/// The quadrant's colour, dark enough for its name to read on the panel.
fn quadrant_ink(q: Quadrant, dark: bool) -> egui::Color32 {
    let c = color(q);
    if dark {
        c.lerp_to_gamma(egui::Color32::WHITE, 0.25)
    } else {
        c.lerp_to_gamma(egui::Color32::BLACK, 0.3)
    }
}

const DOT_RADIUS: f32 = 5.0;
const NAME_SIZE: f32 = 15.0;
const LABEL_SIZE: f32 = 12.0;
/// The satisfaction axis runs past 100 % so that the many factors every
/// visit passes, all at 100 %, have room for labels on their right as well
/// as their left; the axis shows no figure past 100 %.
const X_MAX: f64 = 125.0;
/// The width a label may wrap to when it has no room on one line.
const WRAP_WIDTH: f32 = 96.0;

pub fn show(
    ui: &mut egui::Ui,
    points: &[FactorPoint],
    t: &InspectTexts,
    lang: crate::core::model::Language,
) {
    use crate::core::inspection::chart::{self, Marker};
    use crate::core::inspection::score::Source;
    let x_split = SATISFIED_FROM * 100.0;
    let y_split = f64::from(IMPORTANT_FROM) - 0.5;
    let offsets = spread(points);
    let at: Vec<[f64; 2]> = points
        .iter()
        .zip(&offsets)
        .map(|(p, o)| [p.satisfaction * 100.0, f64::from(p.importance) + o])
        .collect();
    let hover: Vec<String> = points
        .iter()
        .map(|p| {
            let standards: Vec<String> = p
                .standards
                .iter()
                .map(|(id, text)| format!("  {id} {text}"))
                .collect();
            let source = if p.source == Source::Set {
                format!("\n{}", crate::core::i18n::words(lang).vocab.point_from_set)
            } else {
                String::new()
            };
            format!(
                "{} {} ({})\n{} {} · {} {}{source}\n{}\n{}",
                p.id,
                p.name,
                p.contact_point,
                t.importance,
                p.importance,
                t.satisfaction,
                percent(Some(p.satisfaction)),
                p.quadrant.label(lang),
                standards.join("\n")
            )
        })
        .collect();
    // The axis name above the chart, upright: rotated, Chinese reads sideways.
    ui.label(egui::RichText::new(format!("↑ {}", t.importance)).weak());
    let dark = ui.visuals().dark_mode;
    // The names in the quadrants' outer corners: the right-hand ones end at
    // the axis' far edge, past 100 %, where no marker is; begun at the
    // split they ran over the column of factors every visit passes.
    let names = [
        (Quadrant::FixFirst, 2.0, 5.45, egui::Align2::LEFT_TOP),
        (
            Quadrant::Strength,
            X_MAX - 1.0,
            5.45,
            egui::Align2::RIGHT_TOP,
        ),
        (Quadrant::LowPriority, 2.0, 0.55, egui::Align2::LEFT_BOTTOM),
        (
            Quadrant::UnnecessaryStrength,
            X_MAX - 1.0,
            0.55,
            egui::Align2::RIGHT_BOTTOM,
        ),
    ];
    let response = Plot::new("quadrant")
        // A third of the screen at 1024 × 768 left the rest of the results
        // below the fold: under half the window's height.
        .height((ui.ctx().content_rect().height() * 0.45).clamp(300.0, 420.0))
        .width(ui.available_width().min(900.0))
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_x(0.0)
        .include_x(X_MAX)
        .include_y(0.5)
        .include_y(5.5)
        .x_axis_label(t.satisfaction)
        .x_axis_formatter(|mark, _| {
            if mark.value > 100.5 {
                String::new()
            } else {
                format!("{:.0}%", mark.value)
            }
        })
        .label_formatter(|_| None)
        .show(ui, |plot| {
            plot.vline(VLine::new("", x_split).color(egui::Color32::GRAY));
            plot.hline(HLine::new("", y_split).color(egui::Color32::GRAY));
            for (q, x, y, anchor) in names {
                plot.text(
                    Text::new(
                        "",
                        egui_plot::PlotPoint::new(x, y),
                        egui::RichText::new(q.label(lang))
                            .size(NAME_SIZE)
                            .strong()
                            .color(quadrant_ink(q, dark)),
                    )
                    .anchor(anchor),
                );
            }
            // Filled where satisfaction was measured, hollow where it is only
            // the set's own score.
            for q in Quadrant::ALL {
                for measured in [true, false] {
                    let mine: Vec<[f64; 2]> = points
                        .iter()
                        .zip(&at)
                        .filter(|(p, _)| p.quadrant == q && (p.source != Source::Set) == measured)
                        .map(|(_, a)| *a)
                        .collect();
                    if !mine.is_empty() {
                        plot.points(
                            Points::new(q.label(lang), PlotPoints::from(mine))
                                .radius(DOT_RADIUS)
                                .filled(measured)
                                .color(color(q)),
                        );
                    }
                }
            }
            plot.pointer_coordinate()
        });
    // Labels: names beside their markers where there is room, never on a
    // marker, a quadrant's name or another label; else the ID; else none
    // (the hover still names every factor).
    let transform = response.transform;
    let painter = ui.painter_at(response.response.rect);
    let ink = ui.visuals().text_color();
    let galley = |text: String, size: f32, color| {
        painter.layout_no_wrap(text, egui::FontId::proportional(size), color)
    };
    let screen = |x: f64, y: f64| transform.position_from_point(&egui_plot::PlotPoint::new(x, y));
    let keep_out: Vec<chart::Rect> = names
        .iter()
        .enumerate()
        .map(|(k, &(q, x, y, anchor))| {
            let size = galley(q.label(lang).to_owned(), NAME_SIZE, ink).size();
            let rect = anchor.anchor_size(screen(x, y), size);
            // Painted, so invisible to screen readers (and tests): a
            // labelled node where the name is.
            ui.interact(
                rect,
                ui.scope_id().with(("quadrant name", k)),
                egui::Sense::hover(),
            )
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, q.label(lang)));
            chart::Rect::new(
                f64::from(rect.left() - 2.0),
                f64::from(rect.top() - 2.0),
                f64::from(size.x + 4.0),
                f64::from(size.y + 4.0),
            )
        })
        .collect();
    // Each marker a node too, named by its factor (the plot's hover below
    // shows the factor with its standards).
    for (k, (a, text)) in at.iter().zip(&hover).enumerate() {
        let rect =
            egui::Rect::from_center_size(screen(a[0], a[1]), egui::Vec2::splat(2.0 * DOT_RADIUS));
        let name = text.lines().next().unwrap_or_default().to_owned();
        ui.interact(
            rect,
            ui.scope_id().with(("quadrant marker", k)),
            egui::Sense::hover(),
        )
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &name));
    }
    let frame = transform.frame();
    // The split lines too: a label across one reads as two.
    let mut keep_out = keep_out;
    let (split_x, split_y) = (screen(x_split, 0.0).x, screen(0.0, y_split).y);
    keep_out.push(chart::Rect::new(
        f64::from(split_x - 1.5),
        f64::from(frame.top()),
        3.0,
        f64::from(frame.height()),
    ));
    keep_out.push(chart::Rect::new(
        f64::from(frame.left()),
        f64::from(split_y - 1.5),
        f64::from(frame.width()),
        3.0,
    ));
    let bounds = chart::Rect::new(
        f64::from(frame.left()),
        f64::from(frame.top()),
        f64::from(frame.width()),
        f64::from(frame.height()),
    );
    let order = chart::label_order(points);
    let galleys = |text: &dyn Fn(&FactorPoint) -> String| -> Vec<std::sync::Arc<egui::Galley>> {
        order
            .iter()
            .map(|&i| galley(text(&points[i]), LABEL_SIZE, ink))
            .collect()
    };
    let markers = |galleys: &[std::sync::Arc<egui::Galley>]| -> Vec<Marker> {
        order
            .iter()
            .zip(galleys)
            .map(|(&i, g)| {
                let p = screen(at[i][0], at[i][1]);
                Marker {
                    x: f64::from(p.x),
                    y: f64::from(p.y),
                    label_w: f64::from(g.size().x),
                    label_h: f64::from(g.size().y),
                }
            })
            .collect()
    };
    let radius = f64::from(DOT_RADIUS + 1.0);
    let mut taken = keep_out;
    let name_galleys = galleys(&chart::label_text);
    let placed = chart::place_more(
        &markers(&name_galleys),
        radius,
        bounds,
        &mut taken,
        &vec![true; order.len()],
    );
    // A name with no room on one line gets two narrower ones before it
    // shrinks to its ID: long English names fit that way at 1024 px.
    let missing: Vec<bool> = placed.iter().map(Option::is_none).collect();
    let wrapped_galleys: Vec<std::sync::Arc<egui::Galley>> = order
        .iter()
        .map(|&i| {
            painter.layout(
                chart::label_text(&points[i]),
                egui::FontId::proportional(LABEL_SIZE),
                ink,
                WRAP_WIDTH,
            )
        })
        .collect();
    let placed_wrapped = chart::place_more(
        &markers(&wrapped_galleys),
        radius,
        bounds,
        &mut taken,
        &missing,
    );
    let missing: Vec<bool> = placed_wrapped
        .iter()
        .zip(&missing)
        .map(|(r, m)| *m && r.is_none())
        .collect();
    let id_galleys = galleys(&|p| p.id.clone());
    let placed_ids = chart::place_more(&markers(&id_galleys), radius, bounds, &mut taken, &missing);
    for k in 0..order.len() {
        let chosen = placed[k]
            .map(|r| (r, &name_galleys[k]))
            .or_else(|| placed_wrapped[k].map(|r| (r, &wrapped_galleys[k])))
            .or_else(|| placed_ids[k].map(|r| (r, &id_galleys[k])));
        if let Some((r, g)) = chosen {
            let at = egui::pos2(r.x as f32, r.y as f32);
            painter.galley(at, g.clone(), ink);
            // Painted text is invisible to screen readers: each label is
            // also a labelled node, as every other text of the window is.
            let rect = egui::Rect::from_min_size(at, g.size());
            let text = g.text().replace('\n', " ");
            // A label cut to its ID, or any other, names the factor in full
            // with its standards on hover.
            ui.interact(
                rect,
                ui.scope_id().with(("quadrant label", k)),
                egui::Sense::hover(),
            )
            .on_hover_text(hover[order[k]].as_str())
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &text));
        }
    }
    // The legend: what a filled and a hollow marker mean.
    let vocab = &crate::core::i18n::words(lang).vocab;
    ui.horizontal_wrapped(|ui| {
        for (filled, text) in [(true, vocab.point_measured), (false, vocab.point_from_set)] {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
            let color = ui.visuals().weak_text_color();
            if filled {
                ui.painter().circle_filled(rect.center(), DOT_RADIUS, color);
            } else {
                ui.painter().circle_stroke(
                    rect.center(),
                    DOT_RADIUS,
                    egui::Stroke::new(1.5, color),
                );
            }
            ui.label(egui::RichText::new(text).weak());
            ui.add_space(12.0);
        }
    });
    // Hover: the factor nearest the pointer, with its standards.
    if let Some(pointer) = response.inner
        && response.response.hovered()
    {
        let near = at
            .iter()
            .zip(&hover)
            .map(|(a, text)| {
                let dx = (a[0] - pointer.x) / 100.0;
                let dy = (a[1] - pointer.y) / 5.0;
                (dx * dx + dy * dy, text)
            })
            .min_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((d, text)) = near
            && d < 0.0025
        {
            response.response.on_hover_text_at_pointer(text.as_str());
        }
    }
}
