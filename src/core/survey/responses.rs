//! Survey responses back in: one row a respondent, one column a question,
//! from the questionnaire's CSV/XLSX template or an online tool's export
//! whose column names the plan maps to question IDs. Every answer that is
//! not used is listed with its row and column ([`Issue`]); nothing is
//! dropped in silence. Reads are bounded by `core::storage`'s limits.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::plan::SurveyPlan;
use super::questionnaire::{Question, Questionnaire};
use crate::core::inspection::form::FormError;
use crate::core::storage::{self, LoadError};

mod xlsx;
pub use xlsx::parse_xlsx;

/// The most cells a workbook's sheet may have (a million respondents of a
/// long questionnaire would be 100 million): past it, it is refused before
/// a row is read.
pub const MAX_CELLS: usize = 50_000_000;

/// The most a workbook's parts may unpack to, together, by what its zip
/// says: past it, it is refused before anything is unpacked.
pub const MAX_UNPACKED_BYTES: u64 = 512 * 1024 * 1024;

/// What is wrong with a cell, a row or a column of a responses file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// A score outside its scale (1–5, or 0–10 for NPS): the answer is left out.
    OutOfRange { value: String, min: u8, max: u8 },
    /// Not a whole number: the answer is left out.
    NotAScore { value: String },
    /// No respondent ID in a file that has the column: the row is left out.
    NoRespondent,
    /// A respondent already answered on `first_row`: this row is left out.
    Duplicate { id: String, first_row: usize },
    /// A group the plan does not name: the row counts, under that name.
    UnknownGroup { group: String },
    /// A column that is no question of the questionnaire and that the plan
    /// does not map: it is left out.
    UnknownColumn { header: String },
    /// A question asked twice: the later column is left out.
    DuplicateColumn { first: usize },
    /// A factor of the set with no column: nobody was asked about it.
    MissingQuestion { id: String },
    /// The file has no respondent column: duplicates cannot be found.
    NoRespondentColumn,
    /// The file could not be read as a table here (the CSV reader's words).
    Unreadable { message: String },
    /// A filled form that cannot be read: it is left out.
    Form(FormError),
    /// A PDF that is no fillable questionnaire (a checklist, say): left out.
    NotAQuestionnaire,
    /// A respondent number already met in the filled form `first`: this
    /// form is left out.
    DuplicateForm { id: String, first: String },
}

/// A [`Problem`] and where it is: the row (as a spreadsheet numbers it,
/// the header being row 1) and the column (from 0), with its header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    pub row: usize,
    pub column: Option<usize>,
    pub header: String,
    pub problem: Problem,
    /// The filled form it is in, when responses come as forms (one a
    /// respondent): said instead of the row.
    pub source: Option<String>,
}

impl Issue {
    /// Whether the problem loses an answer or a row (rather than saying
    /// something about the file as a whole).
    #[must_use]
    pub fn loses_answers(&self) -> bool {
        matches!(
            self.problem,
            Problem::OutOfRange { .. }
                | Problem::NotAScore { .. }
                | Problem::NoRespondent
                | Problem::Duplicate { .. }
                | Problem::Unreadable { .. }
                | Problem::Form(_)
                | Problem::NotAQuestionnaire
                | Problem::DuplicateForm { .. }
        )
    }
}

/// A column as a spreadsheet names it: A, B, …, Z, AA, AB, …
#[must_use]
pub fn column_name(mut index: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + u8::try_from(index % 26).unwrap_or(0));
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// One respondent's answers. Scores are kept per factor in questionnaire
/// order, 0 where there is no (usable) answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Response {
    /// The row it was read from.
    pub row: usize,
    pub respondent: String,
    pub group: String,
    pub period: String,
    pub importance: Vec<u8>,
    pub satisfaction: Vec<u8>,
    pub nps: Option<u8>,
    pub open: String,
}

