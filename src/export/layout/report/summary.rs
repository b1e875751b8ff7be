//! The report's summary of several inspections: every inspection's score and
//! result, the trend, and the pass rate per contact point in the latest six.

use super::charts::line_chart;
use super::{BLACK, GREEN, GREY, RED, RULE, Reported, SHADE, heading, percent, when_text};
use crate::core::i18n::report_words;
use crate::core::inspection::score::{PASS_MARK, Scores};
use crate::core::model::Language;
use crate::export::layout::items::{Paint, Weight};
use crate::export::layout::page::Writer;

pub(super) fn summary(
    w: &mut Writer<'_>,
    sorted: &[&Reported<'_>],
    scores: &[Scores],
    lang: Language,
) {
    let t = report_words(lang);
    heading(w, t.summary, 16.0);
    let set = sorted[sorted.len() - 1].set;
    w.paragraph(
        0.0,
        &format!("{}: {}", t.standards_set, set.title),
        9.5,
        Weight::Regular,
        GREY,
    );
    w.gap(8.0);
    // Table: date, site, inspector, score, result.
    let xs = [0.0, 0.2, 0.42, 0.6, 0.7].map(|f| w.left() + f * w.content_width());
    let cols = [t.when, t.site, t.inspector, t.score, t.result];
    let size = 9.0;
    let y = w.y;
    w.rect(w.left(), y, w.content_width(), 16.0, Paint::Fill, SHADE);
    for (x, c) in xs.iter().zip(cols) {
        w.text_at(x + 3.0, y + 4.0, c, size, Weight::Bold, BLACK);
    }
    w.y += 18.0;
    for (r, s) in sorted.iter().zip(scores) {
        w.ensure(16.0);
        let y = w.y;
        let cells = [
            when_text(r.inspection),
            r.inspection.site.clone(),
            r.inspection.inspector.clone(),
            percent(s.overall.rate()),
            s.result_cell(lang),
        ];
        for (i, (x, c)) in xs.iter().zip(&cells).enumerate() {
            let color = if i == 4 {
                if s.passed() { GREEN } else { RED }
            } else {
                BLACK
            };
            w.text_at(x + 3.0, y + 2.0, c, size, Weight::Regular, color);
        }
        w.line(w.left(), y + 15.0, w.right(), y + 15.0, 0.4, RULE);
        w.y += 16.0;
    }
    w.gap(16.0);
    // Trend line.
    let (points, left_out) = crate::core::inspection::visit::trend(
        sorted
            .iter()
            .zip(scores)
            .map(|(r, s)| (r.inspection.when.strftime("%Y-%m-%d").to_string(), s)),
    );
    heading(w, t.trend, 12.0);
    line_chart(w, &points, t.pass_mark);
    if !left_out.is_empty() {
        let vocab = &crate::core::i18n::words(lang).vocab;
        let text = crate::core::i18n::fill(
            vocab.trend_leaves_out,
            &[("dates", &left_out.join(t.list_separator))],
        );
        w.paragraph(0.0, &text, 8.5, Weight::Regular, GREY);
    }
    w.gap(8.0);
    by_contact_point_matrix(w, sorted, scores, lang);
}

/// Contact points down, the latest six inspections across, pass rates in the cells.
fn by_contact_point_matrix(
    w: &mut Writer<'_>,
    sorted: &[&Reported<'_>],
    scores: &[Scores],
    lang: Language,
) {
    let t = report_words(lang);
    let first = sorted.len().saturating_sub(6);
    let recent = &sorted[first..];
    let scores = &scores[first..];
    let set = recent[recent.len() - 1].set;
    heading(w, t.by_contact_point, 12.0);
    let name_w = w.content_width() * 0.34;
    let col_w = (w.content_width() - name_w) / recent.len() as f32;
    let size = 8.5;
    let header = |w: &mut Writer<'_>| {
        let y = w.y;
        w.rect(w.left(), y, w.content_width(), 16.0, Paint::Fill, SHADE);
        for (i, r) in recent.iter().enumerate() {
            let label = r.inspection.when.strftime("%Y-%m-%d").to_string();
            let x = w.left() + name_w + col_w * i as f32;
            w.text_at(x + 3.0, y + 4.0, &label, size, Weight::Bold, BLACK);
        }
        w.y += 18.0;
    };
    w.ensure(34.0);
    header(w);
    for cp in &set.contact_points {
        // A row that starts a new page gets the dates above it again.
        if w.ensure(15.0) {
            header(w);
        }
        let y = w.y;
        let name = w.wrap(&cp.name, size, Weight::Regular, name_w - 6.0);
        w.text_at(
            w.left() + 3.0,
            y + 2.0,
            name.first().map_or("", String::as_str),
            size,
            Weight::Regular,
            BLACK,
        );
        for (i, s) in scores.iter().enumerate() {
            let rate = s
                .contact_points
                .iter()
                .find(|g| g.id == cp.id)
                .and_then(|g| g.tally.rate());
            let color = match rate {
                Some(r) if r >= PASS_MARK => GREEN,
                Some(_) => RED,
                None => GREY,
            };
            let x = w.left() + name_w + col_w * i as f32;
            w.text_at(
                x + 3.0,
                y + 2.0,
                &percent(rate),
                size,
                Weight::Regular,
                color,
            );
        }
        w.line(w.left(), y + 14.0, w.right(), y + 14.0, 0.3, RULE);
        w.y += 15.0;
    }
}
