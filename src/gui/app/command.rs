//! One `Command` enum drives menu items, buttons and keyboard shortcuts.
//! Views queue commands while drawing; the app runs them at the end of the frame.
//!
//! [`BINDINGS`] is the one registry of keys: the keyboard handler, the
//! shortcut text in menus, Help › Keyboard shortcuts and the key hint of
//! inspect mode are all read from it.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::core::i18n::Words;
use crate::core::inspection::Verdict;

#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    New,
    NewFromTemplate(&'static str),
    Open,
    OpenPath(std::path::PathBuf),
    Save,
    SaveAs,
    Export,
    Quit,
    Undo,
    Redo,
    Find,
    AddContactPoint,
    AddChild,
    Duplicate,
    Delete,
    MoveUp,
    MoveDown,
    /// Drag and drop in the tree: move the first item (by ID) onto the second.
    MoveOnto(String, String),
    Select(String),
    /// Select the set itself: its details in the editor.
    SelectSet,
    /// Switch the central view: standards, inspection, results.
    ShowView(super::View),
    /// Open the form that starts an inspection of the open set.
    StartInspection,
    /// Start the inspection the form describes.
    BeginInspection,
    ResumeInspection,
    /// Resume a record chosen by path rather than from the list.
    ResumeOther,
    /// Inspect mode: the verdict on the current standard (keys 1, 2, 3).
    Verdict(crate::core::inspection::Verdict),
    /// Inspect mode: move by this many standards (arrows, Tab).
    InspectStep(isize),
    /// Inspect mode: go to the standard at this position.
    InspectGoTo(usize),
    /// Inspect mode: the next standard without an answer (U).
    NextUnanswered,
    /// Inspect mode: write a note on the current standard (N).
    EditNote,
    /// Inspect mode: a corrective action for the current failed standard (A).
    AddAction,
    /// Choose photos for the current standard (inspect mode) or a fix.
    AttachPhotos(super::PhotoFor),
    /// Store these photos for the current standard or a fix.
    AttachPhotoFiles(super::PhotoFor, Vec<std::path::PathBuf>),
    /// The actions view: a follow-up visit of this site, checking only the
    /// standards with open actions there.
    ReinspectOpen(String),
    /// The actions board: open the record of file `0` at standard `1`.
    OpenVerdict(usize, String),
    /// The results view: open the record at `0` at failed standard `1` and
    /// raise its action (or go to the one it has).
    ActionFor(std::path::PathBuf, String),
    /// Inspect mode: verify the open action (file, ID) whose standard passed.
    VerifyFollowUp(usize, String),
    FinishInspection,
    /// Finish now: after the question when standards are not checked (a
    /// partial inspection), at once otherwise.
    FinishConfirmed,
    /// Delete the selected item without asking (after the question).
    DeleteConfirmed,
    CloseInspection,
    AddInspection,
    ImportSurvey,
    Report,
    ShowMethod,
    ShowShortcuts,
    ShowAbout,
    /// Dialogs' answers, run after the frame like every other command.
    SaveThen(Box<super::Then>),
    ContinueWith(Box<super::Then>),
    PathChosen(super::Purpose, std::path::PathBuf),
    SaveOverChanged,
    /// The unsaved-changes dialog was cancelled: a quit asked for is off.
    CancelQuit,
    Restore(Box<super::Recovered>),
    DiscardRecovery,
    TypePathInstead,
    /// Render the export the dialog describes and count its pages.
    CountPages(super::ExportChoice),
    /// Write the export or report the dialog describes, on a thread.
    WriteExport(super::ExportChoice),
    WriteReport(super::ReportChoice),
    SetLanguage(crate::core::model::Language),
    /// File › Approve…: the dialog.
    Approve,
    /// Approve as the dialog says.
    ApproveConfirmed(super::ApproveChoice),
    /// Make a draft of the next revision of an approved set, then run the
    /// edit that asked for it, if any.
    StartDraft(Option<Box<Command>>),
    /// The question before editing an approved set (the editor's button).
    AskToStartDraft,
    /// File › Compare with…: choose the other revision.
    CompareWith,
    SetTheme(super::Theme),
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};
const NONE: Modifiers = Modifiers::NONE;

const fn key(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

/// Where a key binding is live.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Anywhere, even while a text field has the keyboard.
    Always,
    /// Anywhere but while typing (Delete, Undo and Redo belong to the field then).
    NotTyping,
    /// In inspect mode with an inspection open, while not typing.
    Inspecting,
}

