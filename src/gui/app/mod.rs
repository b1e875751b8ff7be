//! The desktop window: app state, commands, files and the frame loop.
//! Views live in [`crate::gui::views`]; this module owns what they act on.

pub mod command;
pub mod document;
pub mod inspect;
pub mod recovery;

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError};

use serde::{Deserialize, Serialize};

pub use command::{BINDINGS, Binding, Command, Scope};
pub use document::Document;
pub use inspect::{Results, Session, StartForm, View};
pub use recovery::{Recovered, Recovery};

use crate::core::model::{ItemPath, Language, StandardsSet};
use crate::core::storage::{self, LoadError};
use crate::core::templates;
use crate::gui::views as ui;
use crate::gui::views::wizard::{self, Wizard};

/// How many executed commands [`ServstdApp::history`] keeps.
pub const HISTORY_LEN: usize = 32;

/// What is remembered between runs: never the document itself.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct AppState {
    pub ui_language: Language,
    pub theme: Theme,
    pub recent: Vec<PathBuf>,
}

impl Default for AppState {
    fn default() -> Self {
        Self {
            ui_language: crate::core::i18n::locale::from_env(),
            theme: Theme::System,
            recent: Vec::new(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    Light,
    Dark,
    System,
}

/// Why a path is being asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    Open,
    SaveAs,
    /// An inspection record to carry on with.
    ResumeInspection,
    /// Another inspection record to show in the results.
    AddInspection,
    /// A CSV of survey scores per key factor.
    ImportSurvey,
}

/// What to do once unsaved changes are saved or discarded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Then {
    Quit,
    Run(Command),
}

/// The modal dialog on top of the window, if any.
#[derive(Clone, Debug, PartialEq)]
pub enum Modal {
    Unsaved(Then),
    Path {
        purpose: Purpose,
        text: String,
        note: Option<String>,
    },
    Error {
        title: String,
        body: String,
    },
    ChangedOnDisk,
    Recover(Box<Recovered>),
    Export(ExportChoice),
    Report(ReportChoice),
    Method,
    Shortcuts,
    About,
}

/// The choices of File › Export…, kept while the dialog is open.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportChoice {
    pub format: crate::export::Format,
    pub layout: crate::export::Layout,
    pub paper: crate::export::Paper,
    pub path: String,
    /// Pages of the last preview, shown before writing.
    pub pages: Option<usize>,
    pub result: Option<String>,
    /// Open the file in the desktop's viewer once written.
    pub open_after: bool,
}

/// The choices of the results view's Report… dialog.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportChoice {
    pub format: crate::export::Format,
    pub path: String,
    pub result: Option<String>,
    pub open_after: bool,
}

/// How file paths are chosen: the desktop's chooser, or a typed path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chooser {
    Native,
    PathField,
}

#[expect(
    clippy::struct_excessive_bools,
    reason = "independent flags of the frame loop: quitting, autosave, focus"
)]
pub struct ServstdApp {
    pub state: AppState,
    pub doc: Document,
    /// The ID of the selected item; IDs survive reordering, positions do not.
    pub selected: Option<String>,
    pub modal: Option<Modal>,
    pub filter: String,
    pub chooser: Chooser,
    pending_chooser: Option<(Purpose, Receiver<Option<PathBuf>>)>,
    queue: Vec<Command>,
    /// The last commands executed, newest last: what a bug report or a test
    /// reads to see what a key or a click did.
    history: std::collections::VecDeque<Command>,
    /// A short message in the status bar, e.g. "Saved".
    pub notice: Option<String>,
    title_sent: String,
    quit_confirmed: bool,
    pub quit_requested: bool,
    /// The guided start, while it is open.
    pub wizard: Option<Wizard>,
    /// Where unsaved work is autosaved; `None` turns autosave off (tests).
    pub recovery: Option<Recovery>,
    last_autosave_secs: f64,
    recovery_written: bool,
    /// Ctrl+F: move the keyboard focus to the journey filter next frame.
    pub focus_filter: bool,
    /// Standards, inspection or results.
    pub view: View,
    /// The inspection being carried out, if any.
    pub session: Option<Session>,
    /// The form that starts an inspection, while no session runs.
    pub start: Option<StartForm>,
    pub results: Results,
}

