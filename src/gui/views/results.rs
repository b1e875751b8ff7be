//! The results view: pass rate per contact point (bars), the trend across
//! inspections of the set (line), the importance × satisfaction quadrant
//! (scatter; hover names the factor and its standards), the failures with
//! notes and the standards whose review is due.
#![expect(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "axis marks and shares in chart coordinates, rounded and checked non-negative"
)]

use egui_plot::{Bar, BarChart, HLine, Line, MarkerShape, Plot, PlotPoints, Points, Text, VLine};

use crate::core::i18n::InspectTexts;
use crate::core::inspection::FactorPoint;
use crate::core::inspection::score::{IMPORTANT_FROM, PASS_MARK, Quadrant, SATISFIED_FROM, spread};
use crate::export::report::percent;
use crate::gui::app::{Command, Document, Results};
use crate::gui::views::Cx;

fn quadrant_color(q: Quadrant) -> egui::Color32 {
    match q {
        Quadrant::FixFirst => egui::Color32::from_rgb(199, 48, 44),
        Quadrant::Strength => egui::Color32::from_rgb(40, 140, 84),
        Quadrant::LowPriority => egui::Color32::from_rgb(217, 140, 26),
        Quadrant::UnnecessaryStrength => egui::Color32::GRAY,
    }
}

/// Draws `results` of the set of `doc`.
pub fn show(ui: &mut egui::Ui, cx: &mut Cx, results: &mut Results, doc: &Document) {
    let t = cx.inspect_texts();
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| body(ui, cx, results, doc, t));
    });
}

fn body(ui: &mut egui::Ui, cx: &mut Cx, results: &mut Results, doc: &Document, t: &InspectTexts) {
    let lang = cx.lang;
    ui.horizontal_wrapped(|ui| {
        if ui.button(t.new_inspection).clicked() {
            cx.run(Command::StartInspection);
        }
        if ui.button(t.add_inspection).clicked() {
            cx.run(Command::AddInspection);
        }
        if ui.button(t.import_survey).clicked() {
            cx.run(Command::ImportSurvey);
        }
        let any = !results.inspections.is_empty();
        if ui.add_enabled(any, egui::Button::new(t.report)).clicked() {
            cx.run(Command::Report);
        }
    });
    if let Some(file) = &results.survey_file {
        ui.small(format!("{} {}", t.survey_from, file.display()));
    }
    if !results.problems.is_empty() {
        ui.colored_label(quadrant_color(Quadrant::FixFirst), t.unreadable_records);
        for p in &results.problems {
            ui.small(p);
        }
    }
    ui.separator();
    if results.gathering() {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(t.reading_records);
        });
        return;
    }
    if results.inspections.is_empty() {
        ui.label(t.no_inspections);
        review_due(ui, doc.set(), t);
        return;
    }
    results.compute(doc.set(), doc.revision());
    let Some(computed) = results.computed() else {
        return;
    };
    // Which inspection the bars and failures show.
    let labels: Vec<String> = results
        .inspections
        .iter()
        .zip(&computed.scores)
        .map(|((_, i), s)| {
            let partial = if s.partial() {
                crate::core::i18n::aside(lang, crate::core::i18n::words(lang).vocab.partial_short)
            } else {
                String::new()
            };
            format!(
                "{} · {} · {} · {}{partial}",
                i.when.strftime("%Y-%m-%d %H:%M"),
                i.site,
                i.inspector,
                percent(s.overall.rate())
            )
        })
        .collect();
    let mut selected = results.selected.min(labels.len() - 1);
    ui.horizontal(|ui| {
        let l = ui.label(t.inspection);
        egui::ComboBox::from_id_salt("inspection-choice")
            .selected_text(labels[selected].clone())
            .width(420.0)
            .show_ui(ui, |ui| {
                for (i, label) in labels.iter().enumerate() {
                    ui.selectable_value(&mut selected, i, label);
                }
            })
            .response
            .labelled_by(l.id);
    });
    let s = &computed.scores[results.selected.min(labels.len() - 1)];
    crate::gui::views::inspect::score_header(ui, s, lang);
    ui.add_space(6.0);

    let width = ui.available_width();
    let half = ((width - 16.0) / 2.0).max(320.0);
    let (trend, left_out) = crate::core::inspection::score::trend(
        results
            .inspections
            .iter()
            .zip(&computed.scores)
            .map(|((_, i), s)| (i.when.strftime("%m-%d").to_string(), s)),
    );
    ui.horizontal_top(|ui| {
        ui.vertical(|ui| {
            ui.set_width(half);
            ui.strong(t.pass_rate_by_cp);
            bars(ui, s, t, half);
        });
        ui.vertical(|ui| {
            ui.set_width(half);
            ui.strong(t.trend);
            trend_chart(ui, &trend, results.selected, t, half);
            if !left_out.is_empty() {
                let vocab = &crate::core::i18n::words(lang).vocab;
                let sep = crate::core::i18n::report_words(lang).list_separator;
                ui.label(
                    egui::RichText::new(crate::core::i18n::fill(
                        vocab.trend_leaves_out,
                        &[("dates", &left_out.join(sep))],
                    ))
                    .weak(),
                );
            }
        });
    });
    ui.add_space(8.0);
    ui.strong(t.quadrant);
    quadrant(ui, &computed.points, t, lang);
    ui.add_space(8.0);

    ui.strong(t.failures);
    if computed.failed.is_empty() {
        ui.label(t.no_failures);
    }
    let mut select = None;
    for f in &computed.failed {
        ui.horizontal_wrapped(|ui| {
            let star = if f.critical { "★ " } else { "" };
            if ui.link(format!("{star}{} {}", f.id, f.text)).clicked() {
                select = Some(f.id.clone());
            }
            ui.small(format!("({})", f.contact_point));
        });
        if !f.note.is_empty() {
            ui.small(format!("    {}", f.note));
        }
    }
    results.select(selected);
    if let Some(id) = select {
        cx.run(Command::ShowView(crate::gui::app::View::Standards));
        cx.run(Command::Select(id));
    }
    ui.add_space(8.0);
    review_due(ui, doc.set(), t);
}

