//! `servstd check`: one verdict per line of text, for scripts and quick
//! trials; given a standards set, one per standard, with its ID.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::Args;

use super::{exit, load_error_line, read_stdin};
use crate::core::check;
use crate::core::i18n::script::{language_in, language_of};
use crate::core::i18n::{fill, messages};
use crate::core::model::{Language, StandardsSet};
use crate::core::storage;

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// A text file with one standard per line, or a `.standards.ron` set
    /// (known by its content); standard input when absent or `-`.
    pub file: Option<PathBuf>,
    /// Under each verdict, the checker's reading: each criterion and the
    /// vague word it states, the vague words nothing states, each act and
    /// who does it, and the specific and customer-based hints.
    #[arg(long)]
    pub explain: bool,
    /// Under each vague verdict, a measurable rewrite of the standard, its
    /// slots (what only you know) in brackets: `在[2]小时内回复`.
    #[arg(long)]
    pub suggest: bool,
    /// Extra checker words (RON, as docs/CHECKER-WORDS.md describes), merged
    /// over the shipped ones and the user's own file.
    #[arg(long, value_name = "FILE")]
    pub words: Option<PathBuf>,
}

/// The root of a RON document (`StandardsSet` in `StandardsSet(`), found by
/// content so that a set under any name is checked as a set, not line by line.
fn root_of(text: &str) -> Option<&str> {
    let first = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with("//"))?;
    let (root, _) = first.split_once('(')?;
    let root = root.trim_end();
    (!root.is_empty() && root.chars().all(|c| c.is_ascii_alphanumeric())).then_some(root)
}

/// `servstd check FILE.standards.ron`: one verdict per standard of the set,
/// with its ID (`ok\tS-1\treason`), in the set's order.
fn check_set(name: &str, text: &str, args: &CheckArgs) -> Result<u8> {
    let set = match storage::parse::<StandardsSet>(text) {
        Ok(set) => set,
        Err(err) => {
            eprintln!("{name}:{err}");
            return Ok(exit::UNREADABLE);
        }
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut all_ok = true;
    for (_, standard) in set.standards() {
        // The set's own words count, and an exception passes with its reason.
        let assessment = check::assess_in(&set.words, &standard.text);
        let (ok, reason) = match &standard.accepted {
            Some(why) if !assessment.is_measurable() => (
                true,
                fill(messages(set.language).rewrite.accepted, &[("reason", why)]),
            ),
            _ => verdict(&assessment, set.language),
        };
        all_ok &= ok;
        writeln!(
            out,
            "{}\t{}\t{}",
            if ok { "ok" } else { "vague" },
            standard.id,
            reason.replace('\t', " ")
        )?;
        if args.explain && !standard.text.trim().is_empty() {
            for point in check::reading_in(&set.words, standard, set.language) {
                writeln!(out, "\t{}", point.replace('\t', " "))?;
            }
        }
        if args.suggest && !ok {
            suggest(&mut out, &standard.text, set.language, Some(standard.kind))?;
        }
    }
    out.flush()?;
    Ok(if all_ok { exit::OK } else { exit::FINDINGS })
}

/// `--suggest`: the rewrite of a vague standard, on its own indented line.
fn suggest(
    out: &mut impl Write,
    text: &str,
    lang: Language,
    kind: Option<crate::core::model::StandardKind>,
) -> io::Result<()> {
    if let Some(s) = check::rewrite::suggest(text, lang, kind) {
        let line = fill(messages(lang).rewrite.suggested, &[("text", &s.marked)]);
        writeln!(out, "\t{}", line.replace('\t', " "))?;
    }
    Ok(())
}

/// The one-line answer of `servstd check` for one standard, in `lang`.
#[must_use]
pub fn check_line(text: &str, lang: Language) -> (bool, String) {
    verdict(&check::assess(text), lang)
}

fn verdict(assessment: &check::Assessment, lang: Language) -> (bool, String) {
    let m = messages(lang);
    match (&assessment.vagueness, assessment.criterion()) {
        (Some(vagueness), _) => (false, vagueness.message(lang)),
        (None, Some(criterion)) => {
            let what = check::criterion_kind(criterion, lang);
            let message = fill(
                m.measurable_because,
                &[("what", what), ("text", check::shown(criterion))],
            );
            (true, message)
        }
        (None, None) => (true, m.measurable_plain.to_owned()),
    }
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
    match root_of(text) {
        Some("StandardsSet") => return check_set(&name, text, args),
        Some("Inspection" | "Actions") => {
            let lang = crate::core::i18n::locale::from_env();
            let message = fill(messages(lang).check_not_a_set, &[("file", &name)]);
            eprintln!("{name}: error: {message}");
            return Ok(exit::UNREADABLE);
        }
        _ => {}
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut all_ok = true;
    // A line in neither Chinese script in particular is in the file's.
    let file_lang = language_of(text);
    for line in text.lines() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let lang = language_in(line, file_lang);
        let (ok, reason) = check_line(line, lang);
        all_ok &= ok;
        writeln!(
            out,
            "{}\t{}",
            if ok { "ok" } else { "vague" },
            reason.replace('\t', " ")
        )?;
        if args.explain && !line.trim().is_empty() {
            for point in check::reading(line, lang) {
                writeln!(out, "\t{}", point.replace('\t', " "))?;
            }
        }
        if args.suggest && !ok {
            suggest(&mut out, line, lang, None)?;
        }
    }
    out.flush()?;
    Ok(if all_ok { exit::OK } else { exit::FINDINGS })
}
