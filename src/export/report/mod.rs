//! Inspection reports: a PDF with the score, the verdict, a table per contact
//! point, a bar chart of pass rates, the trend and the importance ×
//! satisfaction quadrant drawn as vector graphics (laid out in
//! `layout::report`); CSV and XLSX with one row per verdict. Pure functions
//! from records to bytes.

use crate::core::inspection::survey::Survey;
use crate::core::model::Language;
use crate::export::layout::Paper;
use crate::export::{ExportError, layout, pdf as emit};

pub mod chain;
mod photos;
mod sheet;

pub use photos::{LeftOut, left_out};

pub use crate::export::layout::report::{Reported, percent};
pub use sheet::{csv, rows, xlsx};

/// The PDF report of one or more inspections of a set. With several, a
/// summary comes first: every inspection's score and result, the trend, and
/// the pass rate per contact point in the latest six; then the latest
/// inspection in full, and the quadrant of the latest with `survey` (factor
/// ID → share, from `core::inspection::survey`), then `notes`: headed lists
/// (survey rows not used as written, photos left out), already in `lang`, so
/// the report itself says what it left out.
///
/// # Errors
/// No inspection, or the bundled font cannot be read.
pub fn pdf(
    reports: &[Reported<'_>],
    survey: &Survey,
    notes: &[(&str, Vec<String>)],
    paper: Paper,
    lang: Language,
    created: Option<jiff::Timestamp>,
) -> Result<Vec<u8>, ExportError> {
    pdf_with(reports, survey, None, notes, paper, lang, created)
}

/// [`pdf`] with what customers said: the survey's figures and its plan
/// (see `layout::report::report_with`).
///
/// # Errors
/// No inspection, or the bundled font cannot be read.
pub fn pdf_with(
    reports: &[Reported<'_>],
    survey: &Survey,
    customers: Option<(
        &crate::core::survey::Figures,
        &crate::core::survey::SurveyPlan,
    )>,
    notes: &[(&str, Vec<String>)],
    paper: Paper,
    lang: Language,
    created: Option<jiff::Timestamp>,
) -> Result<Vec<u8>, ExportError> {
    let mut sorted: Vec<&Reported<'_>> = reports.iter().collect();
    sorted.sort_by_key(|r| r.inspection.when);
    let Some(latest) = sorted.last() else {
        return Err(ExportError::NoInspection);
    };
    // The latest inspection's photos that can be shown (JPEG or PNG).
    let (names, images): (Vec<String>, Vec<emit::image::Embedded>) =
        photos::printable(latest.photos).into_iter().unzip();
    let photos = names
        .into_iter()
        .zip(&images)
        .map(|(name, image)| (name, image.picture()))
        .collect();
    let fonts = emit::fonts(lang)?;
    let document = layout::report::report_with(
        &sorted,
        survey,
        customers,
        notes,
        paper,
        lang,
        created,
        fonts.faces(),
        photos,
    );
    emit::pdf(
        &document,
        &emit::Options {
            created,
            images: &images,
        },
    )
}
