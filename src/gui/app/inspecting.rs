//! Starting, resuming and switching to an inspection.

use std::path::{Path, PathBuf};

use super::{Document, ServstdApp, Session, StartForm, View};
use crate::core::storage;
use crate::gui::state::{LastVisit, set_key};
use crate::gui::views::inspect::Earlier;

impl ServstdApp {
    /// Switches the central view; the results are gathered again for the open set.
    pub fn show_view(&mut self, view: View) {
        if view == View::Results {
            // The set may have been edited since: score again, with what
            // customers said in the survey's responses.
            self.survey.ensure_loaded(&self.doc);
            self.results.customers = self.survey.customers();
            self.results.nps_trend = self.survey.nps_trend();
            self.results.invalidate();
            let key = (self.doc.path.clone(), self.doc.set().title.clone());
            if self.results.gathered_for.as_ref() != Some(&key) {
                self.results
                    .gather_in_background(self.doc.set(), self.doc.path.as_deref());
            }
            // Records still being read: the frame loop adds the session when they arrive.
            if !self.results.gathering()
                && let Some(session) = &self.inspect.session
            {
                self.results
                    .add(Some(session.path.clone()), session.record.clone());
            }
        }
        if view == View::Actions {
            // Read again: a record's actions may have changed since.
            self.board
                .regather(self.doc.path.as_deref(), self.doc.has_sample_records());
            let records: Vec<PathBuf> = self
                .inspect
                .session
                .iter()
                .map(|s| s.path.clone())
                .chain(
                    self.results
                        .inspections
                        .iter()
                        .filter_map(|(p, _)| p.clone()),
                )
                .collect();
            for record in records {
                self.board.add_record(&record);
            }
        }
        if view == View::Chain {
            self.ensure_chain();
        }
        if view == View::Inspect
            && let Some(session) = &mut self.inspect.session
        {
            // The Actions view may have moved this record's actions along
            // (done, verified): an edit here must start from the file, or
            // saving the session's copy would undo them.
            session.reload_actions();
        }
        if view == View::Inspect && self.inspect.session.is_none() && self.inspect.start.is_none() {
            self.inspect.start = Some(self.start_form());
        }
        self.view = view;
    }

    /// The start form for the open set, offering the site and inspector of
    /// the last visit of this set started here.
    pub(super) fn start_form(&self) -> StartForm {
        let mut form = StartForm::new(
            self.doc.set(),
            self.doc.path.as_deref(),
            &self.default_folder(),
            jiff::Zoned::now().datetime(),
        );
        let key = set_key(self.doc.path.as_deref(), &self.doc.set().title);
        if let Some(last) = self.state.last_visit.get(&key) {
            last.site.clone_into(&mut form.site);
            last.inspector.clone_into(&mut form.inspector);
        }
        form
    }

    /// Opens the start form for a follow-up visit of `site`: only the
    /// standards with open actions there; a pass on one offers to verify it.
    pub(super) fn reinspect_open(&mut self, site: &str) {
        let open = self.board.open_at(site);
        if open.is_empty() {
            return;
        }
        let mut form = self.start_form();
        site.clone_into(&mut form.site);
        for (_, _, standard) in &open {
            if !form.only.contains(standard) {
                form.only.push(standard.clone());
            }
        }
        self.inspect.start = Some(form);
        self.follow_up = open;
        self.view = View::Inspect;
    }

    /// Starts the inspection the form describes: the record is written at once.
    pub(super) fn begin_inspection(&mut self) {
        let Some(form) = &mut self.inspect.start else {
            return;
        };
        // The name proposed was free when the form opened; taken since (a
        // visit started the same second), the next free one is used.
        if form.path.trim() == form.proposed {
            form.path = crate::core::storage::scan::unique_path(
                &form.proposed,
                crate::core::inspection::EXTENSION,
            );
            form.proposed.clone_from(&form.path);
        }
        let path = PathBuf::from(form.path.trim());
        let name_ok = crate::core::storage::FileKind::by_name(&path)
            == Some(crate::core::storage::FileKind::Inspection);
        let t = crate::core::i18n::inspect_texts(self.state.ui_language);
        if form.site.trim().is_empty() || form.inspector.trim().is_empty() {
            form.error = Some(t.need_site_and_inspector.to_owned());
            return;
        }
        if !name_ok {
            form.error = Some(t.need_inspection_name.to_owned());
            return;
        }
        if !form.scope.iter().any(|(_, _, on)| *on) {
            form.error = Some(t.need_scope.to_owned());
            return;
        }
        if path.exists() {
            form.error = Some(t.file_exists.to_owned());
            return;
        }
        let now = jiff::Zoned::now().datetime();
        let now = now
            .with()
            .second(0)
            .subsec_nanosecond(0)
            .build()
            .unwrap_or(now);
        let record = form.record(self.doc.set(), self.doc.path.as_deref(), &path, now);
        let mut session = Session::new(record, path, self.doc.set());
        if form.only.is_empty() {
            self.follow_up.clear();
        }
        session.follow_up = std::mem::take(&mut self.follow_up);
        for (file, _, standard) in &session.follow_up {
            if let Some(earlier) = earlier(&self.board, *file, standard) {
                session.earlier.entry(standard.clone()).or_insert(earlier);
            }
        }
        session.save();
        if let Some(error) = session.save_error.take() {
            form.error = Some(error);
            return;
        }
        // Resume looks for records in progress here too.
        self.remember_folder(&session.path);
        let key = set_key(self.doc.path.as_deref(), &self.doc.set().title);
        self.state.last_visit.insert(
            key,
            LastVisit {
                site: session.record.site.clone(),
                inspector: session.record.inspector.clone(),
            },
        );
        self.inspect.start = None;
        self.inspect.session = Some(session);
        self.view = View::Inspect;
    }

