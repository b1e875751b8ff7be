//! `servstd`: parse the arguments, run, report an error once, exit with a code.

// On Windows the window is the program: started from Explorer it must not
// open a console beside it. From a terminal it attaches to the terminal's
// console instead (see `windows_console`), so the command line prints as on
// Linux. A build without the window stays a console program.
#![cfg_attr(all(windows, feature = "gui"), windows_subsystem = "windows")]

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use servstd::cli::{self, Cli};

fn main() -> ExitCode {
    #[cfg(all(windows, feature = "gui"))]
    windows_console::attach_to_parent();
    #[cfg(windows)]
    windows_locale::set_lang_from_windows();
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

/// A window-subsystem program starts with no console. Started from a
/// terminal it borrows the terminal's, so `--help`, `validate` and error
/// messages appear there; started from Explorer there is no parent console
/// and nothing happens. Output the caller redirected is left alone.
#[cfg(all(windows, feature = "gui"))]
mod windows_console {
    use windows_sys::Win32::System::Console::{
        ATTACH_PARENT_PROCESS, AttachConsole, GetStdHandle, STD_ERROR_HANDLE, STD_OUTPUT_HANDLE,
    };

    // Unsafe only because Windows' console API has no safe wrapper.
    #[allow(unsafe_code)]
    pub fn attach_to_parent() {
        // SAFETY: both functions take plain values and touch no memory of
        // ours; a failed attach (no parent console) changes nothing.
        unsafe {
            let redirected = |which| !GetStdHandle(which).is_null();
            if redirected(STD_OUTPUT_HANDLE) && redirected(STD_ERROR_HANDLE) {
                return;
            }
            AttachConsole(ATTACH_PARENT_PROCESS);
        }
    }
}

/// Windows keeps the user's language in its settings, not in `LANG`; servstd
/// reads the language from `LC_ALL`, `LC_MESSAGES` or `LANG`
/// (`core::i18n::locale`). When none is set, `LANG` is set from the Windows
/// display language (`zh-TW`, `zh-CN`, `en-US`…), which that reader
/// understands, so a Chinese Windows opens in Chinese. A `LANG` set by hand
/// still wins.
#[cfg(windows)]
mod windows_locale {
    use windows_sys::Win32::Globalization::{GetUserPreferredUILanguages, MUI_LANGUAGE_NAME};

    /// Room for several language names (`zh-Hant-TW` is 10), each NUL-ended.
    const BUFFER: u32 = 256;

    // Two unsafe calls: the Windows API has no safe wrapper, and setting an
    // environment variable is unsafe in Rust 2024 because of other threads.
    #[allow(unsafe_code)]
    pub fn set_lang_from_windows() {
        let set = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .any(|name| std::env::var_os(name).is_some_and(|v| !v.is_empty()));
        if set {
            return;
        }
        let mut buffer = [0u16; BUFFER as usize];
        let mut count = 0u32;
        let mut len = BUFFER;
        // SAFETY: `len` tells the call how many u16s `buffer` holds; it
        // writes at most that many (or fails) and the counts into the u32s.
        let ok = unsafe {
            GetUserPreferredUILanguages(
                MUI_LANGUAGE_NAME,
                &raw mut count,
                buffer.as_mut_ptr(),
                &raw mut len,
            )
        };
        if ok == 0 || count == 0 {
            return;
        }
        // The first of the user's display languages, in order of preference.
        let first = buffer.split(|&c| c == 0).next().unwrap_or_default();
        let Ok(name) = String::from_utf16(first) else {
            return;
        };
        if name.is_empty() {
            return;
        }
        // SAFETY: called first thing in `main`, before any thread is started.
        unsafe { std::env::set_var("LANG", name) };
    }
}
