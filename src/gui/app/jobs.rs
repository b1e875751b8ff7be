//! Long work off the drawing path: writing an export or a report renders a
//! PDF that can take a second on a large set, so it runs on a thread of its
//! own over a copy of what it needs, and the frame loop picks up the result.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use super::files::write_out;
use super::{ExportChoice, Modal, ReportChoice, ServstdApp};
use crate::core::inspection::Inspection;
use crate::core::model::StandardsSet;
use crate::export::report;
use crate::gui::state::JobKind;

/// A job on its thread: what it is and where its message will arrive.
pub struct Job {
    pub kind: JobKind,
    done: Receiver<Result<String, String>>,
}

fn spawn(kind: JobKind, work: impl FnOnce() -> Result<String, String> + Send + 'static) -> Job {
    let (tx, done) = channel();
    std::thread::spawn(move || {
        // The receiver may be gone if the window closed; nothing to tell then.
        let _ = tx.send(work());
    });
    Job { kind, done }
}

/// An error with the causes it keeps, "what: why: why", for the dialog.
fn with_causes(err: &dyn std::error::Error) -> String {
    let mut text = err.to_string();
    let mut cause = err.source();
    while let Some(c) = cause {
        text.push_str(": ");
        text.push_str(&c.to_string());
        cause = c.source();
    }
    text
}

/// Renders and writes the export of `set` that `choice` describes.
fn export(set: &StandardsSet, choice: &ExportChoice, inputs: &[PathBuf]) -> Result<String, String> {
    let mut options = choice.options();
    // The earlier revision, read here on the job's thread as the logo is.
    if !choice.since.trim().is_empty() {
        let since =
            crate::core::storage::load::<StandardsSet>(std::path::Path::new(choice.since.trim()))
                .map_err(|e| e.to_string())?;
        options.since = Some(since.document);
    }
    // The logo beside the saved set; one that cannot be used is left out
    // (the findings say why).
    if let (Some(logo), Some(file)) = (&set.logo, inputs.first()) {
        options.logo = crate::core::storage::logo::read(file, logo).ok();
    }
    let bytes = crate::export::export(set, &options).map_err(|e| with_causes(&e))?;
    write_out(&choice.path, &bytes, choice.open_after, inputs)
}

/// Renders and writes the report of `inspections` of `set`.
fn report(
    set: &StandardsSet,
    inspections: &[(
        Inspection,
        Vec<crate::core::inspection::actions::Action>,
        Option<PathBuf>,
    )],
    survey: &HashMap<String, f64>,
    survey_notes: &(
        Option<PathBuf>,
        Vec<crate::core::inspection::survey::RowProblem>,
    ),
    choice: &ReportChoice,
    inputs: &[PathBuf],
) -> Result<String, String> {
    // The latest inspection's photos, read here on the job's thread.
    let photos = crate::core::inspection::actions::latest_photos(
        &inspections
            .iter()
            .map(|(inspection, actions, path)| (path.as_deref(), inspection, actions.as_slice()))
            .collect::<Vec<_>>(),
    );
    let reports: Vec<_> = inspections
        .iter()
        .zip(&photos)
        .map(|((inspection, actions, _), photos)| report::Reported {
            set,
            inspection,
            actions,
            photos,
        })
        .collect();
    let lang = set.language;
    // What the report leaves out is listed in it, as `servstd report` does:
    // the survey's rows not used as written, the latest record's photos
    // that cannot be printed.
    let m = crate::core::i18n::messages(lang);
    let (survey_file, problems) = survey_notes;
    let survey_lines: Vec<String> = problems
        .iter()
        .map(|p| {
            let at = p.position();
            let file = survey_file
                .as_deref()
                .map(|f| f.display().to_string())
                .unwrap_or_default();
            format!("{file}:{}:{}: {}", at.line, at.col, p.message(lang))
        })
        .collect();
    let photo_lines: Vec<String> = inspections
        .iter()
        .filter_map(|(inspection, actions, path)| path.as_ref().map(|p| (inspection, actions, p)))
        .max_by_key(|(inspection, _, _)| inspection.when)
        .map(|(inspection, actions, path)| {
            report::left_out(path, inspection, actions)
                .iter()
                .map(|l| format!("{}: {}", path.display(), l.message(lang)))
                .collect()
        })
        .unwrap_or_default();
    let notes = [
        (m.survey.heading, survey_lines),
        (m.photos_left_out, photo_lines),
    ];
    let bytes = match choice.format {
        crate::export::Format::Pdf => report::pdf(
            &reports,
            survey,
            &notes,
            crate::export::Paper::A4,
            lang,
            Some(crate::core::dates::export_time()),
        )
        .map_err(|e| e.to_string())?,
        crate::export::Format::Csv => report::csv(&reports, lang),
        crate::export::Format::Xlsx => report::xlsx(&reports, lang).map_err(|e| with_causes(&e))?,
    };
    write_out(&choice.path, &bytes, choice.open_after, inputs)
}

