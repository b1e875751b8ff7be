//! Records in folders: every `*.inspection.ron` under a folder that names
//! the set (e.g. `inspections/SITE/2026-10-23.inspection.ron`), read and
//! scored in parallel, each with its actions file; every file that could
//! not be used is listed with the reason, never skipped in silence.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::core::inspection::actions::{self, Action};
use crate::core::inspection::{self, Inspection, Scores, SetError};
use crate::core::model::StandardsSet;
use crate::core::storage::{self, LoadError, scan};

/// One record of the folder, scored once.
#[derive(Debug, Clone)]
pub struct Record {
    pub path: PathBuf,
    pub inspection: Inspection,
    pub scores: Scores,
    /// The actions raised from it (its `.actions.ron`), if any.
    pub actions: Vec<Action>,
}

/// The records of a folder that name one set.
#[derive(Debug, Default)]
pub struct Folder {
    /// Oldest first (then by path).
    pub records: Vec<Record>,
    /// Every file that could not be used, and why, by path.
    pub skipped: Vec<Skipped>,
}

/// A file under the folder that was not used.
#[derive(Debug, thiserror::Error)]
#[error("{}: {why}", .path.display())]
pub struct Skipped {
    pub path: PathBuf,
    pub why: Why,
}

/// Why a file was not used.
#[derive(Debug, thiserror::Error)]
pub enum Why {
    /// The record cannot be read (its error names the place).
    #[error("{0}")]
    Unreadable(LoadError),
    /// The record's path to its set is refused (absolute, not a set file).
    #[error("{0}")]
    SetPath(SetError),
    /// It is a record of another set: named, so nobody wonders where it went.
    #[error("a record of another set (“{title}”, {path}), not of this one")]
    OtherSet { title: String, path: String },
    /// The record was read, but its actions file was not: the record is
    /// used, its actions are not counted.
    #[error("{0} (the record is counted, its actions are not)")]
    Actions(LoadError),
    /// A folder that was not looked into.
    #[error("{0}")]
    Folder(scan::WalkProblem),
}

impl Skipped {
    /// Whether the record itself was not used (an actions file that could
    /// not be read leaves its record counted).
    #[must_use]
    pub fn lost_a_record(&self) -> bool {
        !matches!(self.why, Why::Actions(_))
    }
}

/// Which set records must name to be read as its records.
#[derive(Clone, Copy, Debug)]
pub enum SetKey<'a> {
    /// A set file: records whose recorded path leads to it.
    File(&'a Path),
    /// A built-in template (never saved): records with no set path and its title.
    Template(&'a str),
}

impl<'a> SetKey<'a> {
    /// The key of `set`, kept at `set_path` or built in.
    #[must_use]
    pub fn of(set: &'a StandardsSet, set_path: Option<&'a Path>) -> Self {
        set_path.map_or(Self::Template(&set.title), Self::File)
    }
}

/// Files per turn of a reading thread: few enough to share the work out
/// evenly, enough that taking the next costs nothing.
const CHUNK: usize = 16;

/// Reads every record under `folder` that names `set` (kept at `set_path`,
/// or built in), with its actions, and scores it; in parallel on every
/// core. Records of other sets and files that cannot be read are listed.
#[must_use]
pub fn load_folder(set: &StandardsSet, set_path: Option<&Path>, folder: &Path) -> Folder {
    load_folder_in(set, set_path, folder, None)
}

/// [`load_folder`], with the records' sets looked for in `sets` by file
/// name (`--sets DIR`: records kept apart from their sets).
#[must_use]
pub fn load_folder_in(
    set: &StandardsSet,
    set_path: Option<&Path>,
    folder: &Path,
    sets: Option<&Path>,
) -> Folder {
    let walk = scan::files_under(folder, inspection::EXTENSION);
    let key = SetKey::of(set, set_path);
    let me = match key {
        SetKey::File(path) => Some(scan::canonical(path)),
        SetKey::Template(_) => None,
    };
    let files = &walk.files;
    let next = AtomicUsize::new(0);
    let threads = crate::core::threads::available()
        .min(files.len().div_ceil(CHUNK))
        .max(1);
    let mut read: Vec<(usize, Read)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut out = Vec::new();
                    loop {
                        let start = next.fetch_add(CHUNK, Ordering::Relaxed);
                        if start >= files.len() {
                            break;
                        }
                        for (n, file) in files.iter().enumerate().skip(start).take(CHUNK) {
                            out.push((n, read_one(set, key, me.as_deref(), sets, file)));
                        }
                    }
                    out
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_default())
            .collect()
    });
    read.sort_by_key(|(n, _)| *n);
    let mut folder_out = Folder::default();
    for (_, one) in read {
        if let Some(record) = one.record {
            folder_out.records.push(record);
        }
        folder_out.skipped.extend(one.skipped);
    }
    folder_out
        .skipped
        .extend(walk.problems.into_iter().map(|(path, p)| Skipped {
            path,
            why: Why::Folder(p),
        }));
    folder_out
        .records
        .sort_by(|a, b| (a.inspection.when, &a.path).cmp(&(b.inspection.when, &b.path)));
    folder_out.skipped.sort_by(|a, b| a.path.cmp(&b.path));
    folder_out
}

/// What reading one file gave.
struct Read {
    record: Option<Record>,
    skipped: Option<Skipped>,
}

