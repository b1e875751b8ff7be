//! The open document: the set, where it lives, what was last saved, and undo.

use std::path::PathBuf;
use std::time::SystemTime;

use egui::util::undoer::{Settings, Undoer};

use crate::core::check::{self, Finding};
use crate::core::model::{StandardKind, StandardsSet};

/// A standards set being edited in the window.
pub struct Document {
    pub set: StandardsSet,
    /// `None` for the embedded sample and new sets: Save asks for a path.
    pub path: Option<PathBuf>,
    /// The set as last saved or opened, to tell whether there are unsaved changes;
    /// `None` for a set that was never saved (a new or recovered one), which is unsaved.
    saved: Option<StandardsSet>,
    /// The file's modification time when opened or saved, to notice edits made elsewhere.
    pub disk_mtime: Option<SystemTime>,
    undoer: Undoer<StandardsSet>,
    /// Findings of the set as it was when they were computed.
    findings: Vec<Finding>,
    /// Per kind (product, procedure, personal): (measurable, all), with the findings.
    measurable_by_kind: [(usize, usize); 3],
    checked: Option<StandardsSet>,
}

impl Document {
    #[must_use]
    pub fn new(set: StandardsSet, path: Option<PathBuf>) -> Self {
        let disk_mtime = path.as_ref().and_then(|p| mtime(p));
        Self {
            saved: Some(set.clone()),
            set,
            path,
            disk_mtime,
            undoer: Undoer::with_settings(Settings {
                max_undos: 200,
                // Typing is grouped into one undo step per pause of a second.
                stable_time: 1.0,
                auto_save_interval: 30.0,
            }),
            findings: Vec::new(),
            measurable_by_kind: [(0, 0); 3],
            checked: None,
        }
    }

    /// A document restored from the recovery file: unsaved until saved again.
    #[must_use]
    pub fn restored(set: StandardsSet, path: Option<PathBuf>) -> Self {
        let on_disk = path
            .as_deref()
            .and_then(|p| crate::core::storage::load::<StandardsSet>(p).ok())
            .map(|l| l.document);
        let mut doc = Self::new(set, path);
        doc.saved = on_disk;
        doc
    }

    #[must_use]
    pub fn is_dirty(&self) -> bool {
        self.saved.as_ref() != Some(&self.set)
    }

    /// Marks a new, never-saved document as unsaved, so closing asks first.
    pub fn force_unsaved(&mut self) {
        self.saved = None;
    }

    /// Call after a successful save to `path`.
    pub fn mark_saved(&mut self, path: PathBuf) {
        self.saved = Some(self.set.clone());
        self.disk_mtime = mtime(&path);
        self.path = Some(path);
    }

    /// Whether the file on disk changed since it was opened or saved here.
    #[must_use]
    pub fn changed_on_disk(&self) -> bool {
        match (&self.path, self.disk_mtime) {
            (Some(path), Some(known)) => mtime(path).is_some_and(|now| now != known),
            _ => false,
        }
    }

    /// Feeds the undo history; call once per frame with the current time.
    pub fn feed_undo(&mut self, time: f64) {
        self.undoer.feed_state(time, &self.set);
    }

    /// Records the current state as an undo point at once (before a structural edit).
    pub fn checkpoint(&mut self) {
        self.undoer.add_undo(&self.set);
    }

    #[must_use]
    pub fn can_undo(&self) -> bool {
        self.undoer.has_undo(&self.set)
    }

    #[must_use]
    pub fn can_redo(&self) -> bool {
        self.undoer.has_redo(&self.set)
    }

    pub fn undo(&mut self) {
        if let Some(state) = self.undoer.undo(&self.set) {
            self.set = state.clone();
        }
    }

    pub fn redo(&mut self) {
        if let Some(state) = self.undoer.redo(&self.set) {
            self.set = state.clone();
        }
    }

    /// The findings for the set as it is now, recomputed only when it changed.
    pub fn findings(&mut self, today: jiff::civil::Date) -> &[Finding] {
        self.refresh(today);
        &self.findings
    }

    /// Measurable and total standards per kind, in [`StandardKind::ALL`] order.
    pub fn measurable_by_kind(&mut self, today: jiff::civil::Date) -> [(usize, usize); 3] {
        self.refresh(today);
        self.measurable_by_kind
    }

    /// Recomputes what is derived from the set, only when the set changed.
    fn refresh(&mut self, today: jiff::civil::Date) {
        if self.checked.as_ref() == Some(&self.set) {
            return;
        }
        self.findings = check::validate(&self.set, today);
        let mut by_kind = [(0, 0); 3];
        for (_, standard) in self.set.standards() {
            let slot = StandardKind::ALL
                .iter()
                .position(|k| *k == standard.kind)
                .unwrap_or(0);
            by_kind[slot].1 += 1;
            if check::assess(&standard.text).is_measurable() {
                by_kind[slot].0 += 1;
            }
        }
        self.measurable_by_kind = by_kind;
        self.checked = Some(self.set.clone());
    }

    /// A name for titles: the file name, or the set's title for unsaved sets.
    #[must_use]
    pub fn display_name(&self) -> String {
        match &self.path {
            Some(p) => p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            None => self.set.title.clone(),
        }
    }
}

fn mtime(path: &std::path::Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}
