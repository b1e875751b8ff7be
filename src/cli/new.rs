//! `servstd new`: start a set from a template, or list the templates.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Result, bail};
use clap::Args;

use super::exit;
use crate::core::dates::today;
use crate::core::i18n::{fill, locale, messages};
use crate::core::model::Language;
use crate::core::storage;
use crate::core::templates;

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

pub fn run(args: &NewArgs) -> Result<u8> {
    if args.list {
        for t in templates::TEMPLATES {
            let set = t.set();
            let c = set.counts();
            writeln!(
                std::io::stdout(),
                "{:<20} {:<6} {} ({} contact points, {} standards)",
                t.name,
                set.language.tag(),
                set.title,
                c.contact_points,
                c.standards
            )?;
        }
        return Ok(exit::OK);
    }
    let (Some(name), Some(output)) = (&args.template, &args.output) else {
        bail!("give --template NAME and -o FILE, or --list");
    };
    let lang = locale::from_env();
    let m = &messages(lang).files;
    let Some(template) = templates::find(name) else {
        let names: Vec<_> = templates::TEMPLATES.iter().map(|t| t.name).collect();
        eprintln!(
            "servstd: {}",
            fill(
                m.no_template,
                &[("name", name), ("names", &names.join(", "))]
            )
        );
        return Ok(exit::UNREADABLE);
    };
    if let Some(refusal) = refuse_output(output, args.force, lang) {
        eprintln!("{}: error: {refusal}", output.display());
        return Ok(exit::UNREADABLE);
    }
    let set = templates::fresh_from(&template.set(), today());
    if let Err(err) = storage::save(output, &set) {
        eprintln!("{}: error: {}", output.display(), err.message(lang));
        return Ok(exit::UNREADABLE);
    }
    let shown = output.display().to_string();
    writeln!(
        std::io::stdout(),
        "{shown}: {}",
        fill(
            m.new_set_written,
            &[("template", template.name), ("file", &shown)]
        )
    )?;
    Ok(exit::OK)
}

/// Why `new` must not write its set at `output`: it exists (and `--force`
/// is not given), or it is something `--force` never replaces: a folder, a
/// device, a FIFO or a socket (as root, `-o /dev/null` replaced the device
/// with a file), or a servstd file other than a set (a record, an actions
/// file, a photo, a logo, a survey).
fn refuse_output(output: &std::path::Path, force: bool, lang: Language) -> Option<String> {
    let m = &messages(lang).files;
    let meta = std::fs::metadata(output).ok()?;
    if !meta.is_file() {
        return Some(m.new_not_regular.to_owned());
    }
    if !force {
        return Some(m.file_exists.to_owned());
    }
    match storage::FileKind::of(output) {
        Some(kind) if kind != storage::FileKind::StandardsSet => {
            Some(fill(m.new_not_a_set, &[("kind", kind.described_in(lang))]))
        }
        _ => None,
    }
}
