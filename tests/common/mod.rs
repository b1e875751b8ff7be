//! What the window tests share: a harness around the app and the English UI.

use egui_kittest::Harness;
use servstd::core::model::Language;
use servstd::gui::app::ServstdApp;
use servstd::gui::state::AppState;

/// The app in a headless window of 1280 × `height` points (it gives egui the
/// bundled font of its language in its first pass).
pub fn harness_sized(app: ServstdApp, height: f32) -> Harness<'static, ServstdApp> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, height))
        .build_ui_state(|ui, app: &mut ServstdApp| app.ui(ui), app)
}

/// Remembered state with the window in English.
pub fn english() -> AppState {
    AppState {
        ui_language: Language::En,
        ..AppState::default()
    }
}

/// Steps frames until `done` holds of the app: work the window does on a
/// thread of its own (reading records, writing a file, storing photos) ends
/// at a moment no test can know. The limit is generous, since a loaded CI
/// machine running every test at once is slow, and missing it fails loudly
/// with `what` instead of letting the test go on against a half-read state.
#[allow(dead_code, reason = "not every test file waits for a thread")]
pub fn step_until(
    h: &mut Harness<'static, ServstdApp>,
    what: &str,
    done: impl Fn(&ServstdApp) -> bool,
) {
    let limit = std::time::Instant::now() + std::time::Duration::from_mins(2);
    loop {
        h.step();
        if done(h.state()) {
            return;
        }
        assert!(
            std::time::Instant::now() < limit,
            "{what}: still not done after 120 seconds"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

/// Steps frames until the export or report being written has finished (it
/// runs on a thread of its own), then lets the window settle.
#[allow(dead_code, reason = "not every test file writes a file")]
pub fn finish_jobs(h: &mut Harness<'static, ServstdApp>) {
    step_until(h, "the export or report", |app| app.job_running().is_none());
    h.run();
}

/// The sample as a draft with no approvals, for the tests about editing: an
/// approved set asks before its first edit (tested on its own).
#[allow(dead_code, reason = "not every test file edits")]
pub fn draft_sample() -> ServstdApp {
    let mut set = servstd::core::templates::default_sample();
    set.history.clear();
    ServstdApp::with_document(english(), servstd::gui::state::Document::new(set, None))
}
