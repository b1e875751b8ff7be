//! What the imported responses give, in the survey view: NPS and its trend,
//! per factor importance, satisfaction, 5 of 5 and 4 of 5 with the number
//! of answers and the 95 % interval, the weakest factors, the same by
//! respondent group; and, for the results view, how the quadrant placed the
//! factors and where customers and the inspection disagree.

use crate::core::i18n::{fill, survey_words};
use crate::core::model::StandardsSet;
use crate::core::survey::stats::FactorFigures;
use crate::core::survey::{Disagreement, Figures, Placed, Summary, SurveyPlan};
use crate::export::report::percent;
use crate::gui::views::Cx;

fn one(v: Option<f64>) -> String {
    v.map_or_else(|| "—".to_owned(), |v| format!("{v:.1}"))
}

fn name_of<'s>(set: &'s StandardsSet, id: &str) -> &'s str {
    set.contact_points
        .iter()
        .flat_map(|cp| &cp.steps)
        .flat_map(|s| &s.factors)
        .find(|f| f.id == id)
        .map_or("", |f| f.name.as_str())
}

pub(super) fn show(
    ui: &mut egui::Ui,
    cx: &Cx,
    figures: &Figures,
    set: &StandardsSet,
    plan: &SurveyPlan,
) {
    let t = &survey_words(cx.lang).figures;
    ui.add_space(6.0);
    ui.heading(t.heading);
    nps_line(ui, cx, &figures.overall);
    ui.label(format!("{} {}", t.csi, one(figures.overall.csi())));
    let digest = crate::core::survey::digest(figures, plan.min_answers);
    if !digest.trend.is_empty() {
        ui.strong(t.trend);
        let width = ui.available_width().min(520.0);
        nps_chart(ui, &digest.trend, t.nps, width);
    }
    ui.small(t.top_box_note);
    egui::Grid::new("survey-factors")
        .striped(true)
        .num_columns(8)
        .show(ui, |ui| {
            for head in [
                "ID",
                t.factor,
                t.importance,
                t.satisfaction,
                t.top_box,
                t.share_4,
                t.n,
                t.ci,
            ] {
                ui.strong(head);
            }
            ui.end_row();
            for f in digest.factors {
                let s = &f.satisfaction;
                ui.label(&f.id);
                ui.label(name_of(set, &f.id));
                ui.label(one(f.importance.mean()));
                ui.label(one(s.mean()));
                ui.label(percent(s.share(5)));
                ui.label(percent(s.share(4)));
                let n = s.n();
                if n < plan.min_answers {
                    ui.colored_label(ui.visuals().warn_fg_color, n.to_string());
                } else {
                    ui.label(n.to_string());
                }
                ui.label(
                    s.ci95()
                        .map_or_else(|| "—".to_owned(), |(lo, hi)| format!("{lo:.2}–{hi:.2}")),
                );
                ui.end_row();
            }
        });
    weakest(ui, cx, &digest.weakest, set);
    if !digest.groups.is_empty() {
        ui.add_space(6.0);
        ui.strong(t.by_group);
        for g in &digest.groups {
            ui.label(egui::RichText::new(g.group).strong());
            nps_line(ui, cx, g.summary);
            weakest(ui, cx, &g.weakest, set);
        }
    }
    if !figures.overall.open.is_empty() {
        egui::CollapsingHeader::new(format!(
            "{} ({})",
            t.open_answers,
            figures.overall.open.len()
        ))
        .show(ui, |ui| {
            for (row, text) in figures.overall.open.iter().take(100) {
                ui.small(format!("{row}: {text}"));
            }
        });
    }
}

fn nps_line(ui: &mut egui::Ui, cx: &Cx, s: &Summary) {
    let t = &survey_words(cx.lang).figures;
    ui.label(format!(
        "{} {} · {} {} ({} {} · {} {} · {} {})",
        t.respondents,
        s.respondents,
        t.nps,
        one(s.nps.score()),
        s.nps.promoters,
        t.promoters,
        s.nps.passives,
        t.passives,
        s.nps.detractors,
        t.detractors
    ));
}

