//! Running commands and replies: the one place where a queued [`Command`]
//! or a dialog's [`Reply`] changes the app.

use super::{
    Command, Document, ExportChoice, HISTORY_LEN, Modal, PhotoFor, Purpose, Reply, ReportChoice,
    ServstdApp, Then, View, Wizard,
};
use crate::core::model::ItemPath;
use crate::core::templates;
use crate::gui::views::actions::board;

impl ServstdApp {
    /// Runs a command now.
    /// The last commands executed (at most [`HISTORY_LEN`]), oldest first.
    pub fn history(&self) -> impl Iterator<Item = &Command> {
        self.history.iter()
    }

    pub fn execute(&mut self, command: Command) {
        if self.history.len() == HISTORY_LEN {
            self.history.pop_front();
        }
        self.history.push_back(command.clone());
        let needs_clean_slate = matches!(
            command,
            Command::New
                | Command::NewFromTemplate(_)
                | Command::Open
                | Command::OpenPath(_)
                | Command::OpenSample
                | Command::OpenSampleChain
        );
        if needs_clean_slate && self.doc.is_dirty() {
            self.modal = Some(Modal::Unsaved(Then::Run(command)));
            return;
        }
        // An approved set is not edited in place: ask once, then edit a draft.
        if super::revisions::edits_the_set(&command) && self.doc.is_locked() {
            self.ask_to_start_draft(Some(Box::new(command)));
            return;
        }
        self.execute_unguarded(command);
    }

