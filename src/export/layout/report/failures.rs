//! The report's failed standards: each with its note, its corrective actions
//! and the photos of the verdict and of the fix.

use super::actions::action_line;
use super::{ACCENT, BLACK, GREEN, GREY, RED, Reported, heading};
use crate::core::i18n::report_words;
use crate::core::inspection::score::Scores;
use crate::core::model::Language;
use crate::export::layout::items::{Paint, Weight};
use crate::export::layout::page::Writer;

/// The failures of `r`'s inspection, scored `s`; `repeats` are failed again.
pub(super) fn failures(
    w: &mut Writer<'_>,
    r: &Reported<'_>,
    s: &Scores,
    lang: Language,
    repeats: &[&str],
    today: jiff::civil::Date,
) {
    let t = report_words(lang);
    let i = r.inspection;
    let set = r.set;
    heading(w, t.failures, 12.0);
    let failures: std::collections::HashSet<&str> = s.failures.iter().map(String::as_str).collect();
    let failed: Vec<_> = set
        .standards()
        .filter(|(_, st)| failures.contains(st.id.as_str()))
        .collect();
    if failed.is_empty() {
        w.paragraph(0.0, t.no_failures, 9.5, Weight::Regular, GREEN);
    }
    for (at, st) in failed {
        let star = if st.critical { "★ " } else { "" };
        let repeat = if repeats.contains(&st.id.as_str()) {
            crate::core::i18n::aside(lang, t.repeat)
        } else {
            String::new()
        };
        let text = format!(
            "{star}{} {} — {}{repeat}",
            st.id, st.text, at.contact_point.name
        );
        let note = i.entry(&st.id).map(|e| e.note.as_str()).unwrap_or_default();
        let lines_main = w
            .wrap(&text, 9.0, Weight::Bold, w.content_width() - 10.0)
            .len();
        let lines_note = w
            .wrap(note, 8.5, Weight::Regular, w.content_width() - 20.0)
            .len();
        w.ensure((lines_main as f32 * 13.0) + (lines_note as f32 * 12.5) + 6.0);
        let y = w.y;
        w.rect(w.left(), y + 1.0, 3.0, 10.0, Paint::Fill, RED);
        w.paragraph(
            10.0,
            &text,
            9.0,
            Weight::Bold,
            if st.critical { RED } else { BLACK },
        );
        if !note.is_empty() {
            w.paragraph(20.0, note, 8.5, Weight::Regular, GREY);
        }
        for a in r.actions.iter().filter(|a| a.standard == st.id) {
            w.bullet(
                20.0,
                "→",
                &action_line(a, lang, today),
                8.5,
                Weight::Regular,
                ACCENT,
            );
        }
        // The verdict's photo, then the photos of its fix.
        let shown: Vec<String> = i
            .entry(&st.id)
            .map(|e| e.files().cloned().collect::<Vec<_>>())
            .unwrap_or_default()
            .into_iter()
            .chain(
                r.actions
                    .iter()
                    .filter(|a| a.standard == st.id)
                    .flat_map(|a| a.fix_photos().cloned().collect::<Vec<_>>()),
            )
            .filter(|p| w.images.contains_key(p))
            .collect();
        if !shown.is_empty() {
            let (height, max_w) = (84.0, 120.0);
            w.ensure(height + 8.0);
            let mut x = w.left() + 20.0;
            let top = w.y + 2.0;
            for photo in &shown {
                if x + max_w > w.right() {
                    break;
                }
                let (pw, _) = w.draw_image(photo, x, top, max_w, height);
                x += pw + 8.0;
            }
            w.y += height + 6.0;
        }
        w.gap(4.0);
    }
    if !s.critical_failures.is_empty() || set.standards().any(|(_, st)| st.critical) {
        w.gap(2.0);
        w.paragraph(0.0, t.critical, 8.0, Weight::Regular, GREY);
    }
    if !s.unknown.is_empty() {
        w.gap(6.0);
        w.paragraph(0.0, t.unknown, 9.0, Weight::Bold, RED);
        w.paragraph(10.0, &s.unknown.join(", "), 9.0, Weight::Regular, BLACK);
    }
}