fn bars(ui: &mut egui::Ui, s: &crate::core::inspection::Scores, t: &InspectTexts, width: f32) {
    let n = s.contact_points.len();
    let names: Vec<String> = s.contact_points.iter().map(|g| g.name.clone()).collect();
    let chart = BarChart::new(
        t.pass_rate_by_cp,
        s.contact_points
            .iter()
            .enumerate()
            .map(|(i, g)| {
                let rate = g.tally.rate().unwrap_or(0.0) * 100.0;
                let fill = if g.tally.rate().is_some_and(|r| r >= PASS_MARK) {
                    quadrant_color(Quadrant::Strength)
                } else {
                    quadrant_color(Quadrant::FixFirst)
                };
                // Top to bottom in journey order.
                Bar::new((n - 1 - i) as f64, rate)
                    .name(format!("{} {}", g.name, percent(g.tally.rate())))
                    .fill(fill)
                    .width(0.7)
            })
            .collect(),
    )
    .horizontal();
    Plot::new("bars")
        .height(30.0 * n as f32 + 40.0)
        .width(width)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_x(0.0)
        .include_x(100.0)
        .show_y(false)
        .y_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() > 0.01 || i < 0.0 {
                return String::new();
            }
            names
                .get(n.wrapping_sub(1).wrapping_sub(i as usize))
                .cloned()
                .unwrap_or_default()
        })
        .x_axis_formatter(|mark, _| format!("{:.0}%", mark.value))
        .show(ui, |plot| {
            plot.bar_chart(chart);
            plot.vline(
                VLine::new(t.pass_mark, PASS_MARK * 100.0)
                    .color(quadrant_color(Quadrant::LowPriority)),
            );
        });
}

fn trend_chart(
    ui: &mut egui::Ui,
    points: &[(String, Option<f64>)],
    selected: usize,
    t: &InspectTexts,
    width: f32,
) {
    let dates: Vec<String> = points.iter().map(|(d, _)| d.clone()).collect();
    let series: Vec<[f64; 2]> = points
        .iter()
        .enumerate()
        .filter_map(|(i, (_, r))| r.map(|r| [i as f64, r * 100.0]))
        .collect();
    Plot::new("trend")
        .height(240.0)
        .width(width)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_y(0.0)
        .include_y(100.0)
        .include_x(-0.3)
        .include_x(points.len() as f64 - 0.7)
        .y_axis_formatter(|mark, _| format!("{:.0}%", mark.value))
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() > 0.01 || i < 0.0 {
                return String::new();
            }
            dates.get(i as usize).cloned().unwrap_or_default()
        })
        .show(ui, |plot| {
            plot.hline(
                HLine::new(t.pass_mark, PASS_MARK * 100.0)
                    .color(quadrant_color(Quadrant::LowPriority)),
            );
            plot.line(
                Line::new(t.trend, PlotPoints::from(series.clone()))
                    .width(2.0)
                    .color(egui::Color32::from_rgb(30, 110, 140)),
            );
            plot.points(
                Points::new(t.trend, PlotPoints::from(series.clone()))
                    .radius(4.0)
                    .color(egui::Color32::from_rgb(30, 110, 140))
                    .shape(MarkerShape::Circle),
            );
            if let Some(p) = series
                .iter()
                .find(|p| (p[0] - selected as f64).abs() < 0.01)
            {
                plot.points(
                    Points::new(t.inspection, PlotPoints::from(vec![*p]))
                        .radius(7.0)
                        .filled(false)
                        .color(egui::Color32::from_rgb(30, 110, 140)),
                );
            }
            for p in &series {
                plot.text(Text::new(
                    "",
                    egui_plot::PlotPoint::new(p[0], p[1] + 6.0),
                    format!("{:.0}%", p[1]),
                ));
            }
        });
}