    pub(super) fn execute_unguarded(&mut self, command: Command) {
        match command {
            Command::New => {
                self.wizard = Some(Wizard::blank(
                    self.state.ui_language,
                    crate::core::dates::today(),
                ));
            }
            Command::OpenSampleChain => {
                self.replace_document(Document::new(templates::default_sample(), None));
                self.show_view(View::Chain);
            }
            Command::ChooseRecordsFolder => self.choose_path(Purpose::RecordsFolder),
            Command::ChainVisit(n) => self.chain_visit(n),
            Command::OpenSample => {
                let sample = crate::core::templates::sample_for(self.state.ui_language);
                self.replace_document(Document::new(sample.set(), None));
            }
            Command::NewFromTemplate(name) => {
                if let Some(template) = templates::find(name) {
                    let set = crate::core::templates::fresh_from(
                        &template.set(),
                        crate::core::dates::today(),
                    );
                    let mut doc = Document::new(set, None);
                    doc.force_unsaved();
                    self.replace_document(doc);
                }
            }
            Command::Open => self.choose_path(Purpose::Open),
            Command::OpenPath(path) => self.open_path(&path),
            Command::Save => match self.doc.path.clone() {
                Some(_) if self.doc.changed_on_disk() => self.modal = Some(Modal::ChangedOnDisk),
                Some(path) => {
                    self.save_to(&path);
                }
                None => self.choose_path(Purpose::SaveAs),
            },
            Command::SaveAs => self.choose_path(Purpose::SaveAs),
            Command::Export => {
                let (format, layout) =
                    (crate::export::Format::Pdf, crate::export::Layout::Checklist);
                let mut path = self.beside(&ExportChoice::suffix(format, layout));
                // Where the last export went, when that was not beside the set.
                if let Some(folder) = self.state.export_folder.as_ref().filter(|d| d.is_dir())
                    && let Some(name) = std::path::Path::new(&path).file_name()
                {
                    path = folder.join(name).display().to_string();
                }
                let vague = crate::core::check::unmeasurable(self.doc.set(), &[]).len();
                let set = self.doc.set();
                let offered_contact_points = set
                    .contact_points
                    .iter()
                    .map(|c| (c.id.clone(), c.name.clone()))
                    .collect();
                let offered_roles = set.roles().into_iter().map(str::to_owned).collect();
                self.modal = Some(Modal::Export(ExportChoice {
                    format,
                    layout,
                    paper: crate::export::Paper::A4,
                    path,
                    pages: None,
                    result: None,
                    open_after: false,
                    vague,
                    contact_point: None,
                    role: None,
                    language: None,
                    since: String::new(),
                    offered_contact_points,
                    offered_roles,
                    fillable: false,
                    set_file: self
                        .doc
                        .path
                        .as_deref()
                        .and_then(std::path::Path::file_name)
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                }));
            }
            Command::Quit => {
                self.quit_requested = true;
                if self.doc.is_dirty() {
                    self.modal = Some(Modal::Unsaved(Then::Quit));
                } else {
                    self.quit_confirmed = true;
                }
            }
            Command::Undo => self.doc.undo(),
            Command::Find => {
                self.wizard = None;
                self.tree.focus_filter = true;
            }
            Command::Redo => self.doc.redo(),
            Command::AddContactPoint => {
                self.doc.checkpoint();
                let name = self.texts().new_contact_point;
                let path = self.doc.set_mut().add_contact_point(name);
                self.select(Some(path));
            }
            Command::AddChild => {
                let Some(parent) = self.selected_path() else {
                    self.execute_unguarded(Command::AddContactPoint);
                    return;
                };
                // On a standard, "add" means a sibling standard.
                let parent = if let ItemPath::Standard(..) = parent {
                    parent.parent().unwrap_or(parent)
                } else {
                    parent
                };
                let name = match parent {
                    ItemPath::ContactPoint(_) => self.texts().new_step,
                    ItemPath::Step(..) => self.texts().new_factor,
                    _ => "",
                };
                self.doc.checkpoint();
                let path = self.doc.edit(|set| {
                    let added = set.add_child(parent, name);
                    let changed = added.is_some();
                    (added, changed)
                });
                self.select(path);
            }
            Command::Duplicate => {
                if let Some(path) = self.selected_path() {
                    self.doc.checkpoint();
                    let copy = self.doc.edit(|set| {
                        let copy = set.duplicate(path);
                        let changed = copy.is_some();
                        (copy, changed)
                    });
                    self.select(copy);
                }
            }
            Command::Delete => {
                let Some(path) = self.selected_path() else {
                    return;
                };
                let below = self.doc.set().standards_under(path);
                let holds_others = self.doc.set().children_at(path) > 0;
                if holds_others {
                    let t = self.texts();
                    let name = self.doc.set().name_at(path).unwrap_or_default().to_owned();
                    self.modal = Some(Modal::Confirm {
                        title: t.confirm_delete_title.to_owned(),
                        body: crate::core::i18n::fill(
                            t.confirm_delete_body,
                            &[("name", &name), ("standards", &below.to_string())],
                        ),
                        yes: t.delete.to_owned(),
                        no: t.cancel.to_owned(),
                        then: Box::new(Reply::DeleteConfirmed),
                    });
                } else {
                    self.answer_now(Reply::DeleteConfirmed);
                }
            }
            Command::MoveUp | Command::MoveDown => {
                if let Some(path) = self.selected_path() {
                    self.doc.checkpoint();
                    let delta = if command == Command::MoveUp { -1 } else { 1 };
                    self.doc
                        .edit(|set| ((), set.move_by(path, delta).is_some()));
                }
            }
            Command::MoveOnto(from, onto) => {
                if let (Some(from), Some(onto)) =
                    (self.doc.set().locate(&from), self.doc.set().locate(&onto))
                {
                    self.doc.checkpoint();
                    let moved = self.doc.edit(|set| {
                        let moved = set.move_onto(from, onto);
                        let changed = moved.is_some_and(|to| to != from);
                        (moved, changed)
                    });
                    if let Some(moved) = moved {
                        self.select(Some(moved));
                    }
                }
            }
            Command::Select(id) => self.selected = Some(id),
            Command::SelectSet => self.selected = None,
            Command::ShowView(view) => self.show_view(view),
            Command::StartInspection => {
                self.inspect.session = None;
                self.inspect.start = Some(self.start_form());
                self.view = View::Inspect;
            }
            Command::BeginInspection => self.begin_inspection(),
            Command::ResumeInspection => {
                // Where the last record was kept, as well as beside the set.
                let folder = self
                    .state
                    .last_folder
                    .clone()
                    .filter(|d| d.is_dir())
                    .unwrap_or_else(|| self.default_folder());
                let records = crate::gui::views::results::in_progress(
                    self.doc.set(),
                    self.doc.path.as_deref(),
                    &folder,
                );
                let lines = records
                    .into_iter()
                    .map(|(path, record, s)| {
                        let line = format!(
                            "{} · {} · {} · {}/{} · {}",
                            record.when.strftime("%Y-%m-%d %H:%M"),
                            record.site,
                            record.inspector,
                            s.overall.answered(),
                            s.overall.total(),
                            path.file_name().unwrap_or_default().to_string_lossy(),
                        );
                        (path, line)
                    })
                    .collect();
                self.modal = Some(Modal::Resume(lines));
            }
            Command::ResumeOther => self.choose_path(Purpose::ResumeInspection),
            Command::Verdict(verdict) => {
                if let Some(session) = &mut self.inspect.session {
                    session.answer(self.doc.set(), verdict);
                }
            }
            Command::InspectStep(delta) => {
                if let Some(session) = &mut self.inspect.session {
                    session.step(delta);
                }
            }
            Command::InspectGoTo(index) => {
                if let Some(session) = &mut self.inspect.session {
                    session.current = index.min(session.order.len().saturating_sub(1));
                }
            }
            Command::NextUnanswered => {
                if let Some(session) = &mut self.inspect.session {
                    session.jump_to_unanswered();
                }
            }
            Command::AttachPhotos(to) => self.choose_photos(to),
            Command::ReinspectOpen(site) => self.reinspect_open(&site),
            Command::OpenVerdict(file, standard) => self.open_verdict(file, &standard),
            Command::ActionFor(record, standard) => self.action_for(&record, &standard),
            Command::VerifyFollowUp(file, id) => {
                let by = self
                    .inspect
                    .session
                    .as_ref()
                    .map(|s| s.record.inspector.clone())
                    .unwrap_or_default();
                let today = crate::core::dates::today();
                self.board
                    .change(file, &id, |a| board::verify(a, &by, today));
                if let Some(session) = &mut self.inspect.session {
                    let this = |(f, a, _): &(usize, String, String)| {
                        (*f, a.as_str()) == (file, id.as_str())
                    };
                    if let Some((_, _, standard)) = session.follow_up.iter().find(|f| this(f)) {
                        session
                            .verified
                            .push((id.clone(), standard.clone(), by.clone()));
                    }
                    session.follow_up.retain(|f| !this(f));
                }
            }
            Command::AddAction => {
                if let Some(session) = &mut self.inspect.session {
                    session.raise_action(self.doc.set(), crate::core::dates::today());
                }
            }
            Command::EditNote => {
                if let Some(session) = &mut self.inspect.session {
                    session.focus_note = true;
                }
            }
            Command::FinishInspection => {
                let Some(session) = &self.inspect.session else {
                    return;
                };
                let total = session.order.len();
                let unchecked = total - session.answered();
                if unchecked == 0 {
                    self.answer_now(Reply::FinishConfirmed);
                } else {
                    let t = crate::core::i18n::inspect_texts(self.state.ui_language);
                    let (u, n) = (unchecked.to_string(), total.to_string());
                    self.modal = Some(Modal::Confirm {
                        title: t.finish_partial_title.to_owned(),
                        body: crate::core::i18n::fill(
                            t.finish_partial_body,
                            &[("unchecked", &u), ("total", &n)],
                        ),
                        yes: t.finish_anyway.to_owned(),
                        no: t.keep_inspecting.to_owned(),
                        then: Box::new(Reply::FinishConfirmed),
                    });
                }
            }
            Command::CloseInspection => {
                if let Some(mut session) = self.inspect.session.take() {
                    session.save();
                    self.results.add(Some(session.path), session.record);
                }
                self.inspect.start = None;
                self.view = View::Standards;
            }
            Command::AddInspection => self.choose_path(Purpose::AddInspection),
            Command::ImportSurvey => self.choose_path(Purpose::ImportSurvey),
            Command::ImportFilledChecklist => self.choose_path(Purpose::ImportFilledChecklist),
            Command::Report => {
                self.show_view(View::Results);
                let path = self.beside("-report.pdf");
                self.modal = Some(Modal::Report(ReportChoice {
                    format: crate::export::Format::Pdf,
                    path,
                    result: None,
                    open_after: false,
                }));
            }
            Command::ShowMethod => self.modal = Some(Modal::Method),
            Command::ShowShortcuts => self.modal = Some(Modal::Shortcuts),
            Command::ShowAbout => self.modal = Some(Modal::About),
            Command::Approve => self.open_approve(),
            Command::AskToStartDraft => self.ask_to_start_draft(None),
            Command::CompareWith => self.choose_path(Purpose::Compare),
            Command::SetLanguage(lang) => self.state.ui_language = lang,
            Command::SetTheme(theme) => self.state.theme = theme,
        }
    }

