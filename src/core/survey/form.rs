//! The questionnaire as a fillable PDF form and its filled forms read back:
//! the names of its fields (one contract for the layout that places them
//! and the reading that finds them) and turning filled forms, one a
//! respondent, into [`Responses`] with the same issues a responses file
//! gives, each said with its form's file name instead of a row. No PDF
//! here: `export::pdf::form_read` hands over the fields as plain data.

use super::plan::{Group, SurveyPlan};
use super::questionnaire::{self, Questionnaire};
use super::responses::{Issue, Problem, Reader, Responses};
use crate::core::inspection::form::{FieldValue, Fields, FormError};

/// The form format this build writes and reads, in the hidden [`FORMAT`] field.
pub const FORM_FORMAT: u32 = 1;
/// The hidden read-only fields: the format, the set's title, the factors
/// asked (space-separated IDs) and the groups offered (one ID a line, in
/// the order of their buttons).
pub const FORMAT: &str = "servstd:survey";
pub const TITLE: &str = "servstd:title";
pub const FACTORS: &str = "servstd:factors";
pub const GROUPS: &str = "servstd:groups";
/// The date the respondent writes: its year and month are the period.
pub const DATE: &str = "DATE";

/// A radio button's state: the score it stands for (`0` to `10`), or a
/// group's place (from `1`).
pub const STATES: [&str; 11] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"];
/// The most respondent groups a form offers (one button each).
pub const MAX_GROUPS: usize = STATES.len() - 1;

/// A question's field: its ID, with the period that separates the parts of
/// a PDF field's name written as `~` (`KF-3.imp` → `KF-3~imp`).
#[must_use]
pub fn field(question_id: &str) -> String {
    question_id.replace('.', "~")
}

/// The question ID a field name stands for.
fn question_id(field: &str) -> String {
    field.replace('~', ".")
}

/// The groups a respondent picks from on the form: the plan's, when it has
/// several (at most [`MAX_GROUPS`]); else none, and the question is left off.
#[must_use]
pub fn groups_offered(plan: &SurveyPlan) -> &[Group] {
    if plan.groups.len() > 1 {
        &plan.groups[..plan.groups.len().min(MAX_GROUPS)]
    } else {
        &[]
    }
}

