//! The report's corrective actions: the latest inspection's, then those of
//! earlier inspections still to be done, each on one line.

use super::{BLACK, GREY, RED, Reported, heading, when_text};
use crate::core::i18n::report_words;
use crate::core::model::Language;
use crate::export::layout::items::Weight;
use crate::export::layout::page::Writer;

/// "A-12 · 收银员 · 期限 2026-11-06 · 待处理（已逾期）: what to do".
pub(super) fn action_line(
    a: &crate::core::inspection::actions::Action,
    lang: Language,
    today: jiff::civil::Date,
) -> String {
    let t = report_words(lang);
    let m = crate::core::i18n::messages(lang);
    let mut status = a.status.label(lang).to_owned();
    if a.is_overdue(today) {
        status.push_str(&crate::core::i18n::aside(lang, m.action_words.overdue));
    }
    let line = crate::core::i18n::fill(
        t.action_line,
        &[
            ("id", &a.id),
            ("owner", &a.owner),
            ("due", &a.due.to_string()),
            ("status", &status),
        ],
    );
    let sep = if lang == Language::En { ": " } else { "：" };
    format!("{line}{sep}{}", a.what)
}

/// The corrective actions: the latest inspection's, then those of earlier
/// inspections still to be done. A count per status, then the open ones
/// first (overdue marked), then the rest.
pub(super) fn actions_section(
    w: &mut Writer<'_>,
    earlier: &[&Reported<'_>],
    latest: &Reported<'_>,
    lang: Language,
    today: jiff::civil::Date,
) {
    let t = report_words(lang);
    w.gap(6.0);
    heading(w, t.actions, 12.0);
    if latest.actions.is_empty() {
        w.paragraph(0.0, t.no_actions, 9.0, Weight::Regular, GREY);
    } else {
        action_list(w, latest.actions, lang, today);
    }
    for r in earlier.iter().rev() {
        let open: Vec<_> = r
            .actions
            .iter()
            .filter(|a| a.status.is_open())
            .cloned()
            .collect();
        if open.is_empty() {
            continue;
        }
        w.gap(4.0);
        w.paragraph(
            0.0,
            &format!("{} · {}", when_text(r.inspection), r.inspection.site),
            9.5,
            Weight::Bold,
            GREY,
        );
        action_list(w, &open, lang, today);
    }
}

fn action_list(
    w: &mut Writer<'_>,
    actions: &[crate::core::inspection::actions::Action],
    lang: Language,
    today: jiff::civil::Date,
) {
    use crate::core::inspection::actions::Status;
    let overdue = actions.iter().filter(|a| a.is_overdue(today)).count();
    let mut counts: Vec<String> = Status::ALL
        .iter()
        .map(|s| (s, actions.iter().filter(|a| a.status == *s).count()))
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| format!("{} {n}", s.label(lang)))
        .collect();
    if overdue > 0 {
        let m = crate::core::i18n::messages(lang);
        counts.push(format!("{} {overdue}", m.action_words.overdue));
    }
    w.paragraph(0.0, &counts.join(" · "), 9.0, Weight::Bold, BLACK);
    let mut ordered: Vec<_> = actions.iter().collect();
    ordered.sort_by_key(|a| (!a.status.is_open(), a.due));
    for a in ordered {
        let color = if a.is_overdue(today) { RED } else { BLACK };
        w.bullet(
            6.0,
            "•",
            &action_line(a, lang, today),
            8.5,
            Weight::Regular,
            color,
        );
        if let Some(done) = &a.done {
            let mut line = done.date.to_string();
            if !done.note.is_empty() {
                line = format!("{line} · {}", done.note);
            }
            if let Some(v) = &a.verified {
                line = format!("{line} · ✓ {} {}", v.by, v.date);
            }
            w.paragraph(20.0, &line, 8.0, Weight::Regular, GREY);
        } else if !a.reason.is_empty() {
            w.paragraph(20.0, &a.reason, 8.0, Weight::Regular, GREY);
        }
    }
}