impl ServstdApp {
    /// The window on the embedded sample with the first contact point selected.
    #[must_use]
    pub fn with_sample(state: AppState) -> Self {
        Self::with_document(state, Document::new(templates::default_sample(), None))
    }

    #[must_use]
    pub fn with_document(state: AppState, doc: Document) -> Self {
        let selected = doc.set.contact_points.first().map(|cp| cp.id.clone());
        Self {
            state,
            doc,
            selected,
            modal: None,
            filter: String::new(),
            chooser: Chooser::PathField,
            pending_chooser: None,
            queue: Vec::new(),
            history: std::collections::VecDeque::new(),
            notice: None,
            title_sent: String::new(),
            quit_confirmed: false,
            quit_requested: false,
            wizard: None,
            recovery: None,
            last_autosave_secs: 0.0,
            recovery_written: false,
            focus_filter: false,
            view: View::Standards,
            session: None,
            start: None,
            results: Results::default(),
        }
    }

    /// Turns on autosave to `recovery`, and offers any unsaved work it holds.
    pub fn use_recovery(&mut self, recovery: Recovery) {
        if let Some(found) = recovery.find() {
            self.modal = Some(Modal::Recover(Box::new(found)));
        }
        self.recovery = Some(recovery);
    }

    /// Replaces the document with recovered work; it stays unsaved until saved.
    pub fn restore(&mut self, found: Recovered) {
        self.replace_document(Document::restored(found.set, found.origin));
    }

    /// Forgets the recovered work.
    pub fn discard_recovery(&mut self) {
        if let Some(recovery) = &self.recovery {
            recovery.clear();
        }
        self.recovery_written = false;
    }

    fn autosave(&mut self, now_secs: f64) {
        let Some(recovery) = &self.recovery else {
            return;
        };
        if self.doc.is_dirty() {
            if now_secs - self.last_autosave_secs >= recovery::AUTOSAVE_INTERVAL_SECS {
                self.last_autosave_secs = now_secs;
                // A failed autosave must not interrupt work; the next one tries again.
                self.recovery_written = recovery
                    .write(&self.doc.set, self.doc.path.as_deref())
                    .is_ok();
            }
        } else {
            self.last_autosave_secs = now_secs;
            if self.recovery_written {
                recovery.clear();
                self.recovery_written = false;
            }
        }
    }

    /// Opens `path`, or the sample with an error dialog when it cannot be read.
    #[must_use]
    pub fn with_file(state: AppState, path: &Path) -> Self {
        let mut app = Self::with_sample(state);
        app.open_path(path);
        app
    }

