//! What kind of servstd file a path holds: by its name (`.standards.ron`,
//! `.inspection.ron`, `.actions.ron`, a photo in `photos/`) and by its
//! content (a RON document's struct name, or the fields of an anonymous
//! `(…)`, after any comments and `#![enable(…)]` attributes; a JPEG or PNG;
//! a survey's `FACTOR-ID,SCORE` lines). The one place that knows, for the
//! commands that pick a reader and for outputs that must never replace one.

use std::io::Read;
use std::path::Path;

use super::lex::{Lexer, Token};
use crate::core::model::Language;

/// The name ending of standards sets.
pub const STANDARDS_EXTENSION: &str = ".standards.ron";
/// The name ending of inspection records.
pub const INSPECTION_EXTENSION: &str = ".inspection.ron";
/// The name ending of actions files (beside their record).
pub const ACTIONS_EXTENSION: &str = ".actions.ron";
/// The folder of photos beside a record.
pub const PHOTOS_FOLDER: &str = "photos";

/// How much of a file is read to tell its kind by content.
const HEAD_BYTES: u64 = 8192;

/// A kind of file servstd reads or keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FileKind {
    StandardsSet,
    Inspection,
    Actions,
    /// A JPEG or PNG in a record's `photos/` folder.
    Photo,
    /// Any other JPEG or PNG: a set's logo, or a photo kept elsewhere.
    Image,
    /// Customer survey scores: a CSV of `FACTOR-ID,SCORE` lines.
    Survey,
}

impl FileKind {
    /// What the user calls it, with its article, in English: "a standards
    /// set" (`described_in`, in `core::i18n`, says it in another language).
    #[must_use]
    pub fn described(self) -> &'static str {
        self.described_in(Language::En)
    }

    /// The struct name a RON document of this kind starts with.
    #[must_use]
    pub fn root(self) -> Option<&'static str> {
        match self {
            Self::StandardsSet => Some("StandardsSet"),
            Self::Inspection => Some("Inspection"),
            Self::Actions => Some("Actions"),
            Self::Photo | Self::Image | Self::Survey => None,
        }
    }

    /// The kind whose RON document starts with `root(`.
    #[must_use]
    pub fn from_root(root: &str) -> Option<Self> {
        [Self::StandardsSet, Self::Inspection, Self::Actions]
            .into_iter()
            .find(|k| k.root() == Some(root))
    }

    /// Whether this is one of servstd's own documents (set, record, actions).
    #[must_use]
    pub fn is_document(self) -> bool {
        self.root().is_some()
    }

    /// The kind a file's name says, if it says one.
    #[must_use]
    pub fn by_name(path: &Path) -> Option<Self> {
        let name = path.file_name()?.to_string_lossy().to_lowercase();
        if name.ends_with(STANDARDS_EXTENSION) {
            return Some(Self::StandardsSet);
        }
        if name.ends_with(INSPECTION_EXTENSION) {
            return Some(Self::Inspection);
        }
        if name.ends_with(ACTIONS_EXTENSION) {
            return Some(Self::Actions);
        }
        let image = [".jpg", ".jpeg", ".png"].iter().any(|e| name.ends_with(e));
        (image && in_photos(path)).then_some(Self::Photo)
    }

    /// The kind the first bytes of a file say, if they say one.
    #[must_use]
    pub fn by_content(head: &[u8]) -> Option<Self> {
        if let Ok(format) = image::guess_format(head)
            && matches!(format, image::ImageFormat::Jpeg | image::ImageFormat::Png)
        {
            return Some(Self::Image);
        }
        // Cut at a character boundary: the head may end inside one.
        let text = match std::str::from_utf8(head) {
            Ok(text) => text,
            Err(e) if e.error_len().is_none() => {
                std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or_default()
            }
            Err(_) => return None,
        };
        ron_kind(text).or_else(|| is_survey(text).then_some(Self::Survey))
    }

    /// The kind of the file at `path`, by name, else by content (the first
    /// few kilobytes of what the path leads to). `None` for a file servstd
    /// does not know, or that cannot be read.
    #[must_use]
    pub fn of(path: &Path) -> Option<Self> {
        Self::by_name(path).or_else(|| Self::of_content(path))
    }

    /// The kind of the file at `path` by its content alone.
    #[must_use]
    pub fn of_content(path: &Path) -> Option<Self> {
        let file = super::read::open_regular(path).ok()?;
        let mut head = Vec::new();
        file.take(HEAD_BYTES).read_to_end(&mut head).ok()?;
        Self::by_content(&head).map(|kind| match kind {
            Self::Image if in_photos(path) => Self::Photo,
            other => other,
        })
    }

    /// The kind of document an input is read as: what its name says, else
    /// what its content says, else a standards set (the main document; its
    /// reader then says what is wrong).
    #[must_use]
    pub fn of_input(path: &Path) -> Self {
        Self::by_name(path)
            .or_else(|| Self::of_content(path))
            .filter(|k| k.is_document())
            .unwrap_or(Self::StandardsSet)
    }
}

/// Whether `path` is in a folder named `photos`.
fn in_photos(path: &Path) -> bool {
    path.parent()
        .and_then(Path::file_name)
        .is_some_and(|f| f == PHOTOS_FOLDER)
}

