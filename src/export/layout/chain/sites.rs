//! The chain report's tables of sites and standards: the regions, the
//! league table, the standards failing most, and each region's sites. Each
//! repeats its header row on the pages it runs onto.

use super::{
    ChainReported, Colour, GREEN, RED, fit, header_row, heading, heat_colour, note, pooled,
    region_name, row_rule, score_colour, sparkline,
};
use crate::core::chain::SiteRow;
use crate::core::i18n::{chain_report, words};
use crate::core::model::Language;
use crate::export::layout::items::{Paint, Weight};
use crate::export::layout::page::{BLACK, GREY, Writer};
use crate::export::layout::report::percent;

const SIZE: f32 = 7.5;
const ROW: f32 = 12.0;

fn columns(w: &Writer<'_>, fractions: &[f32]) -> Vec<f32> {
    fractions
        .iter()
        .map(|f| w.left() + f * w.content_width())
        .collect()
}

/// One row of a table at `y`, its columns starting at `xs`: each cell
/// fitted to its column, the last reaching the right margin.
struct Cells<'a> {
    xs: &'a [f32],
    y: f32,
}

impl Cells<'_> {
    /// Starts a row, with the header again on a new page.
    fn begin<'a>(w: &mut Writer<'_>, xs: &'a [f32], labels: &[&str], height: f32) -> Cells<'a> {
        if w.ensure(height) {
            header_row(w, xs, labels, SIZE);
        }
        Cells { xs, y: w.y }
    }

    fn width(&self, w: &Writer<'_>, i: usize) -> f32 {
        self.xs.get(i + 1).copied().unwrap_or(w.right()) - self.xs[i] - 4.0
    }

    fn text(&self, w: &mut Writer<'_>, i: usize, cell: &str, colour: Colour, weight: Weight) {
        let shown = fit(w, cell, SIZE, weight, self.width(w, i));
        w.text_at(self.xs[i] + 2.0, self.y + 2.0, &shown, SIZE, weight, colour);
    }

    /// The site's latest score, its result and its trend, from column `at`.
    fn score(
        &self,
        w: &mut Writer<'_>,
        at: usize,
        report: &ChainReported<'_>,
        row: &SiteRow,
        lang: Language,
    ) {
        let colour = score_colour(row.latest_rate, row.latest_passed);
        self.text(w, at, &percent(row.latest_rate), colour, Weight::Bold);
        self.text(
            w,
            at + 1,
            &result_cell(report, row, lang),
            colour,
            Weight::Regular,
        );
        let x = self.xs[at + 2] + 2.0;
        let width = self.width(w, at + 2) - 2.0;
        sparkline(w, x, self.y + 1.0, width, ROW - 3.0, &row.trend);
    }

    /// Closes the row with its rule.
    fn end(self, w: &mut Writer<'_>, height: f32) {
        row_rule(w, self.y + height - 1.0);
        w.y += height;
    }
}

/// "Pass" or "Fail", and "partial" or "follow-up" when the visit scored
/// was not a whole one.
fn result_cell(report: &ChainReported<'_>, row: &SiteRow, lang: Language) -> String {
    let vocab = &words(lang).vocab;
    let Some(passed) = row.latest_passed else {
        return String::new();
    };
    let verdict = if passed {
        vocab.verdicts[0]
    } else {
        vocab.verdicts[1]
    };
    let kind = row
        .latest
        .and_then(|n| report.records.get(n))
        .and_then(|r| r.scores.visit_short(lang));
    match kind {
        Some(kind) => format!("{verdict} · {kind}"),
        None => verdict.to_owned(),
    }
}

/// The site as a cell: "ID name", and a mark when the register lacks it.
fn site_cell(row: &SiteRow, lang: Language) -> String {
    let t = chain_report(lang);
    let mut text = if row.site.id.is_empty() {
        row.site.name.clone()
    } else {
        format!("{} {}", row.site.id, row.site.name)
    };
    if !row.registered {
        text.push_str(&crate::core::i18n::aside(lang, t.unregistered));
    }
    text
}

