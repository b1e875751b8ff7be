//! `servstd export-verdicts FOLDER|RECORD... --format parquet|csv -o FILE`:
//! one row per verdict of every record, for a chain's data team (duckdb,
//! Spark, Power BI). Records are read a batch at a time, in parallel, and
//! their rows written as they come, so a year of a chain's visits never sits
//! in memory whole; the output replaces its file only once complete.

use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Result;
use clap::{Args, ValueEnum};

use super::chain_input;
use super::{exit, load_error_line, prepare_output, set_error_line};
use crate::core::chain::Sites;
use crate::core::inspection::Inspection;
use crate::core::inspection::actions::{self, Action};
use crate::core::model::StandardsSet;
use crate::core::storage::{self, output};
use crate::export::parquet::ParquetWriter;
use crate::export::verdicts::{CsvWriter, Row, Visit, visit_rows};

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum VerdictsFormat {
    /// Typed columns (dates, booleans, text), Snappy-compressed.
    Parquet,
    /// The same columns as text, UTF-8 with a byte-order mark.
    Csv,
}

#[derive(Debug, Args)]
pub struct VerdictsArgs {
    /// A folder (every `.inspection.ron` under it) or record files.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    #[arg(long, short, value_enum, default_value = "parquet")]
    pub format: VerdictsFormat,
    /// Look for the records' sets in this folder, by file name, instead of
    /// at the path each record gives.
    #[arg(long, value_name = "DIR")]
    pub sets: Option<PathBuf>,
    /// Where to write; `-` writes to standard output.
    #[arg(long, short)]
    pub output: PathBuf,
}

/// Records read at once: enough to keep both cores busy, few enough that
/// only a batch of records is ever in memory.
const BATCH: usize = 256;

/// One record read, with its actions.
struct Read {
    path: PathBuf,
    inspection: Inspection,
    text: String,
    actions: Vec<Action>,
}

/// Either sink of rows.
enum Sink<'w> {
    Parquet(ParquetWriter<&'w mut (dyn io::Write + Send)>),
    Csv(CsvWriter<&'w mut (dyn io::Write + Send)>),
}

impl Sink<'_> {
    fn push(&mut self, row: &Row<'_>) -> io::Result<()> {
        match self {
            Self::Parquet(w) => w.push(row).map_err(io::Error::other),
            Self::Csv(w) => w.push(row),
        }
    }

    fn rows(&self) -> usize {
        match self {
            Self::Parquet(w) => w.rows(),
            Self::Csv(w) => w.rows(),
        }
    }

    fn finish(self) -> io::Result<()> {
        match self {
            Self::Parquet(w) => w.finish().map(drop).map_err(io::Error::other),
            Self::Csv(w) => w.finish().map(drop),
        }
    }
}

pub fn run(args: &VerdictsArgs) -> Result<u8> {
    let inputs: Vec<&Path> = args.inputs.iter().map(PathBuf::as_path).collect();
    let Some(out) = prepare_output(&args.output, &inputs) else {
        return Ok(exit::UNREADABLE);
    };
    let chain = chain_input::files(&args.inputs);
    for line in &chain.problems {
        eprintln!("{line}");
    }
    let mut problems = chain.problems.len();
    let mut records_used = 0usize;
    let mut written = 0usize;
    let format = args.format;
    let sets_dir = args.sets.as_deref();
    output::write_with(&out, |w| {
        let mut sink = match format {
            VerdictsFormat::Parquet => {
                Sink::Parquet(ParquetWriter::new(w).map_err(io::Error::other)?)
            }
            VerdictsFormat::Csv => Sink::Csv(CsvWriter::new(w)?),
        };
        let mut sets: HashMap<PathBuf, Option<Arc<SetAndSites>>> = HashMap::new();
        // The next batch is read while this one's rows are written, so that
        // reading and encoding each keep a core busy; one batch waits at
        // most, so only a few batches are ever in memory.
        let (send, batches) = std::sync::mpsc::sync_channel(1);
        let records = &chain.records;
        std::thread::scope(|scope| {
            scope.spawn(move || {
                for batch in records.chunks(BATCH) {
                    // The writer stopped on an error: nothing more to read.
                    if send.send(read_batch(batch)).is_err() {
                        break;
                    }
                }
            });
            for read in batches.into_iter().flatten() {
                let read = match read {
                    Ok(read) => read,
                    Err(line) => {
                        // Listed, never skipped in silence.
                        eprintln!("{line}");
                        problems += 1;
                        continue;
                    }
                };
                let Some(found) = set_of(&read, sets_dir, &mut sets, &mut problems) else {
                    problems += 1;
                    continue;
                };
                let site = chain_input::site_columns(&found.sites, &read.inspection);
                let record = chain.relative(&read.path);
                records_used += 1;
                let visit = Visit {
                    set: &found.set,
                    inspection: &read.inspection,
                    actions: &read.actions,
                    site,
                    record: &record,
                };
                visit_rows(&visit, |row| sink.push(row))?;
            }
            Ok::<(), io::Error>(())
        })?;
        written = sink.rows();
        sink.finish()
    })
    .map_err(|e| anyhow::anyhow!("{}: cannot write the file: {e}", args.output.display()))?;
    let lang = crate::core::i18n::locale::from_env();
    eprintln!(
        "{}: {}",
        args.output.display(),
        crate::core::i18n::fill(
            crate::core::i18n::chain_report(lang).verdict_rows_written,
            &[
                ("rows", &written.to_string()),
                ("records", &records_used.to_string()),
            ],
        )
    );
    Ok(if problems > 0 {
        exit::UNREADABLE
    } else {
        exit::OK
    })
}

