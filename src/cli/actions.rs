//! `servstd actions RECORD...`: the corrective actions of inspection records,
//! for scripts and follow-up; and `validate` of an `.actions.ron` file.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::{Args, ValueEnum};
use serde::Serialize;

use super::{exit, field_line, load_error_line, place};
use crate::core::check::Severity;
use crate::core::i18n::{for_set, locale};
use crate::core::inspection::actions::{self, Action, Actions};
use crate::core::inspection::{Inspection, actions_check};
use crate::core::model::StandardsSet;
use crate::core::storage::locate::ValueIndex;
use crate::core::storage::{self, Position};

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ActionsFormat {
    Text,
    Csv,
    Json,
    /// An Excel workbook with the set's language's headings; needs `--output`.
    Xlsx,
}

#[derive(Debug, Args)]
pub struct ActionsArgs {
    /// Inspection records (`.inspection.ron`), or folders of them (every
    /// record under a folder, at any depth, of one set: `--set`, else the
    /// set its first record names); each one's actions are in the
    /// `.actions.ron` file beside it.
    #[arg(required = true)]
    pub records: Vec<PathBuf>,
    /// The set whose records are read from a folder given.
    #[arg(long, value_name = "FILE")]
    pub set: Option<PathBuf>,
    /// Only actions still to be done (open or in progress).
    #[arg(long)]
    pub open: bool,
    /// Only actions open past their due date.
    #[arg(long)]
    pub overdue: bool,
    #[arg(long, short, value_enum, default_value = "text")]
    pub format: ActionsFormat,
    /// Look for each record's set in this folder, by file name.
    #[arg(long)]
    pub sets: Option<PathBuf>,
    /// What is overdue as of this date, YYYY-MM-DD (default: today).
    #[arg(long)]
    pub on: Option<jiff::civil::Date>,
    /// Write here instead of to standard output (`-` is standard output).
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Language of the workbook's and the text's words: zh-CN, zh-TW or en
    /// (default: the set's for the workbook, the interface's for the text).
    #[arg(long)]
    pub lang: Option<String>,
}

/// Column widths of the workbook, in characters.
const XLSX_WIDTHS: [f64; 16] = [
    24.0, 14.0, 11.0, 8.0, 10.0, 40.0, 14.0, 40.0, 14.0, 11.0, 9.0, 11.0, 8.0, 8.0, 11.0, 22.0,
];

/// The CSV's columns: the JSON's keys, for scripts.
const CSV_HEADERS: [&str; 16] = [
    "record",
    "site",
    "inspected",
    "id",
    "standard",
    "standard_text",
    "contact_point",
    "what",
    "owner",
    "due",
    "priority",
    "status",
    "overdue",
    "repeat",
    "done",
    "verified",
];

/// One action as listed, with where it came from.
#[derive(Serialize)]
struct Row<'a> {
    record: String,
    site: &'a str,
    inspected: String,
    id: &'a str,
    standard: &'a str,
    standard_text: String,
    contact_point: String,
    what: &'a str,
    owner: &'a str,
    due: String,
    priority: &'static str,
    status: &'static str,
    #[serde(skip)]
    action: &'a Action,
    overdue: bool,
    repeat: bool,
    done: String,
    verified: String,
}

