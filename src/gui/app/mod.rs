//! The desktop window's app: the frame loop, running commands and replies,
//! files, background jobs and choosers. It owns the views (each with its
//! own state) and the shared state in [`crate::gui::state`]; views never
//! import this module.

mod chain;
mod execute;
mod files;
mod inspecting;
mod jobs;
mod revisions;

use std::path::{Path, PathBuf};
use std::sync::mpsc::Receiver;

pub use files::open_in_viewer;

use crate::core::model::ItemPath;
use crate::core::templates;
use crate::gui::state::{
    AppState, BINDINGS, Chooser, Command, Document, ExportChoice, Modal, PhotoFor, Purpose, Queued,
    Recovered, Recovery, Reply, ReportChoice, Scope, Theme, Then, View, apply_theme, recovery,
};
use crate::gui::views as ui;
use crate::gui::views::actions::Board;
use crate::gui::views::inspect::{Inspect, Session, StartForm};
use crate::gui::views::results::Results;
use crate::gui::views::wizard::{self, Wizard};

/// How many executed commands [`ServstdApp::history`] keeps.
pub const HISTORY_LEN: usize = 32;

pub struct ServstdApp {
    pub state: AppState,
    pub doc: Document,
    /// The ID of the selected item; IDs survive reordering, positions do not.
    pub selected: Option<String>,
    pub modal: Option<Modal>,
    /// The journey tree and its filter.
    pub tree: ui::tree::TreeView,
    pub chooser: Chooser,
    pending_chooser: Option<(Purpose, Receiver<Option<PathBuf>>)>,
    /// An export or report being written on its own thread.
    job: Option<jobs::Job>,
    /// The theme last given to egui, to apply a new choice once.
    applied_theme: Option<Theme>,
    /// The interface language whose CJK face egui was last given (Noto
    /// Sans CJK TC for traditional Chinese, SC otherwise).
    applied_fonts: Option<crate::core::model::Language>,
    /// Commands and replies given this frame, run at its end.
    queue: Vec<Queued>,
    /// The last commands executed, newest last: what a bug report or a test
    /// reads to see what a key or a click did.
    history: std::collections::VecDeque<Command>,
    /// A short message in the status bar, e.g. "Saved to …", with the
    /// document's revision when it was given: an edit makes it stale (a
    /// "Saved to" beside "Unsaved" would contradict itself), so it goes.
    notice: Option<(String, u64)>,
    title_sent: String,
    quit_confirmed: bool,
    pub quit_requested: bool,
    /// What waits on a Save As asked for by "Save" in the unsaved-changes
    /// prompt (quitting, opening another file): done once the save worked.
    after_save: Option<Then>,
    /// The guided start, while it is open.
    pub wizard: Option<Wizard>,
    /// The corrective actions beside the set.
    pub board: Board,
    /// The open actions a follow-up visit being set up will check.
    follow_up: Vec<(usize, String, String)>,
    /// The desktop's chooser of photos (several at once), while open.
    photo_chooser: Option<(PhotoFor, std::sync::mpsc::Receiver<Vec<PathBuf>>)>,
    /// Where unsaved work is autosaved; `None` turns autosave off (tests).
    pub recovery: Option<Recovery>,
    last_autosave_secs: f64,
    recovery_written: bool,
    /// Standards, inspection or results.
    pub view: View,
    /// Inspect mode: the running inspection or the form that starts one.
    pub inspect: Inspect,
    pub results: Results,
    /// Every site of the set's chain.
    pub chain: ui::chain::ChainView,
    /// The customer survey of the open set.
    pub survey: crate::gui::views::survey::SurveyView,
}

impl ServstdApp {
    /// The window on the embedded sample with the first contact point selected.
    #[must_use]
    pub fn with_sample(state: AppState) -> Self {
        Self::with_document(state, Document::new(templates::default_sample(), None))
    }

