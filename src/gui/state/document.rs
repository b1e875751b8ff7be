//! The open document: the set, where it lives, what was last saved, and undo.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::SystemTime;

use egui::util::undoer::{Settings, Undoer};

use crate::core::check::{self, Finding};
use crate::core::model::{StandardKind, StandardsSet};

/// A standards set being edited in the window.
///
/// Every change goes through [`Document::set_mut`] or [`Document::edit`],
/// which give the set a new revision number. "Unsaved", the findings and undo
/// compare revision numbers, never two copies of the set.
pub struct Document {
    set: StandardsSet,
    /// `None` for the embedded sample and new sets: Save asks for a path.
    pub path: Option<PathBuf>,
    /// The revision of the set as it is now; unique to its content since open.
    revision: u64,
    /// The next revision number to hand out (never reused, so that undoing and
    /// then editing cannot land on the number of another state).
    next_revision: u64,
    /// The revision last saved or opened; `None` for a set never saved (a new
    /// or recovered one), which is unsaved.
    saved: Option<u64>,
    /// The file's modification time when opened or saved, to notice edits made elsewhere.
    pub disk_mtime: Option<SystemTime>,
    undoer: Undoer<Snapshot>,
    /// The set at `revision`, copied once per change for the undo history.
    snapshot: Option<Snapshot>,
    /// Findings of the set at revision `checked`.
    findings: Vec<Finding>,
    /// Per kind (product, procedure, personal): (measurable, all), with the findings.
    measurable_by_kind: [(usize, usize); 3],
    checked: Option<u64>,
    /// Where the set stands, at revision `standing.0`.
    standing: Option<(u64, Standing)>,
}

/// Where the open set stands with respect to approval (see `model::Approval`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    Draft,
    /// Approved as it is: the editor is locked until a draft is started.
    Approved,
    /// Its revision was approved, then it changed (in a text editor).
    Changed,
}

/// A state in the undo history. Two snapshots are equal when their revisions
/// are: the undo history compares numbers, not sets.
/// The history holds sets behind an `Arc`, so handing one around is cheap.
#[derive(Clone)]
struct Snapshot {
    revision: u64,
    /// `None` only in the key [`Document::current_key`] compares with.
    set: Option<Arc<StandardsSet>>,
}

impl PartialEq for Snapshot {
    fn eq(&self, other: &Self) -> bool {
        self.revision == other.revision
    }
}

impl Document {
    #[must_use]
    pub fn new(set: StandardsSet, path: Option<PathBuf>) -> Self {
        let disk_mtime = path.as_ref().and_then(|p| mtime(p));
        Self {
            set,
            path,
            revision: 0,
            next_revision: 1,
            saved: Some(0),
            disk_mtime,
            undoer: Undoer::with_settings(Settings {
                max_undos: 200,
                // Typing is grouped into one undo step per pause of a second.
                stable_time: 1.0,
                auto_save_interval: 30.0,
            }),
            snapshot: None,
            findings: Vec::new(),
            measurable_by_kind: [(0, 0); 3],
            checked: None,
            standing: None,
        }
    }

    /// A document restored from the recovery file: unsaved until saved again.
    #[must_use]
    pub fn restored(set: StandardsSet, path: Option<PathBuf>) -> Self {
        // Recovered work equal to the file on disk is not unsaved work: this
        // one comparison happens once, when the recovery is restored.
        let on_disk = path
            .as_deref()
            .and_then(|p| crate::core::storage::load::<StandardsSet>(p).ok())
            .map(|l| l.document);
        let same = on_disk.as_ref() == Some(&set);
        let mut doc = Self::new(set, path);
        if !same {
            doc.saved = None;
        }
        doc
    }

    /// The set, to read.
    #[must_use]
    pub fn set(&self) -> &StandardsSet {
        &self.set
    }

    /// The set, to change: the document takes it as changed.
    pub fn set_mut(&mut self) -> &mut StandardsSet {
        self.touch();
        &mut self.set
    }

    /// Lets `edit` change the set; it returns whether it did, and only then
    /// does the set get a new revision. For views that draw editable fields
    /// every frame but change the set only when the user types.
    pub fn edit<R>(&mut self, edit: impl FnOnce(&mut StandardsSet) -> (R, bool)) -> R {
        let (result, changed) = edit(&mut self.set);
        if changed {
            self.touch();
        }
        result
    }

    fn touch(&mut self) {
        self.revision = self.next_revision;
        self.next_revision += 1;
    }

    /// The revision of the set as it is now: changes whenever the set does.
    #[must_use]
    pub fn revision(&self) -> u64 {
        self.revision
    }

    #[must_use]
    pub fn is_dirty(&self) -> bool {
        self.saved != Some(self.revision)
    }

    /// Marks a new, never-saved document as unsaved, so closing asks first.
    pub fn force_unsaved(&mut self) {
        self.saved = None;
    }

