//! A responses file's problems said in a language: where (row, column and
//! its header, or the filled form's file and its question), then what, in the words of `core::i18n`'s survey tables.

use super::responses::{Issue, Problem, column_name};
use crate::core::i18n::{fill, survey_words};
use crate::core::model::Language;

/// A responses issue as one line, in `lang`: where, then what.
#[must_use]
pub fn issue_line(issue: &Issue, lang: Language) -> String {
    let p = &survey_words(lang).problems;
    let at = match (&issue.source, issue.column) {
        (Some(file), _) if issue.header.is_empty() => file.clone(),
        (Some(file), _) => format!("{file} · {}", issue.header),
        (None, column) => match column {
            Some(c) if !issue.header.is_empty() => fill(
                p.at_cell,
                &[
                    ("row", &issue.row.to_string()),
                    ("column", &format!("{} ({})", column_name(c), issue.header)),
                ],
            ),
            Some(c) => fill(
                p.at_cell,
                &[("row", &issue.row.to_string()), ("column", &column_name(c))],
            ),
            None => fill(p.at_row, &[("row", &issue.row.to_string())]),
        },
    };
    let what = match &issue.problem {
        Problem::OutOfRange { value, min, max } => fill(
            p.out_of_range,
            &[
                ("value", value),
                ("min", &min.to_string()),
                ("max", &max.to_string()),
            ],
        ),
        Problem::NotAScore { value } => fill(p.not_a_score, &[("value", value)]),
        Problem::NoRespondent => p.no_respondent.to_owned(),
        Problem::Duplicate { id, first_row } => fill(
            p.duplicate,
            &[("id", id), ("first", &first_row.to_string())],
        ),
        Problem::UnknownGroup { group } => fill(p.unknown_group, &[("group", group)]),
        Problem::UnknownColumn { header } => fill(p.unknown_column, &[("header", header)]),
        Problem::DuplicateColumn { first } => {
            fill(p.duplicate_column, &[("first", &column_name(*first))])
        }
        Problem::MissingQuestion { id } => fill(p.missing_question, &[("id", id)]),
        Problem::NoRespondentColumn => p.no_respondent_column.to_owned(),
        Problem::Unreadable { message } => fill(p.unreadable, &[("message", message)]),
        Problem::Form(e) => fill(p.unreadable, &[("message", &e.message(lang))]),
        Problem::NotAQuestionnaire => p.not_a_questionnaire.to_owned(),
        Problem::DuplicateForm { id, first } => {
            fill(p.duplicate_form, &[("id", id), ("first", first)])
        }
    };
    format!("{at}: {what}")
}