/// A responses file as read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Responses {
    /// The file, for messages (none for text parsed in memory).
    pub file: Option<PathBuf>,
    /// The factor IDs the scores refer to, in questionnaire order.
    pub factors: Vec<String>,
    pub rows: Vec<Response>,
    pub issues: Vec<Issue>,
    /// How many of the table's columns name a question of the survey (or
    /// the respondent): a table with none is some other file.
    pub question_columns: usize,
}

impl Responses {
    /// The problems that cost answers or rows.
    pub fn losses(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| i.loses_answers())
    }
}

/// Why a responses file could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum ResponsesError {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error("{}: {message}", path.display())]
    Workbook { path: PathBuf, message: String },
    #[error("{}: the workbook's first sheet has {cells} cells, over the {MAX_CELLS} read", path.display())]
    TooManyCells { path: PathBuf, cells: usize },
    #[error("{}: the workbook unpacks to {bytes} bytes, over the {MAX_UNPACKED_BYTES} read", path.display())]
    TooLargeUnpacked { path: PathBuf, bytes: u64 },
    #[error("{}: no filled questionnaire (PDF) in this folder", path.display())]
    NoForms { path: PathBuf },
    #[error("{}:1:1: no header row: the first row must name the questions (RESPONDENT, KF-1.imp, …, NPS)", path.display())]
    NoHeader { path: PathBuf },
    #[error("{}:1:1: no column of the first row names a question of this survey (RESPONDENT, KF-1.imp, …, NPS): is this the survey's responses file?", path.display())]
    NoQuestions { path: PathBuf },
}

/// How each column is read.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Column {
    Question(Question),
    Ignored,
}

/// Reads rows pushed to it by a CSV or workbook walker.
pub(super) struct Reader<'a> {
    columns: Vec<Column>,
    headers: Vec<String>,
    has_respondent: bool,
    plan: &'a SurveyPlan,
    seen: HashMap<String, usize>,
    out: Responses,
}

impl<'a> Reader<'a> {
    pub(super) fn new(q: &Questionnaire, plan: &'a SurveyPlan, header: &[&str]) -> Self {
        let mut issues = Vec::new();
        let mut columns = Vec::with_capacity(header.len());
        let mut first_of: HashMap<Question, usize> = HashMap::new();
        for (i, h) in header.iter().enumerate() {
            let h = h.trim().trim_start_matches('\u{feff}');
            let mapped = plan.columns.get(h).map_or(h, String::as_str);
            let column = match q.question(mapped) {
                Some(question) => match first_of.get(&question) {
                    Some(&first) => {
                        issues.push(Issue {
                            row: 1,
                            column: Some(i),
                            header: h.to_owned(),
                            problem: Problem::DuplicateColumn { first },
                            source: None,
                        });
                        Column::Ignored
                    }
                    None => {
                        first_of.insert(question.clone(), i);
                        Column::Question(question)
                    }
                },
                None if h.is_empty() => Column::Ignored,
                None => {
                    issues.push(Issue {
                        row: 1,
                        column: Some(i),
                        header: h.to_owned(),
                        problem: Problem::UnknownColumn {
                            header: h.to_owned(),
                        },
                        source: None,
                    });
                    Column::Ignored
                }
            };
            columns.push(column);
        }
        let factors: Vec<String> = q.factors().map(|f| f.factor.clone()).collect();
        for (at, id) in factors.iter().enumerate() {
            for (question, suffix) in [
                (Question::Importance(at), super::questionnaire::IMPORTANCE),
                (
                    Question::Satisfaction(at),
                    super::questionnaire::SATISFACTION,
                ),
            ] {
                if !first_of.contains_key(&question) {
                    issues.push(Issue {
                        row: 1,
                        column: None,
                        header: String::new(),
                        problem: Problem::MissingQuestion {
                            id: format!("{id}{suffix}"),
                        },
                        source: None,
                    });
                }
            }
        }
        let has_respondent = first_of.contains_key(&Question::Respondent);
        if !has_respondent {
            issues.push(Issue {
                row: 1,
                column: None,
                header: String::new(),
                problem: Problem::NoRespondentColumn,
                source: None,
            });
        }
        Self {
            columns,
            headers: header.iter().map(|h| h.trim().to_owned()).collect(),
            has_respondent,
            plan,
            seen: HashMap::new(),
            out: Responses {
                file: None,
                factors,
                rows: Vec::new(),
                issues,
                question_columns: first_of.len(),
            },
        }
    }