/// The kind of RON document `text` begins: after blanks, comments and
/// `#![enable(…)]` attributes, a struct name, or for an anonymous `(` the
/// first top-level field that only one kind has.
fn ron_kind(text: &str) -> Option<FileKind> {
    let mut tokens = Lexer::new(text).map(|(_, t)| t).peekable();
    // `#![enable(implicit_some)]` and the like, any number of them.
    while tokens.next_if_eq(&Token::Punct('#')).is_some() {
        tokens.next_if_eq(&Token::Punct('!'));
        tokens.next_if_eq(&Token::Punct('['))?;
        let mut depth = 1usize;
        while depth > 0 {
            match tokens.next()? {
                Token::Punct('[') => depth += 1,
                Token::Punct(']') => depth -= 1,
                _ => {}
            }
        }
    }
    match tokens.next()? {
        Token::Ident(name) => {
            let kind = FileKind::from_root(name)?;
            (tokens.next()? == Token::Punct('(')).then_some(kind)
        }
        Token::Punct('(') => {
            let mut depth = 1usize;
            while let Some(token) = tokens.next() {
                match token {
                    Token::Punct('(' | '[' | '{') => depth += 1,
                    Token::Punct(')' | ']' | '}') => depth = depth.checked_sub(1)?,
                    Token::Ident(field)
                        if depth == 1 && tokens.next_if_eq(&Token::Punct(':')).is_some() =>
                    {
                        if let Some(kind) = kind_of_field(field) {
                            return Some(kind);
                        }
                    }
                    _ => {}
                }
            }
            None
        }
        _ => None,
    }
}

/// The kind that alone has a top-level field of this name.
fn kind_of_field(field: &str) -> Option<FileKind> {
    match field {
        "title" | "organisation" | "journey" | "contact_points" | "owner" | "revision"
        | "history" | "logo" => Some(FileKind::StandardsSet),
        "standards" | "site" | "inspector" | "verdicts" | "method" | "when" | "scope" => {
            Some(FileKind::Inspection)
        }
        "record" | "actions" => Some(FileKind::Actions),
        _ => None,
    }
}

/// Whether `text` reads as survey scores: at least one line, every line
/// (but perhaps a header) `ID<sep>SCORE` with a number or a percentage.
fn is_survey(text: &str) -> bool {
    let mut scores = 0;
    for (i, line) in text.lines().take(50).enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split([',', ';', '\t']).map(str::trim).collect();
        let [id, score] = fields.as_slice() else {
            return false;
        };
        let score = score.trim_matches('"').trim_end_matches('%');
        if !id.is_empty() && score.replace(',', ".").parse::<f64>().is_ok() {
            scores += 1;
        } else if i > 0 {
            return false;
        }
    }
    scores > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_name() {
        for (name, kind) in [
            ("a/shop.standards.ron", Some(FileKind::StandardsSet)),
            ("SHOP.Inspection.RON", Some(FileKind::Inspection)),
            ("x.actions.ron", Some(FileKind::Actions)),
            ("r/photos/0123.jpg", Some(FileKind::Photo)),
            ("r/logo.png", None),
            ("report.pdf", None),
        ] {
            assert_eq!(FileKind::by_name(Path::new(name)), kind, "{name}");
        }
    }

    /// The content check knew only `StandardsSet(` and `Inspection(` at the
    /// start (after `//` comments): a set that RON reads as well, opening
    /// with `(`, a block comment or an attribute, passed for another file.
    #[test]
    fn kinds_by_content_skip_comments_and_attributes() {
        for (text, kind) in [
            ("StandardsSet(format: 1)", Some(FileKind::StandardsSet)),
            (
                "\u{feff}// a set\nStandardsSet (",
                Some(FileKind::StandardsSet),
            ),
            (
                "/* a /* nested */ note */ Inspection(",
                Some(FileKind::Inspection),
            ),
            (
                "#![enable(implicit_some)]\n#![enable(unwrap_newtypes)] Actions(",
                Some(FileKind::Actions),
            ),
            (
                "(\n  format: 1,\n  title: \"Shop\",",
                Some(FileKind::StandardsSet),
            ),
            (
                "(format: 1, standards: (path: \"x\"",
                Some(FileKind::Inspection),
            ),
            (
                "( // note\n format: 1, record: \"r\"",
                Some(FileKind::Actions),
            ),
            ("KF-1,4.5\nKF-2;80%\n", Some(FileKind::Survey)),
            ("factor,score\nKF-1,4\n", Some(FileKind::Survey)),
            ("root:$6$abc:19000:0:99999:7:::\n", None),
            ("Title,Revision,Owner\nShop,2.1,Ann\n", None),
            ("(a: 1, b: 2)", None),
            ("", None),
        ] {
            assert_eq!(FileKind::by_content(text.as_bytes()), kind, "{text}");
        }
        assert_eq!(
            FileKind::by_content(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Some(FileKind::Image)
        );
        assert_eq!(
            FileKind::by_content(&[0xFF, 0xD8, 0xFF, 0xE0]),
            Some(FileKind::Image)
        );
    }
}
