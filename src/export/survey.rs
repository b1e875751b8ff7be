//! The survey's exports: the printed questionnaire (laid out in
//! `layout::questionnaire`) and the response template as CSV or XLSX. Pure
//! functions from the set and its plan to bytes; the caller writes the file.
//! The fillable questionnaire is the same sheet as a PDF form, and filled
//! forms (a file, or a folder of them) are read back here beside the
//! CSV/XLSX responses, since reading a PDF is the emitter's (lopdf's).

use super::layout::{self, Document, Paper};
use super::{ExportError, Format, pdf as emit};
use crate::core::i18n::{fill, survey_words};
use crate::core::model::{Language, StandardsSet};
use std::path::Path;

use crate::core::storage;
use crate::core::survey::questionnaire::{self, Questionnaire};
use crate::core::survey::responses::{self, Responses, ResponsesError};
use crate::core::survey::{SurveyPlan, form};

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

/// The fillable questionnaire's pages: the sheet as a form offering
/// `plan`'s respondent groups.
///
/// # Errors
/// The bundled font cannot be read.
pub fn form_document(
    q: &Questionnaire,
    plan: &SurveyPlan,
    paper: Paper,
) -> Result<Document, ExportError> {
    let lang = q.languages.first().copied().unwrap_or_default();
    let fonts = emit::fonts(lang)?;
    Ok(layout::questionnaire::questionnaire_form(
        q,
        plan,
        paper,
        fonts.faces(),
    ))
}

/// The questionnaire as a fillable PDF form.
///
/// # Errors
/// See [`ExportError`].
pub fn fillable(
    q: &Questionnaire,
    plan: &SurveyPlan,
    paper: Paper,
    created: Option<jiff::Timestamp>,
) -> Result<Vec<u8>, ExportError> {
    emit::pdf(
        &form_document(q, plan, paper)?,
        &emit::Options {
            created,
            images: &[],
        },
    )
}

/// Whether `path` holds filled questionnaires: a folder, or a PDF (by its
/// name).
#[must_use]
pub fn is_forms(path: &Path) -> bool {
    path.is_dir()
        || path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
}

/// The filled forms at `path`: the PDF itself, or the PDFs in the folder
/// (by name); each read within the form reader's limits.
fn filled_forms(path: &Path) -> Result<Vec<form::Filled>, ResponsesError> {
    let files = if path.is_dir() {
        let mut files = storage::scan::files_ending(path, ".pdf");
        files.extend(storage::scan::files_ending(path, ".PDF"));
        files.sort();
        files.dedup();
        if files.is_empty() {
            return Err(ResponsesError::NoForms {
                path: path.to_owned(),
            });
        }
        files
    } else {
        // A single file that cannot be read at all is an error, as a table's is.
        storage::read_limited(path)?;
        vec![path.to_owned()]
    };
    Ok(files
        .iter()
        .map(|file| {
            let name = file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let fields = match storage::read_limited(file) {
                Ok(bytes) => emit::form_read::read(&bytes),
                Err(e) => Err(crate::core::inspection::form::FormError::Damaged(
                    e.to_string(),
                )),
            };
            (name, fields)
        })
        .collect())
}

/// Reads responses at `path`: filled questionnaires (a PDF, or a folder of
/// them), one a respondent, or a CSV/XLSX table, one a row.
///
/// # Errors
/// The file cannot be read, is not a table, has no header row, or the
/// folder holds no PDF.
pub fn load_responses(
    path: &Path,
    q: &Questionnaire,
    plan: &SurveyPlan,
) -> Result<Responses, ResponsesError> {
    if !is_forms(path) {
        return responses::load(path, q, plan);
    }
    let forms = filled_forms(path)?;
    let mut read = form::read_forms(&forms, q, plan);
    read.file = Some(path.to_owned());
    Ok(read)
}

/// How many responses the file at `path` holds (a responses table or a
/// filled form), so that an export about to be written there does not
/// replace collected answers.
#[must_use]
pub fn holds_answers(path: &Path, q: &Questionnaire, plan: &SurveyPlan) -> Option<usize> {
    if !path.is_file() {
        return None;
    }
    load_responses(path, q, plan)
        .ok()
        .map(|r| r.rows.len())
        .filter(|&rows| rows > 0)
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
