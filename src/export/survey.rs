//! The survey's exports: the printed questionnaire (laid out in
//! `layout::questionnaire`) and the response template as CSV or XLSX. Pure
//! functions from the set and its plan to bytes; the caller writes the file.
//! (A fillable PDF form of the questionnaire waits for the form writer of
//! the fillable checklist.)

use super::layout::{self, Document, Paper};
use super::{ExportError, Format, pdf as emit};
use crate::core::i18n::{fill, survey_words};
use crate::core::model::{Language, StandardsSet};
use crate::core::survey::SurveyPlan;
use crate::core::survey::questionnaire::{self, Questionnaire};

/// The questionnaire of `set` as `plan` words it, in `languages` (none: the
/// set's and the plan's second language).
///
/// # Errors
/// A set with no key factor: there is nothing to ask.
pub fn questionnaire_of(
    set: &StandardsSet,
    plan: &SurveyPlan,
    languages: &[Language],
) -> Result<Questionnaire, ExportError> {
    let q = Questionnaire::new(set, plan, languages);
    if q.sections.is_empty() {
        return Err(ExportError::Empty);
    }
    Ok(q)
}

/// The printed questionnaire's pages.
///
/// # Errors
/// The bundled font cannot be read.
pub fn document(q: &Questionnaire, paper: Paper) -> Result<Document, ExportError> {
    // The faces of the sheet's first language (traditional Chinese has its own).
    let lang = q.languages.first().copied().unwrap_or_default();
    let fonts = emit::fonts(lang)?;
    Ok(layout::questionnaire::questionnaire(
        q,
        paper,
        fonts.faces(),
    ))
}

/// The questionnaire as `format`: a printable PDF, or the response
/// template as CSV or XLSX.
///
/// # Errors
/// See [`ExportError`].
pub fn export(
    q: &Questionnaire,
    format: Format,
    paper: Paper,
    created: Option<jiff::Timestamp>,
) -> Result<Vec<u8>, ExportError> {
    match format {
        Format::Pdf => emit::pdf(
            &document(q, paper)?,
            &emit::Options {
                created,
                images: &[],
            },
        ),
        Format::Csv => Ok(super::csv::survey_template(q)),
        Format::Xlsx => super::xlsx::survey_template(q, &question_rows(q)),
    }
}

/// What each column of the template asks, one row an ID, one column a
/// language: the template's second sheet.
#[must_use]
pub fn question_rows(q: &Questionnaire) -> Vec<Vec<String>> {
    let words: Vec<_> = q.languages.iter().map(|&l| survey_words(l)).collect();
    let fixed = |id: &str, pick: fn(&crate::core::i18n::SurveyWords) -> &'static str| {
        std::iter::once(id.to_owned())
            .chain(words.iter().map(|w| pick(w).to_owned()))
            .collect::<Vec<_>>()
    };
    let mut rows = vec![
        fixed(questionnaire::RESPONDENT, |w| w.sheet.template_respondent),
        fixed(questionnaire::GROUP, |w| w.sheet.template_group),
        fixed(questionnaire::PERIOD, |w| w.sheet.template_period),
    ];
    for item in q.factors() {
        for (suffix, pick) in [
            (
                questionnaire::IMPORTANCE,
                (|w: &crate::core::i18n::SurveyWords| w.sheet.template_importance)
                    as fn(&crate::core::i18n::SurveyWords) -> &'static str,
            ),
            (questionnaire::SATISFACTION, |w| {
                w.sheet.template_satisfaction
            }),
        ] {
            let mut row = vec![format!("{}{suffix}", item.factor)];
            row.extend(
                words
                    .iter()
                    .zip(&item.wording)
                    .map(|(w, text)| fill(pick(w), &[("factor", text)])),
            );
            rows.push(row);
        }
    }
    rows.push(fixed(questionnaire::NPS, |w| w.sheet.nps));
    rows.push(fixed(questionnaire::OPEN, |w| w.sheet.open));
    rows
}
