//! Inspections at scale: 50 inspections of a generated 2,000-standard set.
//! Scores for the results view, one frame of the results view, and the
//! report as PDF and XLSX.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use servstd::core::inspection::{Inspection, Verdict, score};
use servstd::core::model::{Language, Monitoring};
use servstd::export::report::{self, Reported};
use servstd::gui::app::{AppState, Document, ServstdApp, View};

/// 50 inspections a week apart, about 85% passes, some N/A and fails.
fn inspections(set: &servstd::core::model::StandardsSet) -> Vec<Inspection> {
    let ids = servstd::core::inspection::standard_order(set);
    let start = jiff::civil::date(2025, 1, 6).at(10, 0, 0, 0);
    (0..50u64)
        .map(|n| {
            let when = start
                .checked_add(jiff::Span::new().weeks(i64::try_from(n).unwrap()))
                .unwrap();
            let mut i = Inspection::new(set, None, std::path::Path::new("x"), when);
            i.site = "Site".into();
            i.inspector = "Inspector".into();
            i.method = Monitoring::SupervisorPatrol;
            let mut seed = n.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
            i.verdicts = ids
                .iter()
                .map(|id| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    let verdict = match seed % 20 {
                        0..=1 => Verdict::Fail,
                        2 => Verdict::NotApplicable,
                        _ => Verdict::Pass,
                    };
                    servstd::core::inspection::Entry {
                        standard: (*id).to_owned(),
                        verdict,
                        note: if verdict == Verdict::Fail {
                            "seen at the counter".into()
                        } else {
                            String::new()
                        },
                        evidence: None,
                        photos: Vec::new(),
                    }
                })
                .collect();
            i
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let set = servstd::core::synth::generated_set(2000);
    let records = inspections(&set);
    let mut group = c.benchmark_group("inspections");
    group.sample_size(10);
    group.bench_function("score 50 inspections of 2000 standards", |b| {
        b.iter(|| {
            black_box(records.iter().map(|i| score(&set, i)).collect::<Vec<_>>());
        });
    });

    let reports: Vec<_> = records
        .iter()
        .map(|inspection| Reported {
            set: &set,
            inspection,
            actions: &[],
            photos: &[],
        })
        .collect();
    let survey = std::collections::HashMap::new();
    let pdf = report::pdf(
        &reports,
        &survey,
        servstd::export::Paper::A4,
        Language::En,
        None,
    )
    .unwrap();
    let xlsx = report::xlsx(&reports, Language::En).unwrap();
    eprintln!(
        "report of 50 inspections: PDF {} KB, XLSX {} KB ({} rows)",
        pdf.len() / 1024,
        xlsx.len() / 1024,
        records.len() * 2000
    );
    group.bench_function("report PDF, 50 inspections of 2000 standards", |b| {
        b.iter(|| {
            black_box(
                report::pdf(
                    &reports,
                    &survey,
                    servstd::export::Paper::A4,
                    Language::En,
                    None,
                )
                .unwrap(),
            )
        });
    });
    group.bench_function("report XLSX, 50 inspections of 2000 standards", |b| {
        b.iter(|| black_box(report::xlsx(&reports, Language::En).unwrap()));
    });

    // The results view: the first frame computes the scores, later ones reuse them.
    let ctx = egui::Context::default();
    servstd::gui::fonts::install(&ctx);
    let state = AppState {
        ui_language: Language::En,
        ..AppState::default()
    };
    let mut app = ServstdApp::with_document(state, Document::new(set.clone(), None));
    for record in &records {
        app.results.add(None, record.clone());
    }
    app.view = View::Results;
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 900.0),
        )),
        ..Default::default()
    };
    for _ in 0..3 {
        let _ = ctx.run_ui(input(), |ui| app.ui(ui));
    }
    group.bench_function("results view frame, 50 inspections (scores cached)", |b| {
        b.iter(|| black_box(ctx.run_ui(input(), |ui| app.ui(ui))));
    });
    group.bench_function(
        "results view frame after a change (scores recomputed)",
        |b| {
            b.iter(|| {
                app.results.invalidate();
                black_box(ctx.run_ui(input(), |ui| app.ui(ui)))
            });
        },
    );
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
