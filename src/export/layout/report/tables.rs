//! The report's table per contact point: every standard in scope with its
//! verdict and note, the header row repeated on each page.

use super::{BLACK, GREEN, GREY, RED, RULE, Reported, SHADE, heading, percent};
use crate::core::i18n::{ReportWords, report_words};
use crate::core::inspection::Verdict;
use crate::core::inspection::score::Scores;
use crate::core::model::Language;
use crate::export::layout::items::{Paint, Weight};
use crate::export::layout::page::Writer;

/// A table for each contact point of `r`'s set that the inspection covered.
pub(super) fn tables(w: &mut Writer<'_>, r: &Reported<'_>, s: &Scores, lang: Language) {
    let t = report_words(lang);
    let i = r.inspection;
    let set = r.set;
    for cp in &set.contact_points {
        if !i.in_scope(&cp.id) {
            continue;
        }
        let group = s.contact_points.iter().find(|g| g.id == cp.id);
        let rate = group.and_then(|g| g.tally.rate());
        heading(
            w,
            &format!("{} · {}  {}", cp.id, cp.name, percent(rate)),
            11.0,
        );
        table_header(w, t);
        for standard in cp
            .steps
            .iter()
            .flat_map(|s| &s.factors)
            .flat_map(|f| &f.standards)
        {
            let entry = i.entry(&standard.id);
            let verdict = entry.map_or(Verdict::NotChecked, |e| e.verdict);
            let note = entry.map(|e| e.note.as_str()).unwrap_or_default();
            let xs = table_x(w);
            let star = if standard.critical { "★ " } else { "" };
            let text = format!("{star}{}", standard.text);
            let a = w.wrap(&text, 8.5, Weight::Regular, xs[2] - xs[1] - 6.0);
            let b = w.wrap(note, 8.0, Weight::Regular, xs[4] - xs[3] - 6.0);
            let h = (a.len().max(b.len()).max(1) as f32) * 12.0 + 6.0;
            if w.ensure(h) {
                table_header(w, t);
            }
            let y = w.y;
            w.text_at(
                xs[0] + 3.0,
                y + 3.0,
                &standard.id,
                8.0,
                Weight::Regular,
                GREY,
            );
            for (n, line) in a.iter().enumerate() {
                w.text_at(
                    xs[1] + 3.0,
                    y + 3.0 + n as f32 * 12.0,
                    line,
                    8.5,
                    Weight::Regular,
                    BLACK,
                );
            }
            let (vc, vw) = match verdict {
                Verdict::Pass => (GREEN, Weight::Regular),
                Verdict::Fail => (RED, Weight::Bold),
                _ => (GREY, Weight::Regular),
            };
            w.text_at(xs[2] + 3.0, y + 3.0, verdict.label(lang), 8.5, vw, vc);
            for (n, line) in b.iter().enumerate() {
                w.text_at(
                    xs[3] + 3.0,
                    y + 3.0 + n as f32 * 12.0,
                    line,
                    8.0,
                    Weight::Regular,
                    BLACK,
                );
            }
            w.line(w.left(), y + h, w.right(), y + h, 0.3, RULE);
            w.y += h;
        }
        w.gap(10.0);
    }
}

fn table_x(w: &Writer<'_>) -> [f32; 5] {
    [0.0, 0.08, 0.62, 0.73, 1.0].map(|f| w.left() + f * w.content_width())
}

fn table_header(w: &mut Writer<'_>, t: &ReportWords) {
    w.ensure(40.0);
    let xs = table_x(w);
    let y = w.y;
    w.rect(w.left(), y, w.content_width(), 15.0, Paint::Fill, SHADE);
    for (x, c) in xs.iter().zip(["ID", t.standard, t.verdict, t.note]) {
        w.text_at(x + 3.0, y + 3.5, c, 8.5, Weight::Bold, BLACK);
    }
    w.y += 16.0;
}
