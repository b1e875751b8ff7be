//! Autosave to a recovery file while there are unsaved changes, and the offer
//! to restore it at the next start. The real file is only ever written by Save.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::core::model::StandardsSet;
use crate::core::storage;

/// How often unsaved work is written to the recovery file.
pub const AUTOSAVE_INTERVAL_SECS: f64 = 30.0;

const SET_FILE: &str = "recovery.standards.ron";
const ORIGIN_FILE: &str = "recovery.origin";

/// Unsaved work found at start.
#[derive(Clone, Debug, PartialEq)]
pub struct Recovered {
    pub set: StandardsSet,
    /// The file the work belonged to, if it had one.
    pub origin: Option<PathBuf>,
    /// When it was written, for the prompt.
    pub written: String,
}

/// The recovery files of one user, in one folder.
#[derive(Clone, Debug)]
pub struct Recovery {
    dir: PathBuf,
}

impl Recovery {
    #[must_use]
    pub fn new(dir: PathBuf) -> Self {
        Self { dir }
    }

    /// The default folder: servstd's data folder (e.g. `~/.local/share/servstd`).
    #[must_use]
    pub fn default_dir() -> Option<PathBuf> {
        eframe::storage_dir("servstd")
    }

    /// Writes the unsaved set, atomically, with the path it belongs to.
    pub fn write(&self, set: &StandardsSet, origin: Option<&Path>) -> io::Result<()> {
        fs::create_dir_all(&self.dir)?;
        storage::save(&self.dir.join(SET_FILE), set)?;
        let origin = origin.map(|p| p.display().to_string()).unwrap_or_default();
        storage::write_atomic(&self.dir.join(ORIGIN_FILE), origin.as_bytes())
    }

    /// The unsaved work left by a previous run, if any and if it still reads.
    #[must_use]
    pub fn find(&self) -> Option<Recovered> {
        let path = self.dir.join(SET_FILE);
        let loaded = storage::load::<StandardsSet>(&path).ok()?;
        let origin = fs::read_to_string(self.dir.join(ORIGIN_FILE))
            .ok()
            .filter(|s| !s.trim().is_empty())
            .map(|s| PathBuf::from(s.trim()));
        let written = fs::metadata(&path)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| jiff::Timestamp::try_from(t).ok())
            .map(|t| {
                t.to_zoned(jiff::tz::TimeZone::system())
                    .strftime("%Y-%m-%d %H:%M")
                    .to_string()
            })
            .unwrap_or_default();
        Some(Recovered {
            set: loaded.document,
            origin,
            written,
        })
    }

    /// Removes the recovery files: the work was saved or deliberately discarded.
    pub fn clear(&self) {
        let _ = fs::remove_file(self.dir.join(SET_FILE));
        let _ = fs::remove_file(self.dir.join(ORIGIN_FILE));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_find_clear() {
        let dir = tempfile::tempdir().unwrap();
        let recovery = Recovery::new(dir.path().join("nested"));
        assert!(recovery.find().is_none());
        let set = crate::core::templates::default_sample();
        recovery
            .write(&set, Some(Path::new("/tmp/shop.standards.ron")))
            .unwrap();
        let found = recovery.find().unwrap();
        assert_eq!(found.set, set);
        assert_eq!(
            found.origin.as_deref(),
            Some(Path::new("/tmp/shop.standards.ron"))
        );
        assert!(!found.written.is_empty());
        recovery.clear();
        assert!(recovery.find().is_none());
    }
}