fn weakest(ui: &mut egui::Ui, cx: &Cx, weak: &[&FactorFigures], set: &StandardsSet) {
    let t = &survey_words(cx.lang).figures;
    if weak.is_empty() {
        return;
    }
    let items: Vec<String> = weak
        .iter()
        .map(|f| {
            format!(
                "{} {} ({})",
                f.id,
                name_of(set, &f.id),
                one(f.satisfaction.mean())
            )
        })
        .collect();
    ui.label(format!("{}: {}", t.weakest, items.join(" · ")));
}

/// NPS per survey period as a small line chart on its whole scale, −100 to
/// 100, zero marked, each point labelled with its value and the periods
/// beneath (the results view and the survey page both draw it).
pub fn nps_chart<S: AsRef<str>>(
    ui: &mut egui::Ui,
    points: &[(S, Option<f64>)],
    name: &str,
    width: f32,
) {
    use egui_plot::{HLine, Line, MarkerShape, Plot, PlotPoints, Points, Text};
    let labels: Vec<String> = points.iter().map(|(p, _)| p.as_ref().to_owned()).collect();
    let series: Vec<[f64; 2]> = points
        .iter()
        .enumerate()
        .filter_map(|(i, (_, nps))| nps.map(|v| [i as f64, v]))
        .collect();
    let colour = egui::Color32::from_rgb(30, 110, 140);
    Plot::new(("nps-trend", name))
        .height(150.0)
        .width(width)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .show_x(false)
        .include_y(-100.0)
        .include_y(100.0)
        .include_x(-0.4)
        .include_x(points.len() as f64 - 0.6)
        .y_axis_formatter(|mark, _| format!("{:.0}", mark.value))
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() > 0.01 || i < 0.0 {
                return String::new();
            }
            #[expect(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "a whole, non-negative index of a few periods"
            )]
            let at = i as usize;
            labels.get(at).cloned().unwrap_or_default()
        })
        .show(ui, |plot| {
            plot.hline(HLine::new("0", 0.0).color(egui::Color32::GRAY));
            plot.line(
                Line::new(name, PlotPoints::from(series.clone()))
                    .width(2.0)
                    .color(colour),
            );
            plot.points(
                Points::new(name, PlotPoints::from(series.clone()))
                    .radius(4.0)
                    .color(colour)
                    .shape(MarkerShape::Circle),
            );
            for p in &series {
                plot.text(Text::new(
                    "",
                    egui_plot::PlotPoint::new(p[0], p[1] + 22.0),
                    egui::RichText::new(format!("{:.0}", p[1])).strong(),
                ));
            }
        });
}

/// Under the results view's quadrant: how its factors were placed and where
/// customers and the inspection disagree, those that pass but customers
/// rate low first.
pub fn customers_beside(ui: &mut egui::Ui, placed: &Placed, lang: crate::core::model::Language) {
    let t = &survey_words(lang).figures;
    ui.small(fill(t.placed, &[("min", &placed.min_answers.to_string())]));
    ui.small(format!(
        "{}: {} · {}: {}",
        t.by_customers,
        placed.by_customers.len(),
        t.by_inspection,
        placed.by_inspection.len()
    ));
    if !placed.by_inspection.is_empty() {
        ui.small(format!(
            "{}: {}",
            t.by_inspection,
            placed.by_inspection.join(", ")
        ));
    }
    for (id, n) in &placed.too_few {
        ui.small(fill(
            t.too_few,
            &[
                ("id", id),
                ("n", &n.to_string()),
                ("min", &placed.min_answers.to_string()),
            ],
        ));
    }
    ui.add_space(4.0);
    ui.strong(t.differences);
    if placed.differences.is_empty() {
        ui.label(t.no_differences);
    }
    for d in &placed.differences {
        let kind = match d.kind {
            Disagreement::PassesButCustomersLow => t.passes_but_low,
            Disagreement::FailsButCustomersHigh => t.fails_but_high,
        };
        let line = format!(
            "{} {} ({}): {kind} · {} {} · {} {}",
            d.id,
            d.name,
            d.contact_point,
            t.customers,
            percent(Some(d.customers)),
            t.inspection,
            percent(Some(d.inspection))
        );
        if d.kind == Disagreement::PassesButCustomersLow {
            ui.colored_label(ui.visuals().error_fg_color, line);
        } else {
            ui.label(line);
        }
    }
}
