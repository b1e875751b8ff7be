//! The files beside a set: the documents of one kind in its folder (records,
//! actions files), read in the order of their names, and the names new ones
//! are given there. The window's results, Resume and actions board read
//! through here; what makes a document belong to a set (the set it names) is
//! the caller's to say, since that is the inspection's idea, not storage's.

use std::path::{Path, PathBuf};

use super::{Document, LoadError, STANDARDS_EXTENSION, evidence::folder_of, load};

/// The documents of one kind found in a folder, and the files of that kind
/// that could not be read.
#[derive(Debug)]
pub struct Found<T> {
    /// (file, document), in the order of the files' names.
    pub documents: Vec<(PathBuf, T)>,
    pub problems: Vec<LoadError>,
}

impl<T> Default for Found<T> {
    fn default() -> Self {
        Self {
            documents: Vec::new(),
            problems: Vec::new(),
        }
    }
}

/// The files in `folder` whose names end with `suffix` (e.g.
/// `.inspection.ron`), sorted by name; none when the folder cannot be read.
#[must_use]
pub fn files_ending(folder: &Path, suffix: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(suffix))
        .collect();
    files.sort();
    files
}

/// How deep [`files_under`] goes below the folder it is given.
pub const MAX_FOLDER_DEPTH: usize = 32;

/// What [`files_under`] found: the files, and what it could not look into.
#[derive(Debug, Default)]
pub struct Walk {
    /// Files (or links, or special files: the reader refuses those and says
    /// why) whose names end with the suffix, sorted by path.
    pub files: Vec<PathBuf>,
    /// Folders not looked into, with the reason.
    pub problems: Vec<(PathBuf, WalkProblem)>,
}

/// Why a folder under the one scanned was not looked into.
#[derive(Debug, thiserror::Error)]
pub enum WalkProblem {
    #[error("the folder cannot be read: {0}")]
    Unreadable(std::io::Error),
    /// A link to a folder: following links could loop, or lead anywhere.
    #[error(
        "a link to a folder; servstd does not follow it (put the records in the folder itself)"
    )]
    LinkedFolder,
    #[error("folders nest deeper than {MAX_FOLDER_DEPTH} levels; servstd does not look deeper")]
    TooDeep,
}

/// Every file under `folder` (recursively, links to folders not followed)
/// whose name ends with `suffix`: `inspections/SITE/2026-10-23.inspection.ron`.
#[must_use]
pub fn files_under(folder: &Path, suffix: &str) -> Walk {
    let mut walk = Walk::default();
    let mut pending = vec![(folder.to_owned(), 0usize)];
    while let Some((dir, depth)) = pending.pop() {
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) => {
                walk.problems.push((dir, WalkProblem::Unreadable(e)));
                continue;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    walk.problems
                        .push((dir.clone(), WalkProblem::Unreadable(e)));
                    continue;
                }
            };
            let path = entry.path();
            // The entry's own type: a link is a link, never what it leads to.
            let Ok(kind) = entry.file_type() else {
                walk.files.push(path);
                continue;
            };
            let named = path.to_string_lossy().ends_with(suffix);
            if kind.is_dir() {
                if named {
                    walk.files.push(path); // the reader says it is a folder
                } else if depth + 1 > MAX_FOLDER_DEPTH {
                    walk.problems.push((path, WalkProblem::TooDeep));
                } else {
                    pending.push((path, depth + 1));
                }
            } else if named {
                walk.files.push(path);
            } else if kind.is_symlink() && std::fs::metadata(&path).is_ok_and(|m| m.is_dir()) {
                walk.problems.push((path, WalkProblem::LinkedFolder));
            }
        }
    }
    walk.files.sort();
    walk.problems.sort_by(|a, b| a.0.cmp(&b.0));
    walk
}

/// Reads every file in `folder` whose name ends with `suffix` as a `T`, in
/// the order of their names; a file that cannot be read is a problem, never
/// a reason to stop.
#[must_use]
pub fn load_all<T: Document>(folder: &Path, suffix: &str) -> Found<T> {
    let mut found = Found::default();
    for file in files_ending(folder, suffix) {
        match load::<T>(&file) {
            Ok(loaded) => found.documents.push((file, loaded.document)),
            Err(err) => found.problems.push(err),
        }
    }
    found
}

/// The documents of kind `T` in the folder of the set at `set_path` whose
/// names end with `suffix` and that `belongs` to it; every file of that
/// kind that cannot be read is a problem (it might have been the set's).
/// `belongs` is given each document and the set's path made canonical (or
/// as written, when it cannot be).
#[must_use]
pub fn beside_set<T: Document>(
    set_path: &Path,
    suffix: &str,
    belongs: impl Fn(&Path, &T, &Path) -> bool,
) -> Found<T> {
    let me = canonical(set_path);
    let mut found = load_all::<T>(folder_of(set_path), suffix);
    found
        .documents
        .retain(|(file, doc)| belongs(file, doc, &me));
    found
}

