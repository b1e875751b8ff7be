//! `servstd check`: one verdict per line of text, for scripts and quick trials.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::Args;

use super::{exit, load_error_line, read_stdin};
use crate::core::check;
use crate::core::i18n::script::language_of;
use crate::core::i18n::{fill, messages};
use crate::core::model::Language;
use crate::core::storage;

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// A text file with one standard per line; standard input when absent or `-`.
    pub file: Option<PathBuf>,
}

/// The one-line answer of `servstd check` for one standard.
#[must_use]
pub fn check_line(text: &str) -> (bool, String) {
    let lang = language_of(text);
    let assessment = check::assess(text);
    match (&assessment.vagueness, assessment.criterion()) {
        (Some(vagueness), _) => (false, vagueness.message(lang)),
        (None, Some(criterion)) => (true, criterion_message(criterion, lang)),
        (None, None) => (true, String::new()),
    }
}

fn criterion_message(element: &check::Element, lang: Language) -> String {
    use check::ElementKind as K;
    let m = messages(lang);
    let what = match element.kind {
        K::Quantity => m.criterion_kinds[0],
        K::TimeAnchor => m.criterion_kinds[1],
        K::Quote => m.criterion_kinds[2],
        K::Observable | K::Act => m.criterion_kinds[3],
    };
    fill(
        m.measurable_because,
        &[("what", what), ("text", &element.text)],
    )
}

pub fn run(args: &CheckArgs) -> Result<u8> {
    let (name, bytes) = match args.file.as_deref() {
        None => ("<stdin>".to_owned(), read_stdin()?),
        Some(p) if p == Path::new("-") => ("<stdin>".to_owned(), read_stdin()?),
        Some(path) => match storage::read_limited(path) {
            Ok(bytes) => (path.display().to_string(), bytes),
            Err(err) => {
                eprintln!("{}", load_error_line(&err));
                return Ok(exit::UNREADABLE);
            }
        },
    };
    let text = match storage::decode(Path::new(&name), &bytes) {
        Ok(text) => text,
        Err(err) => {
            eprintln!("{}", load_error_line(&err));
            return Ok(exit::UNREADABLE);
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut all_ok = true;
    for line in text.lines() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let (ok, reason) = check_line(line);
        all_ok &= ok;
        writeln!(
            out,
            "{}\t{}",
            if ok { "ok" } else { "vague" },
            reason.replace('\t', " ")
        )?;
    }
    out.flush()?;
    Ok(if all_ok { exit::OK } else { exit::FINDINGS })
}
