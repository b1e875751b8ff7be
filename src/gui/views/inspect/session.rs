//! A running inspection the auditor walks standard by standard, autosaved
//! after every answer, with its corrective actions and photos.

use std::path::PathBuf;

use crate::core::inspection::actions::{self, Actions};
use crate::core::inspection::{Inspection, Verdict};
use crate::core::model::StandardsSet;
use crate::core::storage;

/// An inspection in progress.
#[derive(Debug)]
pub struct Session {
    pub record: Inspection,
    /// Where it is saved after every answer.
    pub path: PathBuf,
    /// The standards in scope, in the set's order.
    pub order: Vec<String>,
    pub current: usize,
    /// Put the keyboard focus in the note field next frame.
    pub focus_note: bool,
    /// The last save failed: why. Answers are kept in memory until a save works.
    pub save_error: Option<String>,
    /// The auditor pressed Finish: show the summary.
    pub finished: bool,
    /// Whether the list of standards is shown; `None` lets the width decide.
    pub list: Option<bool>,
    /// The record's corrective actions, saved beside it after every change.
    pub actions: Actions,
    /// The actions file exists but could not be read: why. It is never
    /// written then, and no action can be added.
    pub actions_blocked: Option<String>,
    /// Put the keyboard focus in the action's "what" field next frame.
    pub focus_action: bool,
    /// Photos being stored, on their threads.
    pub attaching: Vec<crate::gui::photos::Attaching>,
    /// Photos that could not be attached, and why.
    pub photo_errors: Vec<String>,
    /// Thumbnails of the record's photos.
    pub thumbs: crate::gui::photos::Thumbs,
    /// A follow-up visit: the open actions it checks, as (file on the
    /// actions board, action ID, standard ID).
    pub follow_up: Vec<(usize, String, String)>,
    /// On a follow-up visit, the actions verified so far, as (action ID,
    /// standard ID, by): the walk says so where they were verified.
    pub verified: Vec<(String, String, String)>,
    /// On a follow-up visit, what the visit that failed each standard saw,
    /// by standard ID: shown beside it, so the auditor checks the same thing.
    pub earlier: std::collections::HashMap<String, Earlier>,
}

/// What an earlier visit saw on a standard it failed.
#[derive(Clone, Debug, Default)]
pub struct Earlier {
    pub when: jiff::civil::DateTime,
    pub note: String,
    pub photos: Vec<String>,
    /// The earlier record's file, that its photos are named relative to;
    /// `None` for the embedded sample's (built in).
    pub record: Option<PathBuf>,
}

impl Session {
    #[must_use]
    pub fn new(record: Inspection, path: PathBuf, set: &StandardsSet) -> Self {
        let (actions, actions_blocked) = match actions::load_for(&path) {
            Ok(Some(loaded)) => (loaded.document, None),
            Ok(None) => (Actions::new(&path), None),
            Err(err) => (Actions::new(&path), Some(err.to_string())),
        };
        let order = record
            .standards_in_scope(set)
            .into_iter()
            .map(str::to_owned)
            .collect();
        let mut session = Self {
            record,
            path,
            order,
            current: 0,
            focus_note: false,
            save_error: None,
            finished: false,
            list: None,
            actions,
            actions_blocked,
            focus_action: false,
            attaching: Vec::new(),
            photo_errors: Vec::new(),
            thumbs: crate::gui::photos::Thumbs::default(),
            follow_up: Vec::new(),
            verified: Vec::new(),
            earlier: std::collections::HashMap::new(),
        };
        // Resume where the auditor stopped.
        session.current = session.next_unanswered_from(0).unwrap_or(0);
        session
    }

    #[must_use]
    pub fn current_id(&self) -> Option<&str> {
        self.order.get(self.current).map(String::as_str)
    }