    fn issue(&mut self, row: usize, column: usize, problem: Problem) {
        self.out.issues.push(Issue {
            row,
            column: Some(column),
            header: self.headers.get(column).cloned().unwrap_or_default(),
            problem,
            source: None,
        });
    }

    /// One row of cells; blank rows are no response and are passed over.
    pub(super) fn row<'c>(&mut self, row: usize, cells: impl Iterator<Item = &'c str>) {
        let n = self.out.factors.len();
        let mut r = Response {
            row,
            respondent: String::new(),
            group: String::new(),
            period: String::new(),
            importance: vec![0; n],
            satisfaction: vec![0; n],
            nps: None,
            open: String::new(),
        };
        let mut respondent_column = 0;
        let mut any = false;
        for (i, cell) in cells.enumerate() {
            let cell = cell.trim();
            if cell.is_empty() {
                continue;
            }
            any = true;
            let Some(Column::Question(question)) = self.columns.get(i) else {
                continue;
            };
            match question {
                Question::Respondent => {
                    cell.clone_into(&mut r.respondent);
                    respondent_column = i;
                }
                Question::Group => cell.clone_into(&mut r.group),
                Question::Period => cell.clone_into(&mut r.period),
                Question::Open => cell.clone_into(&mut r.open),
                &Question::Importance(at) => {
                    if let Some(v) = self.score(row, i, cell, 1, 5) {
                        r.importance[at] = v;
                    }
                }
                &Question::Satisfaction(at) => {
                    if let Some(v) = self.score(row, i, cell, 1, 5) {
                        r.satisfaction[at] = v;
                    }
                }
                Question::Nps => r.nps = self.score(row, i, cell, 0, 10),
            }
        }
        if !any {
            return;
        }
        if self.has_respondent {
            if r.respondent.is_empty() {
                let at = self
                    .columns
                    .iter()
                    .position(|c| *c == Column::Question(Question::Respondent))
                    .unwrap_or(0);
                self.issue(row, at, Problem::NoRespondent);
                return;
            }
            if let Some(&first_row) = self.seen.get(&r.respondent) {
                let id = r.respondent.clone();
                self.issue(row, respondent_column, Problem::Duplicate { id, first_row });
                return;
            }
            self.seen.insert(r.respondent.clone(), row);
        } else {
            r.respondent = row.to_string();
        }
        if !r.group.is_empty() && !self.plan.groups.is_empty() {
            match self.plan.group(&r.group) {
                Some(g) => r.group.clone_from(&g.id),
                None => {
                    let at = self
                        .columns
                        .iter()
                        .position(|c| *c == Column::Question(Question::Group))
                        .unwrap_or(0);
                    let group = r.group.clone();
                    self.issue(row, at, Problem::UnknownGroup { group });
                }
            }
        }
        self.out.rows.push(r);
    }

    /// A whole-number score in `min..=max`, or an issue and `None`.
    fn score(&mut self, row: usize, column: usize, cell: &str, min: u8, max: u8) -> Option<u8> {
        let value = match cell.parse::<i64>() {
            Ok(v) => Some(v),
            // Spreadsheets write whole numbers as 4.0 at times.
            Err(_) => cell
                .parse::<f64>()
                .ok()
                .filter(|f| f.fract() == 0.0 && f.abs() < 1e9)
                .map(|f| {
                    #[expect(clippy::cast_possible_truncation, reason = "whole and small, checked")]
                    let v = f as i64;
                    v
                }),
        };
        match value {
            Some(v) if (i64::from(min)..=i64::from(max)).contains(&v) => u8::try_from(v).ok(),
            Some(_) => {
                let value = short(cell);
                self.issue(row, column, Problem::OutOfRange { value, min, max });
                None
            }
            None => {
                let value = short(cell);
                self.issue(row, column, Problem::NotAScore { value });
                None
            }
        }
    }

    pub(super) fn finish(mut self) -> Responses {
        self.out
            .issues
            .sort_by_key(|i| (i.row, i.column.unwrap_or(usize::MAX)));
        self.out
    }
}