impl ServstdApp {
    /// Starts writing the export on a thread; one job at a time.
    pub(super) fn start_export(&mut self, choice: ExportChoice) {
        if self.job.is_some() {
            return;
        }
        let set = self.doc.set().clone();
        let inputs: Vec<PathBuf> = self.doc.path.iter().cloned().collect();
        self.job = Some(spawn(JobKind::Export, move || {
            export(&set, &choice, &inputs)
        }));
    }

    /// Starts writing the report of the results view's inspections on a thread.
    pub(super) fn start_report(&mut self, choice: ReportChoice) {
        if self.job.is_some() {
            return;
        }
        let set = self.doc.set().clone();
        // Each record with the actions beside it (none for a record not saved,
        // or whose actions file cannot be read: the window's findings say so).
        let inspections: Vec<(
            Inspection,
            Vec<crate::core::inspection::actions::Action>,
            Option<PathBuf>,
        )> = self
            .results
            .inspections
            .iter()
            .map(|(path, i)| {
                let actions = path
                    .as_deref()
                    .and_then(|p| crate::core::inspection::actions::load_for(p).ok().flatten())
                    .map(|l| l.document.actions)
                    .unwrap_or_default();
                (i.clone(), actions, path.clone())
            })
            .collect();
        let survey = self.results.survey.clone();
        let survey_notes = (
            self.results.survey_file.clone(),
            self.results.survey_notes.clone(),
        );
        let inputs: Vec<PathBuf> = self
            .doc
            .path
            .iter()
            .cloned()
            .chain(
                self.results
                    .inspections
                    .iter()
                    .filter_map(|(p, _)| p.clone()),
            )
            .chain(self.results.survey_file.clone())
            .collect();
        self.job = Some(spawn(JobKind::Report, move || {
            report(&set, &inspections, &survey, &survey_notes, &choice, &inputs)
        }));
    }

    /// Whether an export or report is being written.
    #[must_use]
    pub fn job_running(&self) -> Option<JobKind> {
        self.job.as_ref().map(|j| j.kind)
    }

    /// Takes a finished job's message: a notice and a closed dialog when it
    /// worked, the message in the dialog when it did not.
    pub(super) fn poll_job(&mut self) {
        let Some(job) = &self.job else {
            return;
        };
        let result = match job.done.try_recv() {
            Ok(result) => result,
            Err(TryRecvError::Empty) => return,
            Err(TryRecvError::Disconnected) => Err("the export stopped unexpectedly".to_owned()),
        };
        let kind = job.kind;
        self.job = None;
        let lang = self.state.ui_language;
        match (result, &mut self.modal) {
            (Ok(message), _) => {
                let done = match kind {
                    JobKind::Export => crate::core::i18n::texts(lang).exported,
                    JobKind::Report => crate::core::i18n::inspect_texts(lang).written,
                };
                self.notify(format!("{done} {message}"));
                if matches!(self.modal, Some(Modal::Export(_) | Modal::Report(_))) {
                    self.modal = None;
                }
            }
            (Err(message), Some(Modal::Export(choice))) if kind == JobKind::Export => {
                choice.result = Some(message);
            }
            (Err(message), Some(Modal::Report(choice))) if kind == JobKind::Report => {
                choice.result = Some(message);
            }
            (Err(message), _) => self.show_error(&message),
        }
    }
}
