//! `servstd new`: start a set from a template, or list the templates.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use clap::Args;

use super::exit;
use crate::core::dates::today;
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
    let set = templates::fresh_from(&template.set(), today());
    storage::save(output, &set)
        .with_context(|| format!("{}: cannot write the new set", output.display()))?;
    writeln!(
        std::io::stdout(),
        "{}: new set from template “{}”; open it with `servstd {}`",
        output.display(),
        template.name,
        output.display()
    )?;
    Ok(exit::OK)
}
