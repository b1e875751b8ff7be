//! Survey responses back in: one row a respondent, one column a question,
//! from the questionnaire's CSV/XLSX template or an online tool's export
//! whose column names the plan maps to question IDs. Every answer that is
//! not used is listed with its row and column ([`Issue`]); nothing is
//! dropped in silence. Reads are bounded by `core::storage`'s limits.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::plan::SurveyPlan;
use super::questionnaire::{Question, Questionnaire};
use crate::core::storage::{self, LoadError};

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
}

/// A [`Problem`] and where it is: the row (as a spreadsheet numbers it,
/// the header being row 1) and the column (from 0), with its header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    pub row: usize,
    pub column: Option<usize>,
    pub header: String,
    pub problem: Problem,
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
    #[error("{}:1:1: no header row: the first row must name the questions (RESPONDENT, KF-1.imp, …, NPS)", path.display())]
    NoHeader { path: PathBuf },
}

/// How each column is read.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Column {
    Question(Question),
    Ignored,
}

/// Reads rows pushed to it by a CSV or workbook walker.
struct Reader<'a> {
    columns: Vec<Column>,
    headers: Vec<String>,
    has_respondent: bool,
    plan: &'a SurveyPlan,
    seen: HashMap<String, usize>,
    out: Responses,
}

