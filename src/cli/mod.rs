//! The command line: a thin dispatcher over subcommands. Each returns the
//! process exit code: 0 success, 1 findings that fail the run, 2 a file that
//! cannot be read or parsed (or another error that stops the command).

mod actions;
mod approve;
mod chain_input;
mod check;
mod completions;
mod diff;
mod export;
mod fmt;
mod folder;
mod import;
pub mod man;
mod new;
mod report;
mod report_by_site;
mod survey;
mod validate;
mod verdicts;

use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand, ValueEnum};

use crate::core::inspection;
use crate::core::model::Language;
use crate::core::storage::output::Output;
use crate::core::storage::{self, LoadError, Position};

pub use actions::ActionsArgs;
pub use approve::ApproveArgs;
pub use check::{CheckArgs, check_line};
pub use completions::CompletionsArgs;
pub use diff::DiffArgs;
pub use export::ExportArgs;
pub use fmt::FmtArgs;
pub use import::ImportArgs;
pub use new::NewArgs;
pub use report::ReportArgs;
pub use survey::SurveyArgs;
pub use validate::ValidateArgs;
pub use verdicts::VerdictsArgs;

/// Write customer-service standards with the four-step method.
///
/// With no subcommand, opens the window on FILE, or on the embedded sample.
#[derive(Debug, Parser)]
#[command(name = "servstd", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A .standards.ron file to open in the window, or an .inspection.ron
    /// record to carry on with.
    pub file: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check standards files for errors, vague standards and overdue reviews.
    Validate(ValidateArgs),
    /// Say whether plain-text standards, one per line, are measurable.
    Check(CheckArgs),
    /// Rewrite standards files in canonical form and the current format.
    Fmt(FmtArgs),
    /// Start a new standards set from a template.
    New(NewArgs),
    /// Export a set as a PDF checklist, training cards or manual, or as CSV or XLSX.
    Export(ExportArgs),
    /// Report on inspections: score, result, weak links and failures, as PDF, CSV or XLSX.
    Report(ReportArgs),
    /// Approve a set as its revision, in the revision history kept in the file.
    Approve(ApproveArgs),
    /// What changed between two revisions of a set: added, removed, moved and changed items.
    Diff(DiffArgs),
    /// List the corrective actions of inspection records: open, overdue, done, verified.
    Actions(ActionsArgs),
    /// Ask the customers: survey plan, questionnaire, response template, import of responses.
    Survey(SurveyArgs),
    /// Read a filled checklist PDF form back into an inspection record beside its set.
    Import(ImportArgs),
    /// Print the completion script for a shell (bash, zsh, fish, elvish, powershell).
    Completions(CompletionsArgs),
    /// One row per verdict of a folder of records, as Parquet or CSV, for duckdb, Spark or Power BI.
    ExportVerdicts(VerdictsArgs),
}

/// Exit codes, as documented in `--help` and the README.
pub mod exit {
    pub const OK: u8 = 0;
    pub const FINDINGS: u8 = 1;
    pub const UNREADABLE: u8 = 2;
}

/// Runs a subcommand. The window is the binary's business, not this module's.
///
/// # Errors
/// Errors that stop the command as a whole (e.g. standard output is closed).
pub fn run(command: Command) -> Result<ExitCode> {
    // The checker's words, once: shipped, the user's own file, `--words`.
    let words = match &command {
        Command::Validate(args) => args.words.as_deref(),
        Command::Check(args) => args.words.as_deref(),
        _ => None,
    };
    // Completions come from the definitions alone: a broken words file must not stop them.
    // An export reads the words on its own check thread, beside the layout
    // (a twentieth of a short manual's time), and stops there if they are broken.
    let needs_words = !matches!(command, Command::Completions(_) | Command::Export(_));
    if needs_words && let Err(err) = crate::core::check::lexicon::install(words) {
        eprintln!("servstd: {err}");
        return Ok(ExitCode::from(exit::UNREADABLE));
    }
    let code = match command {
        Command::Validate(args) => validate::run(&args),
        Command::Check(args) => check::run(&args),
        Command::Fmt(args) => fmt::run(&args),
        Command::New(args) => new::run(&args),
        Command::Export(args) => export::run(&args),
        Command::Report(args) => report::run(&args),
        Command::Approve(args) => approve::run(&args),
        Command::Diff(args) => diff::run(&args),
        Command::Actions(args) => actions::run(&args),
        Command::Survey(args) => survey::run(&args),
        Command::Import(args) => Ok(import::run(&args)),
        Command::Completions(args) => completions::run(&args),
        Command::ExportVerdicts(args) => verdicts::run(&args),
    };
    match code {
        Ok(code) => Ok(ExitCode::from(code)),
        // `servstd validate --json … | head -1`: the reader has all it wants.
        Err(err) if is_broken_pipe(&err) => Ok(ExitCode::SUCCESS),
        Err(err) => Err(err),
    }
}

/// Whether an error is standard output closed by its reader, however it
/// was wrapped on the way (an I/O error, or one inside `serde_json`'s).
#[must_use]
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<serde_json::Error>()
                .is_some_and(|json| json.io_error_kind() == Some(io::ErrorKind::BrokenPipe))
    })
}

/// `--format`: the kind of file to make.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum FormatArg {
    Pdf,
    Csv,
    Xlsx,
}

impl From<FormatArg> for crate::export::Format {
    fn from(arg: FormatArg) -> Self {
        match arg {
            FormatArg::Pdf => Self::Pdf,
            FormatArg::Csv => Self::Csv,
            FormatArg::Xlsx => Self::Xlsx,
        }
    }
}

