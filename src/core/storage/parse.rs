//! RON text and documents: the canonical text a document is written as,
//! and parsing with errors a user can act on, at the right line and column.

use ron::extensions::Extensions;
use ron::ser::PrettyConfig;

use std::path::Path;

use super::kind::FileKind;
use super::lex::{Lexer, Token};
use super::{Document, Position, RECURSION_LIMIT};
use crate::core::model::Language;
use crate::core::text::shorten;

/// Why text could not be turned into a document, with where. Displays in
/// English; `ParseError::message` says it in the user's language (both in
/// `core::i18n`).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    Syntax {
        at: Position,
        reason: Reason,
    },
    NewerFormat {
        at: Position,
        found: u32,
        supported: u32,
    },
    UnknownFormat {
        at: Position,
        found: u32,
    },
    Empty {
        what: FileKind,
        root: &'static str,
        current: u32,
    },
}

/// What is wrong at the place of a [`ParseError::Syntax`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// A bracket or a quote not closed: the file was cut off.
    EndsEarly,
    TooDeep,
    UnknownField {
        found: String,
        outer: Option<String>,
        expected: Vec<String>,
    },
    MissingField {
        field: String,
        outer: Option<String>,
    },
    DuplicateField {
        field: String,
        outer: Option<String>,
    },
    NotAllowed {
        found: String,
        expected: Vec<String>,
    },
    /// A servstd document of another kind.
    WrongKind {
        expected: FileKind,
        found: FileKind,
    },
    /// Not a servstd document at all; what it is called is not echoed.
    NotServstd {
        expected: Option<FileKind>,
        root: String,
    },
    Trailing,
    /// A mark or a value was expected here and something else was found.
    Expected(Expected),
    /// A named structure (`StandardsSet(`) was expected here.
    ExpectedStruct(String),
    /// A backslash in a string not followed by a known escape.
    BadEscape,
    /// A number too large (or too small) for its field.
    OutOfRange,
    /// Anything else, in the parser's words (shown as they are in English
    /// only: a Chinese message does not quote English it cannot translate).
    Other(String),
}

/// What the parser expected where it stopped, named so that each language
/// can say it in its own words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    Comma,
    Colon,
    /// `[`: a list.
    List,
    /// `]`: the end of a list.
    ListEnd,
    /// `(`: a structure such as `Standard(`.
    Struct,
    /// `)`: the end of a structure.
    StructEnd,
    /// A text in double quotes.
    Text,
    Number,
    /// `true` or `false`.
    Boolean,
    /// A field or value name.
    Name,
}

impl Expected {
    /// Its place in the language tables' `expected_words`.
    #[must_use]
    pub fn index(self) -> usize {
        self as usize
    }
}

impl ParseError {
    #[must_use]
    pub fn position(&self) -> Option<Position> {
        match self {
            Self::Syntax { at, .. }
            | Self::NewerFormat { at, .. }
            | Self::UnknownFormat { at, .. } => Some(*at),
            Self::Empty { .. } => Some(Position::START),
        }
    }
}

// `Parse` displays as "path:LINE:COL: message" for syntax errors, but as
// "path:message" for the others; put the colon-space in the right place.
impl ParseError {
    pub(super) fn for_path(self, path: &Path) -> super::LoadError {
        super::LoadError::Parse {
            path: path.to_owned(),
            source: self,
        }
    }
}

fn options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(RECURSION_LIMIT)
}

fn pretty() -> PrettyConfig {
    PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .struct_names(true)
        .escape_strings(true)
        .separate_tuple_members(true)
}

/// The canonical text of a document: the same document always gives the same bytes.
///
/// # Panics
/// Never for the document types of this crate: they hold only strings,
/// numbers, enums and dates, all of which RON can write.
#[must_use]
pub fn to_canonical<T: Document>(document: &T) -> String {
    let mut text = options()
        .to_string_pretty(document, pretty())
        .expect("documents hold only serialisable data");
    text.push('\n');
    text
}