/// A command's keys and what Help says it does.
pub struct Binding {
    pub command: Command,
    /// The first is the one menus show.
    pub keys: &'static [KeyboardShortcut],
    pub scope: Scope,
    pub help: fn(&'static Words) -> &'static str,
}

/// Every key binding, most specific first (Ctrl+Shift+S before Ctrl+S,
/// Shift+Tab before Tab), since the first binding to consume a key wins.
pub static BINDINGS: [Binding; 21] = [
    Binding {
        command: Command::SaveAs,
        keys: &[key(CTRL_SHIFT, Key::S)],
        scope: Scope::Always,
        help: |w| w.window.save_as,
    },
    Binding {
        command: Command::Redo,
        keys: &[key(CTRL_SHIFT, Key::Z), key(CTRL, Key::Y)],
        scope: Scope::NotTyping,
        help: |w| w.window.redo,
    },
    Binding {
        command: Command::New,
        keys: &[key(CTRL, Key::N)],
        scope: Scope::Always,
        help: |w| w.window.help_new_set,
    },
    Binding {
        command: Command::Open,
        keys: &[key(CTRL, Key::O)],
        scope: Scope::Always,
        help: |w| w.window.open,
    },
    Binding {
        command: Command::Save,
        keys: &[key(CTRL, Key::S)],
        scope: Scope::Always,
        help: |w| w.window.save,
    },
    Binding {
        command: Command::Find,
        keys: &[key(CTRL, Key::F)],
        scope: Scope::Always,
        help: |w| w.window.help_find,
    },
    Binding {
        command: Command::Export,
        keys: &[key(CTRL, Key::E)],
        scope: Scope::Always,
        help: |w| w.window.export,
    },
    Binding {
        command: Command::Undo,
        keys: &[key(CTRL, Key::Z)],
        scope: Scope::NotTyping,
        help: |w| w.window.undo,
    },
    Binding {
        command: Command::MoveUp,
        keys: &[key(Modifiers::ALT, Key::ArrowUp)],
        scope: Scope::Always,
        help: |w| w.window.help_move_up,
    },
    Binding {
        command: Command::MoveDown,
        keys: &[key(Modifiers::ALT, Key::ArrowDown)],
        scope: Scope::Always,
        help: |w| w.window.help_move_down,
    },
    Binding {
        command: Command::Delete,
        keys: &[key(NONE, Key::Delete)],
        scope: Scope::NotTyping,
        help: |w| w.window.help_delete,
    },
    Binding {
        command: Command::Quit,
        keys: &[key(CTRL, Key::Q)],
        scope: Scope::Always,
        help: |w| w.window.quit,
    },
    Binding {
        command: Command::Verdict(Verdict::Pass),
        keys: &[key(NONE, Key::Num1)],
        scope: Scope::Inspecting,
        help: |w| w.inspect.key_pass,
    },
    Binding {
        command: Command::Verdict(Verdict::Fail),
        keys: &[key(NONE, Key::Num2)],
        scope: Scope::Inspecting,
        help: |w| w.inspect.key_fail,
    },
    Binding {
        command: Command::Verdict(Verdict::NotApplicable),
        keys: &[key(NONE, Key::Num3)],
        scope: Scope::Inspecting,
        help: |w| w.inspect.key_na,
    },
    Binding {
        command: Command::EditNote,
        keys: &[key(NONE, Key::N)],
        scope: Scope::Inspecting,
        help: |w| w.inspect.key_note,
    },
    Binding {
        command: Command::AddAction,
        keys: &[key(NONE, Key::A)],
        scope: Scope::Inspecting,
        help: |w| w.window.actions.heading,
    },
    Binding {
        command: Command::NextUnanswered,
        keys: &[key(NONE, Key::U)],
        scope: Scope::Inspecting,
        help: |w| w.inspect.key_unanswered,
    },
    Binding {
        command: Command::InspectStep(-1),
        keys: &[key(Modifiers::SHIFT, Key::Tab), key(NONE, Key::ArrowUp)],
        scope: Scope::Inspecting,
        help: |w| w.inspect.key_previous,
    },
    Binding {
        command: Command::InspectStep(1),
        keys: &[key(NONE, Key::Tab), key(NONE, Key::ArrowDown)],
        scope: Scope::Inspecting,
        help: |w| w.inspect.key_next,
    },
    Binding {
        command: Command::ShowShortcuts,
        keys: &[key(NONE, Key::F1)],
        scope: Scope::NotTyping,
        help: |w| w.window.shortcuts,
    },
];

impl Command {
    /// The keys bound to the command, the first one shown in menus.
    #[must_use]
    pub fn shortcuts(&self) -> &'static [KeyboardShortcut] {
        BINDINGS
            .iter()
            .find(|b| &b.command == self)
            .map_or(&[], |b| b.keys)
    }
}
