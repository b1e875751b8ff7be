//! `servstd approve`: record the set's approval in its revision history, as
//! File › Approve… does in the window.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use super::{exit, load_error_line};
use crate::core::i18n::{fill, for_set, locale, messages};
use crate::core::model::StandardsSet;
use crate::core::storage;

#[derive(Debug, Args)]
pub struct ApproveArgs {
    /// The standards file to approve.
    pub file: PathBuf,
    /// Who approves it.
    #[arg(long)]
    pub by: String,
    /// What this revision changed, in one line.
    #[arg(long, default_value = "")]
    pub summary: String,
    /// The date of approval, YYYY-MM-DD (default: today).
    #[arg(long)]
    pub date: Option<jiff::civil::Date>,
    /// Approve as the next revision (2.1 → 2.2) rather than the one in the file:
    /// for a set changed since its revision was approved.
    #[arg(long)]
    pub new_revision: bool,
}

pub fn run(args: &ApproveArgs) -> Result<u8> {
    // Held from the read to the write: two approvals at once take turns,
    // and neither is lost. A file that cannot be opened is reported by the
    // read below, in its words.
    let _lock = match storage::lock(&args.file) {
        Err(err @ storage::SaveError::Busy { .. }) => {
            eprintln!(
                "{}: error: {}",
                args.file.display(),
                err.message(locale::from_env())
            );
            return Ok(exit::UNREADABLE);
        }
        lock => lock.ok(),
    };
    let loaded = match storage::load::<StandardsSet>(&args.file) {
        Ok(loaded) => loaded,
        Err(err) => {
            eprintln!("{}", load_error_line(&err));
            return Ok(exit::UNREADABLE);
        }
    };
    let mut set = loaded.document.clone();
    let lang = for_set(locale::from_env(), set.language);
    if storage::has_comments(&loaded.text) {
        eprintln!(
            "{}: error: {}",
            args.file.display(),
            messages(lang).keeps_comments
        );
        return Ok(exit::UNREADABLE);
    }
    if args.new_revision {
        set.start_revision();
    }
    let date = args.date.unwrap_or_else(crate::core::dates::today);
    if let Err(err) = set.approve(&args.by, &args.summary, date) {
        let hint = match err {
            crate::core::model::ApproveError::AlreadyApproved(_) => " (--new-revision)",
            _ => "",
        };
        eprintln!(
            "{}: error: {}{hint}",
            args.file.display(),
            err.message(lang)
        );
        return Ok(exit::FINDINGS);
    }
    // Written only over the bytes it read: an edit made meanwhile is not lost.
    if let Err(err) = storage::save_if_unchanged(&args.file, &set, &loaded.bytes) {
        let message = err.message(lang);
        eprintln!("{}: error: {message}", args.file.display());
        return Ok(exit::UNREADABLE);
    }
    writeln!(
        std::io::stdout(),
        "{}: {}",
        args.file.display(),
        fill(
            messages(lang).approved,
            &[("revision", &set.revision), ("by", &set.approved_by)]
        )
    )?;
    Ok(exit::OK)
}
