//! The desktop window (the `gui` feature): eframe, egui and native dialogs
//! live only under this module. [`app`] runs the frame, commands and
//! replies; [`views`] draw, one view per file, each owning its state;
//! [`state`] is what both share (the document, commands, dialogs). The
//! arrows go app → views → state, never back.

pub mod app;
pub mod fonts;
pub mod photos;
pub mod state;
pub mod views;

use std::path::PathBuf;
use std::process::ExitCode;

use app::ServstdApp;
use state::{AppState, Chooser, Recovery, apply_theme};

/// Opens the window on `file`, or on the embedded sample.
pub fn run(file: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    let icon = eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon.png"))
        .map_err(|e| anyhow::anyhow!("the window icon does not load: {e}"))?;
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("servstd")
            .with_app_id("servstd")
            .with_inner_size([1280.0, 820.0])
            .with_min_inner_size([720.0, 480.0])
            .with_icon(icon)
            .with_drag_and_drop(true),
        persist_window: true,
        ..Default::default()
    };
    eframe::run_native(
        "servstd",
        options,
        Box::new(move |cc| {
            // The fonts follow the interface's language: see `ServstdApp::ui`.
            // The user's own checker words; a mistake in them is said once
            // and the shipped words stay in use.
            if let Err(err) = crate::core::check::lexicon::install(None) {
                eprintln!("servstd: {err}");
            }
            let state: AppState = cc
                .storage
                .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
                .unwrap_or_default();
            apply_theme(&cc.egui_ctx, state.theme);
            let mut app = match &file {
                Some(path) => ServstdApp::with_file(state, path),
                None => ServstdApp::at_start(state),
            };
            app.chooser = Chooser::Native;
            if let Some(dir) = Recovery::default_dir() {
                app.use_recovery(Recovery::new(dir));
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))?;
    Ok(ExitCode::SUCCESS)
}
