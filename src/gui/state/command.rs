//! One `Command` enum drives menu items, buttons and keyboard shortcuts; a
//! [`Reply`] is what a dialog answers. Views queue both while drawing; the
//! app runs them at the end of the frame.
//!
//! A command knows its words and keys here, in one place: [`Command::label`]
//! (what a menu item or button says), [`Command::tooltip`] (what Help says it
//! does) and [`Command::shortcuts`]. [`BINDINGS`] is the one registry of keys:
//! the keyboard handler, the shortcut text in menus, Help › Keyboard
//! shortcuts and the key hint of inspect mode are all read from it.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::{
    ApproveChoice, ExportChoice, PhotoFor, Purpose, Recovered, ReportChoice, Theme, Then, View,
};
use crate::core::i18n::Words;
use crate::core::inspection::Verdict;

#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    New,
    NewFromTemplate(&'static str),
    Open,
    OpenPath(std::path::PathBuf),
    /// The built-in sample in the interface's language: the way back to it
    /// once the window reopens the last file.
    OpenSample,
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
    ShowView(View),
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
    AttachPhotos(PhotoFor),
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
    CloseInspection,
    AddInspection,
    ImportSurvey,
    /// Inspection › Import filled checklist…: a checklist PDF form filled
    /// in a viewer becomes a record of the open set.
    ImportFilledChecklist,
    Report,
    ShowMethod,
    ShowShortcuts,
    ShowAbout,
    SetLanguage(crate::core::model::Language),
    /// File › Approve…: the dialog.
    Approve,
    /// The question before editing an approved set (the editor's button).
    AskToStartDraft,
    /// File › Compare with…: choose the other revision.
    CompareWith,
    SetTheme(Theme),
    /// File › Open the sample chain: the sample set and its chain view.
    OpenSampleChain,
    /// Choose a folder of records for the chain and the results.
    ChooseRecordsFolder,
    /// The chain view: the site's visits in the results, this one (an
    /// index into the chain's records) selected.
    ChainVisit(usize),
}

/// What waits in the app's queue for the end of the frame, in the order given.
#[derive(Clone, Debug, PartialEq)]
pub enum Queued {
    Command(Command),
    Reply(Reply),
}