/// The quadrant's colour, dark enough for its name to read on the panel.
fn quadrant_ink(q: Quadrant, dark: bool) -> egui::Color32 {
    let c = quadrant_color(q);
    if dark {
        c.lerp_to_gamma(egui::Color32::WHITE, 0.25)
    } else {
        c.lerp_to_gamma(egui::Color32::BLACK, 0.3)
    }
}

const DOT_RADIUS: f32 = 5.0;
const NAME_SIZE: f32 = 15.0;
const LABEL_SIZE: f32 = 12.0;

fn quadrant(
    ui: &mut egui::Ui,
    points: &[FactorPoint],
    t: &InspectTexts,
    lang: crate::core::model::Language,
) {
    use crate::core::inspection::labels::{self, Marker};
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
    let names = [
        (Quadrant::FixFirst, 2.0, 5.45),
        (Quadrant::Strength, x_split + 2.0, 5.45),
        (Quadrant::LowPriority, 2.0, y_split - 0.05),
        (Quadrant::UnnecessaryStrength, x_split + 2.0, y_split - 0.05),
    ];
    let response = Plot::new("quadrant")
        .height(420.0)
        .width(ui.available_width().min(900.0))
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_x(0.0)
        .include_x(105.0)
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
            for (q, x, y) in names {
                plot.text(
                    Text::new(
                        "",
                        egui_plot::PlotPoint::new(x, y),
                        egui::RichText::new(q.label(lang))
                            .size(NAME_SIZE)
                            .strong()
                            .color(quadrant_ink(q, dark)),
                    )
                    .anchor(egui::Align2::LEFT_TOP),
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
                                .color(quadrant_color(q)),
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
    let keep_out: Vec<labels::Rect> = names
        .iter()
        .map(|&(q, x, y)| {
            let top_left = screen(x, y);
            let size = galley(q.label(lang).to_owned(), NAME_SIZE, ink).size();
            labels::Rect::new(
                f64::from(top_left.x - 2.0),
                f64::from(top_left.y - 2.0),
                f64::from(size.x + 4.0),
                f64::from(size.y + 4.0),
            )
        })
        .collect();
    let frame = transform.frame();
    // The split lines too: a label across one reads as two.
    let mut keep_out = keep_out;
    let (split_x, split_y) = (screen(x_split, 0.0).x, screen(0.0, y_split).y);
    keep_out.push(labels::Rect::new(
        f64::from(split_x - 1.5),
        f64::from(frame.top()),
        3.0,
        f64::from(frame.height()),
    ));
    keep_out.push(labels::Rect::new(
        f64::from(frame.left()),
        f64::from(split_y - 1.5),
        f64::from(frame.width()),
        3.0,
    ));
    let bounds = labels::Rect::new(
        f64::from(frame.left()),
        f64::from(frame.top()),
        f64::from(frame.width()),
        f64::from(frame.height()),
    );
    let order = labels::label_order(points);
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
    let name_galleys = galleys(&labels::label_text);
    let placed = labels::place_more(
        &markers(&name_galleys),
        radius,
        bounds,
        &mut taken,
        &vec![true; order.len()],
    );
    let missing: Vec<bool> = placed.iter().map(Option::is_none).collect();
    let id_galleys = galleys(&|p| p.id.clone());
    let placed_ids =
        labels::place_more(&markers(&id_galleys), radius, bounds, &mut taken, &missing);
    for k in 0..order.len() {
        let chosen = placed[k]
            .map(|r| (r, &name_galleys[k]))
            .or_else(|| placed_ids[k].map(|r| (r, &id_galleys[k])));
        if let Some((r, g)) = chosen {
            painter.galley(egui::pos2(r.x as f32, r.y as f32), g.clone(), ink);
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

fn review_due(ui: &mut egui::Ui, set: &crate::core::model::StandardsSet, t: &InspectTexts) {
    ui.strong(t.review_due);
    let today = crate::core::dates::today();
    let soon = today.saturating_add(jiff::Span::new().days(30));
    let mut any = false;
    if set.next_review.is_some_and(|d| d <= soon) {
        any = true;
        ui.label(format!(
            "{} — {}",
            set.title,
            set.next_review.map(|d| d.to_string()).unwrap_or_default()
        ));
    }
    for (_, st) in set.standards() {
        if let Some(date) = st.review
            && date <= soon
        {
            any = true;
            ui.label(format!("{} {} — {date}", st.id, st.text));
        }
    }
    if !any {
        ui.label(t.no_review_due);
    }
}
