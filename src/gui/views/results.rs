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
use crate::core::inspection::score::{PASS_MARK, Quadrant};
use crate::export::report::percent;
use crate::gui::state::{Command, Document, View};
use crate::gui::views::Cx;

mod records;

pub use records::{Computed, Failure, Results, in_progress};

impl Results {
    /// Draws the results of the set of `doc`.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &mut Cx, doc: &Document) {
        let t = cx.inspect_texts();
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| body(ui, cx, self, doc, t));
        });
    }
}

fn body(ui: &mut egui::Ui, cx: &mut Cx, results: &mut Results, doc: &Document, t: &InspectTexts) {
    let lang = cx.lang;
    ui.horizontal_wrapped(|ui| {
        for command in [
            Command::StartInspection,
            Command::AddInspection,
            Command::ChooseRecordsFolder,
            Command::ImportSurvey,
        ] {
            cx.button(ui, command);
        }
        let any = !results.inspections.is_empty();
        cx.button_enabled(ui, any, Command::Report);
    });
    if let Some(file) = &results.survey_file {
        ui.small(format!("{} {}", t.survey_from, file.display()));
        if !results.survey_notes.is_empty() {
            let words = crate::core::i18n::messages(lang);
            ui.colored_label(ui.visuals().warn_fg_color, words.survey.heading);
            for problem in &results.survey_notes {
                let at = problem.position();
                ui.small(format!("{}:{}: {}", at.line, at.col, problem.message(lang)));
            }
        }
    }
    if !results.problems.is_empty() {
        ui.colored_label(
            super::quadrant::color(Quadrant::FixFirst),
            t.unreadable_records,
        );
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
    // The selected record: its photos are named relative to it (the
    // embedded sample's, with no path, are built in).
    let record = results
        .inspections
        .get(results.selected)
        .and_then(|(path, _)| path.clone());
    let chosen = results.selected;
    let nps_trend = results.nps_trend.clone();
    let Some((computed, inspections, thumbs)) = results.computed_and_thumbs() else {
        return;
    };
    // Which inspection the bars and failures show.
    let labels: Vec<String> = inspections
        .iter()
        .zip(&computed.scores)
        .map(|((_, i), s)| {
            let partial = s
                .visit_short(lang)
                .map(|short| crate::core::i18n::aside(lang, short))
                .unwrap_or_default();
            format!(
                "{} · {} · {} · {}{partial}",
                i.when.strftime("%Y-%m-%d %H:%M"),
                i.site,
                i.inspector,
                percent(s.overall.rate())
            )
        })
        .collect();
    let mut selected = chosen.min(labels.len() - 1);
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
    let s = &computed.scores[chosen.min(labels.len() - 1)];
    crate::gui::views::inspect::score_header(ui, s, lang);
    ui.add_space(6.0);

    let width = ui.available_width();
    let half = ((width - 16.0) / 2.0).max(320.0);
    let (trend, left_out) = crate::core::inspection::visit::trend(
        inspections
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
            trend_chart(ui, &trend, chosen, t, half);
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
    // What failed first, under the score: it is what a manager acts on,
    // and at 1024 × 768 it fell below the quadrant and out of sight.
    ui.strong(t.failures);
    if computed.failed.is_empty() {
        ui.label(t.no_failures);
    }
    let mut select = None;
    let mut action = None;
    for f in &computed.failed {
        ui.horizontal_wrapped(|ui| {
            let star = if f.critical { "★ " } else { "" };
            if ui.link(format!("{star}{} {}", f.id, f.text)).clicked() {
                select = Some(f.id.clone());
            }
            ui.small(format!("({})", f.contact_point));
            if f.repeat {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    crate::core::i18n::report_words(lang).repeat,
                );
            }
            // The embedded sample's records have no file to raise it in.
            if let Some(path) = &record
                && ui
                    .small_button(crate::core::i18n::texts(lang).actions.action_button)
                    .clicked()
            {
                action = Some((path.clone(), f.id.clone()));
            }
        });
        if !f.note.is_empty() {
            ui.small(format!("    {}", f.note));
        }
        if !f.photos.is_empty() {
            ui.horizontal_wrapped(|ui| {
                ui.add_space(16.0);
                super::thumbnails(ui, thumbs, record.as_deref(), &f.photos, 64.0);
            });
        }
    }
    ui.add_space(8.0);
    ui.strong(t.quadrant);
    super::quadrant::show(ui, &computed.points, t, lang);
    if let Some(placed) = &computed.placed {
        super::survey::customers_beside(ui, placed, lang);
    }
    if !nps_trend.is_empty() {
        let f = &crate::core::i18n::survey_words(lang).figures;
        ui.add_space(4.0);
        ui.strong(f.trend);
        super::survey::nps_chart(ui, &nps_trend, f.nps, half);
    }
    ui.add_space(8.0);

    results.select(selected);
    if let Some((path, id)) = action {
        cx.run(Command::ActionFor(path, id));
    }
    if let Some(id) = select {
        cx.run(Command::ShowView(View::Standards));
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
                    super::quadrant::color(Quadrant::Strength)
                } else {
                    super::quadrant::color(Quadrant::FixFirst)
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
                    .color(super::quadrant::color(Quadrant::LowPriority)),
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
                    .color(super::quadrant::color(Quadrant::LowPriority)),
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
                    // Above its point, or below one near the top, where
                    // the frame would cut it.
                    egui_plot::PlotPoint::new(
                        p[0],
                        if p[1] > 88.0 { p[1] - 7.0 } else { p[1] + 6.0 },
                    ),
                    egui::RichText::new(format!("{:.0}%", p[1])).size(crate::gui::state::SMALLEST),
                ));
            }
        });
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