impl<'a> Reader<'a> {
    fn new(q: &Questionnaire, plan: &'a SurveyPlan, header: &[&str]) -> Self {
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
            },
        }
    }

    fn issue(&mut self, row: usize, column: usize, problem: Problem) {
        self.out.issues.push(Issue {
            row,
            column: Some(column),
            header: self.headers.get(column).cloned().unwrap_or_default(),
            problem,
        });
    }

    /// One row of cells; blank rows are no response and are passed over.
    fn row<'c>(&mut self, row: usize, cells: impl Iterator<Item = &'c str>) {
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

    fn finish(mut self) -> Responses {
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

/// Reads responses from the first sheet of an XLSX workbook.
///
/// The sheet's cells are streamed, a row at a time, straight into the
/// reader: no grid of the whole sheet is built and a cell's text is written
/// into a buffer its column keeps. Cells come in row order in every
/// workbook Excel and the usual libraries write; a sheet whose rows come
/// out of order is read again as a whole grid, with the same result.
///
/// # Errors
/// The workbook cannot be opened, or its sheet is past [`MAX_CELLS`]
/// (counted over the rectangle of its non-empty cells, as a grid of them
/// would be; refused as soon as the rectangle read so far is past it).
pub fn parse_xlsx(
    bytes: &[u8],
    path: &Path,
    q: &Questionnaire,
    plan: &SurveyPlan,
) -> Result<Responses, ResponsesError> {
    use calamine::{Reader as _, ReaderRef as _, Xlsx, XlsxError};
    let workbook_error = |message: String| ResponsesError::Workbook {
        path: path.to_owned(),
        message,
    };
    let unpacked = unpacked_size(bytes).map_err(|e| workbook_error(e.to_string()))?;
    if unpacked > MAX_UNPACKED_BYTES {
        return Err(ResponsesError::TooLargeUnpacked {
            path: path.to_owned(),
            bytes: unpacked,
        });
    }
    let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e: XlsxError| workbook_error(e.to_string()))?;
    let Some(name) = workbook.sheet_names().first().cloned() else {
        return Err(workbook_error("the workbook has no sheet".to_owned()));
    };
    let no_header = || ResponsesError::NoHeader {
        path: path.to_owned(),
    };
    let streamed = {
        let mut cells = match workbook.worksheet_cells_reader(&name) {
            Ok(cells) => cells,
            // A chart sheet first: no cells, so no header (as a grid of it).
            Err(XlsxError::NotAWorksheet(_)) => return Err(no_header()),
            Err(e) => return Err(workbook_error(e.to_string())),
        };
        let mut rows = SheetRows::new(q, plan);
        loop {
            let cell = match cells.next_cell() {
                Ok(Some(cell)) => cell,
                Ok(None) => break Some(rows),
                Err(e) => return Err(workbook_error(e.to_string())),
            };
            let value = cell.get_value();
            if matches!(value, calamine::DataRef::Empty) {
                continue;
            }
            let (row, column) = cell.get_position();
            if let Some(cells) = rows.grows_past(row, column, MAX_CELLS) {
                return Err(ResponsesError::TooManyCells {
                    path: path.to_owned(),
                    cells,
                });
            }
            if !rows.cell(row, column, value) {
                break None;
            }
        }
    };
    match streamed {
        Some(rows) => rows.finish().ok_or_else(no_header),
        None => {
            let range = workbook
                .worksheet_range_ref(&name)
                .map_err(|e| workbook_error(e.to_string()))?;
            parse_range(&range, path, q, plan)
        }
    }
}

/// A sheet read as a whole grid: for the rare sheet whose rows do not come
/// in order (the streamed read needs them in order).
fn parse_range(
    range: &calamine::Range<calamine::DataRef<'_>>,
    path: &Path,
    q: &Questionnaire,
    plan: &SurveyPlan,
) -> Result<Responses, ResponsesError> {
    let (rows, cols) = range.get_size();
    if rows.saturating_mul(cols) > MAX_CELLS {
        return Err(ResponsesError::TooManyCells {
            path: path.to_owned(),
            cells: rows.saturating_mul(cols),
        });
    }
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    let mut sheet = SheetRows::new(q, plan);
    for (i, row) in range.rows().enumerate() {
        let number = first_row.saturating_add(u32::try_from(i).unwrap_or(u32::MAX));
        for (j, value) in row.iter().enumerate() {
            let column = first_col.saturating_add(u32::try_from(j).unwrap_or(u32::MAX));
            if !matches!(value, calamine::DataRef::Empty) {
                sheet.cell(number, column, value);
            }
        }
    }
    sheet.finish().ok_or_else(|| ResponsesError::NoHeader {
        path: path.to_owned(),
    })
}

/// A sheet's cells gathered into rows, each row handed to the [`Reader`]
/// once complete; the first row with any text is the header.
struct SheetRows<'a> {
    q: &'a Questionnaire,
    plan: &'a SurveyPlan,
    reader: Option<Reader<'a>>,
    /// The row being gathered (from 0), if any.
    row: Option<u32>,
    /// The row's cells by column, as text; kept between rows so that
    /// their buffers are reused. Columns past `width` are stale.
    cells: Vec<String>,
    width: usize,
    /// The rectangle of the non-empty cells so far: first and last row, first and last column.
    bounds: Option<(u32, u32, u32, u32)>,
}

impl<'a> SheetRows<'a> {
    fn new(q: &'a Questionnaire, plan: &'a SurveyPlan) -> Self {
        Self {
            q,
            plan,
            reader: None,
            row: None,
            cells: Vec::new(),
            width: 0,
            bounds: None,
        }
    }

    /// Takes in the non-empty cell at `(row, column)` and says how many
    /// cells the sheet's rectangle has if that is now past `max`.
    fn grows_past(&mut self, row: u32, column: u32, max: usize) -> Option<usize> {
        let (r0, c0, r1, c1) = self.bounds.unwrap_or((row, column, row, column));
        let bounds = (r0.min(row), c0.min(column), r1.max(row), c1.max(column));
        self.bounds = Some(bounds);
        let rows = usize::try_from(bounds.2 - bounds.0).unwrap_or(usize::MAX);
        let cols = usize::try_from(bounds.3 - bounds.1).unwrap_or(usize::MAX);
        let cells = rows
            .saturating_add(1)
            .saturating_mul(cols.saturating_add(1));
        (cells > max).then_some(cells)
    }

