//! What the app and its views share: the open [`Document`], the
//! [`Command`]s a user gives and the [`Reply`]s dialogs give, the modal
//! dialog's state and the preferences. The app runs commands over this
//! state and the views draw it; neither module imports the other's
//! internals through here, so the arrows go app → views → state.

pub mod command;
pub mod document;
pub mod modal;
pub mod prefs;
pub mod recovery;

pub use command::{BINDINGS, Binding, Command, Queued, Reply, Scope};
pub use document::{Document, Standing};
pub use modal::{
    ApproveChoice, Chooser, Comparison, ExportChoice, JobKind, Modal, PhotoFor, Purpose,
    ReportChoice, Then,
};
pub use prefs::{AppState, LastVisit, SMALLEST, Theme, apply_theme, set_key};
pub use recovery::{Recovered, Recovery};

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
    /// Corrective actions of the records beside the set.
    Actions,
    /// Every site of the chain: league table, heat map, failing most, quadrant.
    Chain,
    /// Asking the customers: the survey plan, questionnaire and responses.
    Survey,
}
