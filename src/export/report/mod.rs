//! Inspection reports: a PDF with the score, the verdict, a table per contact
//! point, a bar chart of pass rates, the trend and the importance ×
//! satisfaction quadrant drawn as vector graphics; CSV and XLSX with one row
//! per verdict. Pure functions from records to bytes.

use std::collections::HashMap;

use printpdf::PaintMode;

use crate::core::i18n::{ReportWords, report_words};
use crate::core::inspection::score::{PASS_MARK, Scores, weak_links};
use crate::core::inspection::{Inspection, Verdict, score};
use crate::core::model::{Language, StandardsSet};
use crate::export::ExportError;
use crate::export::pdf::page::{ACCENT, BLACK, GREY, Paper, RULE, SHADE, Weight, Writer};
use crate::export::pdf::{Meta, render};

mod charts;
mod photos;
pub use photos::{LeftOut, left_out};
mod sheet;

use charts::{bar_chart, line_chart, quadrant};
pub use sheet::{csv, rows, xlsx};

/// One inspection with the set it checked, ready to report.
pub struct Reported<'a> {
    pub set: &'a StandardsSet,
    pub inspection: &'a Inspection,
    /// Its corrective actions (from the actions file beside it).
    pub actions: &'a [crate::core::inspection::actions::Action],
    /// The photos its verdicts and actions name, read by the caller (see
    /// `core::inspection::actions::latest_photos`), by the path as written:
    /// exports do no file I/O.
    pub photos: &'a [(String, Vec<u8>)],
}

const GREEN: (f32, f32, f32) = (0.16, 0.55, 0.33);
const RED: (f32, f32, f32) = (0.78, 0.19, 0.17);
const AMBER: (f32, f32, f32) = (0.85, 0.55, 0.1);

/// `82%` or `—`.
#[must_use]
pub fn percent(rate: Option<f64>) -> String {
    rate.map_or_else(|| "—".to_owned(), |r| format!("{:.0}%", r * 100.0))
}

fn when_text(i: &Inspection) -> String {
    i.when.strftime("%Y-%m-%d %H:%M").to_string()
}

// ---------------------------------------------------------------- PDF

/// The PDF report of one or more inspections of a set. With several, a
/// summary comes first: every inspection's score and result, the trend, and
/// the pass rate per contact point in the latest six; then the latest
/// inspection in full, and the quadrant of the latest with `survey` (factor
/// ID → share), then `notes`: headed lists (survey rows not used as written,
/// photos left out), already in `lang`, so the report itself says what it
/// left out.
///
/// # Errors
/// When the bundled font cannot be read.
#[expect(
    clippy::implicit_hasher,
    reason = "survey scores come from parse_survey"
)]
pub fn pdf(
    reports: &[Reported<'_>],
    survey: &HashMap<String, f64>,
    notes: &[(&str, Vec<String>)],
    paper: Paper,
    lang: Language,
    created: Option<jiff::Timestamp>,
) -> Result<Vec<u8>, ExportError> {
    let w_ = report_words(lang);
    let mut sorted: Vec<&Reported<'_>> = reports.iter().collect();
    sorted.sort_by_key(|r| r.inspection.when);
    let Some(latest) = sorted.last() else {
        return Err(ExportError::NoInspection);
    };
    // Scored once here; the summary, the full report and the quadrant share them.
    let scores: Vec<Scores> = sorted.iter().map(|r| score(r.set, r.inspection)).collect();
    let latest_scores = &scores[scores.len() - 1];
    let title = format!("{} · {}", latest.set.title, w_.report);
    let meta = Meta {
        title: title.clone(),
        author: latest.inspection.inspector.clone(),
        subject: w_.report.to_owned(),
        header: title,
        paper,
        lang,
        created,
        stamp: None,
        logo: None,
        // The latest inspection's photos that can be shown (JPEG or PNG).
        images: photos::printable(latest.photos),
    };
    render(&meta, |w, bookmarks| {
        if sorted.len() > 1 {
            w.new_page();
            bookmarks.push((w_.summary.to_owned(), w.page_number()));
            summary(w, &sorted, &scores, lang);
        }
        // The latest in full; earlier ones are in the summary and the trend.
        w.new_page();
        bookmarks.push((
            format!(
                "{} · {}",
                when_text(latest.inspection),
                latest.inspection.site
            ),
            w.page_number(),
        ));
        let records: Vec<&Inspection> = sorted.iter().map(|r| r.inspection).collect();
        let repeats = crate::core::inspection::actions::repeats(latest.inspection, &records);
        // Overdue as of the day the report is made (or of the inspection).
        let today = created.map_or(latest.inspection.when.date(), |at| {
            at.to_zoned(jiff::tz::TimeZone::UTC).date()
        });
        let earlier = &sorted[..sorted.len() - 1];
        one(w, latest, earlier, latest_scores, lang, &repeats, today);
        let points = weak_links(latest.set, Some(latest_scores), survey);
        if !points.is_empty() {
            w.new_page();
            bookmarks.push((w_.quadrant.to_owned(), w.page_number()));
            quadrant(w, &points, lang);
        }
        for (title, lines) in notes {
            noted(w, title, lines);
        }
        0
    })
}

/// "A-3 · 收银员 · 期限 2026-11-06 · 待处理（已逾期）: what to do".
fn action_line(
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
fn actions_section(
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

/// A heading and one paragraph per note; nothing when there are none.
fn noted(w: &mut Writer<'_>, title: &str, notes: &[String]) {
    if !notes.is_empty() {
        heading(w, title, 12.0);
        for note in notes {
            w.paragraph(0.0, note, 9.0, Weight::Regular, BLACK);
        }
    }
}

fn heading(w: &mut Writer<'_>, text: &str, size: f32) {
    w.ensure(size * 2.2);
    let y = w.y;
    w.text_at(w.left(), y, text, size, Weight::Bold, ACCENT);
    w.y += size * 1.7;
}

fn summary(w: &mut Writer<'_>, sorted: &[&Reported<'_>], scores: &[Scores], lang: Language) {
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
    w.rect(w.left(), y, w.content_width(), 16.0, PaintMode::Fill, SHADE);
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
        w.rect(w.left(), y, w.content_width(), 16.0, PaintMode::Fill, SHADE);
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

fn one(
    w: &mut Writer<'_>,
    r: &Reported<'_>,
    earlier: &[&Reported<'_>],
    s: &Scores,
    lang: Language,
    repeats: &[&str],
    today: jiff::civil::Date,
) {
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

    // Score box.
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
    w.rect(
        w.left(),
        y,
        w.content_width(),
        56.0,
        PaintMode::Stroke,
        color,
    );
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

    // Bar chart per contact point.
    heading(w, t.by_contact_point, 12.0);
    bar_chart(w, s, t.pass_mark);
    w.gap(6.0);

    // By kind.
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

    // Failures with notes.
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
        w.rect(w.left(), y + 1.0, 3.0, 10.0, PaintMode::Fill, RED);
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
                    .flat_map(|a| a.done.iter().flat_map(|d| d.photos.clone())),
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
    actions_section(w, earlier, r, lang, today);
    w.gap(10.0);

    // A table per contact point.
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
    w.rect(w.left(), y, w.content_width(), 15.0, PaintMode::Fill, SHADE);
    for (x, c) in xs.iter().zip(["ID", t.standard, t.verdict, t.note]) {
        w.text_at(x + 3.0, y + 3.5, c, 8.5, Weight::Bold, BLACK);
    }
    w.y += 16.0;
}
