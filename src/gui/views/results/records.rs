//! The results view's data: the inspections of the open set, read from the
//! records beside it on a thread of their own (a folder of records can take a
//! while), scored once per change of the set or the selection.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use crate::core::inspection::{self, FactorPoint, Inspection, Scores};
use crate::core::model::StandardsSet;
use crate::core::storage::scan;

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
    /// What customers said in the survey's imported responses, and from
    /// how many answers they place a factor (the plan's threshold).
    pub customers: Option<(crate::core::survey::Summary, u32)>,
    /// NPS per survey period, for the trend chart under the quadrant.
    pub nps_trend: Vec<(String, Option<f64>)>,
    /// The survey's rows not used as written (a factor twice, an unknown
    /// ID), found at import: shown here and listed in the report.
    pub survey_notes: Vec<crate::core::inspection::survey::RowProblem>,
    /// Records that could not be read, with the reason.
    pub problems: Vec<String>,
    /// Which document these were gathered for: (path, title).
    pub gathered_for: Option<(Option<PathBuf>, String)>,
    /// Records being read on their thread, for the document named in the key.
    pending: Option<Receiver<Gathered>>,
    /// Records of this document finished in the window, kept when the
    /// records are gathered again (a record stored away from the set, or
    /// the embedded sample's, is found by no gathering).
    added: Vec<(Option<PathBuf>, Inspection)>,
    /// What the view draws, computed once per change rather than every frame,
    /// with the revision of the set it was computed for.
    computed: Option<(u64, Computed)>,
    /// Thumbnails of the failures' photos.
    pub thumbs: crate::gui::photos::Thumbs,
}

/// What reading the records of a set found.
#[derive(Debug)]
struct Gathered {
    inspections: Vec<(Option<PathBuf>, Inspection)>,
    problems: Vec<String>,
}

/// The records beside the set at `set_path` that name it (or, for a set
/// never saved, the records in `folder` that name a template titled as the
/// set is), not finished and with standards still to check, newest first:
/// what Resume offers.
#[must_use]
pub fn in_progress(
    set: &StandardsSet,
    set_path: Option<&Path>,
    folder: &Path,
) -> Vec<(PathBuf, Inspection, Scores)> {
    let found = match set_path {
        // Beside the set, and where the auditor last kept a record (a
        // record typed into another folder is still this set's).
        Some(path) => {
            let mut found = read_records(path).inspections;
            let me = scan::canonical(path);
            let elsewhere = scan::load_all::<Inspection>(folder, inspection::EXTENSION)
                .documents
                .into_iter()
                .filter(|(file, record)| {
                    record
                        .set_path(file)
                        .ok()
                        .flatten()
                        .is_some_and(|p| scan::canonical(&p) == me)
                })
                .map(|(file, record)| (Some(file), record))
                .collect::<Vec<_>>();
            for (file, record) in elsewhere {
                if !found
                    .iter()
                    .any(|(p, _)| same_file(p.as_ref(), file.as_ref()))
                {
                    found.push((file, record));
                }
            }
            found
        }
        // Records that cannot be read are not offered: nothing to resume.
        None => scan::load_all::<Inspection>(folder, inspection::EXTENSION)
            .documents
            .into_iter()
            .filter(|(_, record)| {
                record.standards.path.is_empty() && record.standards.title == set.title
            })
            .map(|(file, record)| (Some(file), record))
            .collect(),
    };
    // Finished records are done with, even partial ones; an unfinished
    // record with every standard answered needs only its Finish. Each is
    // scored once, and the scores go with it to say how far it got.
    let mut open: Vec<_> = found
        .into_iter()
        .filter(|(_, record)| record.finished.is_none())
        .filter_map(|(path, record)| {
            let scores = inspection::score(set, &record);
            scores.partial().then_some((path?, record, scores))
        })
        .collect();
    open.sort_by_key(|(_, record, _)| std::cmp::Reverse(record.when));
    open
}

