//! `servstd approve`: record the set's approval in its revision history, as
//! File › Approve… does in the window.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::Args;

use super::{exit, load_error_line, place};
use crate::core::approval;
use crate::core::i18n::{fill, for_set, locale, messages};
use crate::core::model::{ApproveError, Language, StandardsSet};
use crate::core::storage;
use crate::core::storage::locate::ValueIndex;

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
    /// Approve although errors, vague standards or standards no role owns
    /// stand in the way; the reason is kept in the revision history.
    #[arg(long, value_name = "REASON")]
    pub despite_findings: Option<String>,
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
    let despite = args.despite_findings.as_deref();
    if let Err(refused) = approval::approve(&mut set, &args.by, &args.summary, date, despite) {
        refused_lines(&args.file, &loaded.text, &refused, lang);
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
    if let Some(despite) = set.history.last().and_then(|r| r.despite.as_ref()) {
        writeln!(
            std::io::stdout(),
            "{}: {}",
            args.file.display(),
            approval::despite_text(despite, lang)
        )?;
    }
    Ok(exit::OK)
}

/// Says why the approval was refused: the reason, then each finding in the
/// way at its place in the file with its item's ID, then what to do.
fn refused_lines(file: &Path, text: &str, refused: &approval::Refused, lang: Language) {
    let hint = match refused {
        approval::Refused::Approve(ApproveError::AlreadyApproved(_)) => " (--new-revision)",
        _ => "",
    };
    eprintln!("{}: error: {}{hint}", file.display(), refused.message(lang));
    let found = refused.findings();
    if found.is_empty() {
        return;
    }
    let ids = ValueIndex::new(text, "id");
    for finding in found {
        let at = super::validate::finding_position(text, &ids, finding);
        let item = finding
            .item
            .as_deref()
            .map(|id| format!("{id}: "))
            .unwrap_or_default();
        eprintln!(
            "{}: {}: {item}{}",
            place(file, at),
            finding.severity.as_str(),
            finding.problem.message(lang)
        );
    }
    eprintln!(
        "{}: {}",
        file.display(),
        messages(lang).approve_errors.blocked_cli
    );
}
