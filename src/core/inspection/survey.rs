//! Customer survey scores for the importance × satisfaction chart: a CSV of
//! `FACTOR-ID,SCORE`, the score on the 1–5 scale or as a percentage (`82%`).
//! Read with the `csv` crate, so quoted fields with commas work; the
//! delimiter may be a comma, a semicolon (European spreadsheets) or a tab.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::score::score_to_share;
use crate::core::model::StandardsSet;
use crate::core::storage::{self, LoadError};

/// Factor ID → satisfaction as a share from 0 to 1.
pub type Survey = HashMap<String, f64>;

/// What is wrong with one line of a survey file.
/// Displays as `LINE:1: message` in English; [`LineError::message`] says
/// the same in another language.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum LineError {
    #[error("{line}:1: expected FACTOR-ID,SCORE, e.g. KF-3,4.2")]
    Shape { line: u64 },
    #[error("{line}:1: the score “{value}” is outside 1–5 (or 0–100%)")]
    OutOfRange { line: u64, value: String },
    #[error("{line}:1: “{value}” is not a number; write a score from 1 to 5 or a percentage")]
    NotANumber { line: u64, value: String },
    #[error("{line}:1: {message}")]
    Csv { line: u64, message: String },
}

impl LineError {
    /// Where the problem is: the line, at its start.
    #[must_use]
    pub fn position(&self) -> storage::Position {
        let (Self::Shape { line }
        | Self::OutOfRange { line, .. }
        | Self::NotANumber { line, .. }
        | Self::Csv { line, .. }) = self;
        storage::Position {
            line: usize::try_from(*line).unwrap_or(usize::MAX).max(1),
            col: 1,
        }
    }

    /// What is wrong and what to do, in `lang`, without the position.
    #[must_use]
    pub fn message(&self, lang: crate::core::model::Language) -> String {
        let m = crate::core::i18n::messages(lang);
        match self {
            Self::Shape { .. } => m.survey.shape.to_owned(),
            Self::OutOfRange { value, .. } => {
                crate::core::i18n::fill(m.survey.out_of_range, &[("value", value)])
            }
            Self::NotANumber { value, .. } => {
                crate::core::i18n::fill(m.survey.not_a_number, &[("value", value)])
            }
            // The csv crate's own words.
            Self::Csv { message, .. } => message.clone(),
        }
    }
}

/// A row of a survey file that is read but not (wholly) used: the score of a
/// factor given twice, or of an ID the set does not have. Never silent: a
/// warning in `validate`, a line in the report and on stderr.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowProblem {
    /// `id` again on `line`, first given on `first`; the later score is used.
    Duplicate { line: u64, first: u64, id: String },
    /// `id` on `line` names no factor of the set; its score is not used.
    Unknown { line: u64, id: String },
}

impl RowProblem {
    /// Where the row is: the line, at its start.
    #[must_use]
    pub fn position(&self) -> storage::Position {
        let (Self::Duplicate { line, .. } | Self::Unknown { line, .. }) = self;
        storage::Position {
            line: usize::try_from(*line).unwrap_or(usize::MAX).max(1),
            col: 1,
        }
    }

    /// What is wrong and what to do, in `lang`, without the position.
    #[must_use]
    pub fn message(&self, lang: crate::core::model::Language) -> String {
        let m = crate::core::i18n::messages(lang);
        match self {
            Self::Duplicate { first, id, .. } => crate::core::i18n::fill(
                m.survey.duplicate,
                &[("id", &short(id)), ("first", &first.to_string())],
            ),
            Self::Unknown { id, .. } => {
                crate::core::i18n::fill(m.survey.unknown, &[("id", &short(id))])
            }
        }
    }
}

/// An ID as echoed in a message: a runaway value is cut, not repeated whole.
fn short(id: &str) -> String {
    const MAX: usize = 60;
    if id.chars().count() <= MAX {
        id.to_owned()
    } else {
        id.chars().take(MAX).chain(['…']).collect()
    }
}

