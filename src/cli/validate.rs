//! `servstd validate`: load sets and inspection records, run every check, print findings with file, line and column.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::Args;
use serde::Serialize;

use super::{
    exit, field_line, input_kind, load_error_line, load_error_message, place, set_error_line,
};
use crate::core::check::{self, Finding, Problem, Severity, Tally};
use crate::core::dates::today;
use crate::core::i18n::{fill, for_set, locale, messages};
use crate::core::inspection::{self, Inspection};
use crate::core::model::StandardsSet;
use crate::core::storage::locate::ValueIndex;
use crate::core::storage::{self, Position};
use crate::export::report;

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Fail on warnings and vague standards too, not only on errors.
    #[arg(long)]
    pub strict: bool,
    /// Print the results as JSON on standard output.
    #[arg(long)]
    pub json: bool,
    /// Look for the sets of inspection records in this folder, by file
    /// name, instead of at the path each record gives.
    #[arg(long, value_name = "DIR")]
    pub sets: Option<PathBuf>,
    /// Extra checker words (RON, as docs/CHECKER-WORDS.md describes), merged
    /// over the shipped ones and the user's own file.
    #[arg(long, value_name = "FILE")]
    pub words: Option<PathBuf>,
    /// A survey file (`FACTOR-ID,SCORE`) to check against the sets given or
    /// named by the records: a factor given twice or an ID no set has is a
    /// warning, a row that is not a factor and a score an error.
    #[arg(long, value_name = "SCORES.csv")]
    pub survey: Option<PathBuf>,
    /// The files to check.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
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
    /// Advice that never fails a check: the specific and customer-based hints.
    hints: usize,
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
pub(super) fn finding_position(
    text: &str,
    ids: &ValueIndex,
    finding: &Finding,
) -> Option<Position> {
    if let Some(id) = &finding.item {
        let places = ids.get(id);
        return match &finding.problem {
            // Point at the second use: the first is the one to keep.
            Problem::DuplicateId { .. } => places.get(1).or(places.first()).copied(),
            // The field itself, the first of its name after the item's ID.
            Problem::TooLong { field, .. } => {
                let from = places.first()?;
                field_line(text, from.line - 1, &format!("{}:", field.key())).or(Some(*from))
            }
            _ => places.first().copied(),
        };
    }
    let key;
    let field = match &finding.problem {
        Problem::EmptyTitle => "title:",
        Problem::ReviewOverdue { .. } => "next_review:",
        Problem::ChangedSinceApproval { .. } => "revision:",
        Problem::Logo { .. } => "logo:",
        Problem::NoContactPoints => "contact_points:",
        Problem::TooLong { field, .. } => {
            key = format!("{}:", field.key());
            &key
        }
        _ => return None,
    };
    field_line(text, 0, field)
}