/// A dialog's answer (or a chooser's, or a drop's): not something a user
/// asks for from a menu or a key, but the next step of a question the app
/// asked. Run after the frame like commands, never recorded as one.
#[derive(Clone, Debug, PartialEq)]
pub enum Reply {
    /// Unsaved changes: save, then go on.
    SaveThen(Box<Then>),
    /// Unsaved changes: discard them and go on.
    ContinueWith(Box<Then>),
    /// The unsaved-changes dialog was cancelled: a quit asked for is off.
    CancelQuit,
    PathChosen(Purpose, std::path::PathBuf),
    /// The desktop's chooser does not come: ask for a typed path.
    TypePathInstead,
    /// The file changed on disk since it was opened: save over it anyway.
    SaveOverChanged,
    Restore(Box<Recovered>),
    DiscardRecovery,
    /// Store these photos (chosen or dropped) for the current standard or a fix.
    AttachPhotoFiles(PhotoFor, Vec<std::path::PathBuf>),
    /// Render the export the dialog describes and count its pages.
    CountPages(ExportChoice),
    /// Write the export or report the dialog describes, on a thread.
    WriteExport(ExportChoice),
    WriteReport(ReportChoice),
    /// Approve as the dialog says.
    ApproveConfirmed(ApproveChoice),
    /// Make a draft of the next revision of an approved set, then run the
    /// edit that asked for it, if any.
    StartDraft(Option<Box<Command>>),
    /// Delete the selected item without asking (after the question).
    DeleteConfirmed,
    /// Finish now: after the question when standards are not checked (a
    /// partial inspection), at once otherwise.
    FinishConfirmed,
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

/// A command's keys; what Help says of it is [`Command::tooltip`].
pub struct Binding {
    pub command: Command,
    /// The first is the one menus show.
    pub keys: &'static [KeyboardShortcut],
    pub scope: Scope,
}

/// Every key binding, most specific first (Ctrl+Shift+S before Ctrl+S,
/// Shift+Tab before Tab), since the first binding to consume a key wins.
pub static BINDINGS: [Binding; 21] = [
    Binding {
        command: Command::SaveAs,
        keys: &[key(CTRL_SHIFT, Key::S)],
        scope: Scope::Always,
    },
    Binding {
        command: Command::Redo,
        keys: &[key(CTRL_SHIFT, Key::Z), key(CTRL, Key::Y)],
        scope: Scope::NotTyping,
    },
    Binding {
        command: Command::New,
        keys: &[key(CTRL, Key::N)],
        scope: Scope::Always,
    },
    Binding {
        command: Command::Open,
        keys: &[key(CTRL, Key::O)],
        scope: Scope::Always,
    },
    Binding {
        command: Command::Save,
        keys: &[key(CTRL, Key::S)],
        scope: Scope::Always,
    },
    Binding {
        command: Command::Find,
        keys: &[key(CTRL, Key::F)],
        scope: Scope::Always,
    },
    Binding {
        command: Command::Export,
        keys: &[key(CTRL, Key::E)],
        scope: Scope::Always,
    },
    Binding {
        command: Command::Undo,
        keys: &[key(CTRL, Key::Z)],
        scope: Scope::NotTyping,
    },
    Binding {
        command: Command::MoveUp,
        keys: &[key(Modifiers::ALT, Key::ArrowUp)],
        scope: Scope::Always,
    },
    Binding {
        command: Command::MoveDown,
        keys: &[key(Modifiers::ALT, Key::ArrowDown)],
        scope: Scope::Always,
    },
    Binding {
        command: Command::Delete,
        keys: &[key(NONE, Key::Delete)],
        scope: Scope::NotTyping,
    },
    Binding {
        command: Command::Quit,
        keys: &[key(CTRL, Key::Q)],
        scope: Scope::Always,
    },
    Binding {
        command: Command::Verdict(Verdict::Pass),
        keys: &[key(NONE, Key::Num1)],
        scope: Scope::Inspecting,
    },
    Binding {
        command: Command::Verdict(Verdict::Fail),
        keys: &[key(NONE, Key::Num2)],
        scope: Scope::Inspecting,
    },
    Binding {
        command: Command::Verdict(Verdict::NotApplicable),
        keys: &[key(NONE, Key::Num3)],
        scope: Scope::Inspecting,
    },
    Binding {
        command: Command::EditNote,
        keys: &[key(NONE, Key::N)],
        scope: Scope::Inspecting,
    },
    Binding {
        command: Command::AddAction,
        keys: &[key(NONE, Key::A)],
        scope: Scope::Inspecting,
    },
    Binding {
        command: Command::NextUnanswered,
        keys: &[key(NONE, Key::U)],
        scope: Scope::Inspecting,
    },
    Binding {
        command: Command::InspectStep(-1),
        keys: &[key(Modifiers::SHIFT, Key::Tab), key(NONE, Key::ArrowUp)],
        scope: Scope::Inspecting,
    },
    Binding {
        command: Command::InspectStep(1),
        keys: &[key(NONE, Key::Tab), key(NONE, Key::ArrowDown)],
        scope: Scope::Inspecting,
    },
    Binding {
        command: Command::ShowShortcuts,
        keys: &[key(NONE, Key::F1)],
        scope: Scope::NotTyping,
    },
];

impl Command {
    /// What a menu item or a button running the command says, by name from
    /// the language tables; `None` for commands whose words come from their
    /// data (a template, a file, a language) or that no control shows.
    #[must_use]
    pub fn label(&self, w: &'static Words) -> Option<&'static str> {
        let (t, it) = (&w.window, &w.inspect);
        Some(match self {
            Self::New => t.new,
            Self::Open => t.open,
            Self::Save => t.save,
            Self::SaveAs => t.save_as,
            Self::Export => t.export,
            Self::OpenSample => t.open_sample,
            Self::Quit => t.quit,
            Self::Undo => t.undo,
            Self::Redo => t.redo,
            Self::Find => t.find,
            Self::AddContactPoint => t.add_contact_point,
            Self::Duplicate => t.duplicate,
            Self::Delete => t.delete,
            Self::MoveUp => t.move_up,
            Self::MoveDown => t.move_down,
            Self::Approve => t.revisions.approve,
            Self::CompareWith => t.revisions.compare_with,
            Self::ShowMethod => t.the_method,
            Self::ShowShortcuts => t.shortcuts,
            Self::ShowAbout => t.about,
            Self::StartInspection => it.new_inspection,
            Self::BeginInspection => it.start,
            Self::ResumeInspection => it.resume_inspection,
            Self::ShowView(View::Results) => it.results,
            Self::AddInspection => it.add_inspection,
            Self::ImportSurvey => it.import_survey,
            Self::ImportFilledChecklist => it.import_form,
            Self::Report => it.report,
            Self::Verdict(Verdict::Pass) => it.pass,
            Self::Verdict(Verdict::Fail) => it.fail,
            Self::Verdict(Verdict::NotApplicable) => it.na,
            Self::InspectStep(-1) => it.previous,
            Self::InspectStep(1) => it.next,
            Self::NextUnanswered => it.next_unanswered,
            Self::FinishInspection => t.finish,
            Self::CloseInspection => it.close,
            Self::SetTheme(Theme::Light) => t.theme_light,
            Self::SetTheme(Theme::Dark) => t.theme_dark,
            Self::SetTheme(Theme::System) => t.theme_system,
            Self::ShowView(View::Chain) => w.chain.title,
            Self::OpenSampleChain => w.chain.open_sample,
            Self::ChooseRecordsFolder => w.chain.open_folder,
            _ => return None,
        })
    }

    /// What Help › Keyboard shortcuts and inspect mode's key hint say the
    /// command does: a fuller sentence where the label alone says too little.
    #[must_use]
    pub fn tooltip(&self, w: &'static Words) -> Option<&'static str> {
        let (t, it) = (&w.window, &w.inspect);
        Some(match self {
            Self::New => t.help_new_set,
            Self::Find => t.help_find,
            Self::MoveUp => t.help_move_up,
            Self::MoveDown => t.help_move_down,
            Self::Delete => t.help_delete,
            Self::Verdict(Verdict::Pass) => it.key_pass,
            Self::Verdict(Verdict::Fail) => it.key_fail,
            Self::Verdict(Verdict::NotApplicable) => it.key_na,
            Self::EditNote => it.key_note,
            Self::AddAction => t.actions.heading,
            Self::NextUnanswered => it.key_unanswered,
            Self::InspectStep(-1) => it.key_previous,
            Self::InspectStep(1) => it.key_next,
            Self::ShowView(View::Chain) => w.chain.tooltip,
            Self::OpenSampleChain => w.chain.open_sample_tooltip,
            Self::ChooseRecordsFolder => w.chain.open_folder_tooltip,
            _ => return self.label(w),
        })
    }

    /// The keys bound to the command, the first one shown in menus.
    #[must_use]
    pub fn shortcuts(&self) -> &'static [KeyboardShortcut] {
        BINDINGS
            .iter()
            .find(|b| &b.command == self)
            .map_or(&[], |b| b.keys)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Language;

    #[test]
    fn every_bound_command_says_what_it_does_in_every_language() {
        for lang in Language::ALL {
            let w = crate::core::i18n::words(lang);
            for binding in &BINDINGS {
                let help = binding.command.tooltip(w);
                assert!(
                    help.is_some_and(|h| !h.is_empty()),
                    "{:?} has no help in {lang:?}",
                    binding.command
                );
                assert_eq!(binding.command.shortcuts(), binding.keys);
            }
        }
    }

    #[test]
    fn a_label_is_the_tooltip_unless_help_says_more() {
        let w = crate::core::i18n::words(Language::En);
        assert_eq!(Command::Save.tooltip(w), Command::Save.label(w));
        assert_ne!(Command::New.tooltip(w), Command::New.label(w));
        assert_eq!(Command::Select("S-1".into()).label(w), None);
    }
}
