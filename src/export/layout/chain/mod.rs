//! A chain's report laid out (`report --by-site`): an overview (the
//! regions, their trend, the standards failing most), then the league table
//! of sites, the heat map of sites × contact points, the weakest standards
//! chain-wide, the trend per region, and each region's sites. The figures
//! come from `core::chain` (computed once, as the chain view shows them);
//! this module only places them.
#![expect(
    clippy::cast_possible_truncation,
    reason = "chart coordinates from shares in 0–1 and small counts"
)]

mod heat;
mod sites;
mod trend;

use std::cmp::Ordering;

use jiff::civil::Date;

use crate::core::chain::{Chain, Record, SiteRow};
use crate::core::i18n::{ChainReportWords, chain_report, fill, report_words};
use crate::core::inspection::Tally;
use crate::core::inspection::score::PASS_MARK;
use crate::core::model::{Language, StandardsSet};
use crate::export::layout::items::{Colour, Document, Paint, Weight};
use crate::export::layout::page::{ACCENT, BLACK, GREY, Paper, RULE, SHADE, Writer};
use crate::export::layout::{Faces, Meta, render};

const GREEN: Colour = (0.16, 0.55, 0.33);
const RED: Colour = (0.78, 0.19, 0.17);
const AMBER: Colour = (0.85, 0.55, 0.1);

/// A chain ready to report.
pub struct ChainReported<'a> {
    pub set: &'a StandardsSet,
    /// The chain as `core::chain::aggregate` computed it.
    pub chain: &'a Chain,
    /// The records the chain's indexes point into.
    pub records: &'a [Record],
    /// Files under the folder that were not used, each a line in `lang`.
    pub not_used: &'a [String],
}

impl ChainReported<'_> {
    /// The sites in the league table's order: the lowest latest score
    /// first (the area manager's first question is which site is weakest),
    /// sites never scored last, then by name.
    #[must_use]
    pub fn league_order(&self) -> Vec<usize> {
        let sites = &self.chain.sites;
        let mut order: Vec<usize> = (0..sites.len()).collect();
        order.sort_by(|&a, &b| {
            let (a, b) = (&sites[a], &sites[b]);
            match (a.latest_rate, b.latest_rate) {
                (Some(x), Some(y)) => x.total_cmp(&y),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            }
            .then_with(|| b.critical_failures.cmp(&a.critical_failures))
            .then_with(|| a.site.name.cmp(&b.site.name))
        });
        order
    }

    /// The first and last day of the visits shown.
    #[must_use]
    pub fn period(&self) -> Option<(Date, Date)> {
        let days = self
            .chain
            .sites
            .iter()
            .flat_map(|s| &s.visits)
            .filter_map(|&n| self.records.get(n))
            .map(|r| r.inspection.when.date());
        days.fold(None, |acc, d| match acc {
            None => Some((d, d)),
            Some((a, b)) => Some((a.min(d), b.max(d))),
        })
    }

    /// The result of a site's latest visit, as the per-visit results say it.
    #[must_use]
    pub fn result_text(&self, row: &SiteRow, lang: Language) -> String {
        row.latest
            .and_then(|n| self.records.get(n))
            .map(|r| r.scores.result_text(lang).to_owned())
            .unwrap_or_default()
    }

    /// The regions in the order they are reported: by name, the sites
    /// with none last.
    #[must_use]
    pub fn regions(&self) -> Vec<String> {
        let mut regions: Vec<String> = self
            .chain
            .sites
            .iter()
            .map(|s| s.site.region.clone())
            .collect();
        regions.sort_by(|a, b| a.is_empty().cmp(&b.is_empty()).then(a.cmp(b)));
        regions.dedup();
        regions
    }
}

/// A region's name, or "No region".
#[must_use]
pub fn region_name<'a>(region: &'a str, t: &'a ChainReportWords) -> &'a str {
    if region.is_empty() {
        t.no_region
    } else {
        region
    }
}

/// The sum of tallies.
#[must_use]
pub fn pooled<'a>(tallies: impl IntoIterator<Item = &'a Tally>) -> Tally {
    let mut sum = Tally::default();
    for t in tallies {
        sum.passed += t.passed;
        sum.failed += t.failed;
        sum.not_applicable += t.not_applicable;
        sum.not_checked += t.not_checked;
    }
    sum
}

