//! The sentences of storage's errors and of the kinds of file: reading,
//! parsing, writing and refusing files. They live here, beside the tables,
//! so that storage names what went wrong and never imports the words.

use std::{fmt, io};

use super::{Language, fill, messages};
use crate::core::storage::output::OutputError;
use crate::core::storage::{FileKind, LoadError, ParseError, Reason, SaveError, Special};
use crate::core::storage::{MAX_FILE_BYTES, RECURSION_LIMIT};

impl LoadError {
    /// `FILE[:LINE:COL]: sentence`, the sentence in `lang`: what the window
    /// shows (its `Display` is the English one, for logs and tests).
    #[must_use]
    pub fn said(&self, lang: Language) -> String {
        format!(
            "{}: {}",
            crate::core::storage::place(self.path(), self.position()),
            self.message(lang)
        )
    }

    /// The sentence in `lang`, without the file and position.
    #[must_use]
    pub fn message(&self, lang: Language) -> String {
        let m = &messages(lang).files;
        match self {
            Self::Io { source, .. } if source.kind() == io::ErrorKind::NotFound => {
                m.not_found.to_owned()
            }
            Self::Io { source, .. } => fill(m.cannot_read, &[("error", &source.to_string())]),
            Self::IsDirectory { .. } => m.is_folder.to_owned(),
            Self::LinkToOther {
                expected, found, ..
            } => fill(
                m.link_to_other,
                &[
                    (
                        "found",
                        found.map_or(m.kind_unknown, |k| k.described_in(lang)),
                    ),
                    ("expected", expected.described_in(lang)),
                ],
            ),
            Self::NotAFile { kind, .. } => fill(m.not_a_file, &[("kind", kind.name(lang))]),
            Self::TooLarge { size, .. } => fill(
                m.too_large,
                &[
                    ("size", &size.to_string()),
                    ("max", &(MAX_FILE_BYTES / 1024 / 1024).to_string()),
                ],
            ),
            Self::NotUtf8 { .. } => m.not_utf8.to_owned(),
            Self::Parse { source, .. } => source.message(lang),
        }
    }
}

impl Special {
    /// Its name in `lang`, for a sentence.
    #[must_use]
    pub fn name(self, lang: Language) -> &'static str {
        let m = &messages(lang).files;
        match self {
            Self::Fifo => m.special_fifo,
            Self::Device => m.special_device,
            Self::Socket => m.special_socket,
            Self::Other => m.special_other,
        }
    }
}

impl Reason {
    /// The sentence in `lang`.
    #[must_use]
    pub fn message(&self, lang: Language) -> String {
        let m = &messages(lang).files;
        let outer = |o: &Option<String>| o.clone().unwrap_or_else(|| m.an_item.to_owned());
        match self {
            Self::EndsEarly => m.ends_early.to_owned(),
            Self::TooDeep => fill(m.too_deep, &[("max", &RECURSION_LIMIT.to_string())]),
            Self::UnknownField {
                found,
                outer: o,
                expected,
            } => fill(
                m.unknown_field,
                &[
                    ("found", found),
                    ("outer", &outer(o)),
                    ("expected", &expected.join(", ")),
                ],
            ),
            Self::MissingField { field, outer: o } => {
                fill(m.missing_field, &[("field", field), ("outer", &outer(o))])
            }
            Self::DuplicateField { field, outer: o } => {
                fill(m.duplicate_field, &[("field", field), ("outer", &outer(o))])
            }
            Self::NotAllowed { found, expected } => fill(
                m.not_allowed,
                &[("found", found), ("expected", &expected.join(", "))],
            ),
            Self::WrongKind { expected, found } => fill(
                m.wrong_kind,
                &[
                    ("expected", expected.described_in(lang)),
                    ("found", found.described_in(lang)),
                    ("expected_root", expected.root().unwrap_or_default()),
                    ("found_root", found.root().unwrap_or_default()),
                ],
            ),
            Self::NotServstd { expected, root } => fill(
                m.not_servstd,
                &[
                    (
                        "expected",
                        expected.map_or(m.kind_unknown, |k| k.described_in(lang)),
                    ),
                    ("expected_root", root),
                ],
            ),
            Self::Trailing => m.trailing.to_owned(),
            Self::Expected(what) => fill(m.expected, &[("what", m.expected_words[what.index()])]),
            Self::ExpectedStruct(name) => fill(m.expected_struct, &[("name", name)]),
            Self::BadEscape => m.bad_escape.to_owned(),
            Self::OutOfRange => m.out_of_range.to_owned(),
            Self::Other(error) => fill(m.other_syntax, &[("error", error)]),
        }
    }
}

