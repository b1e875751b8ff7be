//! The desktop window.
use std::path::PathBuf;
use std::process::ExitCode;

/// Opens the window on `file`, or on the embedded sample.
///
/// # Errors
/// When the window cannot be created.
pub fn run(_file: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    anyhow::bail!("the window is not built yet")
}