/// Reads the records in the folder of `set_path` that name that set; the
/// records that cannot be read are listed with the reason.
fn read_records(set_path: &Path) -> Gathered {
    let found =
        scan::beside_set::<Inspection>(set_path, inspection::EXTENSION, |file, record, me| {
            record
                .set_path(file)
                .ok()
                .flatten()
                .is_some_and(|p| scan::canonical(&p) == me)
        });
    Gathered {
        inspections: found
            .documents
            .into_iter()
            .map(|(file, record)| (Some(file), record))
            .collect(),
        problems: found.problems.iter().map(ToString::to_string).collect(),
    }
}

/// Whether two records' paths name one file: a set opened by a relative
/// path finds its records by relative paths, while a record started in the
/// window is named absolutely; both are one visit, counted once. Records
/// with no file (the embedded sample's) are never the same.
fn same_file(a: Option<&PathBuf>, b: Option<&PathBuf>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a == b || scan::canonical(a) == scan::canonical(b),
        _ => false,
    }
}

/// A failed standard as the results view lists it.
#[derive(Debug)]
pub struct Failure {
    pub id: String,
    pub text: String,
    pub contact_point: String,
    pub critical: bool,
    pub note: String,
    /// It failed at the previous inspection of the same site too.
    pub repeat: bool,
    /// Its photos, relative to the record.
    pub photos: Vec<String>,
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
    /// With customers' answers: how the factors were placed and where
    /// customers and the inspection disagree.
    pub placed: Option<crate::core::survey::Placed>,
}

impl Results {
    /// Finds the inspections of the open set: records beside its file that
    /// name it, or for an embedded sample the sample inspections. Waits for
    /// the records to be read; the window uses [`Results::gather_in_background`].
    pub fn gather(&mut self, set: &StandardsSet, set_path: Option<&Path>) {
        self.gather_in_background(set, set_path);
        if let Some(pending) = self.pending.take()
            && let Ok(found) = pending.recv()
        {
            self.take(found);
        }
    }

    /// Starts finding the inspections of the open set; [`Results::poll`]
    /// picks them up when they have been read. The sample's are at hand.
    pub fn gather_in_background(&mut self, set: &StandardsSet, set_path: Option<&Path>) {
        let key = Some((set_path.map(Path::to_path_buf), set.title.clone()));
        if self.gathered_for.is_some() && self.gathered_for != key {
            self.added.clear();
        }
        self.gathered_for = key;
        self.pending = None;
        match set_path {
            Some(path) => {
                let path = path.to_owned();
                let (tx, rx) = channel();
                std::thread::spawn(move || {
                    // Nobody waits any more if the window moved on; nothing to do then.
                    let _ = tx.send(read_records(&path));
                });
                self.pending = Some(rx);
            }
            None => {
                let sample = crate::core::templates::TEMPLATES
                    .first()
                    .is_some_and(|t| t.title() == set.title);
                let inspections = if sample {
                    inspection::sample_inspections()
                        .into_iter()
                        .map(|i| (None, i))
                        .collect()
                } else {
                    Vec::new()
                };
                self.take(Gathered {
                    inspections,
                    problems: Vec::new(),
                });
            }
        }
    }

    fn take(&mut self, found: Gathered) {
        self.inspections = found.inspections;
        for (path, record) in &self.added {
            let known = self
                .inspections
                .iter()
                .any(|(p, _)| same_file(p.as_ref(), path.as_ref()));
            if !known {
                self.inspections.push((path.clone(), record.clone()));
            }
        }
        self.problems = found.problems;
        self.sort_and_select_latest();
    }

    /// Shows `records` (oldest first) for the document `key`, `selected`
    /// chosen: a site's visits from the chain, or a folder's records. They
    /// stay until another set is opened or other records are asked for.
    pub fn show_records(
        &mut self,
        key: (Option<PathBuf>, String),
        records: Vec<(Option<PathBuf>, Inspection)>,
        selected: usize,
        problems: Vec<String>,
    ) {
        self.pending = None;
        self.gathered_for = Some(key);
        self.added.clear();
        self.inspections = records;
        self.problems = problems;
        self.inspections.sort_by_key(|(_, i)| i.when);
        self.selected = selected.min(self.inspections.len().saturating_sub(1));
        self.computed = None;
    }

    /// Whether records are still being read.
    #[must_use]
    pub fn gathering(&self) -> bool {
        self.pending.is_some()
    }