pub fn run(args: &ActionsArgs) -> Result<u8> {
    let today = args.on.unwrap_or_else(crate::core::dates::today);
    let chosen = super::parse_lang(args.lang.as_deref())?;
    let inputs: Vec<&Path> = args.records.iter().map(PathBuf::as_path).collect();
    let output = match &args.output {
        Some(path) => match super::prepare_output(path, &inputs) {
            Some(output) => Some(output),
            None => return Ok(exit::UNREADABLE),
        },
        None if matches!(args.format, ActionsFormat::Xlsx) => {
            eprintln!("error: a workbook is a binary file: name it with --output FILE.xlsx");
            return Ok(exit::UNREADABLE);
        }
        None => None,
    };
    let mut sets: Vec<StandardsSet> = Vec::new();
    let mut loaded: Vec<(PathBuf, Inspection, Option<usize>, Actions)> = Vec::new();
    let mut lost = false;
    for path in &args.records {
        if super::folder::is_folder(path) {
            let found = match super::folder::read(path, args.set.as_deref(), args.sets.as_deref()) {
                Ok(found) => found,
                Err(code) => return Ok(code),
            };
            lost |= found.lost;
            sets.push(found.set);
            for record in found.records {
                if super::report::overlong_action(&record.path, &record.actions) {
                    return Ok(exit::UNREADABLE);
                }
                let mut file = Actions::new(&record.path);
                file.actions = record.actions;
                loaded.push((record.path, record.inspection, Some(sets.len() - 1), file));
            }
            continue;
        }
        let record = match storage::load::<Inspection>(path) {
            Ok(l) => l.document,
            Err(err) => {
                eprintln!("{}", load_error_line(&err));
                return Ok(exit::UNREADABLE);
            }
        };
        let file = match actions::load_for(path) {
            Ok(Some(l)) => l.document,
            Ok(None) => Actions::new(path),
            Err(err) => {
                eprintln!("{}", load_error_line(&err));
                return Ok(exit::UNREADABLE);
            }
        };
        if super::report::overlong_action(path, &file.actions) {
            return Ok(exit::UNREADABLE);
        }
        let set = record
            .resolve_set_in(path, args.sets.as_deref())
            .ok()
            .map(|(set, _)| {
                sets.push(set);
                sets.len() - 1
            });
        loaded.push((path.clone(), record, set, file));
    }
    let records: Vec<&Inspection> = loaded.iter().map(|(_, r, _, _)| r).collect();
    let mut rows = Vec::new();
    for (path, record, set, file) in &loaded {
        let repeats = actions::repeats(record, &records);
        for a in &file.actions {
            if args.open && !a.status.is_open() || args.overdue && !a.is_overdue(today) {
                continue;
            }
            rows.push(row(path, record, set.map(|n| &sets[n]), a, &repeats, today));
        }
    }
    let first_set = loaded
        .iter()
        .find_map(|(_, _, set, _)| set.map(|n| &sets[n]));
    // The text follows the interface (like every message); the workbook is
    // a document, and follows the set (like the report).
    let lang = chosen.unwrap_or_else(|| {
        first_set.map_or(locale::from_env(), |s| {
            for_set(locale::from_env(), s.language)
        })
    });
    let sheet_lang = chosen.or(first_set.map(|s| s.language)).unwrap_or(lang);
    let mut out: Vec<u8> = Vec::new();
    match args.format {
        ActionsFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &rows)?;
            writeln!(out)?;
        }
        ActionsFormat::Csv => {
            // Through the export's table: a BOM for Excel, and every cell
            // neutralised against formula injection (a note may start with =).
            out = crate::export::csv::table(&CSV_HEADERS, &cells(&rows, None));
        }
        ActionsFormat::Xlsx => {
            // People read the workbook: headings, status and priority in the
            // set's language (the CSV keeps the keys, for scripts).
            let m = crate::core::i18n::messages(sheet_lang);
            out = crate::export::xlsx::table(
                m.actions_sheet,
                &m.action_headers,
                &XLSX_WIDTHS,
                &cells(&rows, Some(sheet_lang)),
            )?;
        }
        ActionsFormat::Text => {
            let m = crate::core::i18n::messages(lang);
            let w = &m.action_words;
            let stdout = &mut out;
            for r in &rows {
                let flags = [r.overdue.then_some(w.overdue), r.repeat.then_some(w.repeat)]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" ");
                writeln!(
                    stdout,
                    "{} {} [{}] {} · {} · {} {} · {}{}\n    {}",
                    r.record,
                    r.id,
                    r.status_label(lang),
                    r.standard,
                    r.owner,
                    w.due,
                    r.due,
                    r.priority_label(lang),
                    if flags.is_empty() {
                        String::new()
                    } else {
                        format!(" · {flags}")
                    },
                    r.what
                )?;
            }
            let count = rows.len().to_string();
            writeln!(
                stdout,
                "{}",
                crate::core::i18n::fill(w.count, &[("count", &count)])
            )?;
        }
    }
    match (&output, &args.output) {
        (Some(output), Some(shown)) => super::write_output(output, shown, &out)?,
        _ => std::io::stdout().lock().write_all(&out)?,
    }
    // Records under a folder that could not be read were said on standard
    // error: the list is written, but it is not the whole of the folder.
    Ok(if lost { exit::FINDINGS } else { exit::OK })
}

/// The rows as table cells in [`CSV_HEADERS`] order: keys for scripts, or
/// with `lang` the words people read (status, priority, yes).
fn cells(rows: &[Row<'_>], lang: Option<crate::core::model::Language>) -> Vec<Vec<String>> {
    let flag = |on: bool| match lang {
        None => on.to_string(),
        Some(lang) if on => crate::core::i18n::messages(lang)
            .action_words
            .overdue
            .to_owned(),
        Some(_) => String::new(),
    };
    rows.iter()
        .map(|r| {
            let (priority, status) = match lang {
                Some(lang) => (r.priority_label(lang), r.status_label(lang)),
                None => (r.priority, r.status),
            };
            let repeat = match lang {
                Some(lang) if r.repeat => crate::core::i18n::messages(lang)
                    .action_words
                    .repeat
                    .to_owned(),
                _ => flag(r.repeat),
            };
            vec![
                r.record.clone(),
                r.site.to_owned(),
                r.inspected.clone(),
                r.id.to_owned(),
                r.standard.to_owned(),
                r.standard_text.clone(),
                r.contact_point.clone(),
                r.what.to_owned(),
                r.owner.to_owned(),
                r.due.clone(),
                priority.to_owned(),
                status.to_owned(),
                flag(r.overdue),
                repeat,
                r.done.clone(),
                r.verified.clone(),
            ]
        })
        .collect()
}

impl Row<'_> {
    fn status_label(&self, lang: crate::core::model::Language) -> &'static str {
        self.action.status.label(lang)
    }

    fn priority_label(&self, lang: crate::core::model::Language) -> &'static str {
        self.action.priority.label(lang)
    }
}

