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
use crate::core::storage;
use crate::export::report;

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The .inspection.ron records to report on; several give a trend.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
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
    /// With --by-site, the set the records are of (default: the only set
    /// in the folder, else the one the first record names).
    #[arg(long, value_name = "FILE", requires = "by_site")]
    pub set: Option<PathBuf>,
}

pub fn run(args: &ReportArgs) -> Result<u8> {
    if args.by_site {
        return super::report_by_site::run(args);
    }
    let mut record_errors = 0usize;
    let mut inputs: Vec<&std::path::Path> = args.files.iter().map(PathBuf::as_path).collect();
    inputs.extend(args.survey.as_deref());
    let Some(output) = prepare_output(&args.output, &inputs) else {
        return Ok(exit::UNREADABLE);
    };
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
        let set = match loaded.document.resolve_set_in(path, args.sets.as_deref()) {
            Ok((set, _)) => set,
            Err(err) => {
                let named = &loaded.document.standards.path;
                eprintln!("{}", set_error_line(&err, &loaded.text, named).0);
                return Ok(exit::UNREADABLE);
            }
        };
        // The record's corrective actions: a damaged actions file stops the
        // report rather than leaving its actions out.
        let actions = match inspection::actions::load_for(path) {
            Ok(found) => found.map(|l| l.document.actions).unwrap_or_default(),
            Err(err) => {
                eprintln!("{}", load_error_line(&err));
                return Ok(exit::UNREADABLE);
            }
        };
        let lang = for_set(locale::from_env(), set.language);
        let findings = inspection::check::check_record(&loaded.document, &set, path);
        let mut too_long = false;
        for finding in findings {
            if finding.severity == Severity::Error {
                record_errors += 1;
                too_long |= matches!(finding.problem, inspection::check::Problem::TooLong { .. });
                eprintln!(
                    "{}: {}: {}",
                    path.display(),
                    finding.severity.as_str(),
                    finding.problem.message(lang)
                );
            }
        }
        // A text past its length would make the report take memory out of
        // all proportion: nothing is written (validate lists every one).
        if let Some(long) = crate::core::model::limits::overlong(&set).first() {
            eprintln!(
                "{}: error: {}",
                path.display(),
                crate::core::check::too_long_message(
                    lang,
                    long.field,
                    long.chars,
                    long.field.max_chars()
                )
            );
            too_long = true;
        }
        if too_long {
            return Ok(exit::UNREADABLE);
        }
        records.push((set, loaded.document, actions, path.clone()));
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
            set,
            inspection,
            actions,
            photos,
        })
        .collect();
    let lang = language.unwrap_or(reports[0].set.language);
    let m = crate::core::i18n::messages(lang);
    let notes = [
        (
            m.survey.heading,
            survey_notes(args, &reports, &survey, lang),
        ),
        (m.photos_left_out, photo_notes(&records, lang)),
    ];
    let paper = args.paper.into();
    let bytes = match args.format {
        FormatArg::Pdf => report::pdf(
            &reports,
            &survey.scores,
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
    Ok(if record_errors > 0 {
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
    records: &[(
        crate::core::model::StandardsSet,
        Inspection,
        Vec<inspection::actions::Action>,
        PathBuf,
    )],
    lang: crate::core::model::Language,
) -> Vec<String> {
    let Some((set, record, actions, path)) = records.iter().max_by_key(|r| r.1.when) else {
        return Vec::new();
    };
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
