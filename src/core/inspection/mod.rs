//! Inspection records: an auditor's verdict on each standard of a set, at one
//! site on one day, and everything computed from them (scores, weak links,
//! trends). Scoring and checking are pure functions over plain data. A few
//! functions read the files a record leads to, always through
//! `core::storage` and its limits: the set it names
//! ([`Inspection::resolve_set`]), the actions file beside it
//! ([`actions::load_for`]) and a survey ([`survey::load`]); the window and the
//! CLI read the record itself and write everything.

pub mod actions;
pub mod actions_check;
pub mod chart;
pub mod check;
pub mod form;
pub mod score;
pub mod survey;
pub mod visit;

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use jiff::civil::DateTime;
use serde::{Deserialize, Serialize};

use crate::core::model::{Language, Monitoring, StandardsSet};
use crate::core::storage::{self, Document};

pub use score::{FactorPoint, Quadrant, Scores, Tally, score, weak_links};

/// The inspection file format this build reads and writes.
pub const INSPECTION_FORMAT: u32 = 1;

/// The file name ending of inspection records.
pub const EXTENSION: &str = storage::INSPECTION_EXTENSION;

/// One inspection of one set at one site.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Inspection {
    /// Always [`INSPECTION_FORMAT`] when written by this build.
    pub format: u32,
    /// The standards set checked.
    pub standards: SetRef,
    /// The site's name as typed (kept for records written before the
    /// register, and for reading the file without it).
    pub site: String,
    /// The site by its ID in the chain's register (`NAME.sites.ron`);
    /// absent in records written before it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site_id: Option<String>,
    pub inspector: String,
    /// When the inspection started, local time.
    pub when: DateTime,
    /// How the standards were checked.
    pub method: Monitoring,
    /// The contact points inspected, by ID; empty means all of them.
    #[serde(default)]
    pub scope: Vec<String>,
    /// A follow-up visit checks only these standards (those with open
    /// corrective actions), by ID; empty means every standard in scope.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub only: Vec<String>,
    /// Which kind of visit this is; a full one when the field is absent.
    #[serde(default, skip_serializing_if = "Visit::is_full")]
    pub visit: Visit,
    /// One entry per standard answered, in the order of the set.
    #[serde(default)]
    pub verdicts: Vec<Entry>,
    /// When the auditor pressed Finish. A record without it is still in
    /// progress and is offered by Resume; a finished one with standards not
    /// checked is a partial inspection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finished: Option<DateTime>,
}

/// The kind of a visit. A follow-up checks the fixes of earlier failures,
/// not the site as a whole: it is marked as such wherever it is shown and
/// stays out of the trend, as a partial inspection does.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Visit {
    /// Every standard in scope.
    #[default]
    Full,
    /// Back to check corrective actions.
    FollowUp,
}

impl Visit {
    #[must_use]
    pub fn is_full(&self) -> bool {
        *self == Self::Full
    }
}

/// Which set an inspection checked: where it was, and what it was then.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SetRef {
    /// The set's file, relative to the inspection file (forward slashes).
    pub path: String,
    pub title: String,
    #[serde(default)]
    pub revision: String,
}

/// The verdict on one standard.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The standard's ID in the set, e.g. `S-12`.
    pub standard: String,
    pub verdict: Verdict,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// A photo or document backing the verdict, relative to the inspection file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    /// Photos attached in the window: copied beside the record under a name
    /// made from their content (`photos/<hash>.jpg`), relative to it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub photos: Vec<String>,
}

impl Entry {
    /// Every file the entry names: its evidence, then its photos.
    pub fn files(&self) -> impl Iterator<Item = &String> {
        self.evidence.iter().chain(&self.photos)
    }

    /// The files it names that are photos (JPEG or PNG), to show.
    #[must_use]
    pub fn images(&self) -> Vec<String> {
        self.files().filter(|f| is_image(f)).cloned().collect()
    }
}