/// The regions: sites, visits, pooled pass rate, sites below the pass mark
/// or with a critical failure, actions open and overdue.
pub(super) fn regions_table(
    w: &mut Writer<'_>,
    report: &ChainReported<'_>,
    regions: &[String],
    lang: Language,
) {
    let t = chain_report(lang);
    let xs = columns(w, &[0.0, 0.26, 0.36, 0.46, 0.57, 0.7, 0.82, 0.91]);
    let labels = [
        t.region,
        t.sites,
        t.visits,
        t.pass_rate,
        t.below_pass_mark,
        t.critical,
        t.open_actions,
        t.overdue,
    ];
    header_row(w, &xs, &labels, SIZE);
    for region in regions {
        let sites: Vec<&SiteRow> = report
            .chain
            .sites
            .iter()
            .filter(|s| &s.site.region == region)
            .collect();
        let visits: usize = sites.iter().map(|s| s.visits.len()).sum();
        let tally = pooled(sites.iter().flat_map(|s| &s.heat));
        let below = sites
            .iter()
            .filter(|s| s.latest_passed == Some(false))
            .count();
        let critical = sites.iter().filter(|s| s.critical_failures > 0).count();
        let open: usize = sites.iter().map(|s| s.open_actions).sum();
        let overdue: usize = sites.iter().map(|s| s.overdue_actions).sum();
        let cells = Cells::begin(w, &xs, &labels, ROW);
        let rate = tally.rate();
        let texts = [
            region_name(region, t).to_owned(),
            sites.len().to_string(),
            visits.to_string(),
            percent(rate),
            below.to_string(),
            critical.to_string(),
            open.to_string(),
            overdue.to_string(),
        ];
        for (i, cell) in texts.iter().enumerate() {
            let colour = match i {
                3 => score_colour(rate, None),
                4 | 5 if cell != "0" => RED,
                _ => BLACK,
            };
            cells.text(w, i, cell, colour, Weight::Regular);
        }
        cells.end(w, ROW);
    }
}

/// The league table: every site, weakest first.
pub(super) fn league(
    w: &mut Writer<'_>,
    report: &ChainReported<'_>,
    order: &[usize],
    lang: Language,
) {
    let t = chain_report(lang);
    heading(w, t.league_table, 14.0);
    note(w, t.league_note);
    let xs = columns(
        w,
        &[
            0.0, 0.045, 0.29, 0.36, 0.42, 0.53, 0.65, 0.725, 0.8, 0.87, 0.935,
        ],
    );
    let labels = [
        t.rank,
        t.site,
        t.region,
        t.score,
        t.result,
        t.trend,
        t.critical,
        t.open_actions,
        t.overdue,
        t.days_since,
        t.visits,
    ];
    w.continued = Some(crate::export::layout::continued(lang, t.league_table));
    header_row(w, &xs, &labels, SIZE);
    for (rank, &n) in order.iter().enumerate() {
        let row = &report.chain.sites[n];
        let cells = Cells::begin(w, &xs, &labels, ROW);
        cells.text(w, 0, &(rank + 1).to_string(), GREY, Weight::Regular);
        cells.text(w, 1, &site_cell(row, lang), BLACK, Weight::Regular);
        cells.text(
            w,
            2,
            region_name(&row.site.region, t),
            BLACK,
            Weight::Regular,
        );
        cells.score(w, 3, report, row, lang);
        let count = |n: usize| if n == 0 { String::new() } else { n.to_string() };
        cells.text(w, 6, &count(row.critical_failures), RED, Weight::Bold);
        cells.text(w, 7, &count(row.open_actions), BLACK, Weight::Regular);
        cells.text(w, 8, &count(row.overdue_actions), RED, Weight::Regular);
        let days = row.days_since.map(|d| d.to_string()).unwrap_or_default();
        cells.text(w, 9, &days, BLACK, Weight::Regular);
        cells.text(w, 10, &row.visits.len().to_string(), BLACK, Weight::Regular);
        cells.end(w, ROW);
    }
    w.continued = None;
}

