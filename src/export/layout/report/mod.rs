//! The inspection report laid out: with several inspections a summary first,
//! then the latest in full, then the importance × satisfaction quadrant.

mod actions;
mod charts;
mod failures;
mod inspection;
mod summary;
mod survey;
mod tables;

use crate::core::i18n::report_words;
use crate::core::inspection::score::{Scores, weak_links};
use crate::core::inspection::survey::Survey;
use crate::core::inspection::{Inspection, score};
use crate::core::model::{Language, StandardsSet};
use crate::export::layout::items::{Colour, Document, Picture, Weight};
use crate::export::layout::page::{ACCENT, Paper, Writer};
use crate::export::layout::{Faces, Meta, render};

pub(super) use crate::export::layout::page::{BLACK, GREY, RULE, SHADE};

use charts::quadrant;
use inspection::one;
use summary::summary;

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

const GREEN: Colour = (0.16, 0.55, 0.33);
const RED: Colour = (0.78, 0.19, 0.17);
const AMBER: Colour = (0.85, 0.55, 0.1);

/// `82%` or `—`.
#[must_use]
pub fn percent(rate: Option<f64>) -> String {
    rate.map_or_else(|| "—".to_owned(), |r| format!("{:.0}%", r * 100.0))
}

/// When an inspection was made, to the minute.
#[must_use]
pub fn when_text(i: &Inspection) -> String {
    i.when.strftime("%Y-%m-%d %H:%M").to_string()
}

fn heading(w: &mut Writer<'_>, text: &str, size: f32) {
    w.ensure(size * 2.2);
    let y = w.y;
    w.text_at(w.left(), y, text, size, Weight::Bold, ACCENT);
    w.y += size * 1.7;
}

/// The report of `reports`, the earliest first, none empty (the caller
/// checks), with the quadrant of the latest with `survey` (factor ID →
/// share), then `notes`: headed lists of what the report left out, already
/// in `lang`. `photos` are the latest inspection's photos that can be
/// printed, by name, with their size.
#[must_use]
#[allow(
    clippy::too_many_arguments,
    reason = "each is one input of the report; a struct of them would only rename them"
)]
pub fn report(
    reports: &[&Reported<'_>],
    survey: &Survey,
    notes: &[(&str, Vec<String>)],
    paper: Paper,
    lang: Language,
    created: Option<jiff::Timestamp>,
    faces: Faces<'_>,
    photos: Vec<(String, Picture)>,
) -> Document {
    report_with(
        reports, survey, None, notes, paper, lang, created, faces, photos,
    )
}

/// [`report`] with what customers said (`customers`: the survey's figures
/// and its plan): the quadrant places factors by their answers where
/// enough answered, and a survey section follows it.
#[must_use]
#[allow(
    clippy::too_many_arguments,
    reason = "each is one input of the report; a struct of them would only rename them"
)]
pub fn report_with(
    reports: &[&Reported<'_>],
    survey: &Survey,
    customers: Option<(
        &crate::core::survey::Figures,
        &crate::core::survey::SurveyPlan,
    )>,
    notes: &[(&str, Vec<String>)],
    paper: Paper,
    lang: Language,
    created: Option<jiff::Timestamp>,
    faces: Faces<'_>,
    photos: Vec<(String, Picture)>,
) -> Document {
    let w_ = report_words(lang);
    let sorted = reports;
    let latest = sorted[sorted.len() - 1];
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
        stamp: None,
        logo: None,
        images: photos,
    };
    render(meta, faces, |w, bookmarks| {
        if sorted.len() > 1 {
            w.new_page();
            bookmarks.push((w_.summary.to_owned(), w.page_number()));
            summary(w, sorted, &scores, lang);
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
        let placed = customers.map(|(figures, plan)| {
            crate::core::survey::place(
                latest.set,
                Some(latest_scores),
                Some(&figures.overall),
                plan.min_answers,
            )
        });
        let points = match &placed {
            Some(placed) => placed.points.clone(),
            None => weak_links(latest.set, Some(latest_scores), survey),
        };
        if !points.is_empty() {
            w.new_page();
            bookmarks.push((w_.quadrant.to_owned(), w.page_number()));
            quadrant(w, &points, lang);
        }
        if let (Some((figures, _)), Some(placed)) = (customers, &placed) {
            w.new_page();
            let title = crate::core::i18n::survey_words(lang).figures.heading;
            bookmarks.push((title.to_owned(), w.page_number()));
            survey::survey_section(w, latest.set, figures, placed, lang);
        }
        for (title, lines) in notes {
            noted(w, title, lines);
        }
        0
    })
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