    /// Takes the records read on the thread, if they are ready: true then.
    pub fn poll(&mut self) -> bool {
        let Some(pending) = &self.pending else {
            return false;
        };
        match pending.try_recv() {
            Ok(found) => {
                self.pending = None;
                self.take(found);
                true
            }
            Err(TryRecvError::Empty) => false,
            Err(TryRecvError::Disconnected) => {
                self.pending = None;
                false
            }
        }
    }

    /// Adds or replaces (by path) one record.
    pub fn add(&mut self, path: Option<PathBuf>, record: Inspection) {
        match self
            .added
            .iter_mut()
            .find(|(p, _)| same_file(p.as_ref(), path.as_ref()))
        {
            Some(slot) => slot.1 = record.clone(),
            None => self.added.push((path.clone(), record.clone())),
        }
        if let Some(slot) = self
            .inspections
            .iter_mut()
            .find(|(p, _)| same_file(p.as_ref(), path.as_ref()))
        {
            slot.1 = record;
        } else {
            self.inspections.push((path, record));
        }
        self.sort_and_select_latest();
    }

    /// Sorts by date and selects the latest finished visit: a record
    /// started and abandoned ("no score yet") is no place to open on. With
    /// none finished, the latest with an answer; failing that, the latest.
    fn sort_and_select_latest(&mut self) {
        self.inspections.sort_by_key(|(_, i)| i.when);
        let answered = |i: &Inspection| {
            i.verdicts
                .iter()
                .any(|v| v.verdict != inspection::Verdict::NotChecked)
        };
        let latest = |keep: &dyn Fn(&Inspection) -> bool| {
            self.inspections.iter().rposition(|(_, i)| keep(i))
        };
        self.selected = latest(&|i| i.finished.is_some() && answered(i))
            .or_else(|| latest(&answered))
            .unwrap_or_else(|| self.inspections.len().saturating_sub(1));
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
        self.computed.as_ref().map(|(_, c)| c)
    }

    /// What the view draws and the records it was drawn from, with the
    /// thumbnails to draw their photos with.
    #[expect(
        clippy::type_complexity,
        reason = "three parts of the results, borrowed apart"
    )]
    pub fn computed_and_thumbs(
        &mut self,
    ) -> Option<(
        &Computed,
        &[(Option<PathBuf>, Inspection)],
        &mut crate::gui::photos::Thumbs,
    )> {
        let computed = self.computed.as_ref().map(|(_, c)| c)?;
        Some((computed, &self.inspections, &mut self.thumbs))
    }

    /// Computes the scores and chart data for `set` at `revision` unless they
    /// are current.
    pub fn compute(&mut self, set: &StandardsSet, revision: u64) -> &Computed {
        if self.computed.as_ref().is_some_and(|(r, _)| *r != revision) {
            self.computed = None;
        }
        let selected = self.selected;
        let inspections = &self.inspections;
        let survey = &self.survey;
        let customers = &self.customers;
        let (_, computed) = self.computed.get_or_insert_with(|| {
            let scores: Vec<Scores> = inspections
                .iter()
                .map(|(_, i)| inspection::score(set, i))
                .collect();
            let mut placed = None;
            let (failed, points) = match inspections.get(selected) {
                Some((_, current)) => {
                    let entries = current.entries();
                    let records: Vec<&inspection::Inspection> =
                        inspections.iter().map(|(_, i)| i).collect();
                    let repeats = inspection::actions::repeats(current, &records);
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
                                repeat: repeats.contains(&id.as_str()),
                                photos: entries
                                    .get(id.as_str())
                                    .map(|e| e.images())
                                    .unwrap_or_default(),
                            })
                        })
                        .collect();
                    let points = match customers {
                        Some((summary, min)) => {
                            let p = crate::core::survey::place(
                                set,
                                scores.get(selected),
                                Some(summary),
                                *min,
                            );
                            let points = p.points.clone();
                            placed = Some(p);
                            points
                        }
                        None => inspection::weak_links(set, scores.get(selected), survey),
                    };
                    (failed, points)
                }
                None => (Vec::new(), Vec::new()),
            };
            (
                revision,
                Computed {
                    scores,
                    failed,
                    points,
                    placed,
                },
            )
        });
        computed
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
        let c = r.compute(&set, 0);
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