/// Reads a batch of records and their actions files on every core; the
/// results in the order of `paths`, each a record or the line saying why
/// it could not be read.
fn read_batch(paths: &[PathBuf]) -> Vec<Result<Read, String>> {
    let workers = crate::core::threads::available();
    let per = paths.len().div_ceil(workers).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = paths
            .chunks(per)
            .map(|part| scope.spawn(move || part.iter().map(|p| read_one(p)).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

fn read_one(path: &Path) -> Result<Read, String> {
    let loaded = storage::load::<Inspection>(path).map_err(|e| load_error_line(&e))?;
    // A damaged actions file is listed rather than its statuses left out.
    let actions = match actions::load_for(path) {
        Ok(found) => found.map(|l| l.document.actions).unwrap_or_default(),
        Err(err) => return Err(load_error_line(&err)),
    };
    Ok(Read {
        path: path.to_owned(),
        inspection: loaded.document,
        text: loaded.text,
        actions,
    })
}

/// A set and the register of sites beside it.
struct SetAndSites {
    set: StandardsSet,
    sites: Sites,
}

/// The record's set and register, read once per set however many records
/// name it. A set that cannot be read is said in full once, and each
/// record naming it is listed; a register that cannot be read is said once
/// (counted as a problem) and the records keep the site they name.
fn set_of(
    read: &Read,
    sets_dir: Option<&Path>,
    cache: &mut HashMap<PathBuf, Option<Arc<SetAndSites>>>,
    problems: &mut usize,
) -> Option<Arc<SetAndSites>> {
    let named = &read.inspection.standards.path;
    let key = match read.inspection.set_path_in(&read.path, sets_dir) {
        Ok(Some(path)) => storage::scan::canonical(&path),
        // A built-in template, by title.
        Ok(None) => PathBuf::from(format!("template:{}", read.inspection.standards.title)),
        Err(err) => {
            eprintln!("{}", set_error_line(&err, &read.text, named).0);
            return None;
        }
    };
    if let Some(cached) = cache.get(&key) {
        if cached.is_none() {
            eprintln!(
                "{}: error: {}",
                read.path.display(),
                crate::core::i18n::fill(
                    crate::core::i18n::chain_report(crate::core::i18n::locale::from_env())
                        .set_unreadable,
                    &[("path", named)],
                )
            );
        }
        return cached.clone();
    }
    let found = match read.inspection.resolve_set_in(&read.path, sets_dir) {
        Ok((set, set_path)) => {
            let sites = chain_input::register(set_path.as_deref()).unwrap_or_else(|line| {
                eprintln!("{line}");
                *problems += 1;
                Sites::new()
            });
            Some(Arc::new(SetAndSites { set, sites }))
        }
        Err(err) => {
            eprintln!("{}", set_error_line(&err, &read.text, named).0);
            None
        }
    };
    cache.insert(key, found.clone());
    found
}