    #[must_use]
    pub fn with_document(state: AppState, doc: Document) -> Self {
        let selected = doc.set().contact_points.first().map(|cp| cp.id.clone());
        let board = Board::gather(doc.path.as_deref(), doc.has_sample_records());
        Self {
            state,
            doc,
            selected,
            modal: None,
            tree: ui::tree::TreeView::default(),
            chooser: Chooser::PathField,
            pending_chooser: None,
            job: None,
            applied_theme: None,
            applied_fonts: None,
            queue: Vec::new(),
            history: std::collections::VecDeque::new(),
            notice: None,
            title_sent: String::new(),
            quit_confirmed: false,
            quit_requested: false,
            after_save: None,
            wizard: None,
            board,
            photo_chooser: None,
            follow_up: Vec::new(),
            recovery: None,
            last_autosave_secs: 0.0,
            recovery_written: false,
            view: View::Standards,
            inspect: Inspect::default(),
            results: Results::default(),
            chain: ui::chain::ChainView::default(),
            survey: crate::gui::views::survey::SurveyView::default(),
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
                    .write(self.doc.set(), self.doc.path.as_deref())
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
    /// The window started with no file named: the file the user was last
    /// working on, if it is still there; otherwise (a newcomer) the sample
    /// in the interface's language. File › Open the sample goes back to it.
    #[must_use]
    pub fn at_start(state: AppState) -> Self {
        match state.recent.first().filter(|p| p.is_file()).cloned() {
            Some(last) => {
                let mut app = Self::with_file(state, &last);
                // Unreadable now: the sample in the user's language, not an error.
                if app.doc.path.is_none() {
                    app.modal = None;
                    app.execute(Command::OpenSample);
                }
                app
            }
            None => {
                let sample = templates::sample_for(state.ui_language).set();
                Self::with_document(state, Document::new(sample, None))
            }
        }
    }

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
    /// Whether the window is closing: quitting was asked and nothing unsaved is left.
    #[must_use]
    pub fn closing(&self) -> bool {
        self.quit_requested && self.quit_confirmed
    }

    pub fn run(&mut self, command: Command) {
        self.queue.push(Queued::Command(command));
    }

    /// Queues a dialog's answer to run at the end of the frame.
    pub fn answer(&mut self, reply: Reply) {
        self.queue.push(Queued::Reply(reply));
    }

    /// The path of the selected item, if it still exists.
    #[must_use]
    pub fn selected_path(&self) -> Option<ItemPath> {
        self.selected
            .as_deref()
            .and_then(|id| self.doc.set().locate(id))
    }

    fn select(&mut self, path: Option<ItemPath>) {
        self.selected = path
            .and_then(|p| self.doc.set().id_at(p))
            .map(str::to_owned);
    }

    /// Draws one frame. Shared by the real window and the UI tests.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        // The face of the interface's script, before anything is laid out
        // (egui takes new fonts from the next pass on).
        if self.applied_fonts != Some(self.state.ui_language) {
            crate::gui::fonts::install(&ctx, self.state.ui_language);
            self.applied_fonts = Some(self.state.ui_language);
            ctx.request_repaint();
        }
        self.handle_input(&ctx);
        let mut out = Vec::new();
        let mut cx = ui::Cx::new(self.state.ui_language, &mut out);
        let has_selection = self.selected_path().is_some();
        ui::menu::show(ui, &mut cx, &self.state, &self.doc, has_selection);
        if self.wizard.is_some() {
            self.show_wizard(ui);
        } else {
            let notice = self.notice().map(str::to_owned);
            // The chain's sites in view: the overdue actions of those
            // sites, as its table counts them; else the board's.
            let overdue = match self.chain.overdue() {
                Some(n) if self.view == View::Chain => n,
                _ => self.board.overdue(crate::core::dates::today()),
            };
            ui::status::show(ui, &cx, &mut self.doc, notice.as_deref(), overdue);
            ui::inspect::tabs::show(ui, &mut cx, self.view, self.inspect.session.as_ref());
            match self.view {
                View::Standards => {
                    let selected_path = self.selected_path();
                    let selected = self.selected.as_deref();
                    ui::findings::show(ui, &mut cx, &mut self.doc, selected);
                    self.tree.ui(ui, &mut cx, &mut self.doc, selected);
                    ui::editor::show(ui, &mut cx, &mut self.doc, selected_path);
                }
                View::Inspect => self.inspect.ui(ui, &mut cx, self.doc.set()),
                View::Results => self.results.ui(ui, &mut cx, &self.doc),
                View::Actions => self.board.ui(ui, &mut cx, self.doc.set()),
                View::Chain => self
                    .chain
                    .ui(ui, &mut cx, self.doc.set(), self.doc.revision()),
                View::Survey => self.survey.ui(ui, &mut cx, &self.doc),
            }
        }
        let waiting = self.waiting_for_chooser();
        let job = self.job_running();
        let mut cx = ui::Cx::new(self.state.ui_language, &mut out);
        ui::dialogs::show(&ctx, &mut cx, &mut self.modal, waiting, job);
        self.queue.append(&mut out);
        self.poll_chooser();
        self.poll_job();
        if self.results.poll()
            && let Some(session) = &self.inspect.session
        {
            // The running inspection counts too, as it stands now.
            self.results
                .add(Some(session.path.clone()), session.record.clone());
        }
        if let Some(session) = &mut self.inspect.session {
            session.poll_photos(self.doc.set());
        }
        self.board.poll_photos();
        if let Some((to, rx)) = &self.photo_chooser
            && let Ok(chosen) = rx.try_recv()
        {
            let to = *to;
            self.photo_chooser = None;
            if !chosen.is_empty() {
                self.answer(Reply::AttachPhotoFiles(to, chosen));
            }
        }
        let attaching = self
            .inspect
            .session
            .as_ref()
            .is_some_and(|s| !s.attaching.is_empty())
            || self.board.is_attaching();
        if attaching || self.photo_chooser.is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        if self.chain.poll() {
            self.chain_read();
        }
        if self.job.is_some() || self.results.gathering() || self.chain.reading() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        let queued = std::mem::take(&mut self.queue);
        // When egui discards this pass it runs the frame again with the same
        // input, which queues the same clicks and keys again: run them once,
        // in the pass that is kept.
        if !ctx.will_discard() && !queued.is_empty() {
            for next in queued {
                match next {
                    Queued::Command(command) => self.execute(command),
                    Queued::Reply(reply) => self.answer_now(reply),
                }
            }
            // Commands run after drawing: show what they changed.
            ctx.request_repaint();
        }
        if self.applied_theme != Some(self.state.theme) {
            apply_theme(&ctx, self.state.theme);
            self.applied_theme = Some(self.state.theme);
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
                ui.set_max_width(ui.available_width().min(1400.0));
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
        let inspecting = self.view == View::Inspect && self.inspect.session.is_some();
        if self.modal.is_none() {
            for binding in &BINDINGS {
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
        // Photos dropped on the inspect screen attach to the current
        // standard; a document dropped anywhere opens.
        let is_document = |p: &PathBuf| {
            crate::core::storage::FileKind::of(p)
                .is_some_and(crate::core::storage::FileKind::is_document)
        };
        if self.view == View::Inspect
            && self.inspect.session.is_some()
            && !dropped.is_empty()
            && !dropped.iter().any(is_document)
        {
            self.answer(Reply::AttachPhotoFiles(PhotoFor::Verdict, dropped));
        } else if let Some(path) = dropped.into_iter().next() {
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
        let name = match self.doc.origin(self.texts()) {
            Some(origin) => format!("{} ({origin})", self.doc.display_name()),
            None => self.doc.display_name(),
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

    /// Says `text` in the status bar until the document changes.
    pub(super) fn notify(&mut self, text: String) {
        self.notice = Some((text, self.doc.revision()));
    }

    /// The status bar's message, if it still holds.
    #[must_use]
    pub fn notice(&self) -> Option<&str> {
        self.notice
            .as_ref()
            .filter(|(_, revision)| *revision == self.doc.revision())
            .map(|(text, _)| text.as_str())
    }

    pub(super) fn show_error(&mut self, body: &str) {
        self.modal = Some(Modal::Error {
            title: crate::core::i18n::inspect_texts(self.state.ui_language)
                .error_title
                .to_owned(),
            body: body.to_owned(),
        });
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