    #[must_use]
    pub fn texts(&self) -> &'static crate::core::i18n::Texts {
        crate::core::i18n::texts(self.state.ui_language)
    }

    /// Queues a command to run at the end of the frame.
    pub fn run(&mut self, command: Command) {
        self.queue.push(command);
    }

    /// The path of the selected item, if it still exists.
    #[must_use]
    pub fn selected_path(&self) -> Option<ItemPath> {
        self.selected
            .as_deref()
            .and_then(|id| self.doc.set.locate(id))
    }

    fn select(&mut self, path: Option<ItemPath>) {
        self.selected = path.and_then(|p| self.doc.set.id_at(p)).map(str::to_owned);
    }

    /// Draws one frame. Shared by the real window and the UI tests.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.handle_input(&ctx);
        ui::menu::show(self, ui);
        if self.wizard.is_some() {
            self.show_wizard(ui);
        } else {
            ui::status::show(self, ui);
            ui::inspect::tabs(self, ui);
            match self.view {
                View::Standards => {
                    ui::findings::show(self, ui);
                    ui::tree::show(self, ui);
                    ui::editor::show(self, ui);
                }
                View::Inspect => ui::inspect::show(self, ui),
                View::Results => ui::results::show(self, ui),
            }
        }
        ui::dialogs::show(self, &ctx);
        self.poll_chooser();
        let commands = std::mem::take(&mut self.queue);
        // When egui discards this pass it runs the frame again with the same
        // input, which queues the same clicks and keys again: run them once,
        // in the pass that is kept.
        if !ctx.will_discard() && !commands.is_empty() {
            for command in commands {
                self.execute(command);
            }
            // Commands run after drawing: show what they changed.
            ctx.request_repaint();
        }
        let now = ctx.input(|i| i.time);
        self.doc.feed_undo(now);
        self.autosave(now);
        self.update_title(&ctx);
        if self.quit_requested && self.quit_confirmed {
            // Leaving on purpose: unsaved work was saved or discarded by the user.
            self.discard_recovery();
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if self.doc.is_dirty() {
            // Keep frames coming so autosave runs while the user is idle.
            ctx.request_repaint_after(std::time::Duration::from_secs(5));
        }
    }

    fn show_wizard(&mut self, ui: &mut egui::Ui) {
        let t = self.texts();
        let lang = self.state.ui_language;
        let Some(wizard) = &mut self.wizard else {
            return;
        };
        let outcome = egui::CentralPanel::default()
            .show(ui, |ui| {
                ui.set_max_width(960.0);
                wizard::show(wizard, ui, t, lang)
            })
            .inner;
        match outcome {
            wizard::Outcome::Continue => {}
            wizard::Outcome::Cancel => self.wizard = None,
            wizard::Outcome::Finish(set) => {
                self.wizard = None;
                let mut doc = Document::new(*set, None);
                doc.force_unsaved();
                self.replace_document(doc);
            }
        }
    }

    fn handle_input(&mut self, ctx: &egui::Context) {
        let typing = ctx.egui_wants_keyboard_input();
        let inspecting = self.view == View::Inspect && self.session.is_some();
        if self.modal.is_none() {
            for binding in &command::BINDINGS {
                let live = match binding.scope {
                    Scope::Always => true,
                    Scope::NotTyping => !typing,
                    Scope::Inspecting => inspecting && !typing,
                };
                if !live {
                    continue;
                }
                let pressed = binding
                    .keys
                    .iter()
                    .find(|s| ctx.input_mut(|i| i.consume_shortcut(s)));
                if let Some(shortcut) = pressed {
                    if shortcut.logical_key == egui::Key::Tab {
                        // Tab moves between standards here, not the keyboard
                        // focus (which would land in the note field).
                        ctx.memory_mut(|m| m.move_focus(egui::FocusDirection::None));
                    }
                    self.run(binding.command.clone());
                }
            }
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            self.run(Command::OpenPath(path));
        }
        if ctx.input(|i| i.viewport().close_requested()) && !self.quit_confirmed {
            if self.doc.is_dirty() {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.modal = Some(Modal::Unsaved(Then::Quit));
            } else {
                self.quit_confirmed = true;
            }
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let name = if self.doc.path.is_some() {
            self.doc.display_name()
        } else {
            format!("{} ({})", self.doc.display_name(), self.texts().sample)
        };
        let title = format!(
            "servstd — {name}{}",
            if self.doc.is_dirty() { " •" } else { "" }
        );
        if title != self.title_sent {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title_sent = title;
        }
    }

    /// The window title as last set.
    #[must_use]
    pub fn title(&self) -> &str {
        &self.title_sent
    }

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
            Command::New | Command::NewFromTemplate(_) | Command::Open | Command::OpenPath(_)
        );
        if needs_clean_slate && self.doc.is_dirty() {
            self.modal = Some(Modal::Unsaved(Then::Run(command)));
            return;
        }
        self.execute_unguarded(command);
    }

    fn execute_unguarded(&mut self, command: Command) {
        match command {
            Command::New => {
                self.wizard = Some(Wizard::blank(
                    self.state.ui_language,
                    crate::core::dates::today(),
                ));
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
                let path = path_beside(&self.doc.set, self.doc.path.as_deref(), "-checklist.pdf");
                self.modal = Some(Modal::Export(ExportChoice {
                    format: crate::export::Format::Pdf,
                    layout: crate::export::Layout::Checklist,
                    paper: crate::export::Paper::A4,
                    path,
                    pages: None,
                    result: None,
                    open_after: false,
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
                self.focus_filter = true;
            }
            Command::Redo => self.doc.redo(),
            Command::AddContactPoint => {
                self.doc.checkpoint();
                let name = if self.state.ui_language == Language::En {
                    "New contact point"
                } else {
                    "新接触点"
                };
                let path = self.doc.set.add_contact_point(name);
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
                let name = match (parent, self.state.ui_language == Language::En) {
                    (ItemPath::ContactPoint(_), true) => "New step",
                    (ItemPath::ContactPoint(_), false) => "新步骤",
                    (ItemPath::Step(..), true) => "New key factor",
                    (ItemPath::Step(..), false) => "新关键要素",
                    (_, _) => "",
                };
                self.doc.checkpoint();
                let path = self.doc.set.add_child(parent, name);
                self.select(path);
            }
            Command::Duplicate => {
                if let Some(path) = self.selected_path() {
                    self.doc.checkpoint();
                    let copy = self.doc.set.duplicate(path);
                    self.select(copy);
                }
            }
            Command::Delete => {
                if let Some(path) = self.selected_path() {
                    self.doc.checkpoint();
                    self.doc.set.delete(path);
                    let siblings_left = path.index().checked_sub(1).map(|i| path.with_index(i));
                    let next = if self.doc.set.id_at(path).is_some() {
                        Some(path)
                    } else {
                        siblings_left.or(path.parent())
                    };
                    self.select(next);
                }
            }
            Command::MoveUp | Command::MoveDown => {
                if let Some(path) = self.selected_path() {
                    self.doc.checkpoint();
                    let delta = if command == Command::MoveUp { -1 } else { 1 };
                    let _ = self.doc.set.move_by(path, delta);
                }
            }
            Command::MoveOnto(from, onto) => {
                if let (Some(from), Some(onto)) =
                    (self.doc.set.locate(&from), self.doc.set.locate(&onto))
                {
                    self.doc.checkpoint();
                    if let Some(moved) = self.doc.set.move_onto(from, onto) {
                        self.select(Some(moved));
                    }
                }
            }
            Command::Select(id) => self.selected = Some(id),
            Command::ShowView(view) => self.show_view(view),
            Command::StartInspection => {
                self.session = None;
                self.start = Some(StartForm::new(
                    &self.doc.set,
                    self.doc.path.as_deref(),
                    crate::core::dates::today(),
                ));
                self.view = View::Inspect;
            }
            Command::BeginInspection => self.begin_inspection(),
            Command::ResumeInspection => self.choose_path(Purpose::ResumeInspection),
            Command::Verdict(verdict) => {
                if let Some(session) = &mut self.session {
                    session.answer(&self.doc.set, verdict);
                }
            }
            Command::InspectStep(delta) => {
                if let Some(session) = &mut self.session {
                    session.step(delta);
                }
            }
            Command::InspectGoTo(index) => {
                if let Some(session) = &mut self.session {
                    session.current = index.min(session.order.len().saturating_sub(1));
                }
            }
            Command::NextUnanswered => {
                if let Some(session) = &mut self.session {
                    session.jump_to_unanswered();
                }
            }
            Command::EditNote => {
                if let Some(session) = &mut self.session {
                    session.focus_note = true;
                }
            }
            Command::FinishInspection => {
                if let Some(session) = &mut self.session {
                    session.save();
                    session.finished = true;
                }
            }
            Command::CloseInspection => {
                if let Some(mut session) = self.session.take() {
                    session.save();
                    self.results.add(Some(session.path), session.record);
                }
                self.start = None;
                self.view = View::Standards;
            }
            Command::AddInspection => self.choose_path(Purpose::AddInspection),
            Command::ImportSurvey => self.choose_path(Purpose::ImportSurvey),
            Command::Report => {
                self.show_view(View::Results);
                let path = path_beside(&self.doc.set, self.doc.path.as_deref(), "-report.pdf");
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
        }
    }

    /// After the unsaved-changes prompt: go on with what was asked.
    pub fn continue_with(&mut self, then: Then) {
        match then {
            Then::Quit => {
                self.quit_requested = true;
                self.quit_confirmed = true;
            }
            Then::Run(command) => self.execute_unguarded(command),
        }
    }

    /// Saves, then goes on; when Save needs a path first, asks for it and stops there.
    pub fn save_then(&mut self, then: Then) {
        match self.doc.path.clone() {
            Some(path) => {
                if self.save_to(&path) {
                    self.continue_with(then);
                }
            }
            None => self.choose_path(Purpose::SaveAs),
        }
    }

    fn replace_document(&mut self, doc: Document) {
        self.doc = doc;
        self.selected = self.doc.set.contact_points.first().map(|cp| cp.id.clone());
    }

    /// Opens a file; on failure shows why and keeps the current document.
    pub fn open_path(&mut self, path: &Path) {
        match storage::load::<StandardsSet>(path) {
            Ok(loaded) => {
                self.replace_document(Document::new(loaded.document, Some(path.to_owned())));
                self.remember(path);
            }
            Err(err) => self.show_load_error(&err),
        }
    }

    fn show_load_error(&mut self, err: &LoadError) {
        self.modal = Some(Modal::Error {
            title: self.texts().cannot_open.to_owned(),
            body: err.to_string(),
        });
    }

    /// Saves atomically to `path`; on failure says so and leaves the file on disk as it was.
    pub fn save_to(&mut self, path: &Path) -> bool {
        let path = with_extension(path);
        match storage::save(&path, &self.doc.set) {
            Ok(()) => {
                self.doc.mark_saved(path.clone());
                self.discard_recovery();
                self.notice = Some(format!("{} {}", self.texts().saved_to, path.display()));
                self.remember(&path);
                true
            }
            Err(err) => {
                self.modal = Some(Modal::Error {
                    title: self.texts().cannot_save.to_owned(),
                    body: format!("{}: {err}", path.display()),
                });
                false
            }
        }
    }

    /// Makes the export and writes it atomically; returns a message for the dialog.
    pub fn export_to(&self, choice: &ExportChoice) -> Result<String, String> {
        let options = crate::export::Options {
            format: choice.format,
            layout: choice.layout,
            paper: choice.paper,
            contact_points: Vec::new(),
            language: None,
        };
        let bytes = crate::export::export(&self.doc.set, &options).map_err(|e| e.to_string())?;
        write_out(&choice.path, &bytes, choice.open_after)
    }

    /// The page count the PDF export would have, to show before writing.
    #[must_use]
    pub fn export_pages(&self, choice: &ExportChoice) -> Option<usize> {
        let options = crate::export::Options {
            format: crate::export::Format::Pdf,
            layout: choice.layout,
            paper: choice.paper,
            contact_points: Vec::new(),
            language: None,
        };
        let bytes = crate::export::export(&self.doc.set, &options).ok()?;
        lopdf::Document::load_mem(&bytes)
            .ok()
            .map(|d| d.get_pages().len())
    }

    /// Saves over a file that changed on disk, after the user said so.
    pub fn save_over_changed(&mut self) {
        if let Some(path) = self.doc.path.clone() {
            self.save_to(&path);
        }
    }

    fn remember(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.state.recent.retain(|p| p != &path);
        self.state.recent.insert(0, path);
        self.state.recent.truncate(10);
    }

    fn choose_path(&mut self, purpose: Purpose) {
        let no_portal = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none();
        if self.chooser == Chooser::PathField || no_portal {
            let note =
                (self.chooser == Chooser::Native).then(|| self.texts().path_no_portal.to_owned());
            let text = match purpose {
                Purpose::SaveAs => self.doc.path.as_ref().map_or_else(
                    || format!("{}{}", self.doc.set.title, storage::STANDARDS_EXTENSION),
                    |p| p.display().to_string(),
                ),
                Purpose::Open
                | Purpose::ResumeInspection
                | Purpose::AddInspection
                | Purpose::ImportSurvey => String::new(),
            };
            self.modal = Some(Modal::Path {
                purpose,
                text,
                note,
            });
            return;
        }
        let (tx, rx) = std::sync::mpsc::channel();
        let name = format!("{}{}", self.doc.set.title, storage::STANDARDS_EXTENSION);
        std::thread::spawn(move || {
            let dialog = rfd::FileDialog::new();
            let chosen = match purpose {
                Purpose::Open | Purpose::ResumeInspection | Purpose::AddInspection => {
                    dialog.add_filter("servstd", &["ron"]).pick_file()
                }
                Purpose::ImportSurvey => dialog.add_filter("CSV", &["csv", "txt"]).pick_file(),
                Purpose::SaveAs => dialog
                    .add_filter("servstd", &["ron"])
                    .set_file_name(name)
                    .save_file(),
            };
            let _ = tx.send(chosen);
        });
        self.pending_chooser = Some((purpose, rx));
    }

    /// Whether a native file chooser is open.
    #[must_use]
    pub fn waiting_for_chooser(&self) -> bool {
        self.pending_chooser.is_some()
    }

    /// Gives up on the native chooser and asks for a typed path.
    pub fn type_path_instead(&mut self) {
        if let Some((purpose, _)) = self.pending_chooser.take() {
            self.modal = Some(Modal::Path {
                purpose,
                text: String::new(),
                note: None,
            });
        }
    }

    fn poll_chooser(&mut self) {
        let Some((purpose, rx)) = &self.pending_chooser else {
            return;
        };
        let purpose = *purpose;
        match rx.try_recv() {
            Ok(chosen) => {
                self.pending_chooser = None;
                if let Some(path) = chosen {
                    self.path_chosen(purpose, &path);
                }
            }
            Err(TryRecvError::Empty) => {}
            Err(TryRecvError::Disconnected) => {
                self.pending_chooser = None;
                self.modal = Some(Modal::Path {
                    purpose,
                    text: String::new(),
                    note: Some(self.texts().path_no_portal.to_owned()),
                });
            }
        }
    }

    /// A path was chosen in a dialog or typed.
    pub fn path_chosen(&mut self, purpose: Purpose, path: &Path) {
        match purpose {
            Purpose::Open => self.open_path(path),
            Purpose::SaveAs => {
                self.save_to(path);
            }
            Purpose::ResumeInspection => self.resume_inspection(path),
            Purpose::AddInspection => {
                match storage::load::<crate::core::inspection::Inspection>(path) {
                    Ok(loaded) => self.results.add(Some(path.to_owned()), loaded.document),
                    Err(e) => self.show_error(&e.to_string()),
                }
            }
            Purpose::ImportSurvey => match crate::core::inspection::survey::load(path) {
                Ok(survey) => {
                    self.results.survey = survey;
                    self.results.invalidate();
                    self.results.survey_file = Some(path.to_owned());
                }
                Err(error) => self.show_error(&error.to_string()),
            },
        }
    }

    fn show_error(&mut self, body: &str) {
        self.modal = Some(Modal::Error {
            title: crate::core::i18n::inspect_texts(self.state.ui_language)
                .error_title
                .to_owned(),
            body: body.to_owned(),
        });
    }

    /// Switches the central view; the results are gathered again for the open set.
    pub fn show_view(&mut self, view: View) {
        if view == View::Results {
            // The set may have been edited since: score again.
            self.results.invalidate();
            let key = (self.doc.path.clone(), self.doc.set.title.clone());
            if self.results.gathered_for.as_ref() != Some(&key) {
                self.results.gather(&self.doc.set, self.doc.path.as_deref());
            }
            if let Some(session) = &self.session {
                self.results
                    .add(Some(session.path.clone()), session.record.clone());
            }
        }
        if view == View::Inspect && self.session.is_none() && self.start.is_none() {
            self.start = Some(StartForm::new(
                &self.doc.set,
                self.doc.path.as_deref(),
                crate::core::dates::today(),
            ));
        }
        self.view = view;
    }

    /// Starts the inspection the form describes: the record is written at once.
    fn begin_inspection(&mut self) {
        let Some(form) = &mut self.start else {
            return;
        };
        let path = PathBuf::from(form.path.trim());
        let name_ok = path
            .to_string_lossy()
            .ends_with(crate::core::inspection::EXTENSION);
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
        let record = form.record(&self.doc.set, self.doc.path.as_deref(), &path, now);
        let mut session = Session::new(record, path, &self.doc.set);
        session.save();
        if let Some(error) = session.save_error.take() {
            form.error = Some(error);
            return;
        }
        self.start = None;
        self.session = Some(session);
        self.view = View::Inspect;
    }

    /// Carries on with a saved inspection of the open set (or opens its set first).
    pub fn resume_inspection(&mut self, path: &Path) {
        let record = match storage::load::<crate::core::inspection::Inspection>(path) {
            Ok(loaded) => loaded.document,
            Err(e) => return self.show_error(&e.to_string()),
        };
        let (set, set_path) = match record.resolve_set(path) {
            Ok(found) => found,
            Err(message) => return self.show_error(&message),
        };
        let same_file = match (&set_path, &self.doc.path) {
            (Some(a), Some(b)) => std::fs::canonicalize(a).ok() == std::fs::canonicalize(b).ok(),
            (None, None) => set.title == self.doc.set.title,
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
        self.start = None;
        self.session = Some(Session::new(record, path.to_owned(), &self.doc.set));
        self.view = View::Inspect;
    }

    /// Writes the report of the inspections in the results view.
    ///
    /// # Errors
    /// A message saying why nothing was written.
    pub fn report_to(&self, choice: &ReportChoice) -> Result<String, String> {
        use crate::export::report;
        let reports: Vec<_> = self
            .results
            .inspections
            .iter()
            .map(|(_, inspection)| report::Reported {
                set: &self.doc.set,
                inspection,
            })
            .collect();
        let lang = self.doc.set.language;
        let bytes = match choice.format {
            crate::export::Format::Pdf => report::pdf(
                &reports,
                &self.results.survey,
                crate::export::Paper::A4,
                lang,
            )
            .map_err(|e| e.to_string())?,
            crate::export::Format::Csv => report::csv(&reports, lang),
            crate::export::Format::Xlsx => {
                report::xlsx(&reports, lang).map_err(|e| e.to_string())?
            }
        };
        write_out(&choice.path, &bytes, choice.open_after)
    }
}

/// Writes an export or report atomically to the typed path, opens it when
/// asked, and returns the dialog's message.
fn write_out(path: &str, bytes: &[u8], open_after: bool) -> Result<String, String> {
    let path = PathBuf::from(path.trim());
    storage::write_atomic(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    if open_after {
        open_in_viewer(&path);
    }
    Ok(format!(
        "{} ({} KB)",
        path.display(),
        bytes.len().div_ceil(1024)
    ))
}

/// A file beside the set's file, named after it (or after its title when it
/// was never saved): `path_beside(set, Some("a/shop.standards.ron"), "-report.pdf")`
/// is `a/shop-report.pdf`.
#[must_use]
pub fn path_beside(set: &StandardsSet, set_path: Option<&Path>, suffix: &str) -> String {
    let stem = set_path.and_then(Path::file_name).map_or_else(
        || set.title.clone(),
        |n| {
            n.to_string_lossy()
                .trim_end_matches(storage::STANDARDS_EXTENSION)
                .to_owned()
        },
    );
    let dir = set_path.and_then(Path::parent).unwrap_or(Path::new(""));
    dir.join(format!("{stem}{suffix}")).display().to_string()
}

/// Opens a written file in the desktop's viewer; failing to is not an error
/// worth a dialog (the file is written and its path shown).
pub fn open_in_viewer(path: &Path) {
    if std::env::var_os("SERVSTD_NO_OPEN").is_none() {
        let _ = open::that_detached(path);
    }
}

/// Adds `.standards.ron` to a path typed without it.
fn with_extension(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
    {
        path.to_owned()
    } else {
        path.with_file_name(format!("{name}{}", storage::STANDARDS_EXTENSION))
    }
}

impl eframe::App for ServstdApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        ServstdApp::ui(self, ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.state);
    }
}

/// Applies the theme preference.
pub fn apply_theme(ctx: &egui::Context, theme: Theme) {
    ctx.set_theme(match theme {
        Theme::Light => egui::ThemePreference::Light,
        Theme::Dark => egui::ThemePreference::Dark,
        Theme::System => egui::ThemePreference::System,
    });
}