    /// Runs a dialog's answer now: the next step of what the dialog asked.
    pub fn answer_now(&mut self, reply: Reply) {
        match reply {
            Reply::CancelQuit => self.quit_requested = false,
            Reply::SaveThen(then) => {
                self.modal = None;
                self.save_then(*then);
            }
            Reply::ContinueWith(then) => {
                self.modal = None;
                self.continue_with(*then);
            }
            Reply::PathChosen(purpose, path) => {
                self.modal = None;
                self.path_chosen(purpose, &path);
            }
            Reply::SaveOverChanged => {
                self.modal = None;
                self.save_over_changed();
            }
            Reply::Restore(found) => {
                self.modal = None;
                self.restore(*found);
            }
            Reply::DiscardRecovery => {
                self.modal = None;
                self.discard_recovery();
            }
            Reply::TypePathInstead => self.type_path_instead(),
            Reply::ApproveConfirmed(choice) => self.approve(choice),
            Reply::StartDraft(then) => self.start_draft(then),
            Reply::CountPages(choice) => {
                let pages = self.export_pages(&choice);
                if let Some(Modal::Export(open)) = &mut self.modal {
                    open.pages = pages;
                }
            }
            Reply::WriteExport(choice) => {
                self.remember_folder(std::path::Path::new(&choice.path));
                // The next export goes to the same folder.
                self.state.export_folder =
                    crate::core::storage::scan::absolute(std::path::Path::new(choice.path.trim()))
                        .parent()
                        .map(std::path::Path::to_path_buf);
                self.start_export(choice);
            }
            Reply::WriteReport(choice) => {
                self.remember_folder(std::path::Path::new(&choice.path));
                self.start_report(choice);
            }
            Reply::AttachPhotoFiles(PhotoFor::Verdict, files) => {
                if let Some(session) = &mut self.inspect.session {
                    session.attach_photos(files);
                }
            }
            Reply::AttachPhotoFiles(PhotoFor::Action(file, at), files) => {
                let id = self
                    .board
                    .files
                    .get(file)
                    .and_then(|f| f.actions.actions.get(at))
                    .map(|a| a.id.clone());
                if let Some(id) = id {
                    self.board.attach_photos(file, &id, files);
                }
            }
            Reply::DeleteConfirmed => {
                // Asked before the set was approved elsewhere? Never edit an
                // approved set in place.
                if self.doc.is_locked() {
                    self.ask_to_start_draft(Some(Box::new(Command::Delete)));
                } else if let Some(path) = self.selected_path() {
                    self.doc.checkpoint();
                    self.doc.edit(|set| ((), set.delete(path)));
                    let siblings_left = path.index().checked_sub(1).map(|i| path.with_index(i));
                    let next = if self.doc.set().id_at(path).is_some() {
                        Some(path)
                    } else {
                        siblings_left.or(path.parent())
                    };
                    self.select(next);
                }
            }
            Reply::FinishConfirmed => {
                if let Some(session) = &mut self.inspect.session {
                    session.record.finished = Some(jiff::Zoned::now().datetime());
                    session.save();
                    session.finished = true;
                }
            }
        }
    }
}