/// Normalises line endings and removes a byte-order mark.
pub(super) fn normalise(text: &str) -> std::borrow::Cow<'_, str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.contains('\r') {
        std::borrow::Cow::Owned(text.replace("\r\n", "\n"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Parses a document from text (BOM and CRLF allowed), migrating older formats.
///
/// # Errors
/// A [`ParseError`] with the line and column of the first problem.
pub fn parse<T: Document>(text: &str) -> Result<T, ParseError> {
    let text = normalise(text);
    parse_normalised(&text)
}

pub(super) fn root_name<T: Document>() -> &'static str {
    let full = std::any::type_name::<T>();
    full.rsplit("::").next().unwrap_or(full)
}

pub(super) fn parse_normalised<T: Document>(text: &str) -> Result<T, ParseError> {
    if text.trim().is_empty() {
        return Err(ParseError::Empty {
            what: FileKind::from_root(root_name::<T>()).unwrap_or(FileKind::StandardsSet),
            root: root_name::<T>(),
            current: T::CURRENT_FORMAT,
        });
    }
    // The text without its indentation and comments parses in a third of
    // the time; any error is found again in the text as written, so that
    // its line and column are the file's.
    let fast = super::compact::compact(text).and_then(|c| options().from_str::<T>(&c).ok());
    match fast.map_or_else(|| options().from_str::<T>(text), Ok) {
        Ok(mut document) => {
            let found = document.format();
            check_format::<T>(found, text)?;
            if found < T::CURRENT_FORMAT {
                document.migrate();
            }
            Ok(document)
        }
        Err(error) => {
            // A file from a newer version usually fails on fields this one
            // does not know: say so instead of blaming the file.
            if let Some(found) = declared_format(text) {
                check_format::<T>(found, text)?;
            }
            Err(syntax_error(&error, text))
        }
    }
}

fn check_format<T: Document>(found: u32, text: &str) -> Result<(), ParseError> {
    if found > T::CURRENT_FORMAT {
        return Err(ParseError::NewerFormat {
            at: format_position(text),
            found,
            supported: T::CURRENT_FORMAT,
        });
    }
    if found == 0 {
        return Err(ParseError::UnknownFormat {
            at: format_position(text),
            found,
        });
    }
    Ok(())
}

/// The document's own `format: N` (the first field of that name one bracket
/// deep, not one in a comment or a string), where it is written and its
/// number if it is one.
fn format_field(text: &str) -> Option<(Position, Option<u32>)> {
    top_field(text, "format").map(|(at, value)| match value {
        Some(Token::Other(n)) => (at, n.parse().ok()),
        _ => (at, None),
    })
}

/// The language a document's text names in its own `language: "…"` field
/// (one bracket deep, not in a comment or a string), without parsing it:
/// the head of a file is enough.
pub(super) fn declared_language(text: &str) -> Option<Language> {
    match top_field(text, "language")?.1? {
        Token::Str(tag) => Language::from_tag(&tag),
        _ => None,
    }
}

/// The first field `name` one bracket deep: where it is written and the
/// token of its value, if any follows.
fn top_field<'a>(text: &'a str, name: &str) -> Option<(Position, Option<Token<'a>>)> {
    let mut depth = 0usize;
    let mut tokens = Lexer::new(text).peekable();
    while let Some((at, token)) = tokens.next() {
        match token {
            Token::Punct('(' | '[' | '{') => depth += 1,
            Token::Punct(')' | ']' | '}') => depth = depth.saturating_sub(1),
            Token::Ident(field)
                if field == name
                    && depth == 1
                    && tokens.next_if(|(_, t)| *t == Token::Punct(':')).is_some() =>
            {
                return Some((at, tokens.next().map(|(_, value)| value)));
            }
            _ => {}
        }
    }
    None
}

/// Where the `format` field is written, or the start of the file.
fn format_position(text: &str) -> Position {
    format_field(text).map_or(Position::START, |(at, _)| at)
}

/// The `format: N` a file declares, found without parsing the rest.
fn declared_format(text: &str) -> Option<u32> {
    format_field(text)?.1
}

