//! The actions board: every corrective action of the records beside the
//! open set, to filter and move along (started, done, verified, can't do).
//! Each change is saved at once to the actions file it came from; a file
//! that could not be read is listed as a problem and never written.
//!
//! Photos of a fix are stored beside the actions file on a thread (see
//! [`crate::gui::photos`]). On an action that is done they join its completion at
//! once; on one still open they are written into its `photos` (saved at
//! once, so no attachment lives only in memory) and move into its
//! completion when it is marked done.

use std::path::{Path, PathBuf};

use crate::core::inspection::actions::{self, Action, Actions, Done, Status, Verified};
use crate::core::inspection::{Inspection, add_once};
use crate::core::storage::{self, scan};

/// One actions file with its record.
#[derive(Clone, Debug)]
pub struct BoardFile {
    /// The actions file; `None` for the embedded sample's (kept in memory).
    pub path: Option<PathBuf>,
    pub record: Option<Inspection>,
    pub actions: Actions,
}

/// What the board's filters keep.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    pub status: Option<Status>,
    pub owner: String,
    pub site: String,
    pub contact_point: Option<String>,
    pub overdue_only: bool,
}

#[derive(Debug, Default)]
pub struct Board {
    pub files: Vec<BoardFile>,
    /// Actions files that could not be read: named, never written.
    pub problems: Vec<String>,
    pub filter: Filter,
    /// The last save that failed, to show.
    pub save_error: Option<String>,
    /// Who verifies, remembered between actions.
    pub verifier: String,
    /// Photos of a fix being stored: (file, the action's ID in `to`).
    pub attaching: Vec<(usize, crate::gui::photos::Attaching)>,
    /// What went wrong with the last photos.
    pub photo_errors: Vec<String>,
    pub thumbs: crate::gui::photos::Thumbs,
}

impl Board {
    /// The actions beside the set at `set_path` (every `*.actions.ron` in its
    /// folder), or the embedded sample's.
    #[must_use]
    pub fn gather(set_path: Option<&Path>, is_sample: bool) -> Self {
        let mut board = Self::default();
        let Some(set_path) = set_path else {
            if is_sample {
                let records = crate::core::inspection::sample_inspections();
                for file in actions::sample_actions() {
                    let record = records
                        .iter()
                        .zip(crate::core::inspection::SAMPLE_INSPECTIONS)
                        .find(|(_, (name, _))| *name == file.record)
                        .map(|(r, _)| r.clone());
                    board.files.push(BoardFile {
                        path: None,
                        record,
                        actions: file,
                    });
                }
            }
            return board;
        };
        let folder = storage::evidence::folder_of(set_path);
        let found = scan::load_all::<Actions>(folder, actions::EXTENSION);
        board.problems = found.problems.iter().map(ToString::to_string).collect();
        for (path, file) in found.documents {
            let record_path = path.with_file_name(&file.record);
            let record = storage::load::<Inspection>(&record_path)
                .ok()
                .map(|l| l.document);
            // Only the actions of records of this set.
            let of_this_set = record.as_ref().is_none_or(|r| {
                r.set_path(&record_path)
                    .ok()
                    .flatten()
                    .and_then(|p| p.canonicalize().ok())
                    == set_path.canonicalize().ok()
            });
            if of_this_set {
                board.files.push(BoardFile {
                    path: Some(path),
                    record,
                    actions: file,
                });
            }
        }
        board
    }

    /// Reads the board again (see [`Board::gather`]), keeping the user's
    /// filters and the name of who verifies.
    pub fn regather(&mut self, set_path: Option<&Path>, is_sample: bool) {
        let mut board = Self::gather(set_path, is_sample);
        board.filter = std::mem::take(&mut self.filter);
        board.verifier = std::mem::take(&mut self.verifier);
        // Thumbnails are of files, whichever board shows them.
        board.thumbs = std::mem::take(&mut self.thumbs);
        *self = board;
    }

    /// Adds the actions of the record at `record` (a record kept away from
    /// the set, or the one being inspected), unless they are on the board.
    pub fn add_record(&mut self, record: &Path) {
        let path = actions::path_for(record);
        let same = |p: &Path| p.canonicalize().ok() == path.canonicalize().ok();
        if self
            .files
            .iter()
            .any(|f| f.path.as_deref().is_some_and(same))
        {
            return;
        }
        match actions::load_for(record) {
            Ok(Some(loaded)) => self.files.push(BoardFile {
                path: Some(path),
                record: storage::load::<Inspection>(record).ok().map(|l| l.document),
                actions: loaded.document,
            }),
            Ok(None) => {}
            Err(err) => self.problems.push(err.to_string()),
        }
    }