/// The hidden fields of the form of `q` offering `plan`'s groups.
#[must_use]
pub fn hidden_fields(q: &Questionnaire, plan: &SurveyPlan) -> Vec<(String, String)> {
    let factors = q
        .factors()
        .map(|f| f.factor.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let groups = groups_offered(plan)
        .iter()
        .map(|g| g.id.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    [
        (FORMAT, FORM_FORMAT.to_string()),
        (TITLE, q.title.clone()),
        (FACTORS, factors),
        (GROUPS, groups),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect()
}

/// A filled form as read: its file's name (said in issues) and its fields,
/// or why they could not be read.
pub type Filled = (String, Result<Fields, FormError>);

/// The text of field `name`, or the state of radio group `name` (its
/// value, else the button a viewer left on).
fn value(fields: &Fields, name: &str) -> Option<String> {
    fields
        .0
        .iter()
        .find(|(n, _)| n == name)
        .and_then(|(_, v)| match v {
            FieldValue::Text(t) => Some(t.trim().to_owned()),
            // Some writers store a state as a string with the name's slash.
            FieldValue::Choice { value, buttons } => value
                .as_deref()
                .map(|v| v.trim_start_matches('/'))
                .filter(|v| *v != "Off" && !v.is_empty())
                .or_else(|| buttons.first().map(String::as_str))
                .map(str::to_owned),
        })
}

/// The period of a date as written: `2026-11-04` → `2026-11`; anything
/// else as it is.
fn period_of(date: &str) -> String {
    let date = date.trim();
    match date.parse::<jiff::civil::Date>() {
        Ok(d) => d.strftime("%Y-%m").to_string(),
        Err(_) => date.to_owned(),
    }
}

/// Reads filled forms, in the order given, as respondents of `q`: one row
/// each, numbered from 1 in that order, its respondent the form's number
/// or else its file's name; every answer not used is an issue naming the
/// form.
#[must_use]
pub fn read_forms(forms: &[Filled], q: &Questionnaire, plan: &SurveyPlan) -> Responses {
    let header = q.column_ids();
    let refs: Vec<&str> = header.iter().map(String::as_str).collect();
    let mut reader = Reader::new(q, plan, &refs);
    let mut extra: Vec<Issue> = Vec::new();
    for (at, (name, read)) in forms.iter().enumerate() {
        let row = at + 1;
        let problem = match read {
            Err(FormError::NotPdf | FormError::NotAForm) => Some(Problem::NotAQuestionnaire),
            Err(e) => Some(Problem::Form(e.clone())),
            Ok(f) if value(f, FORMAT).is_none() => Some(Problem::NotAQuestionnaire),
            Ok(_) => None,
        };
        if let Some(problem) = problem {
            extra.push(Issue {
                row,
                column: None,
                header: String::new(),
                problem,
                source: Some(name.clone()),
            });
            continue;
        }
        let Ok(fields) = read else { continue };
        let offered: Vec<String> = value(fields, GROUPS)
            .map(|g| g.lines().map(str::to_owned).collect())
            .unwrap_or_default();
        let cells: Vec<String> = header
            .iter()
            .map(|id| match q.question(id) {
                Some(questionnaire::Question::Respondent) => {
                    value(fields, questionnaire::RESPONDENT)
                        .filter(|v| !v.is_empty())
                        .unwrap_or_else(|| name.clone())
                }
                Some(questionnaire::Question::Group) => value(fields, questionnaire::GROUP)
                    .and_then(|state| {
                        let at = state.parse::<usize>().ok()?.checked_sub(1)?;
                        offered.get(at).cloned()
                    })
                    .unwrap_or_default(),
                Some(questionnaire::Question::Period) => value(fields, DATE)
                    .map(|d| period_of(&d))
                    .unwrap_or_default(),
                _ => value(fields, &field(id)).unwrap_or_default(),
            })
            .collect();
        // A form left blank is no respondent (its number alone says nothing).
        let answered = header.iter().zip(&cells).any(|(id, cell)| {
            !cell.is_empty() && q.question(id) != Some(questionnaire::Question::Respondent)
        });
        if !answered {
            continue;
        }
        // A field of a factor this questionnaire no longer asks.
        for (name_, v) in &fields.0 {
            let id = question_id(name_);
            let answered = match v {
                FieldValue::Text(t) => !t.trim().is_empty(),
                FieldValue::Choice { value, buttons } => {
                    value.as_deref().is_some_and(|v| v != "Off") || !buttons.is_empty()
                }
            };
            if answered
                && !name_.starts_with("servstd:")
                && name_ != DATE
                && q.question(&id).is_none()
            {
                extra.push(Issue {
                    row,
                    column: None,
                    header: id.clone(),
                    problem: Problem::UnknownColumn { header: id },
                    source: Some(name.clone()),
                });
            }
        }
        reader.row(row, cells.iter().map(String::as_str));
    }
    let mut out = reader.finish();
    out.issues.extend(extra);
    for issue in &mut out.issues {
        if let Problem::Duplicate { id, first_row } = &issue.problem {
            let first = forms
                .get(first_row.saturating_sub(1))
                .map(|(n, _)| n.clone())
                .unwrap_or_default();
            issue.problem = Problem::DuplicateForm {
                id: id.clone(),
                first,
            };
        }
        if issue.source.is_none() {
            issue.source = forms
                .get(issue.row.saturating_sub(1))
                .map(|(n, _)| n.clone());
        }
    }
    out.issues.sort_by_key(|i| i.row);
    out
}