pub fn run(args: &ValidateArgs) -> Result<u8> {
    let today = today();
    let mut worst = exit::OK;
    let mut json = Vec::new();
    let stdout = io::stdout();
    let mut out = stdout.lock();
    // The sets a survey is checked against, kept only when there is one.
    let mut sets = Vec::new();
    for path in &args.files {
        let kind = input_kind(path);
        if kind == storage::FileKind::Actions {
            let code = super::actions::validate(
                path,
                args.strict,
                args.sets.as_deref(),
                &mut out,
                args.json.then_some(&mut json),
            )?;
            worst = worst.max(code);
            continue;
        }
        if kind == storage::FileKind::Inspection {
            let (code, file) = validate_inspection(path, args, &mut out, &mut sets)?;
            worst = worst.max(code);
            if let Some(file) = file {
                json.push(serde_json::to_value(file)?);
            }
            continue;
        }
        let loaded = match storage::load::<StandardsSet>(path) {
            Ok(loaded) => loaded,
            Err(err) => {
                worst = worst.max(exit::UNREADABLE);
                if args.json {
                    let at = err.position();
                    json.push(serde_json::to_value(JsonFile {
                        file: path.display().to_string(),
                        readable: false,
                        error: Some(JsonError {
                            line: at.map(|a| a.line),
                            col: at.map(|a| a.col),
                            message: load_error_message(&err),
                        }),
                        counts: None,
                        findings: Vec::new(),
                    })?);
                } else {
                    writeln!(out, "{}", load_error_line(&err))?;
                }
                continue;
            }
        };
        let set = &loaded.document;
        if args.survey.is_some() {
            sets.push(set.clone());
        }
        // Positions of every ID in one pass, however many findings there are.
        let ids = ValueIndex::new(&loaded.text, "id");
        let lang = for_set(locale::from_env(), set.language);
        let mut findings = check::validate(set, today);
        findings.extend(check::logo(set, path));
        let tally = Tally::of(&findings);
        let vague = findings.iter().filter(|f| f.is_vague()).count();
        if tally.errors > 0 || args.strict && tally.warnings > 0 {
            worst = worst.max(exit::FINDINGS);
        }
        let counts = set.counts();
        if args.json {
            json.push(serde_json::to_value(JsonFile {
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
                    hints: tally.hints,
                    vague,
                }),
                findings: findings
                    .iter()
                    .map(|f| {
                        let at = finding_position(&loaded.text, &ids, f);
                        JsonFinding {
                            severity: f.severity,
                            message: f.problem.message(lang),
                            item: f.item.clone(),
                            trail: f.trail.clone(),
                            line: at.map(|a| a.line),
                            col: at.map(|a| a.col),
                            problem: Some(f.problem.clone()),
                        }
                    })
                    .collect(),
            })?);
            continue;
        }
        for finding in &findings {
            let message = finding.problem.message(lang);
            let severity = finding.severity.as_str();
            match finding_position(&loaded.text, &ids, finding) {
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
        let summary = fill(
            messages(lang).set_summary,
            &[
                ("contact_points", &counts.contact_points.to_string()),
                ("steps", &counts.steps.to_string()),
                ("factors", &counts.factors.to_string()),
                ("standards", &counts.standards.to_string()),
                ("errors", &tally.errors.to_string()),
                ("warnings", &tally.warnings.to_string()),
            ],
        );
        writeln!(out, "{}: {summary}", path.display())?;
    }
    if let Some(survey) = &args.survey {
        let (code, file) = validate_survey(survey, &sets, args, &mut out)?;
        worst = worst.max(code);
        json.extend(file.map(serde_json::to_value).transpose()?);
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
    sets: &mut Vec<StandardsSet>,
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
                    Some(unreadable(load_error_message(&err), err.position())),
                ));
            }
            writeln!(out, "{}", load_error_line(&err))?;
            return Ok((exit::UNREADABLE, None));
        }
    };
    let record = &loaded.document;
    let (set, set_file) = match record.resolve_set_in(path, args.sets.as_deref()) {
        Ok(found) => found,
        Err(err) => {
            let (line, message, at) = set_error_line(&err, &loaded.text, &record.standards.path);
            if args.json {
                return Ok((exit::UNREADABLE, Some(unreadable(message, at))));
            }
            writeln!(out, "{line}")?;
            return Ok((exit::UNREADABLE, None));
        }
    };
    let lang = for_set(locale::from_env(), set.language);
    let findings = inspection::check::check_record(record, &set, path);
    if args.survey.is_some() {
        sets.push(set.clone());
    }
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    // The photos a report would leave out: a warning each, never silence.
    // A damaged actions file is its own finding when it is validated.
    let actions = inspection::actions::load_for(path)
        .ok()
        .flatten()
        .map(|l| l.document.actions)
        .unwrap_or_default();
    let left_out = report::left_out(path, record, &actions);
    let sites = site_findings(record, set_file.as_deref(), &loaded.text, lang);
    let warnings = findings.len() - errors + left_out.len() + sites.len();
    let code = if errors > 0 || args.strict && warnings > 0 {
        exit::FINDINGS
    } else {
        exit::OK
    };
    let standards = ValueIndex::new(&loaded.text, "standard");
    let position = |f: &inspection::check::Finding| {
        let field = f.problem.field().map(|key| format!("{key}:"));
        match (&f.problem, f.problem.standard(), field) {
            // The field's own line in its entry (the same evidence path may
            // be written in many), or in the record for the site and inspector.
            (_, Some(id), Some(field)) => {
                let entry = standards.get(id).first().copied()?;
                field_line(&loaded.text, entry.line - 1, &field).or(Some(entry))
            }
            (_, None, Some(field)) => field_line(&loaded.text, 0, &field),
            (inspection::check::Problem::DuplicateVerdict { .. }, Some(id), None) => {
                standards.get(id).get(1).copied()
            }
            (_, Some(id), None) => standards.get(id).first().copied(),
            (_, None, None) => None,
        }
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
                        message: f.problem.message(lang),
                        item: f.problem.standard().map(str::to_owned),
                        trail: String::new(),
                        line: at.map(|a| a.line),
                        col: at.map(|a| a.col),
                        problem: None,
                    }
                })
                .chain(left_out.iter().map(|l| {
                    let at = standards.get(&l.standard).first().copied();
                    JsonFinding {
                        severity: Severity::Warning,
                        message: l.message(lang),
                        item: Some(l.standard.clone()),
                        trail: String::new(),
                        line: at.map(|a| a.line),
                        col: at.map(|a| a.col),
                        problem: None,
                    }
                }))
                .chain(sites.iter().map(|(at, message)| JsonFinding {
                    severity: Severity::Warning,
                    message: message.clone(),
                    item: None,
                    trail: String::new(),
                    line: at.map(|a| a.line),
                    col: at.map(|a| a.col),
                    problem: None,
                }))
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
            f.problem.message(lang)
        )?;
    }
    for l in &left_out {
        writeln!(
            out,
            "{}: {}: {}",
            place(path, standards.get(&l.standard).first().copied()),
            Severity::Warning.as_str(),
            l.message(lang)
        )?;
    }
    for (at, message) in &sites {
        writeln!(
            out,
            "{}: {}: {message}",
            place(path, *at),
            Severity::Warning.as_str(),
        )?;
    }
    let scores = inspection::score(&set, record);
    let summary = fill(
        messages(lang).record_summary,
        &[
            ("verdicts", &record.verdicts.len().to_string()),
            ("title", &set.title),
            ("score", &report::percent(scores.overall.rate())),
            ("passed", &scores.overall.passed.to_string()),
            ("failed", &scores.overall.failed.to_string()),
            ("na", &scores.overall.not_applicable.to_string()),
            ("unchecked", &scores.overall.not_checked.to_string()),
            ("result", &scores.result_cell(lang)),
            ("errors", &errors.to_string()),
            ("warnings", &warnings.to_string()),
        ],
    );
    writeln!(out, "{}: {summary}", path.display())?;
    Ok((code, None))
}

