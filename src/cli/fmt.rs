//! `servstd fmt`: rewrite sets and records in canonical form, or `--check` that they are.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::Args;

use super::{exit, input_kind, load_error_line};
use crate::core::i18n::{fill, locale, messages};
use crate::core::inspection::Inspection;
use crate::core::model::StandardsSet;
use crate::core::storage::{self, FileKind};

#[derive(Debug, Args)]
pub struct FmtArgs {
    /// Change nothing; exit 1 when a file is not in canonical form.
    #[arg(long)]
    pub check: bool,
    /// The files to format.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

pub fn run(args: &FmtArgs) -> Result<u8> {
    let mut worst = exit::OK;
    for path in &args.files {
        let code = match input_kind(path) {
            FileKind::Actions => {
                fmt_one::<crate::core::inspection::actions::Actions>(path, args.check)?
            }
            FileKind::Inspection => fmt_one::<Inspection>(path, args.check)?,
            _ => fmt_one::<StandardsSet>(path, args.check)?,
        };
        worst = worst.max(code);
    }
    Ok(worst)
}

fn fmt_one<T: storage::Document>(path: &Path, check: bool) -> Result<u8> {
    // Held from the read to the write (see `approve`); not needed to check.
    let _lock = if check {
        None
    } else {
        match storage::lock(path) {
            Err(err @ storage::SaveError::Busy { .. }) => {
                eprintln!(
                    "{}: error: {}",
                    path.display(),
                    err.message(locale::from_env())
                );
                return Ok(exit::UNREADABLE);
            }
            lock => lock.ok(),
        }
    };
    let loaded = match storage::load::<T>(path) {
        Ok(loaded) => loaded,
        Err(err) => {
            eprintln!("{}", load_error_line(&err));
            return Ok(exit::UNREADABLE);
        }
    };
    if loaded.is_canonical() {
        return Ok(exit::OK);
    }
    if check {
        writeln!(
            std::io::stdout(),
            "{}: {}",
            path.display(),
            fill(
                messages(locale::from_env()).not_canonical,
                &[("file", &path.display().to_string())]
            )
        )?;
        return Ok(exit::FINDINGS);
    }
    if storage::has_comments(&loaded.text) {
        eprintln!(
            "{}: error: {}",
            path.display(),
            messages(locale::from_env()).keeps_comments
        );
        return Ok(exit::UNREADABLE);
    }
    if let Err(err) = storage::save_if_unchanged(path, &loaded.document, &loaded.bytes) {
        let message = err.message(locale::from_env());
        eprintln!("{}: error: {message}", path.display());
        return Ok(exit::UNREADABLE);
    }
    writeln!(
        std::io::stdout(),
        "{}: {}",
        path.display(),
        messages(locale::from_env()).formatted
    )?;
    Ok(exit::OK)
}
