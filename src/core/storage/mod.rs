//! Reading and writing documents: size and depth limits, positions in errors,
//! canonical RON, atomic saves. The only module that touches document files.

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use ron::extensions::Extensions;
use ron::ser::PrettyConfig;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::core::model::{FORMAT_VERSION, StandardsSet};

pub mod evidence;
pub mod locate;
pub mod logo;
pub mod output;
pub mod photos;
mod save;
pub mod scan;

pub use locate::{locate_id, locate_values};
pub use save::{STALE_TEMP_SECS, SaveError, save, save_if_unchanged, write_atomic};

/// Files larger than this are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// How deeply brackets may nest; a standards file needs about ten levels.
pub const RECURSION_LIMIT: usize = 64;

/// The extension of standards files.
pub const STANDARDS_EXTENSION: &str = ".standards.ron";
/// The file name ending of inspection records.
pub const INSPECTION_EXTENSION: &str = ".inspection.ron";

/// A document kind with a versioned RON format.
pub trait Document: Serialize + DeserializeOwned {
    /// What the user calls it, for messages: "standards set".
    const WHAT: &'static str;
    /// The highest format this build reads, and the one it writes.
    const CURRENT_FORMAT: u32;
    fn format(&self) -> u32;
    /// Brings a document read in an older format up to the current one.
    fn migrate(&mut self);
}

impl Document for StandardsSet {
    const WHAT: &'static str = "standards set";
    const CURRENT_FORMAT: u32 = FORMAT_VERSION;

    fn format(&self) -> u32 {
        self.format
    }

    fn migrate(&mut self) {
        // Format 1 is the first; later formats add their steps here, oldest first.
        self.format = FORMAT_VERSION;
    }
}

/// A line and column in a file, both counted from 1; columns count characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Position {
    pub line: usize,
    pub col: usize,
}

impl Position {
    /// The start of a file: where a message about the whole file points.
    pub const START: Self = Self { line: 1, col: 1 };
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

/// Why text could not be turned into a document, with where.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("{at}: {message}")]
    Syntax { at: Position, message: String },
    #[error(
        "{at}: written by a newer servstd (format {found}); this one reads up to {supported}. Update servstd to open it"
    )]
    NewerFormat {
        at: Position,
        found: u32,
        supported: u32,
    },
    #[error("{at}: format {found} is not a servstd format; the first format is 1")]
    UnknownFormat { at: Position, found: u32 },
    #[error("1:1: the file is empty; a {what} starts with `{root}(` and `format: {current},`")]
    Empty {
        what: &'static str,
        root: &'static str,
        current: u32,
    },
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

/// Why a file could not be loaded. Displays as `FILE[:LINE:COL]: sentence`.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}: cannot read the file: {source}", .path.display())]
    Io { path: PathBuf, source: io::Error },
    #[error("{}: this is a folder; give the path of a {} file", .path.display(), STANDARDS_EXTENSION)]
    IsDirectory { path: PathBuf },
    #[error("{}: this is {kind}, not a file; servstd reads only regular files (or standard input, as -)", .path.display())]
    NotAFile { path: PathBuf, kind: &'static str },
    #[error("{}:1:1: the file is {size} bytes and servstd reads files up to {} MB; check that this is the right file, or split the set", .path.display(), MAX_FILE_BYTES / 1024 / 1024)]
    TooLarge { path: PathBuf, size: u64 },
    #[error("{}:{at}: the file is not UTF-8 text; save it as UTF-8 (any editor offers this under Save As)", .path.display())]
    NotUtf8 { path: PathBuf, at: Position },
    #[error("{}:{source}", .path.display())]
    Parse {
        path: PathBuf,
        #[source]
        source: ParseError,
    },
}

impl LoadError {
    #[must_use]
    pub fn path(&self) -> &Path {
        match self {
            Self::Io { path, .. }
            | Self::IsDirectory { path }
            | Self::NotAFile { path, .. }
            | Self::TooLarge { path, .. }
            | Self::NotUtf8 { path, .. }
            | Self::Parse { path, .. } => path,
        }
    }

