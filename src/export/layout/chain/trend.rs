//! The trend per region: one line per region over the months (each point
//! the month's pooled pass rate of the region's whole visits), and the same
//! figures as a table of the latest twelve months.
#![expect(
    clippy::cast_possible_truncation,
    reason = "chart coordinates from shares in 0–1"
)]

use std::collections::BTreeSet;

use super::{AMBER, ChainReported, fit, header_row, region_name, row_rule, score_colour};
use crate::core::i18n::{chain_report, report_words};
use crate::core::inspection::score::PASS_MARK;
use crate::core::model::Language;
use crate::export::layout::items::{Colour, Paint, Weight};
use crate::export::layout::page::{BLACK, GREY, RULE, Writer};
use crate::export::layout::report::percent;

/// Line colours, one per region in turn; distinct in print and for the
/// common colour blindnesses (Okabe–Ito).
const PALETTE: [Colour; 8] = [
    (0.0, 0.45, 0.70),
    (0.84, 0.37, 0.0),
    (0.0, 0.62, 0.45),
    (0.8, 0.47, 0.65),
    (0.34, 0.71, 0.91),
    (0.9, 0.62, 0.0),
    (0.35, 0.35, 0.35),
    (0.6, 0.3, 0.1),
];

const SIZE: f32 = 7.5;

fn month_label((year, month): (i16, i8)) -> String {
    format!("{year}-{month:02}")
}

/// Every month with a point, in order.
fn months(report: &ChainReported<'_>) -> Vec<(i16, i8)> {
    let set: BTreeSet<(i16, i8)> = report.chain.region_trend.iter().map(|m| m.month).collect();
    set.into_iter().collect()
}

/// The line chart of every region's monthly pass rate, with its key.
pub(super) fn region_chart(w: &mut Writer<'_>, report: &ChainReported<'_>, lang: Language) {
    let t = chain_report(lang);
    let months = months(report);
    let regions = report.regions();
    let height = 140.0;
    let key_rows = regions.len().div_ceil(4).max(1) as f32;
    w.ensure(height + 34.0 + key_rows * 12.0);
    let left = w.left() + 30.0;
    let width = w.content_width() - 40.0;
    let top = w.y;
    let floor = super::chart_floor(
        report
            .chain
            .region_trend
            .iter()
            .filter_map(|m| m.tally.rate()),
    );
    let y_of = |r: f64| {
        let k = ((r - floor) / (1.0 - floor)).clamp(0.0, 1.0);
        top + height - (k as f32) * height
    };
    let ticks = (0..=5).map(|i| floor + (1.0 - floor) * f64::from(i) / 5.0);
    for tick in ticks {
        let y = y_of(tick);
        w.line(left, y, left + width, y, 0.3, RULE);
        let label = percent(Some(tick));
        let lw = w.text_width(&label, 7.0, Weight::Regular);
        w.text_at(left - lw - 4.0, y - 4.0, &label, 7.0, Weight::Regular, GREY);
    }
    let pm = y_of(PASS_MARK);
    w.line(left, pm, left + width, pm, 0.8, AMBER);
    let pass_mark = report_words(lang).pass_mark;
    let pw = w.text_width(pass_mark, 7.0, Weight::Regular);
    w.text_at(
        left + width - pw,
        pm - 10.0,
        pass_mark,
        7.0,
        Weight::Regular,
        AMBER,
    );
    let n = months.len().max(1);
    let x_of = |i: usize| {
        if n == 1 {
            left + width / 2.0
        } else {
            left + 8.0 + (width - 16.0) * i as f32 / (n - 1) as f32
        }
    };
    let every = n.div_ceil(12);
    for (i, m) in months.iter().enumerate() {
        if i % every == 0 || i + 1 == n {
            let label = month_label(*m);
            let lw = w.text_width(&label, 7.0, Weight::Regular);
            w.text_at(
                x_of(i) - lw / 2.0,
                top + height + 4.0,
                &label,
                7.0,
                Weight::Regular,
                GREY,
            );
        }
    }
    for (r, region) in regions.iter().enumerate() {
        let colour = PALETTE[r % PALETTE.len()];
        let mut last: Option<(f32, f32)> = None;
        for (i, m) in months.iter().enumerate() {
            let point = report
                .chain
                .region_trend
                .iter()
                .find(|p| &p.region == region && p.month == *m)
                .and_then(|p| p.tally.rate());
            let Some(rate) = point else {
                last = None;
                continue;
            };
            let (x, y) = (x_of(i), y_of(rate));
            if let Some((px, py)) = last {
                w.line(px, py, x, y, 1.3, colour);
            }
            w.rect(x - 2.0, y - 2.0, 4.0, 4.0, Paint::Fill, colour);
            last = Some((x, y));
        }
    }
    w.y = top + height + 18.0;
    // The key: a swatch and the region's name, four to a line.
    let cell = w.content_width() / 4.0;
    for (r, region) in regions.iter().enumerate() {
        let x = w.left() + cell * (r % 4) as f32;
        let y = w.y + (r / 4) as f32 * 12.0;
        let colour = PALETTE[r % PALETTE.len()];
        w.rect(x, y + 2.0, 10.0, 4.0, Paint::Fill, colour);
        let name = fit(
            w,
            region_name(region, t),
            SIZE,
            Weight::Regular,
            cell - 18.0,
        );
        w.text_at(x + 14.0, y, &name, SIZE, Weight::Regular, BLACK);
    }
    w.y += key_rows * 12.0 + 8.0;
}

/// Regions down, the latest twelve months across: each month's pass rate.
pub(super) fn region_table(w: &mut Writer<'_>, report: &ChainReported<'_>, lang: Language) {
    let t = chain_report(lang);
    let months = months(report);
    let shown = &months[months.len().saturating_sub(12)..];
    if shown.is_empty() {
        return;
    }
    let name_w = w.content_width() * 0.2;
    let col_w = (w.content_width() - name_w) / shown.len() as f32;
    let mut xs = vec![w.left()];
    xs.extend((0..shown.len()).map(|i| w.left() + name_w + col_w * i as f32));
    let labels: Vec<String> = std::iter::once(t.region.to_owned())
        .chain(shown.iter().map(|m| month_label(*m)))
        .collect();
    let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
    w.gap(6.0);
    header_row(w, &xs, &labels, 6.5);
    for region in report.regions() {
        if w.ensure(12.0) {
            header_row(w, &xs, &labels, 6.5);
        }
        let y = w.y;
        let name = fit(
            w,
            region_name(&region, t),
            SIZE,
            Weight::Regular,
            name_w - 4.0,
        );
        w.text_at(xs[0] + 2.0, y + 2.0, &name, SIZE, Weight::Regular, BLACK);
        for (i, m) in shown.iter().enumerate() {
            let rate = report
                .chain
                .region_trend
                .iter()
                .find(|p| p.region == region && p.month == *m)
                .and_then(|p| p.tally.rate());
            let colour = score_colour(rate, None);
            w.text_at(
                xs[i + 1] + 2.0,
                y + 2.0,
                &percent(rate),
                SIZE,
                Weight::Regular,
                colour,
            );
        }
        row_rule(w, y + 11.0);
        w.y += 12.0;
    }
}
