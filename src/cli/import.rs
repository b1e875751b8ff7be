//! `servstd import`: a checklist PDF form filled in a viewer becomes an
//! inspection record of its set, checked against the set and written
//! beside it, never over a record already there unless asked.

use std::path::{Path, PathBuf};

use clap::Args;

use super::{exit, load_error_line};
use crate::core::i18n::{Language, fill, for_set, locale, messages};
use crate::core::inspection::form;
use crate::core::model::StandardsSet;
use crate::core::storage;

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The filled checklist: a PDF made by `servstd export SET --layout
    /// checklist --fillable` and filled in a PDF viewer.
    pub file: PathBuf,
    /// The set the form was made from (default: the set file the form
    /// names, beside the PDF).
    #[arg(long)]
    pub set: Option<PathBuf>,
    /// Where to write the record (default: the PDF's name ending in
    /// .inspection.ron, beside the set).
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Replace a record already at the output path.
    #[arg(long)]
    pub force: bool,
}

/// `FILE: error: message`.
fn error(path: &Path, message: &str) -> u8 {
    eprintln!("{}: error: {message}", path.display());
    exit::UNREADABLE
}

pub fn run(args: &ImportArgs) -> u8 {
    let lang = locale::from_env();
    let bytes = match storage::read_limited(&args.file) {
        Ok(bytes) => bytes,
        Err(storage::LoadError::TooLarge { size, .. }) => {
            let max = crate::export::pdf::form_read::MAX_FORM_BYTES;
            let err = form::FormError::TooLarge { bytes: size, max };
            return error(&args.file, &err.message(lang));
        }
        Err(err) => {
            eprintln!("{}", load_error_line(&err));
            return exit::UNREADABLE;
        }
    };
    let fields = match crate::export::pdf::form_read::read(&bytes) {
        Ok(fields) => fields,
        Err(err) => return error(&args.file, &err.message(lang)),
    };
    let set_path = match &args.set {
        Some(path) => path.clone(),
        None => {
            // The set the form names, beside the PDF: by file name only,
            // so a form cannot lead anywhere else.
            let named = form::named_set_file(&fields);
            let beside = named.as_deref().and_then(|name| {
                let name = Path::new(name).file_name()?;
                Some(args.file.with_file_name(name))
            });
            match (named, beside) {
                (_, Some(path)) if path.is_file() => path,
                (Some(name), _) => {
                    let m = &messages(lang).form;
                    return error(&args.file, &fill(m.set_not_found, &[("file", &name)]));
                }
                (None, _) => {
                    return error(&args.file, &form::FormError::NotAForm.message(lang));
                }
            }
        }
    };
    let set = match storage::load::<StandardsSet>(&set_path) {
        Ok(loaded) => loaded.document,
        Err(err) => {
            eprintln!("{}", load_error_line(&err));
            return exit::UNREADABLE;
        }
    };
    let lang = for_set(lang, set.language);
    let record_path = args
        .output
        .clone()
        .unwrap_or_else(|| form::record_beside(&args.file, &set_path));
    if storage::FileKind::by_name(&record_path) != Some(storage::FileKind::Inspection) {
        return error(
            &record_path,
            crate::core::i18n::inspect_texts(lang).need_inspection_name,
        );
    }
    let now = jiff::Zoned::now().datetime();
    let imported = match form::import(&fields, &set, Some(&set_path), &record_path, now) {
        Ok(imported) => imported,
        Err(err) => return error(&args.file, &err.message(lang)),
    };
    for warning in &imported.warnings {
        eprintln!(
            "{}: warning: {}",
            args.file.display(),
            warning.message(lang)
        );
    }
    if std::fs::symlink_metadata(&record_path).is_ok() && !args.force {
        let m = &messages(lang).files;
        return error(&record_path, m.file_exists);
    }
    if let Err(err) = storage::save(&record_path, &imported.record) {
        return error(&record_path, &err.to_string());
    }
    eprintln!(
        "{}: {}",
        args.file.display(),
        summary(&imported, &set, &record_path, lang)
    );
    exit::OK
}

/// "12 of 40 standards answered; written to …".
fn summary(imported: &form::Imported, set: &StandardsSet, record: &Path, lang: Language) -> String {
    let total = imported.record.standards_in_scope(set).len();
    let answered = imported
        .record
        .verdicts
        .iter()
        .filter(|e| e.verdict != crate::core::inspection::Verdict::NotChecked)
        .count();
    fill(
        messages(lang).form.imported,
        &[
            ("answered", &answered.to_string()),
            ("total", &total.to_string()),
            ("record", &record.display().to_string()),
        ],
    )
}