    /// Carries on with a saved inspection of the open set (or opens its set first).
    /// Opens the record of the board's file `file` in inspect mode, at
    /// `standard`: the failed verdict an action came from, with its note and
    /// photos.
    pub fn open_verdict(&mut self, file: usize, standard: &str) {
        let Some(record) = self.board.files.get(file).and_then(|f| {
            let path = f.path.as_deref()?;
            Some(path.with_file_name(&f.actions.record))
        }) else {
            return;
        };
        self.resume_at(&record, standard);
    }

    /// Opens the record at `record` in inspect mode at `standard`; whether
    /// it is there now.
    fn resume_at(&mut self, record: &Path, standard: &str) -> bool {
        self.resume_inspection(record);
        let Some(session) = &mut self.inspect.session else {
            return false;
        };
        let at = session.order.iter().position(|id| id == standard);
        match at {
            Some(at) if session.path == record => {
                session.current = at;
                true
            }
            _ => false,
        }
    }

    /// Opens the record at `record` in inspect mode at the failed
    /// `standard`, and raises its action there, or shows the one it has.
    pub fn action_for(&mut self, record: &Path, standard: &str) {
        if self.resume_at(record, standard)
            && let Some(session) = &mut self.inspect.session
        {
            session.raise_action(self.doc.set(), crate::core::dates::today());
        }
    }

    pub fn resume_inspection(&mut self, path: &Path) {
        let record = match storage::load::<crate::core::inspection::Inspection>(path) {
            Ok(loaded) => loaded.document,
            Err(e) => return self.show_error(&e.said(self.state.ui_language)),
        };
        let (set, set_path) = match record.resolve_set(path) {
            Ok(found) => found,
            Err(error) => return self.show_error(&error.to_string()),
        };
        let same_file = match (&set_path, &self.doc.path) {
            (Some(a), Some(b)) => std::fs::canonicalize(a).ok() == std::fs::canonicalize(b).ok(),
            (None, None) => set.title == self.doc.set().title,
            _ => false,
        };
        if !same_file {
            if self.doc.is_dirty() {
                let t = crate::core::i18n::inspect_texts(self.state.ui_language);
                return self.show_error(t.save_first);
            }
            let doc = Document::new(set, set_path.clone());
            self.replace_document(doc);
            if let Some(p) = &set_path {
                self.remember(p);
            }
        }
        self.inspect.start = None;
        self.inspect.session = Some(Session::new(record, path.to_owned(), self.doc.set()));
        self.view = View::Inspect;
    }
}

/// What the record behind the board's file `file` saw on `standard`: its
/// note and photos, for the follow-up visit to show.
fn earlier(
    board: &crate::gui::views::actions::Board,
    file: usize,
    standard: &str,
) -> Option<Earlier> {
    let file = board.files.get(file)?;
    let record = file.record.as_ref()?;
    let entry = record.entry(standard)?;
    Some(Earlier {
        when: record.when,
        note: entry.note.clone(),
        photos: entry.images(),
        record: file
            .path
            .as_deref()
            .map(|p| p.with_file_name(&file.actions.record)),
    })
}

impl ServstdApp {
    /// Inspection › Import filled checklist…: the PDF form's answers become
    /// a record of the open set, written beside it under a name no record
    /// has yet, and shown in the results at once. What differs between the
    /// form and the set is said; a form of another set is refused.
    pub(super) fn import_filled_checklist(&mut self, pdf: &Path) {
        use crate::core::inspection::form;
        let lang = self.state.ui_language;
        let fields = match storage::read_limited(pdf) {
            Ok(bytes) => crate::export::pdf::form_read::read(&bytes)
                .map_err(|e| format!("{}: {}", pdf.display(), e.message(lang))),
            Err(storage::LoadError::TooLarge { size, .. }) => Err(form::FormError::TooLarge {
                bytes: size,
                max: crate::export::pdf::form_read::MAX_FORM_BYTES,
            }
            .message(lang)),
            Err(e) => Err(e.to_string()),
        };
        let fields = match fields {
            Ok(fields) => fields,
            Err(error) => return self.show_error(&error),
        };
        let Some(set_path) = self.doc.path.clone() else {
            let named = form::named_set_file(&fields).unwrap_or_default();
            let m = &crate::core::i18n::messages(lang).form;
            return self.show_error(&crate::core::i18n::fill(
                m.set_not_found,
                &[("file", &named)],
            ));
        };
        let beside = form::record_beside(pdf, &set_path);
        let record_path = PathBuf::from(storage::scan::unique_path(
            &beside.display().to_string(),
            crate::core::inspection::EXTENSION,
        ));
        let now = jiff::Zoned::now().datetime();
        let set = self.doc.set();
        let imported = match form::import(&fields, set, Some(&set_path), &record_path, now) {
            Ok(imported) => imported,
            Err(error) => {
                return self.show_error(&format!("{}: {}", pdf.display(), error.message(lang)));
            }
        };
        if let Err(error) = storage::save(&record_path, &imported.record) {
            return self.show_error(&error.to_string());
        }
        self.show_view(View::Results);
        self.results
            .add(Some(record_path.clone()), imported.record.clone());
        if imported.warnings.is_empty() {
            self.notify(record_path.display().to_string());
        } else {
            let body = imported
                .warnings
                .iter()
                .map(|w| format!("• {}", w.message(lang)))
                .collect::<Vec<_>>()
                .join("\n");
            self.modal = Some(super::Modal::Error {
                title: crate::core::i18n::inspect_texts(lang)
                    .imported_with_warnings
                    .to_owned(),
                body: format!("{}\n\n{body}", record_path.display()),
            });
        }
    }
}
