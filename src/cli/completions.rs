//! `servstd completions SHELL`: the shell's completion script, written from
//! the clap definitions, for systems the Debian package does not cover.

use std::io::{self, Write};

use anyhow::Result;
use clap::{Args, CommandFactory};
use clap_complete::Shell;

use super::{Cli, exit};

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    servstd completions bash > ~/.local/share/bash-completion/completions/servstd\n  \
    servstd completions zsh > ~/.zfunc/_servstd\n  \
    servstd completions fish > ~/.config/fish/completions/servstd.fish")]
pub struct CompletionsArgs {
    /// The shell to write completions for.
    pub shell: Shell,
}

pub fn run(args: &CompletionsArgs) -> Result<u8> {
    let script = script(args.shell);
    let mut out = io::stdout().lock();
    out.write_all(&script)?;
    out.flush()?;
    Ok(exit::OK)
}

/// The completion script for `shell`, as bytes (what `run` prints).
#[must_use]
pub fn script(shell: Shell) -> Vec<u8> {
    let mut cmd = Cli::command();
    let mut bytes = Vec::new();
    clap_complete::generate(shell, &mut cmd, "servstd", &mut bytes);
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shell_gets_a_script_that_names_the_subcommands() {
        for shell in [Shell::Bash, Shell::Zsh, Shell::Fish, Shell::PowerShell] {
            let script = String::from_utf8(script(shell)).expect("UTF-8");
            for sub in ["validate", "export", "report", "completions"] {
                assert!(script.contains(sub), "{shell}: no {sub}");
            }
        }
    }
}