/// Turns ron's error into a sentence a user can act on, at the right place.
fn syntax_error(error: &ron::error::SpannedError, text: &str) -> ParseError {
    use ron::Error as E;
    let start = error.span.start;
    let mut at = Position {
        line: start.line.max(1),
        col: start.col.max(1),
    };
    // Any error at the very end (a string or a struct cut off) is a file
    // that ends too early, whatever ron expected next.
    let end = Position {
        line: error.span.end.line.max(1),
        col: error.span.end.col.max(1),
    };
    // A string that never ends runs to the end of the file: it was cut off.
    let at_end = at.max(end) >= end_position(text)
        || matches!(error.code, E::ExpectedStringEnd) && !text[offset(text, at)..].contains("\"\n");
    let reason = match &error.code {
        _ if at_end => {
            at = end_position(text);
            Reason::EndsEarly
        }
        E::Eof => {
            at = end_position(text);
            Reason::EndsEarly
        }
        E::ExceededRecursionLimit => Reason::TooDeep,
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => Reason::UnknownField {
            found: shorten(found, ECHO_CHARS),
            outer: outer.clone(),
            expected: expected.iter().map(|e| (*e).to_owned()).collect(),
        },
        E::MissingStructField { field, outer } => Reason::MissingField {
            field: (*field).to_owned(),
            outer: outer.clone(),
        },
        E::DuplicateStructField { field, outer } => Reason::DuplicateField {
            field: (*field).to_owned(),
            outer: outer.clone(),
        },
        E::NoSuchEnumVariant {
            expected, found, ..
        } => Reason::NotAllowed {
            found: shorten(found, ECHO_CHARS),
            expected: expected.iter().map(|e| (*e).to_owned()).collect(),
        },
        // Only a servstd document's name is echoed: the first word of any
        // other file (`root` of a password file) is not ours to show.
        E::ExpectedDifferentStructName { expected, found } => {
            match (FileKind::from_root(expected), FileKind::from_root(found)) {
                (Some(expected), Some(found)) => Reason::WrongKind { expected, found },
                (expected_kind, _) => Reason::NotServstd {
                    expected: expected_kind,
                    root: (*expected).to_owned(),
                },
            }
        }
        E::TrailingCharacters => Reason::Trailing,
        E::ExpectedComma => Reason::Expected(Expected::Comma),
        E::ExpectedMapColon => Reason::Expected(Expected::Colon),
        E::ExpectedArray => Reason::Expected(Expected::List),
        E::ExpectedArrayEnd => Reason::Expected(Expected::ListEnd),
        E::ExpectedNamedStructLike(name) => Reason::ExpectedStruct((*name).to_owned()),
        E::ExpectedStructLike | E::ExpectedMap => Reason::Expected(Expected::Struct),
        E::ExpectedStructLikeEnd | E::ExpectedMapEnd | E::ExpectedOptionEnd => {
            Reason::Expected(Expected::StructEnd)
        }
        E::ExpectedString | E::ExpectedStringEnd | E::ExpectedChar => {
            Reason::Expected(Expected::Text)
        }
        E::ExpectedInteger | E::ExpectedFloat | E::FloatUnderscore => {
            Reason::Expected(Expected::Number)
        }
        E::ExpectedBoolean => Reason::Expected(Expected::Boolean),
        E::ExpectedIdentifier | E::ExpectedStructName(_) => Reason::Expected(Expected::Name),
        E::InvalidEscape(_) => Reason::BadEscape,
        E::IntegerOutOfBounds => Reason::OutOfRange,
        other => Reason::Other(shorten(
            &lowercase_first(&other.to_string()),
            4 * ECHO_CHARS,
        )),
    };
    ParseError::Syntax { at, reason }
}

/// How much of a value from the file a message echoes: a 30 MB word is
/// shown by its start, not whole.
const ECHO_CHARS: usize = 60;

fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect())
}

/// The byte offset of a position (the end of the text when past it).
fn offset(text: &str, at: Position) -> usize {
    let mut line_start = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        if i + 1 == at.line {
            return line_start
                + line
                    .char_indices()
                    .nth(at.col.saturating_sub(1))
                    .map_or(line.len(), |(b, _)| b);
        }
        line_start += line.len();
    }
    text.len()
}

fn end_position(text: &str) -> Position {
    let line = text.lines().count().max(1);
    let col = text.lines().last().map_or(0, |l| l.chars().count()) + 1;
    Position { line, col }
}
