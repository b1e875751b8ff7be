//! Customer survey scores for the importance × satisfaction chart: a CSV of
//! `FACTOR-ID,SCORE`, the score on the 1–5 scale or as a percentage (`82%`).
//! Read with the `csv` crate, so quoted fields with commas work; the
//! delimiter may be a comma, a semicolon (European spreadsheets) or a tab.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::score::score_to_share;
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
    let bytes = storage::read_limited(path)?;
    let text = storage::decode(path, &bytes)?;
    parse(&text).map_err(|source| SurveyError::Line {
        path: path.to_owned(),
        source,
    })
}

/// Parses survey scores. A header line and blank lines are skipped.
///
/// # Errors
/// The first line that is neither a header nor a factor and a score.
pub fn parse(text: &str) -> Result<Survey, LineError> {
    let text = text.trim_start_matches('\u{feff}');
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let delimiter = if first.contains(',') {
        b','
    } else if first.contains(';') {
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
    let mut out = Survey::new();
    let mut first_record = true;
    for record in reader.records() {
        let record = record.map_err(|e| LineError::Csv {
            line: e.position().map_or(0, csv::Position::line),
            message: e.to_string(),
        })?;
        let line = record.position().map_or(0, csv::Position::line);
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
                out.insert(id.to_owned(), s);
            }
            Some(_) => {
                return Err(LineError::OutOfRange {
                    line,
                    value: value.to_owned(),
                });
            }
            None if is_header => {}
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
}
