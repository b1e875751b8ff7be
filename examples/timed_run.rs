//! Runs one servstd command in this process and prints how long it took, in
//! seconds, to standard error: the measure `benches/typst-compare.sh` puts
//! beside Typst's, whose figure is one `typst.compile` call in a Python that
//! has already started and imported it. Everything the command does is
//! counted (reading the set and the checker's words, the layout, the PDF,
//! the write and its syncs); starting the process and ending it are not.
//! `cargo run --release --example timed_run -- export SET --layout manual -o OUT.pdf`

use std::time::Instant;

use clap::Parser;
use servstd::cli::{self, Cli};

fn main() -> anyhow::Result<std::process::ExitCode> {
    let cli = Cli::parse_from(std::iter::once("servstd".into()).chain(std::env::args_os().skip(1)));
    let Some(command) = cli.command else {
        anyhow::bail!("usage: timed_run COMMAND [ARGS...] (as for servstd)");
    };
    let start = Instant::now();
    let code = cli::run(command)?;
    eprintln!("{:.4}", start.elapsed().as_secs_f64());
    Ok(code)
}
