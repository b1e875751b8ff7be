//! `servstd`: parse the arguments, run, report an error once, exit with a code.

use std::process::ExitCode;

use clap::Parser;
use servstd::cli::{self, Cli};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(command) => cli::run(command),
        None => servstd::app::run(cli.file),
    };
    result.unwrap_or_else(|err| {
        eprintln!("servstd: {err:#}");
        ExitCode::from(cli::exit::UNREADABLE)
    })
}