    /// Standards with an answer (pass, fail or N/A).
    #[must_use]
    pub fn answered(&self) -> usize {
        let entries = self.record.entries();
        self.order
            .iter()
            .filter(|id| {
                entries
                    .get(id.as_str())
                    .is_some_and(|e| e.verdict != Verdict::NotChecked)
            })
            .count()
    }

    #[must_use]
    pub fn progress(&self) -> f32 {
        if self.order.is_empty() {
            1.0
        } else {
            self.answered() as f32 / self.order.len() as f32
        }
    }

    fn next_unanswered_from(&self, start: usize) -> Option<usize> {
        let n = self.order.len();
        (0..n)
            .map(|k| (start + k) % n)
            .find(|&i| self.record.verdict(&self.order[i]) == Verdict::NotChecked)
    }

    /// Moves to the next standard without an answer, after the current one.
    pub fn jump_to_unanswered(&mut self) {
        if let Some(i) = self.next_unanswered_from(self.current + 1) {
            self.current = i;
        }
    }

    pub fn step(&mut self, delta: isize) {
        let last = self.order.len().saturating_sub(1);
        self.current = self.current.saturating_add_signed(delta).min(last);
    }

    /// Records the verdict on the current standard and saves. A pass or N/A
    /// moves on; a fail stays and puts the cursor in the note, since a fail
    /// wants a word on what was seen (Enter there moves on).
    pub fn answer(&mut self, set: &StandardsSet, verdict: Verdict) {
        let Some(id) = self.current_id().map(str::to_owned) else {
            return;
        };
        self.record.set_verdict(set, &id, verdict);
        self.save();
        // A pass on a follow-up standard stays, to offer verifying its open
        // action here and now rather than after the screen has moved on.
        let offers = verdict == Verdict::Pass && self.follow_up.iter().any(|(_, _, s)| *s == id);
        if verdict == Verdict::Fail {
            self.focus_note = true;
        } else if !offers && self.current + 1 < self.order.len() {
            self.current += 1;
        }
    }

    /// Sets the note on the current standard (saved when the field loses focus).
    pub fn set_note(&mut self, set: &StandardsSet, note: String) {
        if let Some(id) = self.current_id().map(str::to_owned)
            && self.record.entry(&id).map_or("", |e| e.note.as_str()) != note
        {
            self.record.set_note(set, &id, note);
        }
    }

    /// Sets the evidence file of the current standard (empty clears it).
    pub fn set_evidence(&mut self, set: &StandardsSet, evidence: &str) {
        if let Some(id) = self.current_id().map(str::to_owned) {
            let value = (!evidence.trim().is_empty()).then(|| evidence.trim().to_owned());
            if self.record.entry(&id).map(|e| &e.evidence) != Some(&value) {
                self.record.set_evidence(set, &id, value);
            }
        }
    }

    /// The action raised for the current standard, if any.
    #[must_use]
    pub fn current_action(&self) -> Option<&crate::core::inspection::actions::Action> {
        let id = self.current_id()?;
        self.actions.actions.iter().find(|a| a.standard == id)
    }

    /// Raises a corrective action for the current standard when it failed
    /// (one per standard: a second press goes to the one there), prefilled
    /// from the standard, numbered after every action beside it, and saves it.
    pub fn raise_action(&mut self, set: &StandardsSet, today: jiff::civil::Date) {
        let Some(id) = self.current_id().map(str::to_owned) else {
            return;
        };
        let failed = self
            .record
            .entry(&id)
            .is_some_and(|e| e.verdict == crate::core::inspection::Verdict::Fail);
        if !failed || self.actions_blocked.is_some() {
            return;
        }
        if self.current_action().is_none() {
            let Some((_, standard)) = set.standard(&id) else {
                return;
            };
            let taken = actions::highest_number_beside(&self.path);
            self.actions.raise(standard, set.language, today, taken);
            self.save_actions();
        }
        self.focus_action = true;
    }