/// Adds `photo` to `photos` unless it is there: the same photo attached
/// twice (stored once, under its content's name) is named once.
pub fn add_once(photos: &mut Vec<String>, photo: String) {
    if !photos.contains(&photo) {
        photos.push(photo);
    }
}

/// Whether a file name is a JPEG's or a PNG's.
#[must_use]
pub fn is_image(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".jpg", ".jpeg", ".png"].iter().any(|e| lower.ends_with(e))
}

/// What the inspector found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Verdict {
    Pass,
    Fail,
    NotApplicable,
    NotChecked,
}

impl Verdict {
    pub const ALL: [Self; 4] = [
        Self::Pass,
        Self::Fail,
        Self::NotApplicable,
        Self::NotChecked,
    ];

    #[must_use]
    pub fn label(self, lang: Language) -> &'static str {
        let at = Self::ALL.iter().position(|v| *v == self).unwrap_or(0);
        crate::core::i18n::words(lang).vocab.verdicts[at]
    }

    /// The name used in CSV files and `--json`: `pass`, `fail`, `n/a`, `not checked`.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Pass => "pass",
            Self::Fail => "fail",
            Self::NotApplicable => "n/a",
            Self::NotChecked => "not checked",
        }
    }
}

impl Document for Inspection {
    const WHAT: &'static str = "inspection record";
    const CURRENT_FORMAT: u32 = INSPECTION_FORMAT;

    fn format(&self) -> u32 {
        self.format
    }

    fn migrate(&mut self) {
        // Format 1 is the first.
        self.format = INSPECTION_FORMAT;
    }
}

impl Inspection {
    /// A new, empty inspection of `set`, stored at `record` (to make the set's path relative).
    #[must_use]
    pub fn new(set: &StandardsSet, set_path: Option<&Path>, record: &Path, when: DateTime) -> Self {
        let path = set_path
            .map(|p| relative_path(record.parent().unwrap_or(Path::new("")), p))
            .unwrap_or_default();
        Self {
            format: INSPECTION_FORMAT,
            standards: SetRef {
                path,
                title: set.title.clone(),
                revision: set.revision.clone(),
            },
            site: String::new(),
            site_id: None,
            inspector: String::new(),
            when,
            method: Monitoring::SupervisorPatrol,
            scope: Vec::new(),
            only: Vec::new(),
            visit: Visit::Full,
            verdicts: Vec::new(),
            finished: None,
        }
    }

    /// Makes this a follow-up visit checking only `standards` (by ID), or a
    /// full one when there are none.
    pub fn check_only(&mut self, standards: &[String]) {
        self.only = standards.to_vec();
        self.visit = if standards.is_empty() {
            Visit::Full
        } else {
            Visit::FollowUp
        };
    }

    /// Whether this is a follow-up visit: marked so, or (a record written
    /// before visits had a kind) checking only some standards.
    #[must_use]
    pub fn is_follow_up(&self) -> bool {
        self.visit == Visit::FollowUp || !self.only.is_empty()
    }

    /// Whether `cp` (a contact point ID) is inspected.
    #[must_use]
    pub fn in_scope(&self, cp: &str) -> bool {
        self.scope.is_empty() || self.scope.iter().any(|s| s == cp)
    }

    /// Whether the standard is one this visit checks (see [`Inspection::only`]).
    #[must_use]
    pub fn checks(&self, standard: &str) -> bool {
        self.only.is_empty() || self.only.iter().any(|s| s == standard)
    }

    /// The entry for a standard, if answered.
    #[must_use]
    pub fn entry(&self, standard: &str) -> Option<&Entry> {
        self.verdicts.iter().find(|e| e.standard == standard)
    }

    /// The verdict on a standard: [`Verdict::NotChecked`] when there is none.
    #[must_use]
    pub fn verdict(&self, standard: &str) -> Verdict {
        self.entry(standard)
            .map_or(Verdict::NotChecked, |e| e.verdict)
    }

    /// Records a verdict, keeping the note; entries stay in the set's order.
    pub fn set_verdict(&mut self, set: &StandardsSet, standard: &str, verdict: Verdict) {
        self.entry_mut(set, standard).verdict = verdict;
    }

