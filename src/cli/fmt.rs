//! `servstd fmt`: rewrite sets and records in canonical form, or `--check` that they are.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::Args;

use super::{exit, is_inspection, load_error_line, message_after_path};
use crate::core::i18n::{fill, locale, messages};
use crate::core::inspection::Inspection;
use crate::core::model::StandardsSet;
use crate::core::storage;

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
        let code = if path
            .to_string_lossy()
            .ends_with(crate::core::inspection::actions::EXTENSION)
        {
            fmt_one::<crate::core::inspection::actions::Actions>(path, args.check)?
        } else if is_inspection(path) {
            fmt_one::<Inspection>(path, args.check)?
        } else {
            fmt_one::<StandardsSet>(path, args.check)?
        };
        worst = worst.max(code);
    }
    Ok(worst)
}

fn fmt_one<T: storage::Document>(path: &Path, check: bool) -> Result<u8> {
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
    if let Err(err) = storage::save_if_unchanged(path, &loaded.document, &loaded.bytes) {
        let message = message_after_path(err.path(), &err);
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
