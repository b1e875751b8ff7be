//! The manual pages, servstd.1 and one servstd-SUBCOMMAND.1 per subcommand,
//! written from the clap definitions. Packaging writes them with
//! `cargo run --example man_pages -- DIR` (see `.ci/package`); not a
//! subcommand, since `clap_complete` would offer even a hidden one to users.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::CommandFactory;

use super::Cli;
use crate::core::storage;

/// The pages as (file name, roff text): the command, then each visible
/// subcommand, depth first, named as `man` looks them up (`servstd-validate.1`).
pub fn pages() -> Result<Vec<(String, Vec<u8>)>> {
    // `servstd help X` is `servstd X --help`: no page of its own.
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let mut pages = Vec::new();
    collect(&cmd, &mut pages)?;
    Ok(pages)
}

fn collect(cmd: &clap::Command, pages: &mut Vec<(String, Vec<u8>)>) -> Result<()> {
    let man = clap_mangen::Man::new(cmd.clone()).manual("servstd manual");
    let mut roff = Vec::new();
    man.render(&mut roff)?;
    pages.push((man.get_filename(), roff));
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        collect(sub, pages)?;
    }
    Ok(())
}

/// Writes every page into `dir` (made if missing), each atomically; returns
/// the paths written.
pub fn write_pages(dir: &Path) -> Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)
        .with_context(|| format!("{}: cannot make the folder", dir.display()))?;
    let mut written = Vec::new();
    for (name, roff) in pages()? {
        let path = dir.join(name);
        storage::write_atomic(&path, &roff)
            .with_context(|| format!("{}: cannot write the page", path.display()))?;
        written.push(path);
    }
    Ok(written)
}