/// Lays out the chain report.
#[must_use]
pub fn chain(
    report: &ChainReported<'_>,
    paper: Paper,
    lang: Language,
    faces: Faces<'_>,
) -> Document {
    let t = chain_report(lang);
    let title = format!("{} · {}", report.set.title, t.title);
    let meta = Meta {
        title: title.clone(),
        author: report.set.organisation.clone(),
        subject: t.title.to_owned(),
        header: title,
        paper,
        lang,
        stamp: None,
        logo: None,
        images: Vec::new(),
    };
    let order = report.league_order();
    render(meta, faces, |w, bookmarks| {
        w.new_page();
        bookmarks.push((t.title.to_owned(), w.page_number()));
        overview(w, report, lang);

        w.new_page();
        bookmarks.push((t.league_table.to_owned(), w.page_number()));
        sites::league(w, report, &order, lang);

        // The sections follow one another: a section starts a page only
        // when too little of it would fit on the one under way, so a small
        // chain's report is a few pages and a large one's has no gaps.
        section(w, 150.0);
        bookmarks.push((t.heat_map.to_owned(), w.page_number()));
        heat::heat_map(w, report, &order, lang);

        section(w, 150.0);
        bookmarks.push((t.weakest.to_owned(), w.page_number()));
        sites::weakest(w, report, 40, lang);

        section(w, 260.0);
        bookmarks.push((t.region_trend.to_owned(), w.page_number()));
        heading(w, t.region_trend, 14.0);
        note(w, t.region_trend_note);
        trend::region_chart(w, report, lang);
        trend::region_table(w, report, lang);

        for region in report.regions() {
            section(w, 120.0);
            let name = fill(t.region_sites, &[("region", region_name(&region, t))]);
            bookmarks.push((name.clone(), w.page_number()));
            sites::region_sites(w, report, &order, &region, &name, lang);
        }

        if !report.not_used.is_empty() {
            w.gap(12.0);
            heading(w, t.not_used, 12.0);
            for line in report.not_used {
                w.paragraph(0.0, line, 8.5, Weight::Regular, BLACK);
            }
        }
        0
    })
}

/// The first page: what the chain is, its regions, their trend and the
/// standards failing most.
fn overview(w: &mut Writer<'_>, report: &ChainReported<'_>, lang: Language) {
    let t = chain_report(lang);
    let r = report_words(lang);
    let y = w.y;
    w.text_at(w.left(), y, t.title, 20.0, Weight::Bold, ACCENT);
    w.y += 30.0;
    let set = report.set;
    let set_line = if set.revision.is_empty() {
        format!("{}: {}", r.standards_set, set.title)
    } else {
        format!(
            "{}: {} · {} {}",
            r.standards_set, set.title, r.revision, set.revision
        )
    };
    w.paragraph(0.0, &set_line, 10.0, Weight::Regular, BLACK);
    let (from, to) = report
        .period()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .unwrap_or_default();
    let regions = report.regions();
    let overview = fill(
        t.overview,
        &[
            ("sites", &report.chain.sites.len().to_string()),
            ("regions", &regions.len().to_string()),
            // Every visit of every kind, as the regions' table counts them.
            (
                "visits",
                &report
                    .chain
                    .sites
                    .iter()
                    .map(|s| s.visits.len())
                    .sum::<usize>()
                    .to_string(),
            ),
            ("from", &from),
            ("to", &to),
        ],
    );
    w.paragraph(0.0, &overview, 10.0, Weight::Regular, GREY);
    w.gap(10.0);
    heading(w, t.regions, 13.0);
    sites::regions_table(w, report, &regions, lang);
    w.gap(10.0);
    heading(w, t.region_trend, 13.0);
    trend::region_chart(w, report, lang);
    heading(w, t.weakest, 13.0);
    sites::weakest(w, report, 8, lang);
}

/// Room before a new section, on a new page unless `height` still fits.
fn section(w: &mut Writer<'_>, height: f32) {
    w.gap(16.0);
    w.ensure(height);
}

fn heading(w: &mut Writer<'_>, text: &str, size: f32) {
    w.ensure(size * 2.2 + 30.0);
    let y = w.y;
    w.text_at(w.left(), y, text, size, Weight::Bold, ACCENT);
    w.y += size * 1.7;
}

fn note(w: &mut Writer<'_>, text: &str) {
    w.paragraph(0.0, text, 8.5, Weight::Regular, GREY);
    w.gap(4.0);
}

/// `text` cut to fit `width` at `size`, with "…" when cut.
fn fit(w: &Writer<'_>, text: &str, size: f32, weight: Weight, width: f32) -> String {
    if w.text_width(text, size, weight) <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    for c in text.chars() {
        out.push(c);
        if w.text_width(&format!("{out}…"), size, weight) > width {
            out.pop();
            break;
        }
    }
    format!("{}…", out.trim_end())
}

/// A table's shaded header row: `labels` at `xs` (left edges), each wrapped
/// to its column; returns nothing, moves the cursor below it.
fn header_row(w: &mut Writer<'_>, xs: &[f32], labels: &[&str], size: f32) {
    let right = w.right();
    let lines: Vec<Vec<String>> = labels
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let end = xs.get(i + 1).copied().unwrap_or(right);
            w.wrap(l, size, Weight::Bold, end - xs[i] - 4.0)
        })
        .collect();
    let rows = lines.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let h = rows as f32 * size * 1.25 + 6.0;
    let y = w.y;
    w.rect(w.left(), y, w.content_width(), h, Paint::Fill, SHADE);
    for (x, l) in xs.iter().zip(&lines) {
        for (n, line) in l.iter().enumerate() {
            let top = y + 3.0 + n as f32 * size * 1.25;
            w.text_at(x + 2.0, top, line, size, Weight::Bold, BLACK);
        }
    }
    w.y += h + 2.0;
}

