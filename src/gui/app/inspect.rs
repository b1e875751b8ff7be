//! The window's inspection state: a running inspection the auditor walks
//! standard by standard (autosaved after every answer), and the results of
//! the inspections of the open set.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::core::inspection::{self, FactorPoint, Inspection, Scores, Verdict};
use crate::core::model::{Monitoring, StandardsSet};
use crate::core::storage;

/// What the central area shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    /// The journey tree and the editor.
    #[default]
    Standards,
    /// The running inspection.
    Inspect,
    /// Scores, trend and weak links.
    Results,
}

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
}

impl Session {
    #[must_use]
    pub fn new(record: Inspection, path: PathBuf, set: &StandardsSet) -> Self {
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
        if verdict == Verdict::Fail {
            self.focus_note = true;
        } else if self.current + 1 < self.order.len() {
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

    /// Writes the record atomically; a failure is kept to show, never lost silently.
    pub fn save(&mut self) {
        self.save_error = storage::save(&self.path, &self.record)
            .err()
            .map(|e| format!("{}: {e}", self.path.display()));
    }
}

/// The form that starts an inspection.
#[derive(Clone, Debug, PartialEq)]
pub struct StartForm {
    pub site: String,
    pub inspector: String,
    pub method: Monitoring,
    /// Contact points: (ID, name, inspected).
    pub scope: Vec<(String, String, bool)>,
    pub path: String,
    pub error: Option<String>,
}

impl StartForm {
    #[must_use]
    pub fn new(set: &StandardsSet, set_path: Option<&Path>, today: jiff::civil::Date) -> Self {
        Self {
            site: String::new(),
            inspector: String::new(),
            method: Monitoring::SupervisorPatrol,
            scope: set
                .contact_points
                .iter()
                .map(|c| (c.id.clone(), c.name.clone(), true))
                .collect(),
            path: super::path_beside(set, set_path, &format!("-{today}{}", inspection::EXTENSION)),
            error: None,
        }
    }

    /// The record this form describes, stored at `path`.
    #[must_use]
    pub fn record(
        &self,
        set: &StandardsSet,
        set_path: Option<&Path>,
        path: &Path,
        when: jiff::civil::DateTime,
    ) -> Inspection {
        // A set never saved (the embedded sample) records no path: the record
        // then names the built-in template by its title.
        let mut record = Inspection::new(set, set_path, path, when);
        self.site.trim().clone_into(&mut record.site);
        self.inspector.trim().clone_into(&mut record.inspector);
        record.method = self.method;
        if self.scope.iter().any(|(_, _, on)| !on) {
            record.scope = self
                .scope
                .iter()
                .filter(|(_, _, on)| *on)
                .map(|(id, _, _)| id.clone())
                .collect();
        }
        record
    }
}

/// The inspections shown in the results view.
#[derive(Debug, Default)]
pub struct Results {
    /// (where it came from, the record), oldest first.
    pub inspections: Vec<(Option<PathBuf>, Inspection)>,
    /// The one shown in the bars and failures; the latest by default.
    pub selected: usize,
    /// Customer survey scores by factor ID (shares), if imported.
    pub survey: HashMap<String, f64>,
    pub survey_file: Option<PathBuf>,
    /// Records that could not be read, with the reason.
    pub problems: Vec<String>,
    /// Which document these were gathered for: (path, title).
    pub gathered_for: Option<(Option<PathBuf>, String)>,
    /// What the view draws, computed once per change rather than every frame.
    computed: Option<Computed>,
}

/// A failed standard as the results view lists it.
#[derive(Debug)]
pub struct Failure {
    pub id: String,
    pub text: String,
    pub contact_point: String,
    pub critical: bool,
    pub note: String,
}

/// Scores and chart data of the results view.
#[derive(Debug)]
pub struct Computed {
    /// One per inspection, in the same order.
    pub scores: Vec<Scores>,
    /// The selected inspection's failed standards, in the set's order.
    pub failed: Vec<Failure>,
    /// Factors on the importance × satisfaction chart (selected inspection).
    pub points: Vec<FactorPoint>,
}

impl Results {
    /// Finds the inspections of the open set: records beside its file that
    /// name it, or for an embedded sample the sample inspections.
    pub fn gather(&mut self, set: &StandardsSet, set_path: Option<&Path>) {
        self.inspections.clear();
        self.problems.clear();
        match set_path {
            Some(path) => {
                let me = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
                let dir = path.parent().unwrap_or(Path::new("."));
                let dir = if dir.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    dir
                };
                let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
                    .into_iter()
                    .flatten()
                    .flatten()
                    .map(|e| e.path())
                    .filter(|p| p.to_string_lossy().ends_with(inspection::EXTENSION))
                    .collect();
                files.sort();
                for file in files {
                    match storage::load::<Inspection>(&file) {
                        Ok(loaded) => {
                            let names_me = loaded
                                .document
                                .set_path(&file)
                                .ok()
                                .flatten()
                                .is_some_and(|p| std::fs::canonicalize(&p).unwrap_or(p) == me);
                            if names_me {
                                self.inspections.push((Some(file), loaded.document));
                            }
                        }
                        Err(e) => self.problems.push(e.to_string()),
                    }
                }
            }
            None => {
                if crate::core::templates::TEMPLATES
                    .first()
                    .is_some_and(|t| t.title() == set.title)
                {
                    self.inspections = inspection::sample_inspections()
                        .into_iter()
                        .map(|i| (None, i))
                        .collect();
                }
            }
        }
        self.sort_and_select_latest();
        self.gathered_for = Some((set_path.map(Path::to_path_buf), set.title.clone()));
    }

    /// Adds or replaces (by path) one record.
    pub fn add(&mut self, path: Option<PathBuf>, record: Inspection) {
        if path.is_some()
            && let Some(slot) = self.inspections.iter_mut().find(|(p, _)| *p == path)
        {
            slot.1 = record;
        } else {
            self.inspections.push((path, record));
        }
        self.sort_and_select_latest();
    }

    fn sort_and_select_latest(&mut self) {
        self.inspections.sort_by_key(|(_, i)| i.when);
        self.selected = self.inspections.len().saturating_sub(1);
        self.computed = None;
    }

    /// Forgets what was computed: the set, the survey or the selection changed.
    pub fn invalidate(&mut self) {
        self.computed = None;
    }

    /// Chooses the inspection shown in the bars, the quadrant and the failures.
    pub fn select(&mut self, index: usize) {
        if index != self.selected {
            self.selected = index;
            self.computed = None;
        }
    }

    /// What [`Results::compute`] computed last, if nothing changed since.
    #[must_use]
    pub fn computed(&self) -> Option<&Computed> {
        self.computed.as_ref()
    }

    /// Computes the scores and chart data for `set` unless they are current.
    pub fn compute(&mut self, set: &StandardsSet) -> &Computed {
        let selected = self.selected;
        let inspections = &self.inspections;
        let survey = &self.survey;
        self.computed.get_or_insert_with(|| {
            let scores: Vec<Scores> = inspections
                .iter()
                .map(|(_, i)| inspection::score(set, i))
                .collect();
            let (failed, points) = match inspections.get(selected) {
                Some((_, current)) => {
                    let entries = current.entries();
                    let by_id: HashMap<&str, _> = set
                        .standards()
                        .map(|(at, st)| (st.id.as_str(), (at, st)))
                        .collect();
                    let failed = scores[selected]
                        .failures
                        .iter()
                        .filter_map(|id| {
                            let &(at, st) = by_id.get(id.as_str())?;
                            Some(Failure {
                                id: st.id.clone(),
                                text: st.text.clone(),
                                contact_point: at.contact_point.name.clone(),
                                critical: st.critical,
                                note: entries
                                    .get(id.as_str())
                                    .map(|e| e.note.clone())
                                    .unwrap_or_default(),
                            })
                        })
                        .collect();
                    (
                        failed,
                        inspection::weak_links(set, scores.get(selected), survey),
                    )
                }
                None => (Vec::new(), Vec::new()),
            };
            Computed {
                scores,
                failed,
                points,
            }
        })
    }

    #[must_use]
    pub fn current(&self) -> Option<&Inspection> {
        self.inspections.get(self.selected).map(|(_, i)| i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answering_moves_on_saves_and_resumes_at_the_first_gap() {
        let dir = tempfile::tempdir().unwrap();
        let set = crate::core::templates::default_sample();
        let form = StartForm::new(&set, None, jiff::civil::date(2026, 11, 22));
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

    #[test]
    fn records_beside_a_set_file_are_gathered_when_they_name_it() {
        let dir = tempfile::tempdir().unwrap();
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("standards");
        let set_path = dir.path().join("restaurant.standards.ron");
        std::fs::copy(root.join("restaurant.standards.ron"), &set_path).unwrap();
        for (name, text) in inspection::SAMPLE_INSPECTIONS {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        // A record of another set, and one that cannot be read.
        let other = inspection::SAMPLE_INSPECTIONS[0]
            .1
            .replace("restaurant.standards.ron", "bank.standards.ron");
        std::fs::write(dir.path().join("bank.inspection.ron"), other).unwrap();
        std::fs::write(dir.path().join("broken.inspection.ron"), "Inspection(").unwrap();

        let set = crate::core::templates::default_sample();
        let mut r = Results::default();
        r.gather(&set, Some(&set_path));
        assert_eq!(r.inspections.len(), 3);
        assert_eq!(r.problems.len(), 1);
        assert!(r.problems[0].contains("broken.inspection.ron"));
        let c = r.compute(&set);
        assert_eq!(c.scores.len(), 3);
        assert_eq!(
            c.scores[2].overall.rate().map(|x| (x * 100.0).round()),
            Some(92.0)
        );
        assert_eq!(c.failed.len(), 4);
        assert!(!c.points.is_empty());
    }

    #[test]
    fn the_embedded_sample_shows_its_sample_inspections() {
        let set = crate::core::templates::default_sample();
        let mut r = Results::default();
        r.gather(&set, None);
        assert_eq!(r.inspections.len(), 3);
        assert_eq!(r.selected, 2);
        assert!(r.current().unwrap().when > r.inspections[0].1.when);
    }
}