    /// Call after a successful save to `path`.
    pub fn mark_saved(&mut self, path: PathBuf) {
        self.saved = Some(self.revision);
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

    /// The set as it is now, for the undo history: copied once per revision.
    fn snapshot(&mut self) -> &Snapshot {
        if self
            .snapshot
            .as_ref()
            .is_none_or(|s| s.revision != self.revision)
        {
            self.snapshot = Some(Snapshot {
                revision: self.revision,
                set: Some(Arc::new(self.set.clone())),
            });
        }
        self.snapshot.get_or_insert_with(|| unreachable!())
    }

    /// Feeds the undo history; call once per frame with the current time.
    /// Costs nothing while the set does not change.
    pub fn feed_undo(&mut self, time: f64) {
        let fed = self.snapshot.as_ref().map(|s| s.revision);
        if fed == Some(self.revision) && !self.undoer.is_in_flux() {
            return;
        }
        let now = self.snapshot().clone();
        self.undoer.feed_state(time, &now);
    }

    /// Records the current state as an undo point at once (before a structural edit).
    pub fn checkpoint(&mut self) {
        let now = self.snapshot().clone();
        self.undoer.add_undo(&now);
    }

    fn current_key(&self) -> Snapshot {
        // Compared by revision only, so the set inside does not matter here.
        Snapshot {
            revision: self.revision,
            set: None,
        }
    }

    #[must_use]
    pub fn can_undo(&self) -> bool {
        self.undoer.has_undo(&self.current_key())
    }

    #[must_use]
    pub fn can_redo(&self) -> bool {
        self.undoer.has_redo(&self.current_key())
    }

    pub fn undo(&mut self) {
        let now = self.snapshot().clone();
        if let Some(state) = self.undoer.undo(&now).cloned() {
            self.restore(state);
        }
    }

    pub fn redo(&mut self) {
        let now = self.snapshot().clone();
        if let Some(state) = self.undoer.redo(&now).cloned() {
            self.restore(state);
        }
    }

    /// Goes back (or forward) to a state of the undo history, with its
    /// revision: undoing back to the saved state leaves nothing unsaved.
    fn restore(&mut self, state: Snapshot) {
        let Some(set) = &state.set else {
            return;
        };
        self.set = StandardsSet::clone(set);
        self.revision = state.revision;
        self.snapshot = Some(state);
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
        if self.checked == Some(self.revision) {
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
        self.checked = Some(self.revision);
    }

    /// Whether the set is a draft, approved, or changed since approval;
    /// worked out once per change (it fingerprints the whole set).
    pub fn standing(&mut self) -> Standing {
        if let Some((at, standing)) = self.standing
            && at == self.revision
        {
            return standing;
        }
        let standing = match self.set.approval() {
            crate::core::model::Approval::Draft => Standing::Draft,
            crate::core::model::Approval::Approved(_) => Standing::Approved,
            crate::core::model::Approval::Changed(_) => Standing::Changed,
        };
        self.standing = Some((self.revision, standing));
        standing
    }

    /// An approved set is not edited in place: a draft of the next revision is.
    pub fn is_locked(&mut self) -> bool {
        self.standing() == Standing::Approved
    }

    /// Whether this is the embedded sample (perhaps edited): no file, and not
    /// made as a new set (a new or recovered set was never saved).
    #[must_use]
    pub fn is_sample(&self) -> bool {
        self.path.is_none() && self.saved.is_some()
    }

    /// Whether this is the embedded sample that comes with inspections and
    /// actions (the first template's): the other samples have none, and
    /// must not show the restaurant's.
    #[must_use]
    pub fn has_sample_records(&self) -> bool {
        self.is_sample()
            && crate::core::templates::TEMPLATES
                .first()
                .is_some_and(|t| t.title() == self.set().title)
    }

    /// Where a set without a file comes from, for the title and the status
    /// bar: "embedded sample" or "new set, not saved yet"; `None` with a file.
    #[must_use]
    pub fn origin(&self, t: &crate::core::i18n::Texts) -> Option<&'static str> {
        match (&self.path, self.is_sample()) {
            (Some(_), _) => None,
            (None, true) => Some(t.sample),
            (None, false) => Some(t.new_unsaved),
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Document {
        Document::new(crate::core::templates::default_sample(), None)
    }

    #[test]
    fn an_edit_that_changes_nothing_leaves_the_set_saved() {
        let mut d = doc();
        let r = d.revision();
        d.edit(|set| ((), set.title.is_empty()));
        assert_eq!(d.revision(), r);
        assert!(!d.is_dirty());
        d.edit(|set| {
            set.title.push('!');
            ((), true)
        });
        assert_ne!(d.revision(), r);
        assert!(d.is_dirty());
    }

    #[test]
    fn undo_back_to_the_saved_state_is_saved_and_an_edit_after_it_is_new() {
        let mut d = doc();
        d.feed_undo(0.0);
        d.checkpoint();
        d.set_mut().title.push('1');
        let first = d.revision();
        d.checkpoint();
        d.set_mut().title.push('2');
        d.undo();
        assert_eq!(d.revision(), first);
        assert!(d.set().title.ends_with('1'));
        d.undo();
        assert!(!d.is_dirty(), "back where it was saved");
        assert!(d.can_redo());
        // A new edit gets a number never used before, not the one undone.
        d.set_mut().title.push('3');
        assert_ne!(d.revision(), first);
        assert!(d.is_dirty());
    }

    #[test]
    fn findings_follow_the_revision() {
        let mut d = doc();
        let today = jiff::civil::date(2026, 11, 23);
        // As the window does before the first edit of an approved set.
        d.set_mut().start_revision();
        let before = d.findings(today).len();
        let text = &mut d.set_mut().contact_points[0].steps[0].factors[0].standards[0].text;
        "热情接待".clone_into(text);
        assert_eq!(d.findings(today).len(), before + 1);
    }

    #[test]
    fn typing_is_one_undo_step_per_pause() {
        let mut d = doc();
        d.feed_undo(0.0);
        for (i, c) in "abc".chars().enumerate() {
            d.set_mut().title.push(c);
            d.feed_undo(0.1 * (i + 1) as f64);
        }
        // A second later the typing settles into one undo point.
        d.feed_undo(2.0);
        d.feed_undo(2.1);
        d.undo();
        assert!(!d.set().title.ends_with('a') && !d.is_dirty());
    }
}
