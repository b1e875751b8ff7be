//! What the imported responses give, in the survey view: NPS and its trend,
//! per factor importance, satisfaction, 5 of 5 and 4 of 5 with the number
//! of answers and the 95 % interval, the weakest factors, the same by
//! respondent group; and, for the results view, how the quadrant placed the
//! factors and where customers and the inspection disagree.

use crate::core::i18n::{fill, survey_words};
use crate::core::model::StandardsSet;
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
    if figures.trend.len() > 1 {
        let points: Vec<String> = figures
            .trend
            .iter()
            .map(|(p, n)| format!("{p} {}", one(n.score())))
            .collect();
        ui.label(format!("{}: {}", t.trend, points.join(" → ")));
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
            for f in &figures.overall.factors {
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
    weakest(ui, cx, &figures.overall, set, plan.min_answers);
    if figures.by_group.len() > 1 {
        ui.add_space(6.0);
        ui.strong(t.by_group);
        for (group, s) in &figures.by_group {
            ui.label(egui::RichText::new(group).strong());
            nps_line(ui, cx, s);
            weakest(ui, cx, s, set, plan.min_answers.min(5));
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

fn weakest(ui: &mut egui::Ui, cx: &Cx, s: &Summary, set: &StandardsSet, min: u32) {
    let t = &survey_words(cx.lang).figures;
    let weak = s.weakest(min, 5);
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