    /// Sets the note on a standard (creating a not-checked entry if needed).
    pub fn set_note(&mut self, set: &StandardsSet, standard: &str, note: String) {
        self.entry_mut(set, standard).note = note;
    }

    /// Sets the evidence file of a standard (relative to the record), or clears it.
    pub fn set_evidence(&mut self, set: &StandardsSet, standard: &str, evidence: Option<String>) {
        self.entry_mut(set, standard).evidence = evidence;
    }

    /// Attaches a photo (a path relative to the record) to a verdict, once.
    pub fn add_photo(&mut self, set: &StandardsSet, standard: &str, photo: String) {
        add_once(&mut self.entry_mut(set, standard).photos, photo);
    }

    fn entry_mut(&mut self, set: &StandardsSet, standard: &str) -> &mut Entry {
        if let Some(i) = self.verdicts.iter().position(|e| e.standard == standard) {
            return &mut self.verdicts[i];
        }
        let order = standard_order(set);
        let rank = |id: &str| order.iter().position(|s| *s == id).unwrap_or(usize::MAX);
        let at = self
            .verdicts
            .iter()
            .position(|e| rank(&e.standard) > rank(standard))
            .unwrap_or(self.verdicts.len());
        self.verdicts.insert(
            at,
            Entry {
                standard: standard.to_owned(),
                verdict: Verdict::NotChecked,
                note: String::new(),
                evidence: None,
                photos: Vec::new(),
            },
        );
        &mut self.verdicts[at]
    }

    /// The IDs of the standards in scope, in the set's order.
    #[must_use]
    pub fn standards_in_scope<'s>(&self, set: &'s StandardsSet) -> Vec<&'s str> {
        set.standards()
            .filter(|(at, s)| self.in_scope(&at.contact_point.id) && self.checks(&s.id))
            .map(|(_, s)| s.id.as_str())
            .collect()
    }

    /// The entries by standard ID, for looking many up (the first of duplicates wins).
    #[must_use]
    pub fn entries(&self) -> HashMap<&str, &Entry> {
        let mut map = HashMap::with_capacity(self.verdicts.len());
        for e in &self.verdicts {
            map.entry(e.standard.as_str()).or_insert(e);
        }
        map
    }

    /// Where the set is, given where this record is: `None` when no path is
    /// recorded (an inspection of a built-in template).
    ///
    /// # Errors
    /// The recorded path is absolute, or does not name a `.standards.ron` file.
    pub fn set_path(&self, record: &Path) -> Result<Option<PathBuf>, SetError> {
        self.set_path_in(record, None)
    }

    /// [`Self::set_path`], or with `sets` the file of the same name in that
    /// folder (`--sets DIR`: records kept apart from their sets). The
    /// recorded path must still be relative and name a set file.
    ///
    /// # Errors
    /// As [`Self::set_path`].
    pub fn set_path_in(
        &self,
        record: &Path,
        sets: Option<&Path>,
    ) -> Result<Option<PathBuf>, SetError> {
        let named = &self.standards.path;
        if named.is_empty() {
            return Ok(None);
        }
        let relative = Path::new(named);
        if relative.is_absolute() || relative.has_root() || named.contains(':') {
            return Err(SetError::Absolute {
                record: record.to_owned(),
                path: named.clone(),
            });
        }
        if storage::FileKind::by_name(relative) != Some(storage::FileKind::StandardsSet) {
            return Err(SetError::NotASet {
                record: record.to_owned(),
                path: named.clone(),
            });
        }
        if let (Some(dir), Some(name)) = (sets, relative.file_name()) {
            return Ok(Some(dir.join(name)));
        }
        let base = record.parent().unwrap_or(Path::new(""));
        Ok(Some(base.join(relative)))
    }

    /// The set this record checks: the file it names (relative to the record,
    /// a regular `.standards.ron` file), or, only when no path is recorded,
    /// the built-in template with the same title. A missing file is an error,
    /// never a quiet fallback.
    ///
    /// # Errors
    /// See [`SetError`].
    pub fn resolve_set(&self, record: &Path) -> Result<(StandardsSet, Option<PathBuf>), SetError> {
        self.resolve_set_in(record, None)
    }

    /// [`Self::resolve_set`], looking for the set in `sets` when given.
    ///
    /// # Errors
    /// See [`SetError`].
    pub fn resolve_set_in(
        &self,
        record: &Path,
        sets: Option<&Path>,
    ) -> Result<(StandardsSet, Option<PathBuf>), SetError> {
        if let Some(path) = self.set_path_in(record, sets)? {
            return match storage::load::<StandardsSet>(&path) {
                Ok(loaded) => Ok((loaded.document, Some(path))),
                Err(storage::LoadError::Io { source, .. })
                    if source.kind() == std::io::ErrorKind::NotFound =>
                {
                    Err(SetError::Missing {
                        record: record.to_owned(),
                        path: self.standards.path.clone(),
                        title: self.standards.title.clone(),
                    })
                }
                Err(e) => Err(SetError::Load(Box::new(e))),
            };
        }
        crate::core::templates::TEMPLATES
            .iter()
            .find(|t| t.title() == self.standards.title)
            .map(|t| (t.set(), None))
            .ok_or_else(|| SetError::NoPath {
                record: record.to_owned(),
                title: self.standards.title.clone(),
            })
    }
}