    /// Puts a non-empty cell in its row, handing the row before on to the
    /// reader when this one starts a new row; `false` when the cell is in
    /// a row already handed on (rows out of order).
    fn cell(&mut self, row: u32, column: u32, value: &calamine::DataRef<'_>) -> bool {
        match self.row {
            Some(current) if row < current => return false,
            Some(current) if row == current => {}
            _ => {
                self.flush();
                self.row = Some(row);
            }
        }
        let at = usize::try_from(column).unwrap_or(usize::MAX);
        if at >= self.width {
            for stale in self.cells.iter_mut().take(at).skip(self.width) {
                stale.clear();
            }
            if self.cells.len() <= at {
                self.cells.resize_with(at + 1, String::new);
            }
            self.width = at + 1;
        }
        cell_text(&mut self.cells[at], value);
        true
    }

    /// Hands the row gathered on to the reader.
    fn flush(&mut self) {
        let Some(row) = self.row.take() else {
            return;
        };
        let cells = &self.cells[..self.width];
        let number = usize::try_from(row).unwrap_or(usize::MAX).saturating_add(1);
        match &mut self.reader {
            None => {
                if !cells.iter().all(|c| c.trim().is_empty()) {
                    let header: Vec<&str> = cells.iter().map(String::as_str).collect();
                    self.reader = Some(Reader::new(self.q, self.plan, &header));
                }
            }
            Some(r) => r.row(number, cells.iter().map(String::as_str)),
        }
        self.width = 0;
    }

    /// The responses read, or `None` when no row had any text (no header).
    fn finish(mut self) -> Option<Responses> {
        self.flush();
        self.reader.map(Reader::finish)
    }
}

/// A cell's text as the reader takes it, written into `out`: whole numbers
/// without a decimal point (a score typed as 4 is stored as 4.0).
fn cell_text(out: &mut String, cell: &calamine::DataRef<'_>) {
    use calamine::DataRef;
    use std::fmt::Write as _;
    out.clear();
    // Writing to a String cannot fail.
    let _ = match cell {
        DataRef::Empty => Ok(()),
        DataRef::SharedString(s) => {
            out.push_str(s);
            Ok(())
        }
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => {
            out.push_str(s);
            Ok(())
        }
        DataRef::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => {
            // As `{f:.0}` writes it, without the float formatting: whole
            // and below 1e15, the value is exact as an integer.
            #[expect(clippy::cast_possible_truncation, reason = "whole and below 1e15")]
            let whole = *f as i64;
            if whole == 0 && f.is_sign_negative() {
                out.push_str("-0");
                Ok(())
            } else {
                write!(out, "{whole}")
            }
        }
        DataRef::Float(f) => write!(out, "{f}"),
        DataRef::Int(i) => write!(out, "{i}"),
        DataRef::Bool(b) => write!(out, "{b}"),
        DataRef::DateTime(d) => write!(out, "{d}"),
        DataRef::Error(e) => write!(out, "#{e:?}"),
    };
}

/// What a zip's parts unpack to, together, by its central directory.
fn unpacked_size(bytes: &[u8]) -> zip::result::ZipResult<u64> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))?;
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        total = total.saturating_add(archive.by_index_raw(i)?.size());
    }
    Ok(total)
}

/// Reads a responses file, CSV or XLSX (by its name, else by its first
/// bytes), through storage's bounded read.
///
/// # Errors
/// The file cannot be read, is not a table, or has no header row.
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
    out.file = Some(path.to_owned());
    Ok(out)
}

/// How many responses the file at `path` holds, when it is one this
/// questionnaire reads: an export about to be written there must not
/// replace collected answers (a template written over them, say).
#[must_use]
pub fn holds_answers(path: &Path, q: &Questionnaire, plan: &SurveyPlan) -> Option<usize> {
    if !path.is_file() {
        return None;
    }
    load(path, q, plan)
        .ok()
        .map(|r| r.rows.len())
        .filter(|&rows| rows > 0)
}
