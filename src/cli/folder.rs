//! A folder given where records are expected (`report`, `actions`): every
//! record under it, at any depth, of one set (`--set`, else the set the
//! first readable record names), read in parallel; every file not used is
//! said on standard error, and fails the run when a record was lost.

use std::path::{Path, PathBuf};

use super::{exit, load_error_line};
use crate::core::chain::{self, Why};
use crate::core::inspection::Inspection;
use crate::core::model::StandardsSet;
use crate::core::storage::{self, scan};

/// The records of one set found under a folder.
pub struct FromFolder {
    pub set: StandardsSet,
    pub set_path: Option<PathBuf>,
    pub records: Vec<chain::Record>,
    /// Whether a record (or its actions) under the folder could not be used.
    pub lost: bool,
    /// Each file not used, as said on standard error.
    pub not_used: Vec<String>,
}

/// Reads the records under `folder` of the set at `set` (else of the set
/// the first readable record names), finding sets in `sets` when given.
///
/// # Errors
/// The exit code, after saying why on standard error: the set cannot be
/// read, or no record under the folder leads to one.
pub fn read(folder: &Path, set: Option<&Path>, sets: Option<&Path>) -> Result<FromFolder, u8> {
    let (set, set_path) = match set {
        Some(path) => match storage::load::<StandardsSet>(path) {
            Ok(loaded) => (loaded.document, Some(path.to_owned())),
            Err(err) => {
                eprintln!("{}", load_error_line(&err));
                return Err(exit::UNREADABLE);
            }
        },
        None => match first_set(folder, sets) {
            Some(found) => found,
            None => {
                eprintln!(
                    "{}: error: no record under this folder names a standards set that can be read; name the set with --set FILE",
                    folder.display()
                );
                return Err(exit::UNREADABLE);
            }
        },
    };
    let found = chain::load_folder_in(&set, set_path.as_deref(), folder, sets);
    let mut lost = false;
    let not_used = found
        .skipped
        .iter()
        .map(|s| {
            lost |= !matches!(s.why, Why::OtherSet { .. });
            match &s.why {
                Why::Unreadable(e) | Why::Actions(e) => load_error_line(e),
                Why::OtherSet { .. } => format!("{}: note: {}", s.path.display(), s.why),
                Why::SetPath(_) | Why::Folder(_) => {
                    format!("{}: error: {}", s.path.display(), s.why)
                }
            }
        })
        .collect::<Vec<_>>();
    for line in &not_used {
        eprintln!("{line}");
    }
    Ok(FromFolder {
        set,
        set_path,
        records: found.records,
        lost,
        not_used,
    })
}

/// The set the first readable record under `folder` (in the order of
/// paths) names, and where it is.
fn first_set(folder: &Path, sets: Option<&Path>) -> Option<(StandardsSet, Option<PathBuf>)> {
    scan::files_under(folder, crate::core::inspection::EXTENSION)
        .files
        .iter()
        .find_map(|file| {
            let record = storage::load::<Inspection>(file).ok()?.document;
            record.resolve_set_in(file, sets).ok()
        })
}

/// Whether `path` is a folder (followed through a link: the user named it).
#[must_use]
pub fn is_folder(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.is_dir())
}