/// Why a record's set cannot be used. Its file is never opened when the
/// recorded path is absolute or names anything but a standards set.
#[derive(Debug, thiserror::Error)]
pub enum SetError {
    #[error("{}: the set's path “{path}” is absolute; a record names its set relative to itself (e.g. ../shop.standards.ron), and servstd does not follow it", .record.display())]
    Absolute { record: PathBuf, path: String },
    #[error("{}: the set's path “{path}” does not name a {} file, and servstd does not open it", .record.display(), storage::STANDARDS_EXTENSION)]
    NotASet { record: PathBuf, path: String },
    #[error("{}: the standards set “{title}” is not at {path} (relative to the record); put the set there or correct the path", .record.display())]
    Missing {
        record: PathBuf,
        path: String,
        title: String,
    },
    #[error("{}: no set path is recorded and no built-in template is titled “{title}”", .record.display())]
    NoPath { record: PathBuf, title: String },
    #[error(transparent)]
    Load(Box<storage::LoadError>),
}

impl SetError {
    /// The record the error is about, or the set file for a load error.
    #[must_use]
    pub fn path(&self) -> &Path {
        match self {
            Self::Absolute { record, .. }
            | Self::NotASet { record, .. }
            | Self::Missing { record, .. }
            | Self::NoPath { record, .. } => record,
            Self::Load(e) => e.path(),
        }
    }
}

/// Every standard ID of `set` in document order.
#[must_use]
pub fn standard_order(set: &StandardsSet) -> Vec<&str> {
    set.standards().map(|(_, s)| s.id.as_str()).collect()
}

