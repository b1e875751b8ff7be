//! What the window tests share: a harness around the app and the English UI.

use egui_kittest::Harness;
use servstd::core::model::Language;
use servstd::gui::app::ServstdApp;
use servstd::gui::state::AppState;

/// The app in a headless window of 1280 × `height` points, with the bundled fonts.
pub fn harness_sized(app: ServstdApp, height: f32) -> Harness<'static, ServstdApp> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, height))
        .with_context_setup(servstd::gui::fonts::install)
        .build_ui_state(|ui, app: &mut ServstdApp| app.ui(ui), app)
}

/// Remembered state with the window in English.
pub fn english() -> AppState {
    AppState {
        ui_language: Language::En,
        ..AppState::default()
    }
}

/// Steps frames until the export or report being written has finished (it
/// runs on a thread of its own), then lets the window settle.
#[allow(dead_code, reason = "not every test file writes a file")]
pub fn finish_jobs(h: &mut Harness<'static, ServstdApp>) {
    for _ in 0..1000 {
        h.step();
        if h.state().job_running().is_none() {
            h.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the export or report did not finish in 10 seconds");
}

/// The sample as a draft with no approvals, for the tests about editing: an
/// approved set asks before its first edit (tested on its own).
#[allow(dead_code, reason = "not every test file edits")]
pub fn draft_sample() -> ServstdApp {
    let mut set = servstd::core::templates::default_sample();
    set.history.clear();
    ServstdApp::with_document(english(), servstd::gui::state::Document::new(set, None))
}
