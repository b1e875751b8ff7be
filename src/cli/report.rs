//! `servstd report`: inspections scored, charted and listed as PDF, CSV or XLSX.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use super::{
    FormatArg, PaperArg, exit, load_error_line, parse_lang, place, prepare_output, set_error_line,
    write_output,
};
use crate::core::check::Severity;
use crate::core::i18n::{for_set, locale};
use crate::core::inspection::survey::SurveyError;
use crate::core::inspection::{self, Inspection};
use crate::core::model::StandardsSet;
use crate::core::storage;
use crate::export::report;

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The .inspection.ron records to report on (several give a trend), or
    /// folders of them: every record under a folder, at any depth, of one
    /// set (`--set`, else the set its first record names).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// The set whose records are read from a folder given.
    #[arg(long, value_name = "FILE")]
    pub set: Option<PathBuf>,
    /// The kind of file to make.
    #[arg(long, short, value_enum, default_value = "pdf")]
    pub format: FormatArg,
    /// Paper size of the PDF.
    #[arg(long, value_enum, default_value = "a4")]
    pub paper: PaperArg,
    /// Language of the printed labels: zh-CN, zh-TW or en (default: the set's).
    #[arg(long)]
    pub lang: Option<String>,
    /// Customer survey scores for the quadrant: a CSV of FACTOR-ID,SCORE (1–5 or a percentage).
    #[arg(long)]
    pub survey: Option<PathBuf>,
    /// Customer survey responses (the questionnaire's template or a mapped
    /// online export, CSV or XLSX); repeat for several periods. Without it,
    /// the files the set's survey plan lists.
    #[arg(long = "responses")]
    pub responses: Vec<PathBuf>,
    /// Look for the records' sets in this folder, by file name, instead of
    /// at the path each record gives.
    #[arg(long, value_name = "DIR")]
    pub sets: Option<PathBuf>,
    /// Where to write; `-` writes to standard output.
    #[arg(long, short)]
    pub output: PathBuf,
    /// A chain's report from a folder of records (or record files): the
    /// league table of sites, the heat map of sites × contact points, the
    /// weakest standards, the trend per region and each region's sites; as
    /// CSV or XLSX, one row per site and per site × contact point.
    #[arg(long)]
    pub by_site: bool,
}

pub fn run(args: &ReportArgs) -> Result<u8> {
    if args.by_site {
        return super::report_by_site::run(&super::report_by_site::BySite {
            files: &args.files,
            set: args.set.as_deref(),
            sets: args.sets.as_deref(),
            format: args.format,
            paper: args.paper,
            lang: args.lang.as_deref(),
            output: &args.output,
        });
    }
    let mut inputs: Vec<&std::path::Path> = args.files.iter().map(PathBuf::as_path).collect();
    inputs.extend(args.survey.as_deref());
    inputs.extend(args.responses.iter().map(PathBuf::as_path));
    let Some(output) = prepare_output(&args.output, &inputs) else {
        return Ok(exit::UNREADABLE);
    };
    let language = parse_lang(args.lang.as_deref())?;
    let mut read = Read::default();
    for path in &args.files {
        let read_one = if super::folder::is_folder(path) {
            read.folder(path, args)
        } else {
            read.record(path, args)
        };
        if let Err(code) = read_one {
            return Ok(code);
        }
    }
    let Read {
        sets,
        set_files,
        records,
        record_errors,
        lost,
        not_used,
    } = read;
    if records.is_empty() {
        eprintln!("error: no inspection records of the set were found to report on");
        return Ok(exit::UNREADABLE);
    }
    let survey = match &args.survey {
        None => inspection::survey::SurveyFile::default(),
        Some(path) => match inspection::survey::load_file(path) {
            Ok(file) => file,
            Err(SurveyError::Load(err)) => {
                eprintln!("{}", load_error_line(&err));
                return Ok(exit::UNREADABLE);
            }
            Err(SurveyError::Line { path, source }) => {
                let lang = locale::from_env();
                eprintln!(
                    "{}: error: {}",
                    place(&path, Some(source.position())),
                    source.message(lang)
                );
                return Ok(exit::UNREADABLE);
            }
        },
    };
    let photos = inspection::actions::latest_photos(
        &records
            .iter()
            .map(|(_, inspection, actions, path)| {
                (Some(path.as_path()), inspection, actions.as_slice())
            })
            .collect::<Vec<_>>(),
    );
    let reports: Vec<_> = records
        .iter()
        .zip(&photos)
        .map(|((set, inspection, actions, _), photos)| report::Reported {
            set: &sets[*set],
            inspection,
            actions,
            photos,
        })
        .collect();
    let lang = language.unwrap_or(reports[0].set.language);
    let m = crate::core::i18n::messages(lang);
    let not_used_heading = crate::core::i18n::fill(
        crate::core::i18n::chain::chain_words(lang).not_used,
        &[("count", &not_used.len().to_string())],
    );
    let notes = [
        (
            m.survey.heading,
            survey_notes(args, &reports, &survey, lang),
        ),
        (m.photos_left_out, photo_notes(&sets, &records, lang)),
        (not_used_heading.as_str(), not_used.clone()),
    ];
    // What customers said, by the latest record's set and its plan.
    let latest_set = records
        .iter()
        .max_by_key(|(_, inspection, _, _)| inspection.when)
        .and_then(|(set, _, _, _)| set_files[*set].clone());
    let latest = reports
        .iter()
        .max_by_key(|r| r.inspection.when)
        .map(|r| r.set);
    let customers = match latest {
        Some(set) => match super::survey::customers(set, latest_set.as_deref(), &args.responses) {
            Ok(found) => found,
            Err(code) => return Ok(code),
        },
        None => None,
    };
    let paper = args.paper.into();
    let bytes = match args.format {
        FormatArg::Pdf => report::pdf_with(
            &reports,
            &survey.scores,
            customers.as_ref().map(|(f, p)| (f, p)),
            &notes,
            paper,
            lang,
            Some(crate::core::dates::export_time()),
        )?,
        FormatArg::Csv => report::csv(&reports, lang),
        FormatArg::Xlsx => report::xlsx(&reports, lang)?,
    };
    write_output(&output, &args.output, &bytes)?;
    // The report is written, but errors in a record (verdicts on standards
    // the set lacks, ...) fail the run, as validate does.
    Ok(if record_errors > 0 || lost {
        exit::FINDINGS
    } else {
        exit::OK
    })
}

