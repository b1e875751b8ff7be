//! One `Command` enum drives menu items, buttons and keyboard shortcuts.
//! Views queue commands while drawing; the app runs them at the end of the frame.

use egui::{Key, KeyboardShortcut, Modifiers};

#[derive(Clone, Debug, PartialEq, Eq)]
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
    /// Switch the central view: standards, inspection, results.
    ShowView(super::View),
    /// Open the form that starts an inspection of the open set.
    StartInspection,
    /// Start the inspection the form describes.
    BeginInspection,
    ResumeInspection,
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
    FinishInspection,
    CloseInspection,
    AddInspection,
    ImportSurvey,
    Report,
    ShowMethod,
    ShowShortcuts,
    ShowAbout,
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};

impl Command {
    /// The shortcuts that trigger the command, the first one shown in menus.
    #[must_use]
    pub fn shortcuts(&self) -> Vec<KeyboardShortcut> {
        const fn s(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
            KeyboardShortcut::new(modifiers, key)
        }
        match self {
            Self::New => vec![s(CTRL, Key::N)],
            Self::Open => vec![s(CTRL, Key::O)],
            Self::Save => vec![s(CTRL, Key::S)],
            Self::SaveAs => vec![s(CTRL_SHIFT, Key::S)],
            Self::Quit => vec![s(CTRL, Key::Q)],
            Self::Export => vec![s(CTRL, Key::E)],
            Self::Undo => vec![s(CTRL, Key::Z)],
            Self::Find => vec![s(CTRL, Key::F)],
            Self::Redo => vec![s(CTRL_SHIFT, Key::Z), s(CTRL, Key::Y)],
            Self::MoveUp => vec![s(Modifiers::ALT, Key::ArrowUp)],
            Self::MoveDown => vec![s(Modifiers::ALT, Key::ArrowDown)],
            Self::Delete => vec![s(Modifiers::NONE, Key::Delete)],
            _ => Vec::new(),
        }
    }

    /// Commands that have shortcuts, most specific first (Ctrl+Shift+S before Ctrl+S).
    pub const WITH_SHORTCUTS: [Self; 12] = [
        Self::SaveAs,
        Self::Redo,
        Self::New,
        Self::Open,
        Self::Save,
        Self::Quit,
        Self::Export,
        Self::Undo,
        Self::Find,
        Self::MoveUp,
        Self::MoveDown,
        Self::Delete,
    ];

    /// Whether the shortcut should fire while a text field has keyboard focus.
    #[must_use]
    pub fn works_while_typing(&self) -> bool {
        !matches!(self, Self::Delete | Self::Undo | Self::Redo)
    }
}