/// `to` relative to the directory `from`, with forward slashes (for files shared across systems).
#[must_use]
pub fn relative_path(from: &Path, to: &Path) -> String {
    let abs = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let (from, to) = (abs(from), abs(to));
    // No relative path between them (another drive on Windows): keep it absolute.
    let rel = pathdiff::diff_paths(&to, &from).unwrap_or(to);
    rel.components()
        .filter(|c| !matches!(c, Component::CurDir))
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// The embedded sample inspections of the embedded restaurant set (file name, text).
pub const SAMPLE_INSPECTIONS: &[(&str, &str)] = &[
    (
        "restaurant-2026-08.inspection.ron",
        include_str!("../../../standards/restaurant-2026-08.inspection.ron"),
    ),
    (
        "restaurant-2026-09.inspection.ron",
        include_str!("../../../standards/restaurant-2026-09.inspection.ron"),
    ),
    (
        "restaurant-2026-10.inspection.ron",
        include_str!("../../../standards/restaurant-2026-10.inspection.ron"),
    ),
];

/// The photos the embedded samples' records and actions name (path as
/// named, bytes), so the embedded sample shows them with no folder on disk.
pub const SAMPLE_PHOTOS: &[(&str, &[u8])] = &[
    (
        "photos/2026-08-a1-phone-light.jpg",
        include_bytes!("../../../standards/photos/2026-08-a1-phone-light.jpg"),
    ),
    (
        "photos/2026-08-a2-kitchen-board.jpg",
        include_bytes!("../../../standards/photos/2026-08-a2-kitchen-board.jpg"),
    ),
    (
        "photos/2026-08-a4-restroom-checklist.jpg",
        include_bytes!("../../../standards/photos/2026-08-a4-restroom-checklist.jpg"),
    ),
    (
        "photos/2026-10-s36-bin.jpg",
        include_bytes!("../../../standards/photos/2026-10-s36-bin.jpg"),
    ),
    (
        "photos/2026-10-s41-queue.jpg",
        include_bytes!("../../../standards/photos/2026-10-s41-queue.jpg"),
    ),
];

/// An embedded sample photo by the path its record or actions file names.
#[must_use]
pub fn sample_photo(name: &str) -> Option<&'static [u8]> {
    SAMPLE_PHOTOS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, bytes)| *bytes)
}

/// The sample inspections, parsed.
///
/// # Panics
/// If an embedded sample does not parse; a test checks them.
#[must_use]
pub fn sample_inspections() -> Vec<Inspection> {
    SAMPLE_INSPECTIONS
        .iter()
        .map(|(name, text)| {
            storage::parse(text).unwrap_or_else(|e| panic!("embedded {name} does not parse: {e}"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths() {
        assert_eq!(
            relative_path(Path::new("/a/b"), Path::new("/a/b/x.standards.ron")),
            "x.standards.ron"
        );
        assert_eq!(
            relative_path(Path::new("/a/b/c"), Path::new("/a/x.ron")),
            "../../x.ron"
        );
    }

    #[test]
    fn verdicts_stay_in_set_order() {
        let set = crate::core::templates::default_sample();
        let mut i = Inspection::new(
            &set,
            None,
            Path::new("x.inspection.ron"),
            DateTime::default(),
        );
        i.set_verdict(&set, "S-5", Verdict::Pass);
        i.set_verdict(&set, "S-1", Verdict::Fail);
        i.set_note(&set, "S-3", "dirty".into());
        i.set_verdict(&set, "S-5", Verdict::Fail);
        let ids: Vec<_> = i.verdicts.iter().map(|e| e.standard.as_str()).collect();
        assert_eq!(ids, ["S-1", "S-3", "S-5"]);
        assert_eq!(i.verdict("S-5"), Verdict::Fail);
        assert_eq!(i.verdict("S-3"), Verdict::NotChecked);
        assert_eq!(i.verdict("S-99"), Verdict::NotChecked);
    }

    #[test]
    fn samples_parse_and_round_trip() {
        for (name, text) in SAMPLE_INSPECTIONS {
            let i: Inspection = storage::parse(text).unwrap();
            assert_eq!(storage::to_canonical(&i), *text, "{name} is not canonical");
        }
    }

    #[test]
    fn every_photo_the_samples_name_is_built_in_and_every_built_in_one_is_named() {
        let mut named: Vec<String> = sample_inspections()
            .iter()
            .flat_map(|i| i.verdicts.iter().flat_map(Entry::images))
            .collect();
        for file in actions::sample_actions() {
            for a in &file.actions {
                named.extend(a.fix_photos().cloned());
            }
        }
        named.sort();
        named.dedup();
        let mut built_in: Vec<String> =
            SAMPLE_PHOTOS.iter().map(|(n, _)| (*n).to_owned()).collect();
        built_in.sort();
        assert_eq!(named, built_in);
        for (name, bytes) in SAMPLE_PHOTOS {
            assert!(image::load_from_memory(bytes).is_ok(), "{name} is a photo");
        }
    }
}
