//! The report's survey section: what customers say beside what the
//! inspections found. NPS with its promoters, passives and detractors and
//! its trend as a chart (NPS per period, −100 to 100); where customers and inspections disagree (a factor that
//! passes but customers rate low first); per factor importance,
//! satisfaction, the share of 5 of 5 and of 4, the number of answers and
//! the 95 % interval; the weakest factors; the same by respondent group.

use super::{BLACK, GREY, RED, RULE, heading};
use crate::core::i18n::{fill, survey_words};
use crate::core::model::{Language, StandardsSet};
use crate::core::survey::stats::FactorFigures;
use crate::core::survey::{Disagreement, Figures, Placed, Summary};
use crate::export::layout::items::Weight;
use crate::export::layout::page::Writer;

/// A figure with one decimal, or a dash.
fn one(v: Option<f64>) -> String {
    v.map_or_else(|| "—".to_owned(), |v| format!("{v:.1}"))
}

fn pct(v: Option<f64>) -> String {
    super::percent(v)
}

/// The factor's name in the set.
fn name_of<'s>(set: &'s StandardsSet, id: &str) -> &'s str {
    set.contact_points
        .iter()
        .flat_map(|cp| &cp.steps)
        .flat_map(|s| &s.factors)
        .find(|f| f.id == id)
        .map_or("", |f| f.name.as_str())
}

/// The section, on a page of its own.
pub(super) fn survey_section(
    w: &mut Writer<'_>,
    set: &StandardsSet,
    figures: &Figures,
    placed: &Placed,
    lang: Language,
) {
    let t = &survey_words(lang).figures;
    heading(w, t.heading, 15.0);
    nps_line(w, &figures.overall, lang);
    w.paragraph(
        0.0,
        &format!("{} {}", t.csi, one(figures.overall.csi())),
        10.0,
        Weight::Regular,
        BLACK,
    );
    let digest = crate::core::survey::digest(figures, placed.min_answers);
    if !digest.trend.is_empty() {
        w.gap(4.0);
        w.paragraph(0.0, t.trend, 9.5, Weight::Bold, BLACK);
        super::charts::nps_chart(w, &digest.trend);
    }
    w.gap(4.0);
    w.paragraph(
        0.0,
        &fill(t.placed, &[("min", &placed.min_answers.to_string())]),
        9.0,
        Weight::Regular,
        GREY,
    );
    if !placed.by_inspection.is_empty() {
        w.paragraph(
            8.0,
            &format!("{}: {}", t.by_inspection, placed.by_inspection.join(", ")),
            8.5,
            Weight::Regular,
            GREY,
        );
    }
    for (id, n) in &placed.too_few {
        w.paragraph(
            8.0,
            &fill(
                t.too_few,
                &[
                    ("id", id),
                    ("n", &n.to_string()),
                    ("min", &placed.min_answers.to_string()),
                ],
            ),
            8.5,
            Weight::Regular,
            GREY,
        );
    }
    w.gap(6.0);
    heading(w, t.differences, 12.0);
    if placed.differences.is_empty() {
        w.paragraph(0.0, t.no_differences, 9.5, Weight::Regular, BLACK);
    }
    for d in &placed.differences {
        let (kind, colour) = match d.kind {
            Disagreement::PassesButCustomersLow => (t.passes_but_low, RED),
            Disagreement::FailsButCustomersHigh => (t.fails_but_high, BLACK),
        };
        w.bullet(
            0.0,
            "•",
            &format!(
                "{} {} ({}): {kind} · {} {} · {} {}",
                d.id,
                d.name,
                d.contact_point,
                t.customers,
                pct(Some(d.customers)),
                t.inspection,
                pct(Some(d.inspection))
            ),
            9.5,
            Weight::Regular,
            colour,
        );
    }
    w.gap(6.0);
    heading(w, t.satisfaction, 12.0);
    w.paragraph(0.0, t.top_box_note, 8.5, Weight::Regular, GREY);
    w.gap(2.0);
    factor_table(w, set, digest.factors, lang);
    if !digest.weakest.is_empty() {
        w.gap(6.0);
        heading(w, t.weakest, 12.0);
        for f in &digest.weakest {
            w.bullet(
                0.0,
                "•",
                &format!(
                    "{} {} · {} {} · {} {}",
                    f.id,
                    name_of(set, &f.id),
                    t.satisfaction,
                    one(f.satisfaction.mean()),
                    t.top_box,
                    pct(f.satisfaction.share(5))
                ),
                9.5,
                Weight::Regular,
                BLACK,
            );
        }
    }
    if !digest.groups.is_empty() {
        w.gap(6.0);
        heading(w, t.by_group, 12.0);
        for g in &digest.groups {
            w.ensure(40.0);
            let y = w.y;
            w.text_at(w.left(), y, g.group, 10.0, Weight::Bold, BLACK);
            w.y += 14.0;
            nps_line(w, g.summary, lang);
            let weak: Vec<String> = g
                .weakest
                .iter()
                .map(|f| format!("{} {}", f.id, one(f.satisfaction.mean())))
                .collect();
            if !weak.is_empty() {
                w.paragraph(
                    8.0,
                    &format!("{}: {}", t.weakest, weak.join(", ")),
                    9.0,
                    Weight::Regular,
                    GREY,
                );
            }
            w.gap(4.0);
        }
    }
}