fn read_one(
    set: &StandardsSet,
    key: SetKey<'_>,
    me: Option<&Path>,
    sets: Option<&Path>,
    file: &Path,
) -> Read {
    let skip = |why| Read {
        record: None,
        skipped: Some(Skipped {
            path: file.to_owned(),
            why,
        }),
    };
    let inspection = match storage::load::<Inspection>(file) {
        Ok(loaded) => loaded.document,
        Err(e) => return skip(Why::Unreadable(e)),
    };
    let ours = match key {
        SetKey::File(_) => match inspection.set_path_in(file, sets) {
            Ok(Some(path)) => me.is_some_and(|me| scan::canonical(&path) == me),
            Ok(None) => false,
            Err(e) => return skip(Why::SetPath(e)),
        },
        SetKey::Template(title) => {
            inspection.standards.path.is_empty() && inspection.standards.title == title
        }
    };
    if !ours {
        return skip(Why::OtherSet {
            title: inspection.standards.title.clone(),
            path: inspection.standards.path.clone(),
        });
    }
    let (actions, skipped) = match actions::load_for(file) {
        Ok(found) => (found.map(|l| l.document.actions).unwrap_or_default(), None),
        Err(e) => (
            Vec::new(),
            Some(Skipped {
                path: actions::path_for(file),
                why: Why::Actions(e),
            }),
        ),
    };
    let scores = inspection::score(set, &inspection);
    Read {
        record: Some(Record {
            path: file.to_owned(),
            inspection,
            scores,
            actions,
        }),
        skipped,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The restaurant set and its three sample records, in `SITE/` folders,
    /// with a record of another set, a broken one and a broken actions file.
    fn chain_folder() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("standards");
        let set_path = dir.path().join("restaurant.standards.ron");
        std::fs::copy(root.join("restaurant.standards.ron"), &set_path).unwrap();
        for (n, (name, text)) in inspection::SAMPLE_INSPECTIONS.iter().enumerate() {
            let site = dir
                .path()
                .join("inspections")
                .join(format!("S-{}", n % 2 + 1));
            std::fs::create_dir_all(&site).unwrap();
            let text = text.replace("path: \"restaurant", "path: \"../../restaurant");
            std::fs::write(site.join(name), text).unwrap();
            let actions = name.replace(".inspection.ron", ".actions.ron");
            if let Some((_, text)) = actions::SAMPLE_ACTIONS.iter().find(|(n, _)| *n == actions) {
                std::fs::write(site.join(&actions), text).unwrap();
            }
        }
        let other = inspection::SAMPLE_INSPECTIONS[0]
            .1
            .replace("restaurant.standards.ron", "../../bank.standards.ron");
        let inspections = dir.path().join("inspections");
        std::fs::write(inspections.join("S-1/bank.inspection.ron"), other).unwrap();
        std::fs::write(inspections.join("S-2/broken.inspection.ron"), "Inspection(").unwrap();
        std::fs::write(
            inspections.join("S-2/restaurant-2026-09.actions.ron"),
            "Actions(",
        )
        .unwrap();
        (dir, set_path)
    }

    #[test]
    fn records_under_a_folder_are_read_scored_and_the_rest_listed() {
        let (dir, set_path) = chain_folder();
        let set: StandardsSet = storage::load(&set_path).unwrap().document;
        let folder = load_folder(&set, Some(&set_path), dir.path());
        assert_eq!(folder.records.len(), 3);
        assert!(
            folder
                .records
                .windows(2)
                .all(|w| w[0].inspection.when <= w[1].inspection.when)
        );
        let latest = &folder.records[2];
        assert_eq!(
            latest.scores.overall.rate().map(|x| (x * 100.0).round()),
            Some(92.0),
            "scored as the results view scores it"
        );
        let why: Vec<String> = folder.skipped.iter().map(ToString::to_string).collect();
        assert_eq!(folder.skipped.len(), 3, "{why:#?}");
        assert!(
            why.iter()
                .any(|w| w.contains("bank.inspection.ron") && w.contains("another set"))
        );
        assert!(why.iter().any(|w| w.contains("broken.inspection.ron")));
        assert!(why.iter().any(|w| w.contains("actions are not")));
        assert_eq!(
            folder.skipped.iter().filter(|s| s.lost_a_record()).count(),
            2
        );
        // The sample's actions are read beside their records.
        assert!(folder.records.iter().any(|r| !r.actions.is_empty()));
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_named_as_a_record_is_listed_not_waited_on() {
        let (dir, set_path) = chain_folder();
        let fifo = dir.path().join("inspections/S-1/pipe.inspection.ron");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|s| s.success()));
        let set: StandardsSet = storage::load(&set_path).unwrap().document;
        let folder = load_folder(&set, Some(&set_path), dir.path());
        assert_eq!(folder.records.len(), 3);
        assert!(folder.skipped.iter().any(|s| s.path == fifo));
    }

    #[test]
    fn an_empty_or_missing_folder_reads_nothing_and_says_so() {
        let set = crate::core::templates::default_sample();
        let dir = tempfile::tempdir().unwrap();
        let folder = load_folder(&set, None, &dir.path().join("none"));
        assert!(folder.records.is_empty());
        assert_eq!(folder.skipped.len(), 1);
    }
}