/// `--layout`: which PDF layout.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum LayoutArg {
    /// For auditors: a table of tick boxes per contact point.
    Checklist,
    /// For trainers: one card per contact point, "what good looks like".
    Cards,
    /// The whole set: cover, contents, every contact point, appendices.
    Manual,
    /// For staff: per owner role, its standards on pocket cards, four to a sheet.
    RoleCards,
    /// For trainers: per role, the standards and rows for each employee to sign.
    Signoff,
}

impl From<LayoutArg> for crate::export::Layout {
    fn from(arg: LayoutArg) -> Self {
        match arg {
            LayoutArg::Checklist => Self::Checklist,
            LayoutArg::Cards => Self::Cards,
            LayoutArg::Manual => Self::Manual,
            LayoutArg::RoleCards => Self::RoleCards,
            LayoutArg::Signoff => Self::Signoff,
        }
    }
}

/// `--paper`: the paper size of a PDF.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum PaperArg {
    A4,
    Letter,
}

impl From<PaperArg> for crate::export::Paper {
    fn from(arg: PaperArg) -> Self {
        match arg {
            PaperArg::A4 => Self::A4,
            PaperArg::Letter => Self::Letter,
        }
    }
}

/// `path:line:col: ` or `path: `.
fn place(path: &Path, at: Option<Position>) -> String {
    crate::core::storage::place(path, at)
}

/// The first line from line index `from` on that starts with `field`.
fn field_line(text: &str, from: usize, field: &str) -> Option<Position> {
    text.lines().enumerate().skip(from).find_map(|(i, line)| {
        let trimmed = line.trim_start();
        trimmed.starts_with(field).then(|| Position {
            line: i + 1,
            col: line.len() - trimmed.len() + 1,
        })
    })
}

/// A load error as `FILE[:LINE:COL]: error: message`, the message without the path.
fn load_error_line(err: &LoadError) -> String {
    format!(
        "{}: error: {}",
        place(err.path(), err.position()),
        load_error_message(err)
    )
}

/// A load error's message without the file and position, as `--json` gives
/// it, in the user's language.
fn load_error_message(err: &LoadError) -> String {
    err.message(crate::core::i18n::locale::from_env())
}

fn parse_lang(tag: Option<&str>) -> Result<Option<Language>> {
    match tag.map(|tag| (tag, Language::from_tag(tag))) {
        None => Ok(None),
        Some((_, Some(lang))) => Ok(Some(lang)),
        Some((tag, None)) => bail!("unknown language “{tag}”; use zh-CN, zh-TW or en"),
    }
}

/// A record's set error as `RECORD:LINE:COL: error: message`, pointing at the
/// record's `path:` line, or the set's own load error. Also the message alone
/// and its position, for `--json`.
fn set_error_line(
    err: &inspection::SetError,
    record_text: &str,
    named: &str,
) -> (String, String, Option<Position>) {
    if let inspection::SetError::Load(load) = err {
        return (
            load_error_line(load),
            load_error_message(load),
            load.position(),
        );
    }
    let at = storage::locate_values(record_text, "path", named)
        .into_iter()
        .next();
    let message = message_after_path(err.path(), err);
    let line = format!("{}: error: {message}", place(err.path(), at));
    (line, message, at)
}

/// An error's message without the `PATH: ` its display starts with.
fn message_after_path(path: &Path, err: &impl std::fmt::Display) -> String {
    let full = err.to_string();
    let prefix = format!("{}: ", path.display());
    full.strip_prefix(&prefix).unwrap_or(&full).to_owned()
}

/// Checks an output path against the overwrite policy (see
/// `core::storage::output`) before any work is done; prints why on refusal.
fn prepare_output(output: &Path, inputs: &[&Path]) -> Option<Output> {
    match storage::output::prepare(output, inputs) {
        Ok(prepared) => Some(prepared),
        Err(err) => {
            eprintln!("{}", storage_error_line(&err));
            None
        }
    }
}

/// An output error as `FILE: error: message`, in the user's language.
fn storage_error_line(err: &storage::output::OutputError) -> String {
    format!(
        "{}: error: {}",
        err.path().display(),
        err.message(crate::core::i18n::locale::from_env())
    )
}

/// Writes `bytes` where [`prepare_output`] said, and says so on standard error.
fn write_output(output: &Output, shown: &Path, bytes: &[u8]) -> Result<()> {
    storage::output::write(output, bytes)
        .with_context(|| format!("{}: cannot write the file", shown.display()))?;
    if *output != Output::Stdout {
        let written = crate::core::i18n::fill(
            crate::core::i18n::messages(crate::core::i18n::locale::from_env()).bytes_written,
            &[("bytes", &bytes.len().to_string())],
        );
        eprintln!("{}: {written}", shown.display());
    }
    Ok(())
}

/// Which reader an input file needs: what its name says, else what its
/// content says, else a standards set.
#[must_use]
pub fn input_kind(path: &Path) -> storage::FileKind {
    storage::FileKind::of_input(path)
}

fn read_stdin() -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    io::stdin()
        .lock()
        .take(storage::MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .context("cannot read standard input")?;
    if bytes.len() as u64 > storage::MAX_FILE_BYTES {
        bail!(
            "standard input is larger than {} MB",
            storage::MAX_FILE_BYTES / 1024 / 1024
        );
    }
    Ok(bytes)
}