/// The survey rows the quadrant does not use as written (a factor given twice,
/// an ID the latest record's set lacks, as the quadrant is of that set):
/// each a warning on stderr now, and a line in the PDF (returned, in `lang`).
fn survey_notes(
    args: &ReportArgs,
    reports: &[report::Reported<'_>],
    survey: &inspection::survey::SurveyFile,
    lang: crate::core::model::Language,
) -> Vec<String> {
    let Some(path) = &args.survey else {
        return Vec::new();
    };
    let Some(latest) = reports.iter().max_by_key(|r| r.inspection.when) else {
        return Vec::new();
    };
    let problems = survey.problems(&[latest.set]);
    let stderr_lang = for_set(locale::from_env(), latest.set.language);
    for problem in &problems {
        eprintln!(
            "{}: {}: {}",
            place(path, Some(problem.position())),
            Severity::Warning.as_str(),
            problem.message(stderr_lang)
        );
    }
    problems
        .iter()
        .map(|p| format!("{}: {}", place(path, Some(p.position())), p.message(lang)))
        .collect()
}

/// The latest record's photos that the PDF leaves out (the only record shown
/// in full): each a warning on stderr now, and a line in the PDF (returned,
/// in `lang`).
fn photo_notes(
    sets: &[StandardsSet],
    records: &[Reading],
    lang: crate::core::model::Language,
) -> Vec<String> {
    let Some((set, record, actions, path)) = records.iter().max_by_key(|r| r.1.when) else {
        return Vec::new();
    };
    let set = &sets[*set];
    let left_out = report::left_out(path, record, actions);
    let stderr_lang = for_set(locale::from_env(), set.language);
    for l in &left_out {
        eprintln!(
            "{}: {}: {}",
            path.display(),
            Severity::Warning.as_str(),
            l.message(stderr_lang)
        );
    }
    left_out
        .iter()
        .map(|l| format!("{}: {}", path.display(), l.message(lang)))
        .collect()
}

/// A record to report on: its set (an index into the sets read), the
/// record, its actions, its file.
type Reading = (usize, Inspection, Vec<inspection::actions::Action>, PathBuf);

/// What the inputs gave: each set once (a folder's records share theirs),
/// and the records.
#[derive(Default)]
struct Read {
    sets: Vec<StandardsSet>,
    /// The file of each set in `sets`, when it has one.
    set_files: Vec<Option<PathBuf>>,
    records: Vec<Reading>,
    record_errors: usize,
    /// A record under a folder could not be used.
    lost: bool,
    /// Files under folders not used, as said on standard error.
    not_used: Vec<String>,
}

impl Read {
    /// Reads one record with its set and actions.
    ///
    /// # Errors
    /// The exit code when that stops the report (said on standard error).
    fn record(&mut self, path: &std::path::Path, args: &ReportArgs) -> Result<(), u8> {
        let loaded = storage::load::<Inspection>(path).map_err(|err| {
            eprintln!("{}", load_error_line(&err));
            exit::UNREADABLE
        })?;
        let (set, set_file) = loaded
            .document
            .resolve_set_in(path, args.sets.as_deref())
            .map_err(|err| {
                let named = &loaded.document.standards.path;
                eprintln!("{}", set_error_line(&err, &loaded.text, named).0);
                exit::UNREADABLE
            })?;
        // The record's corrective actions: a damaged actions file stops the
        // report rather than leaving its actions out.
        let actions = inspection::actions::load_for(path)
            .map_err(|err| {
                eprintln!("{}", load_error_line(&err));
                exit::UNREADABLE
            })?
            .map(|l| l.document.actions)
            .unwrap_or_default();
        if overlong_action(path, &actions) {
            return Err(exit::UNREADABLE);
        }
        let at = self.set_index(set, set_file, path)?;
        self.check(path, &loaded.document, at)?;
        self.records
            .push((at, loaded.document, actions, path.to_owned()));
        Ok(())
    }

    /// Reads every record of one set under a folder: records and actions
    /// that cannot be read are said and counted, never a reason to stop.
    ///
    /// # Errors
    /// As [`Read::record`].
    fn folder(&mut self, path: &std::path::Path, args: &ReportArgs) -> Result<(), u8> {
        let found = super::folder::read(path, args.set.as_deref(), args.sets.as_deref())?;
        self.lost |= found.lost;
        self.not_used.extend(found.not_used);
        let at = self.set_index(found.set, found.set_path, path)?;
        for record in found.records {
            if overlong_action(&record.path, &record.actions) {
                return Err(exit::UNREADABLE);
            }
            self.check(&record.path, &record.inspection, at)?;
            self.records
                .push((at, record.inspection, record.actions, record.path));
        }
        Ok(())
    }

    /// The index of `set` (read from `file`) among the sets read, adding it
    /// when new. A set with a text past its length stops the report: it
    /// would take memory out of all proportion (validate lists every one).
    fn set_index(
        &mut self,
        set: StandardsSet,
        file: Option<PathBuf>,
        record: &std::path::Path,
    ) -> Result<usize, u8> {
        let same = |known: &Option<PathBuf>| match (known, &file) {
            (Some(a), Some(b)) => storage::scan::canonical(a) == storage::scan::canonical(b),
            _ => false,
        };
        if let Some(at) = self.set_files.iter().position(same)
            && self.sets[at] == set
        {
            return Ok(at);
        }
        // The text is the set's, so the message names the set's file and
        // item, not the record that only points at it.
        if let Some(long) = crate::core::model::limits::overlong(&set).first() {
            let lang = for_set(locale::from_env(), set.language);
            let item = long
                .at
                .and_then(|at| set.id_at(at))
                .map(|id| format!("{id}: "))
                .unwrap_or_default();
            eprintln!(
                "{}: error: {item}{}",
                file.as_deref().unwrap_or(record).display(),
                crate::core::check::too_long_message(
                    lang,
                    long.field,
                    long.chars,
                    long.field.max_chars()
                )
            );
            return Err(exit::UNREADABLE);
        }
        self.sets.push(set);
        self.set_files.push(file);
        Ok(self.sets.len() - 1)
    }

    /// Says the record's errors (verdicts on standards the set lacks, …),
    /// which fail the run once the report is written; a text past its
    /// length stops it.
    fn check(&mut self, path: &std::path::Path, record: &Inspection, set: usize) -> Result<(), u8> {
        let set = &self.sets[set];
        let lang = for_set(locale::from_env(), set.language);
        let mut too_long = false;
        for finding in inspection::check::check_record(record, set, path) {
            if finding.severity == Severity::Error {
                self.record_errors += 1;
                too_long |= matches!(finding.problem, inspection::check::Problem::TooLong { .. });
                eprintln!(
                    "{}: {}: {}",
                    path.display(),
                    finding.severity.as_str(),
                    finding.problem.message(lang)
                );
            }
        }
        if too_long {
            return Err(exit::UNREADABLE);
        }
        Ok(())
    }
}

/// Says so, naming the actions file beside `record` and the action, when an
/// action's text is past its limit: nothing is written then, since such a
/// text would make the output take memory out of all proportion (and a
/// workbook fail with the library's own words).
pub(super) fn overlong_action(
    record: &std::path::Path,
    actions: &[inspection::actions::Action],
) -> bool {
    let Some((action, (field, chars))) = actions
        .iter()
        .find_map(|a| a.overlong().map(|long| (a, long)))
    else {
        return false;
    };
    eprintln!(
        "{}: error: {}: {}",
        inspection::actions::path_for(record).display(),
        crate::core::text::shorten(&action.id, 40),
        crate::core::check::too_long_message(locale::from_env(), field, chars, field.max_chars())
    );
    true
}
