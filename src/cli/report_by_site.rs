//! `servstd report FOLDER --by-site`: a chain's report, site by site: the
//! league table, the heat map of sites × contact points, the standards
//! failing most chain-wide, the trend per region and each region's sites,
//! as PDF; or one row per site and per site × contact point as CSV or XLSX.

use anyhow::Result;

use std::path::{Path, PathBuf};

use super::{FormatArg, PaperArg, chain_input, exit, parse_lang, prepare_output, write_output};
use crate::core::chain::{self, Filter};
use crate::core::i18n::locale;
use crate::export::report::chain as chain_report;

/// What `report --by-site` is given (the report's own arguments).
pub struct BySite<'a> {
    pub files: &'a [PathBuf],
    pub set: Option<&'a Path>,
    pub sets: Option<&'a Path>,
    pub format: FormatArg,
    pub paper: PaperArg,
    pub lang: Option<&'a str>,
    pub output: &'a Path,
}

pub fn run(args: &BySite<'_>) -> Result<u8> {
    let mut inputs: Vec<&Path> = args.files.iter().map(PathBuf::as_path).collect();
    inputs.extend(args.set);
    let Some(output) = prepare_output(args.output, &inputs) else {
        return Ok(exit::UNREADABLE);
    };
    let language = parse_lang(args.lang)?;
    let loaded = match chain_input::load(args.files, args.set, args.sets) {
        Ok(loaded) => loaded,
        Err(code) => return Ok(code),
    };
    if loaded.records.is_empty() {
        let lang = locale::from_env();
        eprintln!(
            "{}: error: {}",
            args.files
                .first()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            crate::core::i18n::chain_report(lang).no_records
        );
        return Ok(exit::UNREADABLE);
    }
    let created = crate::core::dates::export_time();
    // Overdue as of the day the report is made.
    let today = created.to_zoned(jiff::tz::TimeZone::UTC).date();
    let aggregated = chain::aggregate(
        &loaded.set,
        &loaded.sites,
        &loaded.records,
        &Filter::default(),
        today,
    );
    let report = chain_report::Reported {
        set: &loaded.set,
        chain: &aggregated,
        records: &loaded.records,
        not_used: &loaded.not_used,
    };
    let lang = language.unwrap_or(loaded.set.language);
    let bytes = match args.format {
        FormatArg::Pdf => chain_report::pdf(&report, args.paper.into(), lang, Some(created))?,
        FormatArg::Csv => chain_report::csv(&report, lang),
        FormatArg::Xlsx => chain_report::xlsx(&report, lang)?,
    };
    write_output(&output, args.output, &bytes)?;
    Ok(if loaded.lost_records {
        exit::UNREADABLE
    } else {
        exit::OK
    })
}