/// `path` with links and `..` resolved, or as written when it does not exist:
/// two names of one file compare equal.
#[must_use]
pub fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned())
}

/// A file beside the set's file, named after it (or after its `title` when it
/// was never saved, in `folder`): `path_beside("Shop", Some("a/shop.standards.ron"),
/// folder, "-report.pdf")` is `a/shop-report.pdf`. Relative set paths are
/// made absolute, so that the user sees where the file will go.
#[must_use]
pub fn path_beside(title: &str, set_path: Option<&Path>, folder: &Path, suffix: &str) -> String {
    let stem = set_path.and_then(Path::file_name).map_or_else(
        || title.to_owned(),
        |n| {
            n.to_string_lossy()
                .trim_end_matches(STANDARDS_EXTENSION)
                .to_owned()
        },
    );
    let dir = set_path
        .and_then(Path::parent)
        .map_or_else(|| folder.to_owned(), absolute);
    dir.join(format!("{stem}{suffix}")).display().to_string()
}

/// `path` made absolute against the current folder (without resolving links).
#[must_use]
pub fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_owned())
}

/// `path`, or the first of `stem-2.ext`, `stem-3.ext`… that does not exist
/// yet, where `ext` is `extension` (e.g. `.inspection.ron`).
#[must_use]
pub fn unique_path(path: &str, extension: &str) -> String {
    if !Path::new(path).exists() {
        return path.to_owned();
    }
    let stem = path.strip_suffix(extension).unwrap_or(path);
    // A folder never holds a million records of one set and minute.
    (2..1_000_000)
        .map(|n| format!("{stem}-{n}{extension}"))
        .find(|p| !Path::new(p).exists())
        .unwrap_or_else(|| path.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::StandardsSet;

    #[test]
    fn documents_of_a_kind_are_read_in_name_order_and_bad_ones_are_problems() {
        let dir = tempfile::tempdir().unwrap();
        let set = crate::core::templates::default_sample();
        crate::core::storage::save(&dir.path().join("b.standards.ron"), &set).unwrap();
        crate::core::storage::save(&dir.path().join("a.standards.ron"), &set).unwrap();
        std::fs::write(dir.path().join("c.standards.ron"), "not ron").unwrap();
        std::fs::write(dir.path().join("notes.txt"), "other").unwrap();
        let found = load_all::<StandardsSet>(dir.path(), STANDARDS_EXTENSION);
        let names: Vec<_> = found
            .documents
            .iter()
            .map(|(p, _)| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["a.standards.ron", "b.standards.ron"]);
        assert_eq!(found.problems.len(), 1);
        let only_a = beside_set::<StandardsSet>(
            &dir.path().join("a.standards.ron"),
            STANDARDS_EXTENSION,
            |file, _, me| canonical(file) == me,
        );
        assert_eq!(only_a.documents.len(), 1);
        assert_eq!(only_a.problems.len(), 1, "a bad file beside is still named");
    }

    #[test]
    fn files_under_a_folder_are_found_at_any_depth_and_linked_folders_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let deep = dir.path().join("SH-01").join("2026");
        std::fs::create_dir_all(&deep).unwrap();
        std::fs::write(dir.path().join("a.inspection.ron"), "").unwrap();
        std::fs::write(deep.join("b.inspection.ron"), "").unwrap();
        std::fs::write(deep.join("notes.txt"), "").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(dir.path().join("SH-01"), dir.path().join("loop")).unwrap();
        let walk = files_under(dir.path(), ".inspection.ron");
        assert_eq!(walk.files.len(), 2, "{walk:?}");
        assert!(
            walk.files
                .iter()
                .any(|f| f.ends_with("SH-01/2026/b.inspection.ron"))
        );
        #[cfg(unix)]
        assert!(matches!(
            walk.problems[..],
            [(_, WalkProblem::LinkedFolder)]
        ));
        let missing = files_under(&dir.path().join("none"), ".inspection.ron");
        assert!(matches!(
            missing.problems[..],
            [(_, WalkProblem::Unreadable(_))]
        ));
    }

    #[test]
    fn a_new_file_is_named_after_the_set_and_never_over_one_that_exists() {
        let dir = tempfile::tempdir().unwrap();
        let set_path = dir.path().join("shop.standards.ron");
        let name = path_beside("Shop", Some(&set_path), Path::new("/x"), "-r.pdf");
        assert_eq!(Path::new(&name), dir.path().join("shop-r.pdf"));
        assert_eq!(
            path_beside("Shop", None, Path::new("/x"), "-r.pdf"),
            "/x/Shop-r.pdf"
        );
        std::fs::write(&name, "").unwrap();
        assert_eq!(
            Path::new(&unique_path(&name, ".pdf")),
            dir.path().join("shop-r-2.pdf")
        );
    }
}
