//! `servstd diff OLD NEW`: what changed between two revisions of a set,
//! items matched by ID at every level.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, ValueEnum};
use serde::Serialize;

use super::{exit, load_error_line};
use crate::core::diff::{Change, Style, diff, render};
use crate::core::i18n::{for_set, locale};
use crate::core::model::StandardsSet;
use crate::core::storage;

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum DiffFormat {
    /// `+` added, `-` removed, `~` changed; inline `[-old-]{+new+}`.
    Text,
    /// A Markdown list, `~~old~~**new**`, to paste into a review or a pull request.
    Markdown,
    /// Every change with its fields and inline pieces, for scripts.
    Json,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The older standards file.
    pub old: PathBuf,
    /// The newer standards file.
    pub new: PathBuf,
    #[arg(long, short, value_enum, default_value = "text")]
    pub format: DiffFormat,
}

#[derive(Serialize)]
struct JsonDiff<'a> {
    old: String,
    new: String,
    old_revision: &'a str,
    new_revision: &'a str,
    changes: &'a [Change],
}

pub fn run(args: &DiffArgs) -> Result<u8> {
    let mut sets = Vec::new();
    for path in [&args.old, &args.new] {
        match storage::load::<StandardsSet>(path) {
            Ok(loaded) => sets.push(loaded.document),
            Err(err) => {
                eprintln!("{}", load_error_line(&err));
                return Ok(exit::UNREADABLE);
            }
        }
    }
    let (old, new) = (&sets[0], &sets[1]);
    let changes = diff(old, new);
    let lang = for_set(locale::from_env(), new.language);
    let mut stdout = std::io::stdout().lock();
    match args.format {
        DiffFormat::Text => write!(stdout, "{}", render(&changes, lang, Style::Text))?,
        DiffFormat::Markdown => write!(stdout, "{}", render(&changes, lang, Style::Markdown))?,
        DiffFormat::Json => {
            let json = JsonDiff {
                old: args.old.display().to_string(),
                new: args.new.display().to_string(),
                old_revision: &old.revision,
                new_revision: &new.revision,
                changes: &changes,
            };
            serde_json::to_writer_pretty(&mut stdout, &json)?;
            writeln!(stdout)?;
        }
    }
    Ok(if changes.is_empty() {
        exit::OK
    } else {
        exit::FINDINGS
    })
}