/// A survey file as read: the scores, the line of each factor's score and
/// the duplicate rows.
#[derive(Debug, Default, Clone)]
pub struct SurveyFile {
    pub scores: Survey,
    /// The line each score used comes from.
    pub lines: HashMap<String, u64>,
    pub duplicates: Vec<RowProblem>,
}

impl SurveyFile {
    /// The duplicates, and the rows whose ID is a factor of none of `sets`
    /// (the sets of the records reported on), in line order. With no set
    /// (none could be read) only the duplicates: every ID would be unknown.
    #[must_use]
    pub fn problems(&self, sets: &[&StandardsSet]) -> Vec<RowProblem> {
        let mut out = self.duplicates.clone();
        let ids = if sets.is_empty() {
            None
        } else {
            Some(&self.lines)
        };
        for (id, &line) in ids.into_iter().flatten() {
            let known = sets.iter().any(|set| {
                set.contact_points
                    .iter()
                    .flat_map(|cp| &cp.steps)
                    .flat_map(|step| &step.factors)
                    .any(|f| &f.id == id)
            });
            if !known {
                out.push(RowProblem::Unknown {
                    line,
                    id: id.clone(),
                });
            }
        }
        out.sort_by_key(|p| p.position().line);
        out
    }
}

/// Why a survey file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum SurveyError {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error("{}:{source}", path.display())]
    Line {
        path: PathBuf,
        #[source]
        source: LineError,
    },
}

/// Reads a survey file through storage (regular files only, size-limited).
///
/// # Errors
/// The file cannot be read, or a line is not a factor and a score.
pub fn load(path: &Path) -> Result<Survey, SurveyError> {
    load_file(path).map(|file| file.scores)
}

/// Reads a survey file with the line of every score and its duplicate rows.
///
/// # Errors
/// The file cannot be read, or a line is not a factor and a score.
pub fn load_file(path: &Path) -> Result<SurveyFile, SurveyError> {
    let bytes = storage::read_limited(path)?;
    let text = storage::decode(path, &bytes)?;
    parse_file(&text).map_err(|source| SurveyError::Line {
        path: path.to_owned(),
        source,
    })
}

/// Parses survey scores. A header line and blank lines are skipped.
///
/// # Errors
/// The first line that is neither a header nor a factor and a score.
pub fn parse(text: &str) -> Result<Survey, LineError> {
    parse_file(text).map(|file| file.scores)
}

/// Line numbers by byte offset, counted onwards from the last one asked
/// (records come in order). The csv crate's own line count does not count
/// the blank lines it skips, so rows after one were named a line too early.
/// Also the responses reader's (`core::survey::responses`).
pub(crate) struct Lines<'a> {
    text: &'a [u8],
    byte: usize,
    line: u64,
}

impl<'a> Lines<'a> {
    pub(crate) fn new(text: &'a [u8]) -> Self {
        Self {
            text,
            byte: 0,
            line: 1,
        }
    }

    pub(crate) fn at(&mut self, byte: u64) -> u64 {
        let mut to = usize::try_from(byte)
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        // A record's position is where reading began, before the blank
        // lines it skipped: its own line starts after them.
        while matches!(self.text.get(to), Some(b'\n' | b'\r')) {
            to += 1;
        }
        if to > self.byte {
            let newlines = self.text[self.byte..to].iter().filter(|&&b| b == b'\n');
            self.line += newlines.count() as u64;
            self.byte = to;
        }
        self.line
    }
}

/// Whether the first row is a header: its score is not a number and its ID
/// column has no digit (`factor,score`, `因素,分数`). A first row such as
/// `KF-1,nine` or `KF-1;4,5` is data, and so a reported problem, not a
/// header silently skipped.
fn looks_like_header(id: &str) -> bool {
    !id.chars().any(|c| c.is_ascii_digit())
}