    /// Changes the current standard's action and saves it.
    pub fn change_action(
        &mut self,
        change: impl FnOnce(&mut crate::core::inspection::actions::Action),
    ) {
        let Some(id) = self.current_id().map(str::to_owned) else {
            return;
        };
        if let Some(action) = self.actions.actions.iter_mut().find(|a| a.standard == id) {
            change(action);
            self.save_actions();
        }
    }

    /// Reads the record's actions file again (the Actions view saves its
    /// changes to it); one that cannot be read now blocks saving, as at the start.
    pub fn reload_actions(&mut self) {
        match actions::load_for(&self.path) {
            Ok(Some(loaded)) => {
                self.actions = loaded.document;
                self.actions_blocked = None;
            }
            Ok(None) => {}
            Err(err) => self.actions_blocked = Some(err.to_string()),
        }
    }

    /// Writes the actions file atomically beside the record (never one that
    /// could not be read).
    pub fn save_actions(&mut self) {
        if self.actions_blocked.is_some() {
            return;
        }
        let path = actions::path_for(&self.path);
        self.save_error = storage::save(&path, &self.actions)
            .err()
            .map(|e| format!("{}: {e}", path.display()));
    }

    /// Stores photos for the current standard on a thread; they are attached
    /// as they arrive ([`Session::poll_photos`]).
    pub fn attach_photos(&mut self, sources: Vec<PathBuf>) {
        if let Some(id) = self.current_id().map(str::to_owned) {
            self.photo_errors.clear();
            self.attaching
                .push(crate::gui::photos::attach(&self.path, &id, sources));
        }
    }

    /// Attaches the photos stored since the last frame, and saves the record.
    pub fn poll_photos(&mut self, set: &StandardsSet) {
        let mut arrived = Vec::new();
        self.attaching.retain(|a| match a.rx.try_recv() {
            Ok(results) => {
                arrived.push((a.to.clone(), results));
                false
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => true,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => false,
        });
        if arrived.is_empty() {
            return;
        }
        for (standard, results) in arrived {
            for result in results {
                match result {
                    Ok(photo) => self.record.add_photo(set, &standard, photo),
                    Err(error) => self.photo_errors.push(error),
                }
            }
        }
        self.save();
    }

    /// Writes the record atomically; a failure is kept to show, never lost silently.
    pub fn save(&mut self) {
        self.save_error = storage::save(&self.path, &self.record)
            .err()
            .map(|e| format!("{}: {e}", self.path.display()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::views::inspect::StartForm;

    #[test]
    fn answering_moves_on_saves_and_resumes_at_the_first_gap() {
        let dir = tempfile::tempdir().unwrap();
        let set = crate::core::templates::default_sample();
        let when = jiff::civil::date(2026, 11, 22).at(9, 30, 0, 0);
        let form = StartForm::new(&set, None, dir.path(), when);
        assert!(
            form.path.ends_with("-2026-11-22-093000.inspection.ron"),
            "{}",
            form.path
        );
        let path = dir.path().join("x.inspection.ron");
        let record = form.record(&set, None, &path, jiff::civil::DateTime::default());
        assert_eq!(
            record.standards.path, "",
            "the embedded sample is named by its title"
        );
        let mut s = Session::new(record, path.clone(), &set);
        assert_eq!(s.current_id(), Some("S-1"));
        s.answer(&set, Verdict::Pass);
        s.answer(&set, Verdict::Fail);
        // A fail stays for its note.
        assert_eq!(s.current_id(), Some("S-2"));
        assert!(s.focus_note);
        s.step(1);
        assert_eq!(s.current_id(), Some("S-3"));
        assert_eq!(s.answered(), 2);
        let saved: Inspection = storage::load(&path).unwrap().document;
        assert_eq!(saved.verdict("S-2"), Verdict::Fail);
        let resumed = Session::new(saved, path, &set);
        assert_eq!(resumed.current_id(), Some("S-3"));
    }
}
