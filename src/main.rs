//! `servstd`: parse the arguments, run, report an error once, exit with a code.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use servstd::cli::{self, Cli};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(command) => cli::run(command),
        None => open_window(cli.file),
    };
    result.unwrap_or_else(|err| {
        // `servstd check FILE | head`: the reader has all it wants.
        if is_broken_pipe(&err) {
            return ExitCode::SUCCESS;
        }
        eprintln!("servstd: {err:#}");
        ExitCode::from(cli::exit::UNREADABLE)
    })
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

#[cfg(feature = "gui")]
fn open_window(file: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    servstd::gui::run(file)
}

#[cfg(not(feature = "gui"))]
fn open_window(_file: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    anyhow::bail!(
        "this servstd was built without the window (cargo feature `gui`); \
         `servstd --help` lists the commands"
    )
}