impl ParseError {
    /// The sentence in `lang`, without the position.
    #[must_use]
    pub fn message(&self, lang: Language) -> String {
        let m = &messages(lang).files;
        match self {
            Self::Syntax { reason, .. } => reason.message(lang),
            Self::NewerFormat {
                found, supported, ..
            } => fill(
                m.newer_format,
                &[
                    ("found", &found.to_string()),
                    ("supported", &supported.to_string()),
                ],
            ),
            Self::UnknownFormat { found, .. } => {
                fill(m.unknown_format, &[("found", &found.to_string())])
            }
            Self::Empty {
                what,
                root,
                current,
            } => fill(
                m.empty,
                &[
                    ("what", what.described_in(lang)),
                    ("root", root),
                    ("current", &current.to_string()),
                ],
            ),
        }
    }
}

impl SaveError {
    /// The sentence in `lang`, without the file.
    #[must_use]
    pub fn message(&self, lang: Language) -> String {
        let m = &messages(lang).files;
        match self {
            Self::Io { source, .. } => fill(m.cannot_write, &[("error", &source.to_string())]),
            Self::ChangedOnDisk { .. } => m.changed_on_disk.to_owned(),
            Self::Busy { .. } => m.busy.to_owned(),
            Self::ReadOnly { .. } => m.read_only.to_owned(),
            Self::TooLarge { size, .. } => fill(
                m.save_too_large,
                &[
                    ("size", &size.to_string()),
                    ("max", &(MAX_FILE_BYTES / 1024 / 1024).to_string()),
                ],
            ),
        }
    }
}

impl OutputError {
    /// The sentence in `lang`, without the file.
    #[must_use]
    pub fn message(&self, lang: Language) -> String {
        let m = &messages(lang).files;
        match self {
            Self::SameAsInput(_) => m.output_is_input.to_owned(),
            Self::Document(_, kind) => {
                fill(m.output_is_document, &[("kind", kind.described_in(lang))])
            }
            Self::IsDirectory(_) => m.is_folder.to_owned(),
            Self::Io(_, source) => fill(m.cannot_write, &[("error", &source.to_string())]),
        }
    }
}

impl FileKind {
    /// What the user calls it, with its article, in `lang`.
    #[must_use]
    pub fn described_in(self, lang: Language) -> &'static str {
        let m = &crate::core::i18n::messages(lang).files;
        match self {
            Self::StandardsSet => m.kind_standards_set,
            Self::Inspection => m.kind_inspection,
            Self::Actions => m.kind_actions,
            Self::Photo => m.kind_photo,
            Self::Image => m.kind_image,
            Self::Survey => m.kind_survey,
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path().display();
        match self {
            Self::Parse { source, .. } => write!(f, "{path}:{source}"),
            Self::TooLarge { .. } => write!(f, "{path}:1:1: {}", self.message(Language::En)),
            Self::NotUtf8 { at, .. } => write!(f, "{path}:{at}: {}", self.message(Language::En)),
            _ => write!(f, "{path}: {}", self.message(Language::En)),
        }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = self
            .position()
            .unwrap_or(crate::core::storage::Position::START);
        write!(f, "{at}: {}", self.message(Language::En))
    }
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}",
            self.path().display(),
            self.message(Language::En)
        )
    }
}

impl fmt::Display for OutputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}",
            self.path().display(),
            self.message(Language::En)
        )
    }
}