/// The `limit` standards failing most across the chain.
pub(super) fn weakest(
    w: &mut Writer<'_>,
    report: &ChainReported<'_>,
    limit: usize,
    lang: Language,
) {
    let t = chain_report(lang);
    // The whole section has its heading (carried onto its next pages);
    // the overview's few rows sit under the overview's own.
    if limit > 10 {
        heading(w, t.weakest, 14.0);
        w.continued = Some(crate::export::layout::continued(lang, t.weakest));
    }
    note(w, t.weakest_note);
    let shown = &report.chain.weakest[..report.chain.weakest.len().min(limit)];
    if shown.is_empty() {
        w.paragraph(0.0, t.no_failures, 9.0, Weight::Regular, GREEN);
        return;
    }
    let xs = columns(w, &[0.0, 0.05, 0.13, 0.56, 0.74, 0.83, 0.91]);
    let labels = [
        t.rank,
        "ID",
        t.standard,
        t.contact_point,
        t.fail_rate,
        t.sites_failing,
        t.failures,
    ];
    header_row(w, &xs, &labels, SIZE);
    for (rank, s) in shown.iter().enumerate() {
        let star = if s.critical { "★ " } else { "" };
        let lines = w.wrap(
            &format!("{star}{}", s.text),
            SIZE,
            Weight::Regular,
            xs[3] - xs[2] - 4.0,
        );
        let lines = &lines[..lines.len().min(3)];
        let h = lines.len().max(1) as f32 * SIZE * 1.3 + 4.0;
        if w.ensure(h) {
            header_row(w, &xs, &labels, SIZE);
        }
        let y = w.y;
        let fail_rate = s.tally.rate().map(|r| 1.0 - r);
        w.text_at(
            xs[0] + 2.0,
            y + 2.0,
            &(rank + 1).to_string(),
            SIZE,
            Weight::Regular,
            GREY,
        );
        w.text_at(xs[1] + 2.0, y + 2.0, &s.id, SIZE, Weight::Regular, GREY);
        for (i, line) in lines.iter().enumerate() {
            let top = y + 2.0 + i as f32 * SIZE * 1.3;
            w.text_at(xs[2] + 2.0, top, line, SIZE, Weight::Regular, BLACK);
        }
        let cp = fit(
            w,
            &s.contact_point,
            SIZE,
            Weight::Regular,
            xs[4] - xs[3] - 4.0,
        );
        w.text_at(xs[3] + 2.0, y + 2.0, &cp, SIZE, Weight::Regular, BLACK);
        w.text_at(
            xs[4] + 2.0,
            y + 2.0,
            &percent(fail_rate),
            SIZE,
            Weight::Bold,
            RED,
        );
        w.text_at(
            xs[5] + 2.0,
            y + 2.0,
            &s.sites_failing.to_string(),
            SIZE,
            Weight::Regular,
            BLACK,
        );
        w.text_at(
            xs[6] + 2.0,
            y + 2.0,
            &s.tally.failed.to_string(),
            SIZE,
            Weight::Regular,
            BLACK,
        );
        row_rule(w, y + h - 1.0);
        w.y += h;
    }
    w.continued = None;
    w.gap(8.0);
}

/// One region's sites in the league table's order: its manager, score,
/// trend, weakest contact point and last visit.
pub(super) fn region_sites(
    w: &mut Writer<'_>,
    report: &ChainReported<'_>,
    order: &[usize],
    region: &str,
    heading_text: &str,
    lang: Language,
) {
    let t = chain_report(lang);
    heading(w, heading_text, 14.0);
    let rows: Vec<&SiteRow> = order
        .iter()
        .map(|&n| &report.chain.sites[n])
        .filter(|s| s.site.region == region)
        .collect();
    let tally = pooled(rows.iter().flat_map(|s| &s.heat));
    let summary = format!(
        "{}: {} · {}: {} · {}: {}",
        t.sites,
        rows.len(),
        t.visits,
        rows.iter().map(|s| s.visits.len()).sum::<usize>(),
        t.pass_rate,
        percent(tally.rate())
    );
    note(w, &summary);
    let xs = columns(w, &[0.0, 0.1, 0.3, 0.42, 0.49, 0.6, 0.71, 0.89]);
    let labels = [
        t.site_id,
        t.site,
        t.manager,
        t.score,
        t.result,
        t.trend,
        t.weakest_contact_point,
        t.last_visit,
    ];
    let continued = crate::export::layout::continued(lang, heading_text);
    w.continued = Some(continued);
    header_row(w, &xs, &labels, SIZE);
    for row in rows {
        let cells = Cells::begin(w, &xs, &labels, ROW);
        cells.text(w, 0, &row.site.id, GREY, Weight::Regular);
        let mut name = row.site.name.clone();
        if !row.registered {
            name.push_str(&crate::core::i18n::aside(lang, t.unregistered));
        }
        cells.text(w, 1, &name, BLACK, Weight::Regular);
        cells.text(w, 2, &row.site.manager, BLACK, Weight::Regular);
        cells.score(w, 3, report, row, lang);
        // The contact point with the lowest pooled pass rate, on its colour.
        let weakest = row
            .heat
            .iter()
            .enumerate()
            .filter_map(|(i, tally)| tally.rate().map(|r| (i, r)))
            .min_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((i, rate)) = weakest {
            let cp = report
                .chain
                .contact_points
                .get(i)
                .map_or("", |(_, name)| name.as_str());
            let cell = format!("{} {cp}", percent(Some(rate)));
            let width = cells.width(w, 6) + 2.0;
            w.rect(
                xs[6] + 1.0,
                cells.y,
                width,
                ROW - 2.0,
                Paint::Fill,
                heat_colour(Some(rate)),
            );
            cells.text(w, 6, &cell, BLACK, Weight::Regular);
        }
        let last = row.last_visit.map(|d| d.to_string()).unwrap_or_default();
        cells.text(w, 7, &last, BLACK, Weight::Regular);
        cells.end(w, ROW);
    }
    w.continued = None;
}