/// A rule under a table row.
fn row_rule(w: &mut Writer<'_>, y: f32) {
    w.line(w.left(), y, w.right(), y, 0.3, RULE);
}

/// The colour of a pass rate: red well below the pass mark, amber near it,
/// green above; lighter tints so the figure printed on it stays legible.
#[must_use]
pub fn heat_colour(rate: Option<f64>) -> Colour {
    let Some(r) = rate else {
        return (0.93, 0.93, 0.93);
    };
    let mix = |a: Colour, b: Colour, k: f64| {
        let k = k.clamp(0.0, 1.0) as f32;
        (
            a.0 + (b.0 - a.0) * k,
            a.1 + (b.1 - a.1) * k,
            a.2 + (b.2 - a.2) * k,
        )
    };
    let low = (0.91, 0.45, 0.42);
    let mid = (0.98, 0.82, 0.45);
    let high = (0.55, 0.80, 0.60);
    let floor = PASS_MARK - 0.3;
    if r < PASS_MARK {
        mix(low, mid, (r - floor) / (PASS_MARK - floor))
    } else {
        mix(mid, high, (r - PASS_MARK) / (1.0 - PASS_MARK))
    }
}

/// The colour a score is written in: green at or above the pass mark.
fn score_colour(rate: Option<f64>, passed: Option<bool>) -> Colour {
    match (rate, passed) {
        (None, _) => GREY,
        (_, Some(false)) => RED,
        (Some(r), _) if r < PASS_MARK => RED,
        _ => GREEN,
    }
}

/// The lowest share a chart of `rates` shows: 50 %, or lower in steps of
/// 10 % when a rate is below that, so that the differences between sites
/// and months (mostly between 70 % and 100 %) can be seen.
#[must_use]
pub fn chart_floor(rates: impl IntoIterator<Item = f64>) -> f64 {
    let lowest = rates.into_iter().fold(1.0_f64, f64::min);
    ((lowest - 0.02) * 10.0).floor().clamp(0.0, 5.0) / 10.0
}

/// A small line of scores in a `width` × `height` box from 50 % (or lower,
/// see [`chart_floor`]) to 100 %, the pass mark as a faint line, the last
/// score as a dot in its colour.
fn sparkline(w: &mut Writer<'_>, x: f32, top: f32, width: f32, height: f32, trend: &[f64]) {
    let floor = chart_floor(trend.iter().copied());
    let y_of = |r: f64| {
        let k = ((r - floor) / (1.0 - floor)).clamp(0.0, 1.0);
        top + height - (k as f32) * height
    };
    let pm = y_of(PASS_MARK);
    w.line(x, pm, x + width, pm, 0.3, AMBER);
    let n = trend.len();
    let x_of = |i: usize| {
        if n <= 1 {
            x + width / 2.0
        } else {
            x + width * i as f32 / (n - 1) as f32
        }
    };
    for i in 1..n {
        w.line(
            x_of(i - 1),
            y_of(trend[i - 1]),
            x_of(i),
            y_of(trend[i]),
            0.9,
            ACCENT,
        );
    }
    if let Some(&last) = trend.last() {
        let colour = if last >= PASS_MARK { GREEN } else { RED };
        w.rect(
            x_of(n - 1) - 1.5,
            y_of(last) - 1.5,
            3.0,
            3.0,
            Paint::Fill,
            colour,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heat_colours_go_from_red_through_amber_to_green() {
        let low = heat_colour(Some(0.3));
        let mid = heat_colour(Some(PASS_MARK));
        let high = heat_colour(Some(1.0));
        assert!(low.0 > low.1, "red dominates a low rate: {low:?}");
        assert!(high.1 > high.0, "green dominates a high rate: {high:?}");
        assert!(
            mid.0 > 0.9 && mid.1 > 0.7,
            "amber at the pass mark: {mid:?}"
        );
        assert_eq!(heat_colour(None), (0.93, 0.93, 0.93));
    }

    #[test]
    fn charts_start_at_half_unless_a_rate_is_lower() {
        assert!((chart_floor([0.9, 0.75]) - 0.5).abs() < 1e-9);
        assert!((chart_floor([0.9, 0.43]) - 0.4).abs() < 1e-9);
        assert!((chart_floor([0.05]) - 0.0).abs() < 1e-9);
        assert!((chart_floor([]) - 0.5).abs() < 1e-9);
    }
}
