//! One inspection in full: what was inspected, the score, pass rates by
//! contact point and by kind, the failures with their photos and actions,
//! then a table per contact point.

use super::actions::actions_section;
use super::charts::bar_chart;
use super::failures::failures;
use super::tables::tables;
use super::{BLACK, GREEN, GREY, RED, Reported, heading, percent, when_text};
use crate::core::i18n::report_words;
use crate::core::inspection::score::Scores;
use crate::core::model::Language;
use crate::export::layout::items::{Paint, Weight};
use crate::export::layout::page::Writer;

/// The latest inspection, `r`, scored `s`; `earlier` ones add their open
/// actions; `repeats` are the standards failed again; `today` says what is overdue.
pub(super) fn one(
    w: &mut Writer<'_>,
    r: &Reported<'_>,
    earlier: &[&Reported<'_>],
    s: &Scores,
    lang: Language,
    repeats: &[&str],
    today: jiff::civil::Date,
) {
    let t = report_words(lang);
    facts(w, r, lang);
    score_box(w, s, lang);
    // Bar chart per contact point.
    heading(w, t.by_contact_point, 12.0);
    bar_chart(w, s, t.pass_mark);
    w.gap(6.0);

    by_kind(w, s, lang);
    failures(w, r, s, lang, repeats, today);
    actions_section(w, earlier, r, lang, today);
    w.gap(10.0);
    tables(w, r, s, lang);
}

/// The heading and what was inspected, where, by whom, when, how and of what.
fn facts(w: &mut Writer<'_>, r: &Reported<'_>, lang: Language) {
    let t = report_words(lang);
    let i = r.inspection;
    let set = r.set;
    heading(w, &format!("{} · {}", t.report, i.site), 16.0);
    let scope = if i.scope.is_empty() {
        t.all.to_owned()
    } else {
        set.contact_points
            .iter()
            .filter(|c| i.in_scope(&c.id))
            .map(|c| c.name.as_str())
            .collect::<Vec<_>>()
            .join(report_words(lang).list_separator)
    };
    let facts = [
        (
            t.standards_set,
            format!(
                "{}{}",
                i.standards.title,
                crate::core::i18n::aside(lang, &format!("{} {}", t.revision, i.standards.revision))
            ),
        ),
        (t.site, i.site.clone()),
        (t.inspector, i.inspector.clone()),
        (t.when, when_text(i)),
        (t.method, i.method.label(lang).to_owned()),
        (t.scope, scope),
    ];
    for (label, value) in facts {
        w.ensure(14.0);
        let y = w.y;
        w.text_at(w.left(), y, label, 9.0, Weight::Regular, GREY);
        let h = w.paragraph_at(
            w.left() + 110.0,
            y,
            w.content_width() - 110.0,
            &value,
            9.0,
            Weight::Regular,
            BLACK,
        );
        w.y += h.max(13.0);
    }
    w.gap(8.0);
}

/// The score, the result and the counts behind them, in a box the colour of the result.
fn score_box(w: &mut Writer<'_>, s: &Scores, lang: Language) {
    let t = report_words(lang);
    let passed = s.passed();
    let color = if s.overall.rate().is_none() {
        GREY
    } else if passed {
        GREEN
    } else {
        RED
    };
    w.ensure(64.0);
    let y = w.y;
    w.rect(w.left(), y, w.content_width(), 56.0, Paint::Stroke, color);
    w.text_at(
        w.left() + 12.0,
        y + 8.0,
        t.score,
        9.0,
        Weight::Regular,
        GREY,
    );
    w.text_at(
        w.left() + 12.0,
        y + 22.0,
        &percent(s.overall.rate()),
        24.0,
        Weight::Bold,
        color,
    );
    let counts = match s.visit_text(lang) {
        Some(partial) => format!("{} · {partial}", s.overall.summary(lang)),
        None => s.overall.summary(lang),
    };
    let x2 = w.left() + 130.0;
    w.text_at(x2, y + 8.0, t.result, 9.0, Weight::Regular, GREY);
    w.text_at(x2, y + 22.0, s.result_text(lang), 13.0, Weight::Bold, color);
    w.text_at(x2, y + 40.0, &counts, 8.5, Weight::Regular, BLACK);
    w.y += 66.0;
}

/// The pass rate of each kind of standard (procedure, manner, …) that was checked.
fn by_kind(w: &mut Writer<'_>, s: &Scores, lang: Language) {
    let t = report_words(lang);
    heading(w, t.by_kind, 12.0);
    let counted = &crate::core::i18n::words(lang).vocab.tally;
    for (kind, tally) in &s.kinds {
        if tally.total() == 0 {
            continue;
        }
        w.ensure(14.0);
        let y = w.y;
        w.text_at(w.left(), y, kind.label(lang), 9.0, Weight::Regular, BLACK);
        w.text_at(
            w.left() + 110.0,
            y,
            &percent(tally.rate()),
            9.0,
            Weight::Bold,
            BLACK,
        );
        w.text_at(
            w.left() + 160.0,
            y,
            &format!(
                "{} {} · {} {} · {} {}",
                tally.passed,
                counted.passed,
                tally.failed,
                counted.failed,
                tally.not_applicable,
                counted.na
            ),
            8.5,
            Weight::Regular,
            GREY,
        );
        w.y += 14.0;
    }
    w.gap(8.0);
}