/// A value as echoed in a message: a runaway cell is cut, not repeated whole.
fn short(value: &str) -> String {
    const MAX: usize = 40;
    if value.chars().count() <= MAX {
        value.to_owned()
    } else {
        value.chars().take(MAX).chain(['…']).collect()
    }
}

/// Reads responses from CSV text: comma, semicolon or tab separated (by
/// the header line), quoted fields allowed, a byte-order mark skipped.
#[must_use]
pub fn parse_csv(text: &str, q: &Questionnaire, plan: &SurveyPlan) -> Responses {
    let text = text.trim_start_matches('\u{feff}');
    let first = text.lines().next().unwrap_or("");
    let delimiter = if first.contains('\t') {
        b'\t'
    } else if first.contains(';') && !first.contains(',') {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut lines = super::super::inspection::survey::Lines::new(text.as_bytes());
    let mut record = csv::StringRecord::new();
    let mut reader_state: Option<Reader<'_>> = None;
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let row = record.position().map_or(0, |p| lines.at(p.byte()));
                let row = usize::try_from(row).unwrap_or(usize::MAX);
                match &mut reader_state {
                    None => {
                        let header: Vec<&str> = record.iter().collect();
                        reader_state = Some(Reader::new(q, plan, &header));
                    }
                    Some(r) => r.row(row, record.iter()),
                }
            }
            Err(e) => {
                let row = e.position().map_or(0, |p| lines.at(p.byte()));
                let issue = Issue {
                    row: usize::try_from(row).unwrap_or(usize::MAX),
                    column: None,
                    header: String::new(),
                    problem: Problem::Unreadable {
                        message: e.to_string(),
                    },
                    source: None,
                };
                match &mut reader_state {
                    Some(r) => r.out.issues.push(issue),
                    None => {
                        let mut r = Reader::new(q, plan, &[]);
                        r.out.issues.push(issue);
                        reader_state = Some(r);
                    }
                }
                // A broken quote runs to the end of the file: what follows is unreadable.
                if matches!(e.kind(), csv::ErrorKind::Utf8 { .. }) {
                    continue;
                }
                break;
            }
        }
    }
    reader_state.map_or_else(|| Reader::new(q, plan, &[]).finish(), Reader::finish)
}

/// Reads a responses file, CSV or XLSX (by its name, else by its first
/// bytes), through storage's bounded read.
///
/// # Errors
/// The file cannot be read, is not a table, has no header row, or none of
/// its columns names a question of `q`.
pub fn load(
    path: &Path,
    q: &Questionnaire,
    plan: &SurveyPlan,
) -> Result<Responses, ResponsesError> {
    let bytes = storage::read_limited(path)?;
    let xlsx = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
        || bytes.starts_with(b"PK\x03\x04");
    let mut out = if xlsx {
        parse_xlsx(&bytes, path, q, plan)?
    } else {
        let text = storage::decode(path, &bytes)?;
        let out = parse_csv(&text, q, plan);
        if out.rows.is_empty() && text.trim().is_empty() {
            return Err(ResponsesError::NoHeader {
                path: path.to_owned(),
            });
        }
        out
    };
    // /etc/passwd read as a table has a first row too: nothing of it is
    // this survey's, and no respondent is made up from it.
    if out.question_columns == 0 {
        return Err(ResponsesError::NoQuestions {
            path: path.to_owned(),
        });
    }
    out.file = Some(path.to_owned());
    Ok(out)
}
