//! One frame of the window with a generated 2,000-standard set open.
//! Target (issue 4): under 4 ms of CPU in release. Measures layout and
//! tessellation-free UI code, i.e. what `App::ui` costs each frame.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use servstd::core::model::Language;
use servstd::gui::app::ServstdApp;
use servstd::gui::state::{AppState, Document};

fn frame(c: &mut Criterion) {
    let ctx = egui::Context::default();
    servstd::gui::fonts::install(&ctx, servstd::core::model::Language::ZhCn);
    let state = AppState {
        ui_language: Language::En,
        ..AppState::default()
    };
    let set = servstd::core::synth::generated_set(2000);
    let mut app = ServstdApp::with_document(state, Document::new(set, None));
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 820.0),
        )),
        ..Default::default()
    };
    // Warm up: fonts, findings, collapsing state.
    for _ in 0..3 {
        ctx.run_ui(input(), |ui| app.ui(ui)).textures_delta.clear();
    }
    let mut group = c.benchmark_group("window");
    group.bench_function("frame, 2000 standards, contact point selected", |b| {
        b.iter(|| {
            // A real frame hands its texture changes to the painter.
            black_box(ctx.run_ui(input(), |ui| app.ui(ui)))
                .textures_delta
                .clear();
        });
    });
    app.selected = Some("S-1".into());
    group.bench_function("frame, 2000 standards, standard editor", |b| {
        b.iter(|| {
            // A real frame hands its texture changes to the painter.
            black_box(ctx.run_ui(input(), |ui| app.ui(ui)))
                .textures_delta
                .clear();
        });
    });
    group.bench_function("frame + tessellation", |b| {
        b.iter(|| {
            let mut out = ctx.run_ui(input(), |ui| app.ui(ui));
            out.textures_delta.clear();
            black_box(ctx.tessellate(out.shapes, out.pixels_per_point))
        });
    });
    group.finish();
}

criterion_group!(benches, frame);
criterion_main!(benches);
