//! The command line: a thin dispatcher over subcommands. Each returns the
//! process exit code: 0 success, 1 findings that fail the run, 2 a file that
//! cannot be read or parsed (or another error that stops the command).

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand};
use serde::Serialize;

use crate::check::{self, Finding, Problem, Severity, Tally};
use crate::inspection::{self, Inspection};
use crate::model::{Language, StandardsSet};
use crate::storage::{self, LoadError, Position};
use crate::templates;

/// Write customer-service standards with the four-step method.
///
/// With no subcommand, opens the window on FILE, or on the embedded sample.
#[derive(Debug, Parser)]
#[command(name = "servstd", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A .standards.ron file to open in the window.
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
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The .inspection.ron records to report on; several give a trend.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// The kind of file to make.
    #[arg(long, short, value_enum, default_value = "pdf")]
    pub format: crate::export::Format,
    /// Paper size of the PDF.
    #[arg(long, value_parser = ["a4", "letter"], default_value = "a4")]
    pub paper: String,
    /// Language of the printed labels: zh-CN, zh-TW or en (default: the set's).
    #[arg(long)]
    pub lang: Option<String>,
    /// Customer survey scores for the quadrant: a CSV of FACTOR-ID,SCORE (1–5 or a percentage).
    #[arg(long)]
    pub survey: Option<PathBuf>,
    /// Where to write; `-` writes to standard output.
    #[arg(long, short)]
    pub output: PathBuf,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The standards file to export.
    pub file: PathBuf,
    /// The kind of file to make.
    #[arg(long, short, value_enum, default_value = "pdf")]
    pub format: crate::export::Format,
    /// The PDF layout.
    #[arg(long, value_enum, default_value = "checklist")]
    pub layout: crate::export::Layout,
    /// Paper size of the PDF.
    #[arg(long, value_parser = ["a4", "letter"], default_value = "a4")]
    pub paper: String,
    /// Export only this contact point (by ID, e.g. CP-2); repeat for more.
    #[arg(long = "contact-point")]
    pub contact_points: Vec<String>,
    /// Language of the printed labels: zh-CN, zh-TW or en (default: the set's).
    #[arg(long)]
    pub lang: Option<String>,
    /// Where to write; `-` writes to standard output.
    #[arg(long, short)]
    pub output: PathBuf,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Fail on warnings and vague standards too, not only on errors.
    #[arg(long)]
    pub strict: bool,
    /// Print the results as JSON on standard output.
    #[arg(long)]
    pub json: bool,
    /// The files to check.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// A text file with one standard per line; standard input when absent or `-`.
    pub file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct FmtArgs {
    /// Change nothing; exit 1 when a file is not in canonical form.
    #[arg(long)]
    pub check: bool,
    /// The files to format.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("what").required(true).args(["template", "list"]))]
pub struct NewArgs {
    /// The template to start from (see --list).
    #[arg(long, short)]
    pub template: Option<String>,
    /// List the templates.
    #[arg(long)]
    pub list: bool,
    /// Where to write the new set.
    #[arg(long, short, required_unless_present = "list")]
    pub output: Option<PathBuf>,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
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
    let code = match command {
        Command::Validate(args) => validate(&args)?,
        Command::Check(args) => check_lines(&args)?,
        Command::Fmt(args) => fmt(&args)?,
        Command::New(args) => new(&args)?,
        Command::Export(args) => export(&args)?,
        Command::Report(args) => report(&args)?,
    };
    Ok(ExitCode::from(code))
}

/// Today's date in local time, for overdue reviews.
#[must_use]
pub fn today() -> jiff::civil::Date {
    jiff::Zoned::now().date()
}

/// `path:line:col: ` or `path: `.
fn place(path: &Path, at: Option<Position>) -> String {
    match at {
        Some(at) => format!("{}:{}:{}", path.display(), at.line, at.col),
        None => path.display().to_string(),
    }
}

/// A load error as `FILE[:LINE:COL]: error: message`, the message without the path.
fn load_error_line(err: &LoadError) -> String {
    let message = match err {
        LoadError::Parse { source, .. } => match source {
            storage::ParseError::Syntax { message, .. } => message.clone(),
            other => other.to_string(),
        },
        other => {
            let full = other.to_string();
            let prefix = place(other.path(), other.position());
            full.strip_prefix(&prefix)
                .and_then(|rest| rest.strip_prefix(": "))
                .map_or(full.clone(), str::to_owned)
        }
    };
    format!("{}: error: {message}", place(err.path(), err.position()))
}

#[derive(Serialize)]
struct JsonFile {
    file: String,
    readable: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<JsonError>,
    #[serde(skip_serializing_if = "Option::is_none")]
    counts: Option<JsonCounts>,
    findings: Vec<JsonFinding>,
}

#[derive(Serialize)]
struct JsonError {
    line: Option<usize>,
    col: Option<usize>,
    message: String,
}

#[derive(Serialize)]
struct JsonCounts {
    contact_points: usize,
    steps: usize,
    factors: usize,
    standards: usize,
    errors: usize,
    warnings: usize,
    vague: usize,
}

#[derive(Serialize)]
struct JsonFinding {
    severity: Severity,
    message: String,
    item: Option<String>,
    trail: String,
    line: Option<usize>,
    col: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    problem: Option<Problem>,
}

/// Where in the file a finding points: the item's `id:` line, or the set field concerned.
fn finding_position(text: &str, finding: &Finding) -> Option<Position> {
    if let Some(id) = &finding.item {
        let places = storage::locate_ids(text, id);
        return match finding.problem {
            // Point at the second use: the first is the one to keep.
            Problem::DuplicateId { .. } => places.get(1).or(places.first()).copied(),
            _ => places.first().copied(),
        };
    }
    let field = match finding.problem {
        Problem::EmptyTitle => "title:",
        Problem::ReviewOverdue { .. } => "next_review:",
        Problem::NoContactPoints => "contact_points:",
        _ => return None,
    };
    text.lines().enumerate().find_map(|(i, line)| {
        let trimmed = line.trim_start();
        trimmed.starts_with(field).then(|| Position {
            line: i + 1,
            col: line.len() - trimmed.len() + 1,
        })
    })
}

fn validate(args: &ValidateArgs) -> Result<u8> {
    let today = today();
    let mut worst = exit::OK;
    let mut json = Vec::new();
    let stdout = io::stdout();
    let mut out = stdout.lock();
    for path in &args.files {
        if is_inspection(path) {
            let (code, file) = validate_inspection(path, args, &mut out)?;
            worst = worst.max(code);
            json.extend(file);
            continue;
        }
        let loaded = match storage::load::<StandardsSet>(path) {
            Ok(loaded) => loaded,
            Err(err) => {
                worst = worst.max(exit::UNREADABLE);
                if args.json {
                    let at = err.position();
                    json.push(JsonFile {
                        file: path.display().to_string(),
                        readable: false,
                        error: Some(JsonError {
                            line: at.map(|a| a.line),
                            col: at.map(|a| a.col),
                            message: err.to_string(),
                        }),
                        counts: None,
                        findings: Vec::new(),
                    });
                } else {
                    writeln!(out, "{}", load_error_line(&err))?;
                }
                continue;
            }
        };
        let set = &loaded.document;
        let findings = check::validate(set, today);
        let tally = Tally::of(&findings);
        let vague = findings.iter().filter(|f| f.is_vague()).count();
        if tally.errors > 0 || args.strict && tally.warnings > 0 {
            worst = worst.max(exit::FINDINGS);
        }
        let counts = set.counts();
        if args.json {
            json.push(JsonFile {
                file: path.display().to_string(),
                readable: true,
                error: None,
                counts: Some(JsonCounts {
                    contact_points: counts.contact_points,
                    steps: counts.steps,
                    factors: counts.factors,
                    standards: counts.standards,
                    errors: tally.errors,
                    warnings: tally.warnings,
                    vague,
                }),
                findings: findings
                    .iter()
                    .map(|f| {
                        let at = finding_position(&loaded.text, f);
                        JsonFinding {
                            severity: f.severity,
                            message: f.problem.message(Language::En),
                            item: f.item.clone(),
                            trail: f.trail.clone(),
                            line: at.map(|a| a.line),
                            col: at.map(|a| a.col),
                            problem: Some(f.problem.clone()),
                        }
                    })
                    .collect(),
            });
            continue;
        }
        for finding in &findings {
            let message = finding.problem.message(Language::En);
            let severity = finding.severity.as_str();
            match finding_position(&loaded.text, finding) {
                Some(at) => writeln!(out, "{}: {severity}: {message}", place(path, Some(at)))?,
                None if finding.trail.is_empty() => {
                    writeln!(out, "{}: {severity}: {message}", path.display())?;
                }
                None => writeln!(
                    out,
                    "{}: {severity}: {message} ({})",
                    path.display(),
                    finding.trail
                )?,
            }
        }
        writeln!(
            out,
            "{}: {} contact points, {} steps, {} factors, {} standards, {} errors, {} warnings",
            path.display(),
            counts.contact_points,
            counts.steps,
            counts.factors,
            counts.standards,
            tally.errors,
            tally.warnings
        )?;
    }
    if args.json {
        serde_json::to_writer_pretty(&mut out, &json)?;
        writeln!(out)?;
    }
    Ok(worst)
}

/// Validates one inspection record against the set it names; text lines go to
/// `out`, the JSON entry (with `--json`) is returned.
fn validate_inspection(
    path: &Path,
    args: &ValidateArgs,
    out: &mut impl Write,
) -> Result<(u8, Option<JsonFile>)> {
    let unreadable = |message: String, at: Option<Position>| JsonFile {
        file: path.display().to_string(),
        readable: false,
        error: Some(JsonError {
            line: at.map(|a| a.line),
            col: at.map(|a| a.col),
            message,
        }),
        counts: None,
        findings: Vec::new(),
    };
    let loaded = match storage::load::<Inspection>(path) {
        Ok(loaded) => loaded,
        Err(err) => {
            if args.json {
                return Ok((
                    exit::UNREADABLE,
                    Some(unreadable(err.to_string(), err.position())),
                ));
            }
            writeln!(out, "{}", load_error_line(&err))?;
            return Ok((exit::UNREADABLE, None));
        }
    };
    let record = &loaded.document;
    let set = match record.resolve_set(path) {
        Ok((set, _)) => set,
        Err(message) => {
            if args.json {
                return Ok((exit::UNREADABLE, Some(unreadable(message, None))));
            }
            writeln!(out, "{}: error: {message}", path.display())?;
            return Ok((exit::UNREADABLE, None));
        }
    };
    let findings = inspection::check::check(record, &set);
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let warnings = findings.len() - errors;
    let code = if errors > 0 || args.strict && warnings > 0 {
        exit::FINDINGS
    } else {
        exit::OK
    };
    let position = |f: &inspection::check::Finding| match f.problem.standard() {
        Some(id) => {
            let places = storage::locate_values(&loaded.text, "standard", id);
            match f.problem {
                inspection::check::Problem::DuplicateVerdict { .. } => places.get(1).copied(),
                _ => places.first().copied(),
            }
        }
        None => None,
    };
    if args.json {
        let file = JsonFile {
            file: path.display().to_string(),
            readable: true,
            error: None,
            counts: None,
            findings: findings
                .iter()
                .map(|f| {
                    let at = position(f);
                    JsonFinding {
                        severity: f.severity,
                        message: f.problem.message(Language::En),
                        item: f.problem.standard().map(str::to_owned),
                        trail: String::new(),
                        line: at.map(|a| a.line),
                        col: at.map(|a| a.col),
                        problem: None,
                    }
                })
                .collect(),
        };
        return Ok((code, Some(file)));
    }
    for f in &findings {
        writeln!(
            out,
            "{}: {}: {}",
            place(path, position(f)),
            f.severity.as_str(),
            f.problem.message(Language::En)
        )?;
    }
    let scores = inspection::score(&set, record);
    writeln!(
        out,
        "{}: {} verdicts on “{}”, score {} ({} passed, {} failed, {} n/a, {} not checked), {}; {errors} errors, {warnings} warnings",
        path.display(),
        record.verdicts.len(),
        set.title,
        inspection::report::percent(scores.overall.rate()),
        scores.overall.passed,
        scores.overall.failed,
        scores.overall.not_applicable,
        scores.overall.not_checked,
        scores.result_text(Language::En),
    )?;
    Ok((code, None))
}

/// Whether a line is mostly Chinese, to answer in the writer's language.
fn is_chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// The one-line answer of `servstd check` for one standard.
#[must_use]
pub fn check_line(text: &str) -> (bool, String) {
    let lang = if is_chinese(text) {
        Language::ZhCn
    } else {
        Language::En
    };
    let assessment = check::assess(text);
    match (&assessment.vagueness, assessment.criterion()) {
        (Some(vagueness), _) => (false, vagueness.message(lang)),
        (None, Some(criterion)) => (true, criterion_message(criterion, lang)),
        (None, None) => (true, String::new()),
    }
}

fn criterion_message(element: &check::Element, lang: Language) -> String {
    use check::ElementKind as K;
    let zh = lang != Language::En;
    let what = match (element.kind, zh) {
        (K::Quantity, false) => "a figure",
        (K::Quantity, true) => "数量",
        (K::TimeAnchor, false) => "a time limit or frequency",
        (K::TimeAnchor, true) => "时限或频率",
        (K::Quote, false) => "words to be said",
        (K::Quote, true) => "规定用语",
        (K::Observable | K::Act, false) => "an observable act",
        (K::Observable | K::Act, true) => "可观察的行为",
    };
    if zh {
        format!("可衡量：{what}“{}”", element.text)
    } else {
        format!("measurable: {what}, “{}”", element.text)
    }
}

fn check_lines(args: &CheckArgs) -> Result<u8> {
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

fn fmt(args: &FmtArgs) -> Result<u8> {
    let mut worst = exit::OK;
    for path in &args.files {
        let code = if is_inspection(path) {
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
        println!(
            "{}: not in canonical form; run `servstd fmt {}`",
            path.display(),
            path.display()
        );
        return Ok(exit::FINDINGS);
    }
    storage::save(path, &loaded.document).with_context(|| {
        format!(
            "{}: cannot write the file; it was left as it was",
            path.display()
        )
    })?;
    println!("{}: formatted", path.display());
    Ok(exit::OK)
}

/// Whether a path names an inspection record rather than a standards set.
#[must_use]
pub fn is_inspection(path: &Path) -> bool {
    path.to_string_lossy().ends_with(inspection::EXTENSION)
}

fn new(args: &NewArgs) -> Result<u8> {
    if args.list {
        for t in templates::TEMPLATES {
            let set = t.set();
            let c = set.counts();
            println!(
                "{:<20} {:<6} {} ({} contact points, {} standards)",
                t.name,
                set.language.tag(),
                set.title,
                c.contact_points,
                c.standards
            );
        }
        return Ok(exit::OK);
    }
    let (Some(name), Some(output)) = (&args.template, &args.output) else {
        bail!("give --template NAME and -o FILE, or --list");
    };
    let Some(template) = templates::find(name) else {
        let names: Vec<_> = templates::TEMPLATES.iter().map(|t| t.name).collect();
        eprintln!(
            "servstd: no template named “{name}”; choose one of: {}",
            names.join(", ")
        );
        return Ok(exit::UNREADABLE);
    };
    if output.exists() && !args.force {
        eprintln!(
            "{}: error: the file exists; choose another name, or add --force to replace it",
            output.display()
        );
        return Ok(exit::UNREADABLE);
    }
    let set = fresh_from(&template.set(), today());
    storage::save(output, &set)
        .with_context(|| format!("{}: cannot write the new set", output.display()))?;
    println!(
        "{}: new set from template “{}”; open it with `servstd {}`",
        output.display(),
        template.name,
        output.display()
    );
    Ok(exit::OK)
}

/// A template turned into a new draft: unapproved, revision 0.1, review in six months.
#[must_use]
pub fn fresh_from(template: &StandardsSet, today: jiff::civil::Date) -> StandardsSet {
    let mut set = template.clone();
    "0.1".clone_into(&mut set.revision);
    set.approved_by = String::new();
    set.effective = None;
    set.next_review = today.checked_add(jiff::Span::new().months(6)).ok();
    set
}

fn export(args: &ExportArgs) -> Result<u8> {
    let loaded = match storage::load::<StandardsSet>(&args.file) {
        Ok(loaded) => loaded,
        Err(err) => {
            eprintln!("{}", load_error_line(&err));
            return Ok(exit::UNREADABLE);
        }
    };
    let language = parse_lang(args.lang.as_deref())?;
    let options = crate::export::Options {
        format: args.format,
        layout: args.layout,
        paper: if args.paper == "letter" {
            crate::export::Paper::Letter
        } else {
            crate::export::Paper::A4
        },
        contact_points: args.contact_points.clone(),
        language,
    };
    let bytes = crate::export::export(&loaded.document, &options)
        .map_err(|e| anyhow::anyhow!("{}: {e}", args.file.display()))?;
    write_output(&args.output, &bytes)?;
    Ok(exit::OK)
}

fn parse_lang(tag: Option<&str>) -> Result<Option<Language>> {
    match tag.map(|tag| (tag, Language::from_tag(tag))) {
        None => Ok(None),
        Some((_, Some(lang))) => Ok(Some(lang)),
        Some((tag, None)) => bail!("unknown language “{tag}”; use zh-CN, zh-TW or en"),
    }
}

/// Writes `bytes` to `output` atomically, or to standard output for `-`.
fn write_output(output: &Path, bytes: &[u8]) -> Result<()> {
    if output == Path::new("-") {
        io::stdout().lock().write_all(bytes)?;
    } else {
        storage::write_atomic(output, bytes)
            .with_context(|| format!("{}: cannot write the file", output.display()))?;
        eprintln!("{}: {} bytes", output.display(), bytes.len());
    }
    Ok(())
}

fn report(args: &ReportArgs) -> Result<u8> {
    let language = parse_lang(args.lang.as_deref())?;
    let mut records = Vec::new();
    for path in &args.files {
        let loaded = match storage::load::<Inspection>(path) {
            Ok(loaded) => loaded,
            Err(err) => {
                eprintln!("{}", load_error_line(&err));
                return Ok(exit::UNREADABLE);
            }
        };
        let set = match loaded.document.resolve_set(path) {
            Ok((set, _)) => set,
            Err(message) => {
                eprintln!("{}: error: {message}", path.display());
                return Ok(exit::UNREADABLE);
            }
        };
        for finding in inspection::check::check(&loaded.document, &set) {
            if finding.severity == Severity::Error {
                eprintln!(
                    "{}: {}: {}",
                    path.display(),
                    finding.severity.as_str(),
                    finding.problem.message(Language::En)
                );
            }
        }
        records.push((set, loaded.document));
    }
    let survey = match &args.survey {
        None => std::collections::HashMap::new(),
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("{}: cannot read the survey scores", path.display()))?;
            match inspection::score::parse_survey(&text) {
                Ok(scores) => scores,
                Err(message) => {
                    eprintln!("{}: error: {message}", path.display());
                    return Ok(exit::UNREADABLE);
                }
            }
        }
    };
    let reports: Vec<_> = records
        .iter()
        .map(|(set, inspection)| inspection::report::Reported { set, inspection })
        .collect();
    let lang = language.unwrap_or(reports[0].set.language);
    let paper = if args.paper == "letter" {
        crate::export::Paper::Letter
    } else {
        crate::export::Paper::A4
    };
    let bytes = match args.format {
        crate::export::Format::Pdf => inspection::report::pdf(&reports, &survey, paper, lang)?,
        crate::export::Format::Csv => inspection::report::csv(&reports, lang),
        crate::export::Format::Xlsx => inspection::report::xlsx(&reports, lang)?,
    };
    write_output(&args.output, &bytes)?;
    Ok(exit::OK)
}