/// Parses survey scores with their lines; see [`parse`].
///
/// # Errors
/// The first line that is neither a header nor a factor and a score.
pub fn parse_file(text: &str) -> Result<SurveyFile, LineError> {
    let text = text.trim_start_matches('\u{feff}');
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    // `;` and tab first: where they separate, a comma is a decimal comma
    // (`KF-2;4,5`), and taking it for the separator misreads every row.
    let delimiter = if first.contains(';') {
        b';'
    } else if first.contains('\t') {
        b'\t'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut out = SurveyFile::default();
    let mut lines = Lines::new(text.as_bytes());
    let mut first_record = true;
    for record in reader.records() {
        let record = record.map_err(|e| LineError::Csv {
            line: e.position().map_or(0, |p| lines.at(p.byte())),
            message: e.to_string(),
        })?;
        let line = record.position().map_or(0, |p| lines.at(p.byte()));
        let is_header = std::mem::replace(&mut first_record, false);
        if record.iter().all(str::is_empty) {
            continue;
        }
        let (Some(id), Some(value)) = (record.get(0), record.get(1)) else {
            return Err(LineError::Shape { line });
        };
        let share = if let Some(p) = value.strip_suffix('%') {
            p.trim().parse::<f64>().ok().map(|p| p / 100.0)
        } else {
            value.parse::<f64>().ok().map(|s| {
                if (1.0..=5.0).contains(&s) {
                    score_to_share(s)
                } else {
                    f64::NAN
                }
            })
        };
        match share {
            Some(s) if (0.0..=1.0).contains(&s) => {
                // The later score is used, as before, but never silently.
                if let Some(first) = out.lines.insert(id.to_owned(), line) {
                    out.duplicates.push(RowProblem::Duplicate {
                        line,
                        first,
                        id: id.to_owned(),
                    });
                }
                out.scores.insert(id.to_owned(), s);
            }
            Some(_) => {
                return Err(LineError::OutOfRange {
                    line,
                    value: value.to_owned(),
                });
            }
            None if is_header && looks_like_header(id) => {}
            None => {
                return Err(LineError::NotANumber {
                    line,
                    value: value.to_owned(),
                });
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_the_line() {
        assert_eq!(parse("KF-1,4\nKF-2,80%\n").unwrap().len(), 2);
        assert!(matches!(
            parse("KF-1,4\nKF-2,nine\n"),
            Err(LineError::NotANumber { line: 2, .. })
        ));
        assert!(matches!(
            parse("KF-1,7\n"),
            Err(LineError::OutOfRange { line: 1, .. })
        ));
        assert!(matches!(parse("KF-1\n"), Err(LineError::Shape { line: 1 })));
    }

    #[test]
    fn quoted_fields_with_commas_and_other_delimiters_work() {
        let text = "\u{feff}\"factor, as named\",\"score\"\n\"KF-1\",\"4\"\n\n\"KF-2\",\"50%\"\r\n";
        let survey = parse(text).unwrap();
        assert_eq!(survey.len(), 2);
        assert!((survey["KF-1"] - 0.75).abs() < 1e-9);
        assert!((survey["KF-2"] - 0.5).abs() < 1e-9);
        let survey = parse("factor;score\nKF-1;5\n").unwrap();
        assert!((survey["KF-1"] - 1.0).abs() < 1e-9);
        let survey = parse("KF-1\t1\n").unwrap();
        assert!(survey["KF-1"].abs() < 1e-9);
    }

    #[test]
    fn duplicates_are_kept_with_their_lines_and_only_wordy_first_rows_are_headers() {
        let file = parse_file("factor,score\nKF-1,4\n\nKF-1,2\n").unwrap();
        assert_eq!(
            file.duplicates,
            [RowProblem::Duplicate {
                line: 4,
                first: 2,
                id: "KF-1".to_owned()
            }]
        );
        assert_eq!(file.lines["KF-1"], 4);
        // Blank lines count: the bad row is named by its own line.
        assert!(matches!(
            parse("KF-1,4\n\r\n\nKF-2,nine\n"),
            Err(LineError::NotANumber { line: 4, .. })
        ));
        assert!(matches!(
            parse("KF-1,nine\n"),
            Err(LineError::NotANumber { line: 1, .. })
        ));
        let file = parse_file("KF-1;4,5\n").unwrap_err();
        assert!(matches!(file, LineError::NotANumber { line: 1, .. }));
        assert!(parse("要素,分数\nKF-1,4\n").is_ok());
    }
}
