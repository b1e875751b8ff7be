//! The chain report's heat map: sites down (in the league table's order),
//! contact points across, each cell the site's pooled pass rate there on
//! its colour; the contact points' names above, repeated on every page.

use super::{ChainReported, fit, heading, heat_colour, note, pooled};
use crate::core::i18n::chain_report;
use crate::core::model::Language;
use crate::export::layout::items::{Paint, Weight};
use crate::export::layout::page::{BLACK, SHADE, Writer};
use crate::export::layout::report::percent;

const SIZE: f32 = 6.5;
const ROW: f32 = 10.0;

pub(super) fn heat_map(
    w: &mut Writer<'_>,
    report: &ChainReported<'_>,
    order: &[usize],
    lang: Language,
) {
    let t = chain_report(lang);
    heading(w, t.heat_map, 14.0);
    note(w, t.heat_note);
    key(w, lang);
    let cps = &report.chain.contact_points;
    let name_w = w.content_width() * 0.26;
    // The site's overall pooled rate, then one column per contact point.
    let columns = cps.len() + 1;
    let col_w = (w.content_width() - name_w) / columns as f32;
    let header = |w: &mut Writer<'_>| {
        let mut labels: Vec<Vec<String>> = cps
            .iter()
            .map(|(id, name)| {
                let mut lines = w.wrap(name, SIZE, Weight::Bold, col_w - 3.0);
                lines.truncate(3);
                if lines.is_empty() {
                    lines.push(id.clone());
                }
                lines
            })
            .collect();
        labels.insert(0, vec![t.pass_rate.to_owned()]);
        let rows = labels.iter().map(Vec::len).max().unwrap_or(1);
        let h = rows as f32 * SIZE * 1.25 + 6.0;
        let y = w.y;
        w.rect(w.left(), y, w.content_width(), h, Paint::Fill, SHADE);
        w.text_at(w.left() + 2.0, y + 3.0, t.site, SIZE, Weight::Bold, BLACK);
        for (i, lines) in labels.iter().enumerate() {
            let x = w.left() + name_w + col_w * i as f32;
            for (n, line) in lines.iter().enumerate() {
                let top = y + 3.0 + n as f32 * SIZE * 1.25;
                w.text_at(x + 1.5, top, line, SIZE, Weight::Bold, BLACK);
            }
        }
        w.y += h + 1.0;
    };
    w.continued = Some(crate::export::layout::continued(lang, t.heat_map));
    w.ensure(60.0);
    header(w);
    for &n in order {
        let row = &report.chain.sites[n];
        if w.ensure(ROW) {
            header(w);
        }
        let y = w.y;
        let name = if row.site.id.is_empty() {
            row.site.name.clone()
        } else {
            format!("{} {}", row.site.id, row.site.name)
        };
        let name = fit(w, &name, SIZE, Weight::Regular, name_w - 4.0);
        w.text_at(w.left() + 2.0, y + 1.5, &name, SIZE, Weight::Regular, BLACK);
        let overall = pooled(&row.heat).rate();
        let cells = std::iter::once(overall)
            .chain(row.heat.iter().map(crate::core::inspection::Tally::rate));
        for (i, rate) in cells.enumerate() {
            let x = w.left() + name_w + col_w * i as f32;
            w.rect(
                x + 0.5,
                y,
                col_w - 1.0,
                ROW - 1.0,
                Paint::Fill,
                heat_colour(rate),
            );
            let text = if rate.is_some() {
                percent(rate)
            } else {
                String::new()
            };
            let weight = if i == 0 {
                Weight::Bold
            } else {
                Weight::Regular
            };
            let tw = w.text_width(&text, SIZE, weight);
            w.text_at(x + (col_w - tw) / 2.0, y + 1.5, &text, SIZE, weight, BLACK);
        }
        w.y += ROW;
    }
    w.continued = None;
}

/// The colours' key: a swatch for 50 %, 70 %, 80 %, 90 % and 100 %, and
/// one for a cell with no verdict.
fn key(w: &mut Writer<'_>, lang: Language) {
    let t = chain_report(lang);
    w.ensure(ROW + 6.0);
    let y = w.y;
    let mut x = w.left();
    let swatches = [Some(0.5), Some(0.7), Some(0.8), Some(0.9), Some(1.0), None];
    for rate in swatches {
        let label = rate.map_or_else(|| t.no_verdicts.to_owned(), |r| percent(Some(r)));
        let width = w.text_width(&label, SIZE, Weight::Regular) + 8.0;
        w.rect(x, y, width, ROW - 1.0, Paint::Fill, heat_colour(rate));
        w.text_at(x + 4.0, y + 1.5, &label, SIZE, Weight::Regular, BLACK);
        x += width + 3.0;
    }
    w.y += ROW + 6.0;
}