/// The record's site against the register beside its set (none without
/// one): a site ID the register lacks, or a name it does not have, with the
/// site most likely meant; a register that cannot be read is said too.
fn site_findings(
    record: &Inspection,
    set_file: Option<&Path>,
    text: &str,
    lang: crate::core::model::Language,
) -> Vec<(Option<Position>, String)> {
    use crate::core::chain::sites::{self, SiteFinding};
    let Some(set_file) = set_file else {
        return Vec::new();
    };
    match sites::load_beside(set_file) {
        Ok(None) => Vec::new(),
        Err(e) => vec![(None, e.to_string())],
        Ok(Some(register)) => SiteFinding::of(&register.document, record)
            .map(|f| {
                let file = sites::path_for(set_file).display().to_string();
                let at = field_line(text, 0, &format!("{}:", f.field()));
                (at, f.message(record, &file, lang))
            })
            .into_iter()
            .collect(),
    }
}

/// Checks a survey file against `sets`: rows that are not a factor and a
/// score are an error (the file cannot be used), a factor given twice or an
/// ID of no set a warning, each with its line. Text lines go to `out`, the
/// JSON entry (with `--json`) is returned.
fn validate_survey(
    path: &Path,
    sets: &[StandardsSet],
    args: &ValidateArgs,
    out: &mut impl Write,
) -> Result<(u8, Option<JsonFile>)> {
    use crate::core::inspection::survey::{self, SurveyError};
    let lang = for_set(
        locale::from_env(),
        sets.first().map_or(locale::from_env(), |s| s.language),
    );
    let entry = |readable: bool, error: Option<JsonError>, findings: Vec<JsonFinding>| JsonFile {
        file: path.display().to_string(),
        readable,
        error,
        counts: None,
        findings,
    };
    let file = match survey::load_file(path) {
        Ok(file) => file,
        Err(err) => {
            let (line, message, at) = match &err {
                SurveyError::Load(err) => (
                    load_error_line(err),
                    load_error_message(err),
                    err.position(),
                ),
                SurveyError::Line { source, .. } => {
                    let at = source.position();
                    let message = source.message(lang);
                    (
                        format!("{}: error: {message}", place(path, Some(at))),
                        message,
                        Some(at),
                    )
                }
            };
            if args.json {
                let error = JsonError {
                    line: at.map(|a| a.line),
                    col: at.map(|a| a.col),
                    message,
                };
                return Ok((
                    exit::UNREADABLE,
                    Some(entry(false, Some(error), Vec::new())),
                ));
            }
            writeln!(out, "{line}")?;
            return Ok((exit::UNREADABLE, None));
        }
    };
    let problems = file.problems(&sets.iter().collect::<Vec<_>>());
    let code = if args.strict && !problems.is_empty() {
        exit::FINDINGS
    } else {
        exit::OK
    };
    if args.json {
        let findings = problems
            .iter()
            .map(|p| JsonFinding {
                severity: Severity::Warning,
                message: p.message(lang),
                item: None,
                trail: String::new(),
                line: Some(p.position().line),
                col: Some(p.position().col),
                problem: None,
            })
            .collect();
        return Ok((code, Some(entry(true, None, findings))));
    }
    for p in &problems {
        writeln!(
            out,
            "{}: {}: {}",
            place(path, Some(p.position())),
            Severity::Warning.as_str(),
            p.message(lang)
        )?;
    }
    Ok((code, None))
}
