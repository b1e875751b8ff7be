//! The modal dialogs' states and the choices they hold while open.

use super::{Command, Recovered, Reply};

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
    /// A checklist PDF form filled in a viewer.
    ImportFilledChecklist,
    /// Another revision of the set, to compare the open one with.
    Compare,
    /// A photo for the current standard of the inspection, or for a fix.
    AttachPhoto(PhotoFor),
    /// A folder of inspection records, for the chain and the results.
    RecordsFolder,
    /// Where to write the printed customer questionnaire (PDF).
    ExportQuestionnaire,
    /// Where to write the fillable questionnaire (a PDF form).
    ExportFillableQuestionnaire,
    /// Where to write the survey's response template (CSV or XLSX).
    ExportResponseTemplate,
    /// Survey responses to import (CSV or XLSX, a filled questionnaire
    /// PDF or a folder of them).
    ImportResponses,
    /// A folder of filled questionnaire forms to import.
    ImportResponseForms,
}

/// What photos are for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhotoFor {
    /// The current standard's verdict in the inspection.
    Verdict,
    /// The fix of an action on the board: (file, the action's place in it).
    Action(usize, usize),
}

/// What to do once unsaved changes are saved or discarded.
#[derive(Clone, Debug, PartialEq)]
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
    /// Resume: the records in progress beside the set, newest first, each
    /// with a line that names it (when, site, inspector, progress).
    Resume(Vec<(std::path::PathBuf, String)>),
    /// A question before an action that loses or changes much: `yes` runs
    /// `then`, `no` closes the dialog.
    Confirm {
        title: String,
        body: String,
        yes: String,
        no: String,
        then: Box<Reply>,
    },
    Recover(Box<Recovered>),
    Export(ExportChoice),
    Report(ReportChoice),
    Approve(ApproveChoice),
    Compare(Comparison),
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
    /// How many standards are not measurable: the dialog says they will be
    /// printed as they are.
    pub vague: usize,
    /// One contact point (ID) or, `None`, all of them.
    pub contact_point: Option<String>,
    /// One owner role (role cards, sign-off sheets) or, `None`, all.
    pub role: Option<String>,
    /// The labels' language; `None` is the set's.
    pub language: Option<crate::core::model::Language>,
    /// An earlier revision's file: the manual adds what changed since, role
    /// cards and sign-off sheets mark new and changed standards. Read on
    /// the export's thread.
    pub since: String,
    /// What the set offers to choose from: (ID, name) of each contact point,
    /// and the owner roles.
    pub offered_contact_points: Vec<(String, String)>,
    pub offered_roles: Vec<String>,
    /// A checklist as a PDF form to fill in on a tablet and import back.
    pub fillable: bool,
    /// The set's file name, written into a fillable form; empty if unsaved.
    pub set_file: String,
}

impl ExportChoice {
    /// The end of an export's file name: `-checklist.pdf`, `.csv`…
    #[must_use]
    pub fn suffix(format: crate::export::Format, layout: crate::export::Layout) -> String {
        use crate::export::{Format, Layout};
        match (format, layout) {
            (Format::Pdf, Layout::Checklist) => "-checklist.pdf".to_owned(),
            (Format::Pdf, Layout::Cards) => "-cards.pdf".to_owned(),
            (Format::Pdf, Layout::Manual) => "-manual.pdf".to_owned(),
            (Format::Pdf, Layout::RoleCards) => "-role-cards.pdf".to_owned(),
            (Format::Pdf, Layout::Signoff) => "-signoff.pdf".to_owned(),
            (format, _) => format!(".{}", format.extension()),
        }
    }

    /// Changes the format and layout; a file name that followed the old ones
    /// follows the new ones (a name the user typed stays).
    pub fn set_kind(&mut self, format: crate::export::Format, layout: crate::export::Layout) {
        let old = Self::suffix(self.format, self.layout);
        if let Some(stem) = self.path.strip_suffix(&old) {
            self.path = format!("{stem}{}", Self::suffix(format, layout));
        }
        self.format = format;
        self.layout = layout;
        self.pages = None;
    }
    /// The export these choices describe: the whole set, labels in its language.
    #[must_use]
    pub fn options(&self) -> crate::export::Options {
        crate::export::Options {
            format: self.format,
            layout: self.layout,
            paper: self.paper,
            contact_points: self.contact_point.iter().cloned().collect(),
            language: self.language,
            created: Some(crate::core::dates::export_time()),
            roles: self.role.iter().cloned().collect(),
            since: None,
            logo: None,
            fillable: self.fillable
                && self.format == crate::export::Format::Pdf
                && self.layout == crate::export::Layout::Checklist,
            set_file: self.set_file.clone(),
        }
    }
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

/// The choices of File › Approve…, kept while the dialog is open.
#[derive(Clone, Debug, PartialEq)]
pub struct ApproveChoice {
    pub revision: String,
    pub by: String,
    pub summary: String,
    /// Why the last try was refused, in the window's language.
    pub error: Option<String>,
    /// The set's revision was approved and it changed since.
    pub changed_since: Option<String>,
    /// Approved as it is: nothing to approve until it changes.
    pub already: bool,
    /// The findings that stand in the way of approving (`core::approval`),
    /// each a line in the window's language: shown before anything is
    /// approved, as `servstd approve` lists them.
    pub findings: Vec<String>,
    /// Why the set is approved despite `findings`; required when there are any.
    pub reason: String,
}

/// What File › Compare with… shows: the changes from the chosen file to the open set.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub title: String,
    pub changes: Vec<crate::core::diff::Change>,
    pub lang: crate::core::model::Language,
}

/// What a running job will write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JobKind {
    Export,
    Report,
}