    /// Every action with its file's index, in the board's order: open first,
    /// by due date.
    #[must_use]
    pub fn all(&self) -> Vec<(usize, &Action)> {
        let mut all: Vec<(usize, &Action)> = self
            .files
            .iter()
            .enumerate()
            .flat_map(|(i, f)| f.actions.actions.iter().map(move |a| (i, a)))
            .collect();
        all.sort_by_key(|(_, a)| (!a.status.is_open(), a.due));
        all
    }

    /// The sites with open actions, in order of first appearance.
    #[must_use]
    pub fn sites_with_open(&self) -> Vec<String> {
        let mut sites: Vec<String> = Vec::new();
        for (file, a) in self.all() {
            if let Some(r) = &self.files[file].record
                && a.status.is_open()
                && !sites.contains(&r.site)
            {
                sites.push(r.site.clone());
            }
        }
        sites
    }

    /// The open actions at `site`: (file, action ID, standard ID).
    #[must_use]
    pub fn open_at(&self, site: &str) -> Vec<(usize, String, String)> {
        self.all()
            .into_iter()
            .filter(|(file, a)| {
                a.status.is_open()
                    && self.files[*file]
                        .record
                        .as_ref()
                        .is_some_and(|r| r.site.trim() == site.trim())
            })
            .map(|(file, a)| (file, a.id.clone(), a.standard.clone()))
            .collect()
    }

    /// Its actions overdue on `today`, counted as the chain counts its sites'.
    #[must_use]
    pub fn overdue(&self, today: jiff::civil::Date) -> usize {
        crate::core::inspection::actions::count_overdue(
            self.all().into_iter().map(|(_, a)| a),
            today,
        )
    }

    /// Stores `sources` as photos of action `id`'s fix, on a thread; they
    /// arrive in [`Board::poll_photos`].
    pub fn attach_photos(&mut self, file: usize, id: &str, sources: Vec<PathBuf>) {
        let Some(path) = self.files.get(file).and_then(|f| f.path.clone()) else {
            return;
        };
        self.photo_errors.clear();
        self.attaching
            .push((file, crate::gui::photos::attach(&path, id, sources)));
    }

    /// Whether photos are being stored.
    #[must_use]
    pub fn is_attaching(&self) -> bool {
        !self.attaching.is_empty()
    }

    /// Takes in the photos stored since the last frame: onto a done action's
    /// completion, or onto one still open to wait for it; saved either way.
    pub fn poll_photos(&mut self) {
        let mut arrived = Vec::new();
        self.attaching.retain(|(file, a)| match a.rx.try_recv() {
            Ok(results) => {
                arrived.push((*file, a.to.clone(), results));
                false
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => true,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => false,
        });
        for (file, id, results) in arrived {
            let mut stored = Vec::new();
            for result in results {
                match result {
                    Ok(photo) => stored.push(photo),
                    Err(error) => self.photo_errors.push(error),
                }
            }
            if stored.is_empty() {
                continue;
            }
            self.change(file, &id, |a| {
                let to = match &mut a.done {
                    Some(done) => &mut done.photos,
                    None => &mut a.photos,
                };
                for photo in stored {
                    add_once(to, photo);
                }
            });
        }
    }

    /// Marks action `id` done with `note`; the photos waiting on it join
    /// its completion.
    pub fn mark_done(&mut self, file: usize, id: &str, note: &str, today: jiff::civil::Date) {
        self.change(file, id, |a| done(a, note, today));
    }

    /// Applies `change` to action `id` of file `file` and saves that file.
    pub fn change(&mut self, file: usize, id: &str, change: impl FnOnce(&mut Action)) {
        let Some(f) = self.files.get_mut(file) else {
            return;
        };
        let Some(action) = f.actions.actions.iter_mut().find(|a| a.id == id) else {
            return;
        };
        change(action);
        self.save_error = f.path.as_ref().and_then(|path| {
            storage::save(path, &f.actions)
                .err()
                .map(|e| format!("{}: {e}", path.display()))
        });
    }
}

/// Status changes a button makes.
pub fn start(action: &mut Action) {
    action.status = Status::InProgress;
}

pub fn done(action: &mut Action, note: &str, today: jiff::civil::Date) {
    action.status = Status::Done;
    let mut photos = action.done.take().map(|d| d.photos).unwrap_or_default();
    for photo in std::mem::take(&mut action.photos) {
        add_once(&mut photos, photo);
    }
    action.done = Some(Done {
        date: today,
        note: note.trim().to_owned(),
        photos,
    });
}

pub fn verify(action: &mut Action, by: &str, today: jiff::civil::Date) {
    if action.done.is_none() {
        done(action, "", today);
    }
    action.status = Status::Verified;
    action.verified = Some(Verified {
        by: by.trim().to_owned(),
        date: today,
    });
}

pub fn cant_do(action: &mut Action, reason: &str) {
    action.status = Status::CantDo;
    reason.trim().clone_into(&mut action.reason);
}
