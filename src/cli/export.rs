//! `servstd export`: a set as a PDF checklist, training cards or manual, or as CSV or XLSX.

use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Args;

use super::{
    FormatArg, LayoutArg, PaperArg, exit, load_error_line, parse_lang, prepare_output, write_output,
};
use crate::core::i18n::{fill, for_set, locale, messages};
use crate::core::model::{Language, StandardsSet};
use crate::core::storage;

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The standards file to export.
    pub file: PathBuf,
    /// The kind of file to make.
    #[arg(long, short, value_enum, default_value = "pdf")]
    pub format: FormatArg,
    /// The PDF layout.
    #[arg(long, value_enum, default_value = "checklist")]
    pub layout: LayoutArg,
    /// Paper size of the PDF.
    #[arg(long, value_enum, default_value = "a4")]
    pub paper: PaperArg,
    /// Export only this contact point (by ID, e.g. CP-2); repeat for more.
    #[arg(long = "contact-point")]
    pub contact_points: Vec<String>,
    /// Role cards and sign-off sheets of this owner role only; repeat for more.
    #[arg(long = "role")]
    pub roles: Vec<String>,
    /// An older revision of the set: the manual adds what changed since it,
    /// role cards and sign-off sheets mark new and changed standards.
    #[arg(long)]
    pub since: Option<PathBuf>,
    /// Language of the printed labels: zh-CN, zh-TW or en (default: the set's).
    #[arg(long)]
    pub lang: Option<String>,
    /// The checklist as a PDF form to fill in on a tablet or phone and read
    /// back with `servstd import`.
    #[arg(long)]
    pub fillable: bool,
    /// Where to write; `-` writes to standard output.
    #[arg(long, short)]
    pub output: PathBuf,
}

/// The set's logo, or none with a warning saying why it is left out.
fn logo(set: &StandardsSet, file: &std::path::Path) -> Option<Vec<u8>> {
    let path = set.logo.as_deref()?;
    match storage::logo::read(file, path) {
        Ok(bytes) => Some(bytes),
        Err(_) => {
            if let Some(finding) = crate::core::check::logo(set, file) {
                let lang = for_set(locale::from_env(), set.language);
                eprintln!(
                    "{}: warning: {}",
                    file.display(),
                    finding.problem.message(lang)
                );
            }
            None
        }
    }
}

pub fn run(args: &ExportArgs) -> Result<u8> {
    // Parsing the set keeps one core busy and leaves the other idle: the
    // PDF faces' outlines are parsed meanwhile for the language the set's
    // first lines name (a guess made before the set is read: a wrong one
    // costs a little time on the idle core, never a different file), then
    // the checker's words (shipped and the user's own) are read. The
    // outlines first: the subsets need them as soon as the layout is done,
    // the words only once the file is written.
    let guess = args.lang.clone();
    let set_file = args.file.clone();
    let pdf = matches!(args.format, FormatArg::Pdf);
    let words = std::thread::spawn(move || {
        if pdf {
            let lang = guess
                .as_deref()
                .and_then(Language::from_tag)
                .or_else(|| storage::language_named(&set_file));
            if let Some(fonts) = lang.and_then(|lang| crate::export::pdf::fonts(lang).ok()) {
                fonts.parse_outlines();
            }
        }
        crate::core::check::lexicon::install(None)
    });
    if args.fillable
        && (!matches!(args.format, FormatArg::Pdf) || !matches!(args.layout, LayoutArg::Checklist))
    {
        anyhow::bail!(
            "--fillable makes a checklist PDF form: use it with --layout checklist and --format pdf"
        );
    }
    let inputs: Vec<&std::path::Path> = std::iter::once(args.file.as_path())
        .chain(args.since.as_deref())
        .collect();
    let Some(output) = prepare_output(&args.output, &inputs) else {
        return Ok(exit::UNREADABLE);
    };
    let loaded = match storage::load::<StandardsSet>(&args.file) {
        Ok(loaded) => loaded,
        Err(err) => {
            eprintln!("{}", load_error_line(&err));
            return Ok(exit::UNREADABLE);
        }
    };
    let language = parse_lang(args.lang.as_deref())?;
    let since = match &args.since {
        None => None,
        Some(path) => match storage::load::<StandardsSet>(path) {
            Ok(loaded) => Some(loaded.document),
            Err(err) => {
                eprintln!("{}", load_error_line(&err));
                return Ok(exit::UNREADABLE);
            }
        },
    };
    let options = crate::export::Options {
        format: args.format.into(),
        layout: args.layout.into(),
        paper: args.paper.into(),
        contact_points: args.contact_points.clone(),
        language,
        created: Some(crate::core::dates::export_time()),
        roles: args.roles.clone(),
        since,
        logo: logo(&loaded.document, &args.file),
        fillable: args.fillable,
        set_file: args
            .file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
    };
    let bytes = crate::export::export(&loaded.document, &options);
    // A broken words file stops every command that checks: nothing is written.
    if let Err(err) = words
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    {
        eprintln!("servstd: {err}");
        return Ok(exit::UNREADABLE);
    }
    let bytes = bytes.with_context(|| args.file.display().to_string())?;
    // The warning's check (every standard's text against the words read
    // above) runs while the file is written and synced to the disk, when
    // the cores would otherwise wait: a tenth of a short manual's time.
    let (document, contact_points) = (&loaded.document, &args.contact_points);
    let vague = std::thread::scope(|scope| {
        let vague = crate::core::threads::spawn(scope, move || {
            crate::core::check::unmeasurable(document, contact_points)
        });
        write_output(&output, &args.output, &bytes)?;
        Ok::<_, anyhow::Error>(vague.wait())
    })?;
    // The file is written as asked; the warning says what it holds.
    if !vague.is_empty() {
        let lang = for_set(locale::from_env(), loaded.document.language);
        let sep = crate::core::i18n::report_words(lang).list_separator;
        let ids = match vague.len() {
            n if n > 8 => format!("{}{sep}…", vague[..8].join(sep)),
            _ => vague.join(sep),
        };
        eprintln!(
            "warning: {}",
            fill(
                messages(lang).vague_in_export,
                &[
                    ("count", &vague.len().to_string()),
                    ("ids", &ids),
                    ("file", &args.file.display().to_string()),
                ]
            )
        );
    }
    Ok(exit::OK)
}