    #[must_use]
    pub fn position(&self) -> Option<Position> {
        match self {
            Self::NotUtf8 { at, .. } => Some(*at),
            Self::Parse { source, .. } => source.position(),
            Self::TooLarge { .. } => Some(Position::START),
            _ => None,
        }
    }
}

// `Parse` displays as "path:LINE:COL: message" for syntax errors, but as
// "path:message" for the others; put the colon-space in the right place.
impl ParseError {
    fn for_path(self, path: &Path) -> LoadError {
        LoadError::Parse {
            path: path.to_owned(),
            source: self,
        }
    }
}

/// A document read from disk, with the text it was read from (for locating items).
#[derive(Debug)]
pub struct Loaded<T> {
    pub document: T,
    /// The text after BOM removal and CRLF → LF, i.e. what positions refer to.
    pub text: String,
    /// The bytes as they were on disk.
    pub bytes: Vec<u8>,
}

impl<T: Document> Loaded<T> {
    /// Whether the file on disk already is exactly the canonical form.
    #[must_use]
    pub fn is_canonical(&self) -> bool {
        self.bytes == to_canonical(&self.document).as_bytes()
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
fn normalise(text: &str) -> std::borrow::Cow<'_, str> {
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

fn root_name<T: Document>() -> &'static str {
    let full = std::any::type_name::<T>();
    full.rsplit("::").next().unwrap_or(full)
}

fn parse_normalised<T: Document>(text: &str) -> Result<T, ParseError> {
    if text.trim().is_empty() {
        return Err(ParseError::Empty {
            what: T::WHAT,
            root: root_name::<T>(),
            current: T::CURRENT_FORMAT,
        });
    }
    match options().from_str::<T>(text) {
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

/// Where the `format` field is written, or the start of the file.
fn format_position(text: &str) -> Position {
    text.lines()
        .enumerate()
        .find_map(|(i, line)| {
            let col = line.find("format")?;
            line[col + "format".len()..]
                .trim_start()
                .starts_with(':')
                .then(|| Position {
                    line: i + 1,
                    col: line[..col].chars().count() + 1,
                })
        })
        .unwrap_or(Position::START)
}

/// The `format: N` a file declares, found without parsing the rest.
fn declared_format(text: &str) -> Option<u32> {
    let start = text.find("format")? + "format".len();
    let rest = text[start..].trim_start().strip_prefix(':')?.trim_start();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
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
    let message = match &error.code {
        _ if at_end => {
            at = end_position(text);
            "the file ends too early: a bracket or a quote is not closed; compare with the last item that was written out in full".to_owned()
        }
        E::Eof => {
            at = end_position(text);
            "the file ends too early: a bracket or a quote is not closed; compare with the last item that was written out in full".to_owned()
        }
        E::ExceededRecursionLimit => format!(
            "brackets are nested more than {RECURSION_LIMIT} deep; a standards file needs about ten levels, so this is not a servstd file or it is damaged"
        ),
        E::NoSuchStructField { expected, found, outer } => format!(
            "unknown field `{found}`{}; expected one of: {}. Check the spelling",
            outer.as_deref().map(|o| format!(" in {o}")).unwrap_or_default(),
            expected.join(", ")
        ),
        E::MissingStructField { field, outer } => format!(
            "{} is missing its `{field}` field; add `{field}: …,` before the closing bracket",
            outer.as_deref().unwrap_or("an item")
        ),
        E::DuplicateStructField { field, outer } => format!(
            "`{field}` is given twice{}; keep one",
            outer.as_deref().map(|o| format!(" in {o}")).unwrap_or_default()
        ),
        E::NoSuchEnumVariant { expected, found, .. } => format!(
            "`{found}` is not allowed here; use one of: {}",
            expected.join(", ")
        ),
        E::ExpectedDifferentStructName { expected, found } => format!(
            "expected a {} (`{expected}(`) but found `{found}(`; is this the right kind of file?",
            if *expected == "InspectionRecord" { "inspection record" } else { "standards set" }
        ),
        E::TrailingCharacters => "there is text after the end of the document; remove it or check for an extra closing bracket".to_owned(),
        other => format!("{}; check the brackets, quotes and commas around here", lowercase_first(&other.to_string())),
    };
    ParseError::Syntax { at, message }
}

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

/// Reads and parses a file, refusing directories, huge files and non-UTF-8 text.
///
/// # Errors
/// A [`LoadError`] saying what is wrong, with the position where there is one.
pub fn load<T: Document>(path: &Path) -> Result<Loaded<T>, LoadError> {
    let bytes = read_limited(path)?;
    let text = decode(path, &bytes)?;
    let text = normalise(&text).into_owned();
    let document: T = parse_normalised(&text).map_err(|e| e.for_path(path))?;
    Ok(Loaded {
        document,
        text,
        bytes,
    })
}

/// Reads a whole file after checking that it is a file and not too large.
///
/// # Errors
/// [`LoadError::Io`], [`LoadError::IsDirectory`] or [`LoadError::TooLarge`].
pub fn read_limited(path: &Path) -> Result<Vec<u8>, LoadError> {
    let io = |source| LoadError::Io {
        path: path.to_owned(),
        source,
    };
    // Open without blocking (a FIFO would wait for a writer forever), then
    // look at what was opened, not at the path, which could change between.
    let file = open_nonblocking(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if meta.is_dir() {
        return Err(LoadError::IsDirectory {
            path: path.to_owned(),
        });
    }
    if !meta.is_file() {
        return Err(LoadError::NotAFile {
            path: path.to_owned(),
            kind: special_kind(&meta),
        });
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            size: meta.len(),
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // Read at most one byte past the limit, in case the file grew since stat.
    io::Read::read_to_end(&mut io::Read::take(file, MAX_FILE_BYTES + 1), &mut bytes).map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            size: bytes.len() as u64,
        });
    }
    Ok(bytes)
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> io::Result<fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> io::Result<fs::File> {
    fs::File::open(path)
}

/// What a path that is neither a file nor a folder is, for the message.
fn special_kind(meta: &fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    let _ = meta;
    "a special file"
}

/// Decodes UTF-8, reporting the line and column of the first bad byte.
///
/// # Errors
/// [`LoadError::NotUtf8`].
pub fn decode(path: &Path, bytes: &[u8]) -> Result<String, LoadError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(e) => {
            let good = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            let line = good.matches('\n').count() + 1;
            let col = good.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            Err(LoadError::NotUtf8 {
                path: path.to_owned(),
                at: Position { line, col },
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{ContactPoint, Language, StandardsSet};

    fn small() -> StandardsSet {
        let mut set = StandardsSet::new("门店服务标准", Language::ZhCn);
        set.contact_points.push(ContactPoint::new("CP-1", "进店"));
        set
    }

    #[test]
    fn canonical_text_keeps_chinese_as_characters() {
        let text = to_canonical(&small());
        assert!(text.contains("title: \"门店服务标准\""), "{text}");
        assert!(!text.contains("\\u"));
        assert!(
            text.starts_with("StandardsSet(\n    format: 1,\n"),
            "{text}"
        );
        assert!(text.ends_with(")\n"));
    }

    #[test]
    fn parse_accepts_bom_and_crlf() {
        let text = to_canonical(&small()).replace('\n', "\r\n");
        let with_bom = format!("\u{feff}{text}");
        assert_eq!(parse::<StandardsSet>(&with_bom).unwrap(), small());
    }

    #[test]
    fn syntax_error_has_line_and_column() {
        let text = to_canonical(&small()).replace("title:", "titel:");
        let err = parse::<StandardsSet>(&text).unwrap_err();
        let ParseError::Syntax { at, message } = err else {
            panic!("expected a syntax error")
        };
        assert_eq!(at.line, 3);
        assert!(message.contains("unknown field `titel`"), "{message}");
    }

    #[test]
    fn newer_format_is_named() {
        let text = to_canonical(&small())
            .replace("format: 1", "format: 7")
            .replace("title:", "headline:");
        let err = parse::<StandardsSet>(&text).unwrap_err();
        assert_eq!(
            err,
            ParseError::NewerFormat {
                at: Position { line: 2, col: 5 },
                found: 7,
                supported: 1
            }
        );
        assert!(
            err.to_string()
                .contains("written by a newer servstd (format 7); this one reads up to 1")
        );
    }

    #[test]
    fn empty_text_is_explained() {
        let err = parse::<StandardsSet>(" \n").unwrap_err();
        assert!(err.to_string().contains("StandardsSet("), "{err}");
    }

    #[test]
    fn truncated_text_points_at_the_end() {
        let text = to_canonical(&small());
        let cut = &text[..text.len() - 3];
        let err = parse::<StandardsSet>(cut).unwrap_err();
        assert!(err.to_string().contains("ends too early"), "{err}");
    }

    #[test]
    fn atomic_write_replaces_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.standards.ron");
        write_atomic(&path, b"old").unwrap();
        write_atomic(&path, b"new").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn failed_write_leaves_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing-folder").join("a.standards.ron");
        assert!(write_atomic(&path, b"x").is_err());
        assert!(!path.exists());
    }

    #[test]
    fn locates_ids() {
        let text = to_canonical(&small());
        let at = locate_id(&text, "CP-1").unwrap();
        assert_eq!(
            text.lines().nth(at.line - 1).unwrap().trim(),
            "id: \"CP-1\","
        );
    }

    #[test]
    fn a_save_removes_stale_temporary_files_of_the_same_file_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shop.standards.ron");
        let old = std::time::SystemTime::now() - std::time::Duration::from_hours(1);
        let stale = dir.path().join(".shop.standards.ron.abc123.tmp");
        let fresh = dir.path().join(".shop.standards.ron.def456.tmp");
        let other = dir.path().join(".other.standards.ron.abc123.tmp");
        for p in [&stale, &fresh, &other] {
            fs::write(p, "partial").unwrap();
        }
        for p in [&stale, &other] {
            fs::File::options()
                .write(true)
                .open(p)
                .unwrap()
                .set_modified(old)
                .unwrap();
        }
        write_atomic(&path, b"new").unwrap();
        assert!(!stale.exists(), "a killed save's leftover is removed");
        assert!(
            fresh.exists(),
            "a save that may still be running is left alone"
        );
        assert!(other.exists(), "another file's leftovers are not ours");
    }

    #[test]
    fn a_save_never_overwrites_a_change_made_elsewhere_since_reading() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shop.standards.ron");
        let set = crate::core::templates::default_sample();
        save(&path, &set).unwrap();
        let read = fs::read(&path).unwrap();
        // Another program saves in between.
        fs::write(&path, "// edited elsewhere\n").unwrap();
        let err = save_if_unchanged(&path, &set, &read).unwrap_err();
        assert!(matches!(err, SaveError::ChangedOnDisk { .. }), "{err}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "// edited elsewhere\n");
        // Unchanged: saved.
        let read = fs::read(&path).unwrap();
        save_if_unchanged(&path, &set, &read).unwrap();
        assert!(
            fs::read_to_string(&path)
                .unwrap()
                .starts_with("StandardsSet(")
        );
    }

    #[cfg(unix)]
    #[test]
    fn saving_through_a_link_replaces_its_target_and_keeps_the_link() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("real.standards.ron");
        let link = dir.path().join("link.standards.ron");
        fs::write(&target, "old").unwrap();
        std::os::unix::fs::symlink(&target, &link).unwrap();
        save(&link, &crate::core::templates::default_sample()).unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert!(
            fs::read_to_string(&target)
                .unwrap()
                .starts_with("StandardsSet(")
        );
    }
}
