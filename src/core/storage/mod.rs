//! Reading and writing documents: size and depth limits (`read`), canonical
//! RON and errors with positions (`parse`), a faster parse's compacted text
//! (`compact`), where values are written
//! (`locate`), a file's kind (`kind`), atomic saves (`save`) and outputs
//! that never replace a document (`output`). The only module that touches
//! document files.

use std::fmt;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::core::model::{FORMAT_VERSION, StandardsSet};

mod compact;
pub mod evidence;
pub mod kind;
pub mod lex;
pub mod locate;
pub mod logo;
pub mod output;
mod parse;
pub mod photos;
mod read;
mod save;
pub mod scan;

pub use compact::compact;
pub use kind::{ACTIONS_EXTENSION, FileKind, INSPECTION_EXTENSION, STANDARDS_EXTENSION};
pub use lex::has_comments;
pub use locate::{locate_id, locate_values};
pub use parse::{ParseError, Reason, parse, to_canonical};
pub use read::{
    LoadError, Loaded, Special, decode, language_named, load, open_regular, read_limited,
};
pub use save::{
    DocumentLock, LOCK_WAIT_SECS, STALE_TEMP_SECS, SaveError, lock, save, save_if_unchanged,
    write_atomic, write_atomic_with,
};

/// Files larger than this are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// How deeply brackets may nest; a standards file needs about ten levels.
pub const RECURSION_LIMIT: usize = 64;

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

/// `FILE:LINE:COL`, or `FILE` without a position: how every message names
/// where it points, in the window and on the command line.
#[must_use]
pub fn place(path: &std::path::Path, at: Option<Position>) -> String {
    match at {
        Some(at) => format!("{}:{at}", path.display()),
        None => path.display().to_string(),
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;

    #[test]
    fn the_language_is_read_from_a_sets_first_lines_and_never_from_a_link_or_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        let set = dir.path().join("shop.standards.ron");
        std::fs::write(
            &set,
            "StandardsSet(\n    // language: \"en\" once\n    format: 3,\n    language: \"zh-TW\",\n    name: \"店\",\n)\n",
        )
        .unwrap();
        assert_eq!(language_named(&set), Some(Language::ZhTw));
        let sample = std::path::Path::new("standards/call-centre.standards.ron");
        assert_eq!(language_named(sample), Some(Language::En));
        let none = dir.path().join("none.standards.ron");
        std::fs::write(&none, "(format: 3, name: \"shop\")").unwrap();
        assert_eq!(language_named(&none), None);
        assert_eq!(language_named(dir.path()), None);
        #[cfg(unix)]
        {
            let link = dir.path().join("link.standards.ron");
            std::os::unix::fs::symlink(&set, &link).unwrap();
            assert_eq!(language_named(&link), None);
            let fifo = dir.path().join("fifo.standards.ron");
            let made = std::process::Command::new("mkfifo").arg(&fifo).status();
            assert!(made.is_ok_and(|s| s.success()), "mkfifo");
            assert_eq!(language_named(&fifo), None);
        }
    }
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
        let ParseError::Syntax { at, reason } = err else {
            panic!("expected a syntax error")
        };
        let message = reason.message(crate::core::model::Language::En);
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

    /// A 30 MB value was echoed whole in one error line (issue 29, item 6).
    #[test]
    fn a_huge_unknown_word_is_shortened_in_the_message() {
        let word = "x".repeat(1_000_000);
        let text = to_canonical(&small()).replace("title:", &format!("{word}:"));
        let err = parse::<StandardsSet>(&text).unwrap_err();
        let message = err.to_string();
        assert!(message.len() < 2_000, "{} bytes", message.len());
        assert!(message.contains("unknown field `xxxx"), "{message}");
    }

    /// A Chinese message quoted ron's English words ("expected comma；请检查…",
    /// "unknown escape character；…") inside the translated sentence (issue
    /// 29, item 6): each common slip now has its own words in each language.
    #[test]
    fn syntax_errors_are_said_in_the_users_language_without_the_parsers_english() {
        use crate::core::model::Language;
        let canonical = to_canonical(&small());
        let slips = [
            // A comma left out between two fields.
            canonical.replacen(",\n", "\n", 2),
            // A backslash that escapes nothing.
            canonical.replacen("title: \"", "title: \"\\q", 1),
            // A list where a text belongs.
            canonical.replacen("title: \"", "title: [\"", 1),
            // A number too large for its field.
            canonical.replacen("format: 1", "format: 99999999999999999999999", 1),
        ];
        for text in &slips {
            let err = parse::<StandardsSet>(text).unwrap_err();
            for lang in [Language::ZhCn, Language::ZhTw] {
                let message = err.message(lang);
                let english: Vec<&str> = message
                    .split(|c: char| !c.is_ascii_alphabetic())
                    .filter(|w| w.len() > 2 && !["true", "false", "Standard"].contains(w))
                    .collect();
                assert!(english.is_empty(), "{lang:?}: {message} ({english:?})");
            }
            assert!(!err.message(Language::En).is_empty());
        }
        let err = parse::<StandardsSet>(&slips[0]).unwrap_err();
        assert!(
            err.message(Language::ZhCn).contains("此处应为逗号"),
            "{err}"
        );
        assert!(
            err.message(Language::En).contains("a comma (,) expected"),
            "{err}"
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