/// "Respondents 1000 · NPS 12.0 (400 promoters, …)".
fn nps_line(w: &mut Writer<'_>, s: &Summary, lang: Language) {
    let t = &survey_words(lang).figures;
    let line = format!(
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
    );
    w.paragraph(0.0, &line, 10.0, Weight::Bold, BLACK);
}

/// One row a factor in journey order.
fn factor_table(w: &mut Writer<'_>, set: &StandardsSet, factors: &[FactorFigures], lang: Language) {
    let t = &survey_words(lang).figures;
    let size = 8.5;
    let right = w.right();
    // Right-aligned number columns in on-page order: importance,
    // satisfaction, 5 of 5, 4 of 5, n, interval; each one's right edge.
    let widths = [56.0, 56.0, 40.0, 40.0, 34.0, 78.0];
    let mut xs = [0.0f32; 6];
    let mut x = right;
    for i in (0..6).rev() {
        xs[i] = x;
        x -= widths[i];
    }
    let name_width = x - w.left() - 6.0;
    let heads = [
        t.importance,
        t.satisfaction,
        t.top_box,
        t.share_4,
        t.n,
        t.ci,
    ];
    let header = |w: &mut Writer<'_>| {
        let y = w.y;
        w.text_at(w.left(), y, t.factor, size, Weight::Bold, GREY);
        for (x, head) in xs.iter().zip(heads) {
            let hw = w.text_width(head, size, Weight::Bold);
            w.text_at(x - hw, y, head, size, Weight::Bold, GREY);
        }
        w.y += size * 1.6;
        let (l, r, y) = (w.left(), w.right(), w.y);
        w.line(l, y - 3.0, r, y - 3.0, 0.5, RULE);
    };
    w.ensure(40.0);
    header(w);
    for f in factors {
        let sat = &f.satisfaction;
        let name = format!("{} {}", f.id, name_of(set, &f.id));
        let lines = w.wrap(&name, size, Weight::Regular, name_width);
        let h = lines.len() as f32 * size * 1.45 + 2.0;
        if w.ensure(h) {
            header(w);
        }
        let y = w.y;
        for (i, line) in lines.iter().enumerate() {
            w.text_at(
                w.left(),
                y + i as f32 * size * 1.45,
                line,
                size,
                Weight::Regular,
                BLACK,
            );
        }
        let ci = sat
            .ci95()
            .map_or_else(|| "—".to_owned(), |(lo, hi)| format!("{lo:.2}–{hi:.2}"));
        let cells = [
            one(f.importance.mean()),
            one(sat.mean()),
            pct(sat.share(5)),
            pct(sat.share(4)),
            sat.n().to_string(),
            ci,
        ];
        for (&x, cell) in xs.iter().zip(cells) {
            let cw = w.text_width(&cell, size, Weight::Regular);
            w.text_at(x - cw, y, &cell, size, Weight::Regular, BLACK);
        }
        w.y += h;
    }
}