fn row<'a>(
    path: &Path,
    record: &'a Inspection,
    set: Option<&StandardsSet>,
    a: &'a Action,
    repeats: &[&str],
    today: jiff::civil::Date,
) -> Row<'a> {
    let found = set.and_then(|s| s.standard(&a.standard));
    Row {
        record: path.display().to_string(),
        site: &record.site,
        inspected: record.when.date().to_string(),
        id: &a.id,
        standard: &a.standard,
        standard_text: found.map(|(_, s)| s.text.clone()).unwrap_or_default(),
        contact_point: found
            .map(|(at, _)| at.contact_point.name.clone())
            .unwrap_or_default(),
        what: &a.what,
        owner: &a.owner,
        due: a.due.to_string(),
        priority: a.priority.key(),
        status: a.status.key(),
        action: a,
        overdue: a.is_overdue(today),
        repeat: repeats.contains(&a.standard.as_str()),
        done: a
            .done
            .as_ref()
            .map(|d| d.date.to_string())
            .unwrap_or_default(),
        verified: a
            .verified
            .as_ref()
            .map(|v| format!("{} {}", v.date, v.by))
            .unwrap_or_default(),
    }
}

/// `validate FILE.actions.ron`: prints its findings; returns the exit code.
///
/// With `json`, nothing is written to `out`: the file's entry in
/// `validate --json`'s list is pushed there instead, so the output is JSON.
pub fn validate(
    path: &Path,
    strict: bool,
    sets: Option<&Path>,
    out: &mut impl Write,
    mut json: Option<&mut Vec<serde_json::Value>>,
) -> Result<u8> {
    let loaded = match storage::load::<Actions>(path) {
        Ok(l) => l,
        Err(err) => {
            if let Some(json) = json {
                let at = err.position();
                json.push(serde_json::json!({
                    "file": path.display().to_string(),
                    "readable": false,
                    "error": {
                        "line": at.map(|a| a.line),
                        "col": at.map(|a| a.col),
                        "message": super::load_error_message(&err),
                    },
                    "findings": [],
                }));
            } else {
                writeln!(out, "{}", load_error_line(&err))?;
            }
            return Ok(exit::UNREADABLE);
        }
    };
    let file = &loaded.document;
    let record_path = path.with_file_name(&file.record);
    let record = if file.record.contains(['/', '\\']) {
        None // the record is named beside this file, never elsewhere
    } else {
        storage::load::<Inspection>(&record_path)
            .ok()
            .map(|l| l.document)
    };
    let set = record
        .as_ref()
        .and_then(|r| r.resolve_set_in(&record_path, sets).ok())
        .map(|(set, _)| set);
    let lang = for_set(
        locale::from_env(),
        set.as_ref().map_or(locale::from_env(), |s| s.language),
    );
    let findings = actions_check::check(file, path, record.as_ref(), set.as_ref());
    let ids = ValueIndex::new(&loaded.text, "id");
    let position = |f: &actions_check::Finding| -> Option<Position> {
        let field = f.problem.field().map(|key| format!("{key}:"));
        match (f.problem.action(), field) {
            (Some(id), Some(field)) => {
                let at = ids.get(id).first().copied()?;
                field_line(&loaded.text, at.line - 1, &field).or(Some(at))
            }
            (Some(id), None) => ids.get(id).get(1).or(ids.get(id).first()).copied(),
            (None, Some(field)) => field_line(&loaded.text, 0, &field),
            (None, None) => None,
        }
    };
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let warnings = findings.len() - errors;
    let code = if errors > 0 || strict && warnings > 0 {
        exit::FINDINGS
    } else {
        exit::OK
    };
    if let Some(json) = json.as_mut() {
        let listed: Vec<_> = findings
            .iter()
            .map(|f| {
                let at = position(f);
                serde_json::json!({
                    "severity": f.severity,
                    "message": f.problem.message(lang),
                    "item": f.problem.action(),
                    "line": at.map(|a| a.line),
                    "col": at.map(|a| a.col),
                })
            })
            .collect();
        json.push(serde_json::json!({
            "file": path.display().to_string(),
            "readable": true,
            "counts": { "actions": file.actions.len(), "errors": errors, "warnings": warnings },
            "findings": listed,
        }));
        return Ok(code);
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
    writeln!(
        out,
        "{}: {} actions, {errors} errors, {warnings} warnings",
        path.display(),
        file.actions.len()
    )?;
    Ok(if errors > 0 || strict && warnings > 0 {
        exit::FINDINGS
    } else {
        exit::OK
    })
}
