//! Files of the window: opening, saving, the file chooser (native or typed),
//! writing exports and reports. Each writes through storage; none runs from
//! a view's drawing code, only from commands and dialogs' results.

use std::path::{Path, PathBuf};
use std::sync::mpsc::TryRecvError;

use super::{Chooser, Document, ExportChoice, Modal, Purpose, ServstdApp, Then};
use crate::core::model::StandardsSet;
use crate::core::storage::scan::{self, absolute};
use crate::core::storage::{self, LoadError};

impl ServstdApp {
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
            None => {
                self.choose_path(Purpose::SaveAs);
                // Picked up when the path is chosen and the save worked.
                self.after_save = Some(then);
            }
        }
    }

    pub(super) fn replace_document(&mut self, doc: Document) {
        self.doc = doc;
        self.board
            .regather(self.doc.path.as_deref(), self.doc.has_sample_records());
        self.selected = self
            .doc
            .set()
            .contact_points
            .first()
            .map(|cp| cp.id.clone());
        // The chain in view is the new set's.
        if self.view == super::View::Chain {
            self.ensure_chain();
        }
    }

    /// Opens a file; on failure shows why and keeps the current document.
    /// An inspection record resumes that inspection (with its set).
    pub fn open_path(&mut self, path: &Path) {
        if storage::FileKind::of_input(path) == storage::FileKind::Inspection {
            return self.resume_inspection(path);
        }
        match storage::load::<StandardsSet>(path) {
            Ok(loaded) => {
                self.replace_document(Document::new(loaded.document, Some(path.to_owned())));
                self.remember(path);
            }
            Err(err) => self.show_load_error(&err),
        }
    }

    pub(super) fn show_load_error(&mut self, err: &LoadError) {
        self.modal = Some(Modal::Error {
            title: self.texts().cannot_open.to_owned(),
            body: err.to_string(),
        });
    }

    /// Saves atomically to `path`; on failure says so and leaves the file on disk as it was.
    pub fn save_to(&mut self, path: &Path) -> bool {
        let path = with_extension(path);
        match storage::save(&path, self.doc.set()) {
            Ok(()) => {
                self.doc.mark_saved(path.clone());
                self.discard_recovery();
                self.notify(format!("{} {}", self.texts().saved_to, path.display()));
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

    /// The page count the PDF export would have, to show before writing.
    #[must_use]
    pub fn export_pages(&self, choice: &ExportChoice) -> Option<usize> {
        let options = crate::export::Options {
            format: crate::export::Format::Pdf,
            ..choice.options()
        };
        crate::export::page_count(self.doc.set(), &options).ok()
    }

    /// Saves over a file that changed on disk, after the user said so.
    pub fn save_over_changed(&mut self) {
        if let Some(path) = self.doc.path.clone() {
            self.save_to(&path);
        }
    }

    pub(super) fn remember(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.state.recent.retain(|p| p != &path);
        self.state.recent.insert(0, path);
        self.state.recent.truncate(10);
    }

    pub(super) fn choose_path(&mut self, purpose: Purpose) {
        // A choice asked anew: what waited on an earlier Save As is off.
        self.after_save = None;
        if self.chooser == Chooser::PathField || no_native_chooser() {
            let note =
                (self.chooser == Chooser::Native).then(|| self.texts().path_no_portal.to_owned());
            // Absolute paths, in a folder the user knows, ending in a
            // separator when a file name is still to be typed.
            let folder = self.default_folder();
            let text = match purpose {
                Purpose::SaveAs => self.doc.path.as_deref().map_or_else(
                    || self.beside(storage::STANDARDS_EXTENSION),
                    |p| absolute(p).display().to_string(),
                ),
                Purpose::Open
                | Purpose::ResumeInspection
                | Purpose::AddInspection
                | Purpose::ImportSurvey
                | Purpose::ImportFilledChecklist
                | Purpose::Compare
                | Purpose::ImportResponses
                | Purpose::ImportResponseForms
                | Purpose::AttachPhoto(_)
                | Purpose::RecordsFolder => {
                    format!("{}{}", folder.display(), std::path::MAIN_SEPARATOR)
                }
                Purpose::ExportQuestionnaire => self.beside("-questionnaire.pdf"),
                Purpose::ExportFillableQuestionnaire => self.beside("-questionnaire-form.pdf"),
                Purpose::ExportResponseTemplate => self.beside("-responses.xlsx"),
            };
            self.modal = Some(Modal::Path {
                purpose,
                text,
                note,
            });
            return;
        }
        let (tx, rx) = std::sync::mpsc::channel();
        let name = format!("{}{}", self.doc.set().title, storage::STANDARDS_EXTENSION);
        let name_stem = self.doc.set().title.clone();
        let folder = self.default_folder();
        std::thread::spawn(move || {
            let dialog = rfd::FileDialog::new().set_directory(folder);
            let chosen = match purpose {
                Purpose::Open
                | Purpose::ResumeInspection
                | Purpose::AddInspection
                | Purpose::Compare => dialog.add_filter("servstd", &["ron"]).pick_file(),
                Purpose::ImportSurvey => dialog.add_filter("CSV", &["csv", "txt"]).pick_file(),
                Purpose::ImportResponses => dialog
                    .add_filter("CSV / XLSX / PDF", &["csv", "txt", "xlsx", "pdf", "PDF"])
                    .pick_file(),
                Purpose::ExportQuestionnaire => dialog
                    .add_filter("PDF", &["pdf"])
                    .set_file_name(format!("{name_stem}-questionnaire.pdf"))
                    .save_file(),
                Purpose::ExportFillableQuestionnaire => dialog
                    .add_filter("PDF", &["pdf"])
                    .set_file_name(format!("{name_stem}-questionnaire-form.pdf"))
                    .save_file(),
                Purpose::ExportResponseTemplate => dialog
                    .add_filter("XLSX / CSV", &["xlsx", "csv"])
                    .set_file_name(format!("{name_stem}-responses.xlsx"))
                    .save_file(),
                Purpose::ImportFilledChecklist => {
                    dialog.add_filter("PDF", &["pdf", "PDF"]).pick_file()
                }
                Purpose::AttachPhoto(_) => dialog
                    .add_filter("JPEG / PNG", &["jpg", "jpeg", "png", "JPG", "JPEG", "PNG"])
                    .pick_file(),
                Purpose::SaveAs => dialog
                    .add_filter("servstd", &["ron"])
                    .set_file_name(name)
                    .save_file(),
                Purpose::RecordsFolder | Purpose::ImportResponseForms => dialog.pick_folder(),
            };
            let _ = tx.send(chosen);
        });
        self.pending_chooser = Some((purpose, rx));
    }

    /// Photos for the current standard or a fix: the desktop's chooser,
    /// several at once, or the typed path (one) where there is no chooser.
    pub(super) fn choose_photos(&mut self, to: super::PhotoFor) {
        if self.chooser == Chooser::PathField || no_native_chooser() {
            self.choose_path(Purpose::AttachPhoto(to));
            return;
        }
        let (tx, rx) = std::sync::mpsc::channel();
        let folder = self.default_folder();
        std::thread::spawn(move || {
            let chosen = rfd::FileDialog::new()
                .set_directory(folder)
                .add_filter("JPEG / PNG", &["jpg", "jpeg", "png", "JPG", "JPEG", "PNG"])
                .pick_files()
                .unwrap_or_default();
            let _ = tx.send(chosen);
        });
        self.photo_chooser = Some((to, rx));
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

    pub(super) fn poll_chooser(&mut self) {
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
        self.remember_folder(path);
        match purpose {
            Purpose::Open => self.open_path(path),
            Purpose::SaveAs => {
                // Quit → Save on a set never saved: saved, so now quit (or
                // run what waited on the save).
                if self.save_to(path)
                    && let Some(then) = self.after_save.take()
                {
                    self.continue_with(then);
                }
            }
            Purpose::ResumeInspection => self.resume_inspection(path),
            Purpose::Compare => self.compare_with(path),
            Purpose::AttachPhoto(to) => {
                self.answer(super::Reply::AttachPhotoFiles(to, vec![path.to_owned()]));
            }
            Purpose::AddInspection => {
                match storage::load::<crate::core::inspection::Inspection>(path) {
                    Ok(loaded) => self.results.add(Some(path.to_owned()), loaded.document),
                    Err(e) => self.show_error(&e.said(self.state.ui_language)),
                }
            }
            Purpose::RecordsFolder => self.read_records_folder(path),
            Purpose::ImportSurvey => match crate::core::inspection::survey::load_file(path) {
                Ok(file) => {
                    // Rows not used as written are said, never dropped in
                    // silence: in the results view, and in the report.
                    self.results.survey_notes = file.problems(&[self.doc.set()]);
                    self.results.survey = file.scores;
                    self.results.invalidate();
                    self.results.survey_file = Some(path.to_owned());
                }
                Err(error) => self.show_error(&error.to_string()),
            },
            Purpose::ImportFilledChecklist => self.import_filled_checklist(path),
            Purpose::ImportResponses | Purpose::ImportResponseForms => {
                match self.survey.import(path, &self.doc) {
                    Ok(()) => {
                        self.results.customers = self.survey.customers();
                        self.results.nps_trend = self.survey.nps_trend();
                        self.results.invalidate();
                    }
                    Err(error) => self.show_error(&error),
                }
            }
            Purpose::ExportQuestionnaire
            | Purpose::ExportFillableQuestionnaire
            | Purpose::ExportResponseTemplate => {
                self.write_survey_export(purpose, path);
            }
        }
    }

    /// Writes the questionnaire (PDF) or the response template (XLSX, or
    /// CSV by the name) chosen in the survey view, and says where.
    fn write_survey_export(&mut self, purpose: Purpose, path: &Path) {
        let q = self.survey.questionnaire(self.doc.set());
        if let Some(rows) = crate::export::survey::holds_answers(path, &q, &self.survey.plan) {
            let words = crate::core::i18n::survey_words(self.state.ui_language);
            self.show_error(&crate::core::i18n::fill(
                words.plan.would_replace,
                &[
                    ("file", &path.display().to_string()),
                    ("rows", &rows.to_string()),
                ],
            ));
            return;
        }
        let format = if matches!(
            purpose,
            Purpose::ExportQuestionnaire | Purpose::ExportFillableQuestionnaire
        ) {
            crate::export::Format::Pdf
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
        {
            crate::export::Format::Csv
        } else {
            crate::export::Format::Xlsx
        };
        let created = Some(crate::core::dates::export_time());
        let made = if purpose == Purpose::ExportFillableQuestionnaire {
            crate::export::survey::fillable(
                &q,
                &self.survey.plan,
                crate::export::Paper::A4,
                created,
            )
        } else {
            crate::export::survey::export(&q, format, crate::export::Paper::A4, created)
        }
        .map_err(|e| e.to_string())
        .and_then(|bytes| {
            let inputs: Vec<PathBuf> = self.doc.path.iter().cloned().collect();
            write_out(&path.display().to_string(), &bytes, false, &inputs)
        });
        match made {
            Ok(message) => self.notify(message),
            Err(error) => self.show_error(&error),
        }
    }
}

/// Writes an export or report atomically to the typed path, opens it when
/// asked, and returns the dialog's message.
pub(super) fn write_out(
    path: &str,
    bytes: &[u8],
    open_after: bool,
    inputs: &[PathBuf],
) -> Result<String, String> {
    let path = PathBuf::from(path.trim());
    let inputs: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
    let output = storage::output::prepare(&path, &inputs).map_err(|e| e.to_string())?;
    storage::output::write(&output, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    if open_after {
        open_in_viewer(&path);
    }
    Ok(format!(
        "{} ({} KB)",
        path.display(),
        bytes.len().div_ceil(1024)
    ))
}

/// Whether the desktop's file chooser cannot be reached. On Linux and BSD
/// rfd asks the xdg-desktop-portal over the session bus, and with no bus
/// it would wait for nothing; Windows and macOS choosers are always there.
fn no_native_chooser() -> bool {
    cfg!(all(unix, not(target_os = "macos")))
        && std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none()
}

/// The user's documents folder: `$XDG_DOCUMENTS_DIR`, `~/Documents`, or home
/// (`%USERPROFILE%` on Windows).
#[must_use]
pub fn documents_folder() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("XDG_DOCUMENTS_DIR").map(PathBuf::from)
        && dir.is_dir()
    {
        return Some(dir);
    }
    let home = std::env::home_dir()?;
    let documents = home.join("Documents");
    Some(if documents.is_dir() { documents } else { home })
}

impl ServstdApp {
    /// Where new files go and choosers open: the open file's folder, the
    /// last folder used, the user's documents folder, or the current one.
    #[must_use]
    pub fn default_folder(&self) -> PathBuf {
        self.doc
            .path
            .as_deref()
            .and_then(Path::parent)
            .map(absolute)
            .or_else(|| self.state.last_folder.clone().filter(|d| d.is_dir()))
            .or_else(documents_folder)
            .unwrap_or_else(|| absolute(Path::new(".")))
    }

    /// Remembers the folder of a file the user chose or wrote.
    pub(super) fn remember_folder(&mut self, file: &Path) {
        if let Some(dir) = absolute(file).parent() {
            self.state.last_folder = Some(dir.to_owned());
        }
    }

    /// A file beside the open set (see [`scan::path_beside`]).
    #[must_use]
    pub fn beside(&self, suffix: &str) -> String {
        scan::path_beside(
            &self.doc.set().title,
            self.doc.path.as_deref(),
            &self.default_folder(),
            suffix,
        )
    }
}

/// Opens a written file in the desktop's viewer; failing to is not an error
/// worth a dialog (the file is written and its path shown).
pub fn open_in_viewer(path: &Path) {
    if std::env::var_os("SERVSTD_NO_OPEN").is_none() {
        let _ = open::that_detached(path);
    }
}

/// Adds `.standards.ron` to a path typed without it.
pub(super) fn with_extension(path: &Path) -> PathBuf {
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
