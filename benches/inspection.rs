//! Inspections at scale: 50 inspections of a generated 2,000-standard set.
//! Scores for the results view, one frame of the results view, and the
//! report as PDF and XLSX.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use servstd::core::inspection::{Inspection, Verdict, score};
use servstd::core::model::{Language, Monitoring};
use servstd::export::report::{self, Reported};
use servstd::gui::app::ServstdApp;
use servstd::gui::state::{AppState, Document, View};

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
        &[],
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
                    &[],
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
    servstd::gui::fonts::install(&ctx, servstd::core::model::Language::ZhCn);
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
        ctx.run_ui(input(), |ui| app.ui(ui)).textures_delta.clear();
    }
    group.bench_function("results view frame, 50 inspections (scores cached)", |b| {
        b.iter(|| {
            // A real frame hands its texture changes to the painter.
            black_box(ctx.run_ui(input(), |ui| app.ui(ui)))
                .textures_delta
                .clear();
        });
    });
    group.bench_function(
        "results view frame after a change (scores recomputed)",
        |b| {
            b.iter(|| {
                app.results.invalidate();
                black_box(ctx.run_ui(input(), |ui| app.ui(ui)))
                    .textures_delta
                    .clear();
            });
        },
    );
    group.finish();
}

/// A photo-like 12-megapixel JPEG, varied by `n`: light across the frame,
/// edges every few pixels and sensor noise, so that stored at 1,600 pixels it
/// is some 270 KB, as a real photo of a shop floor is (a smooth synthetic
/// picture compresses to a third of that and flatters the report's size).
fn photo(n: u32) -> Vec<u8> {
    let image = image::RgbImage::from_fn(4000, 3000, |x, y| {
        let hash = (x.wrapping_mul(2_654_435_761) ^ y.wrapping_mul(40_503) ^ n.wrapping_mul(7919))
            .rotate_left(x % 7);
        let noise = hash % 8;
        let edges = if (x / 7 + y / 5 + n).is_multiple_of(3) {
            20
        } else {
            0
        };
        let r = u8::try_from((x / 20 + noise + edges) % 256).unwrap();
        let g = u8::try_from((y / 15 + noise + n) % 256).unwrap();
        let b = u8::try_from((120 + (hash >> 8) % 8 + edges / 2) % 256).unwrap();
        image::Rgb([r, g, b])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 88)
        .encode_image(&image)
        .unwrap();
    out
}

/// Photos: storing one (on its own thread in the window), the report with
/// 100 of them, and the inspect screen's frames while 50 are being stored.
fn photos(c: &mut Criterion) {
    use servstd::core::storage::photos::prepare;
    let big = photo(0);
    let mut group = c.benchmark_group("photos");
    group.sample_size(10);
    group.bench_function(
        "store one 12-megapixel photo (decode, turn, downscale, encode)",
        |b| {
            b.iter(|| black_box(prepare(&big).unwrap()));
        },
    );

    // The report: one inspection whose 100 failures each carry a stored photo.
    let set = servstd::core::synth::generated_set(200);
    let mut record = inspections(&set).remove(0);
    let stored: Vec<Vec<u8>> = (0..10).map(|n| prepare(&photo(n)).unwrap()).collect();
    let mut named = Vec::new();
    for (n, entry) in record.verdicts.iter_mut().take(100).enumerate() {
        entry.verdict = Verdict::Fail;
        entry.note = "seen at 12:40".into();
        let name = format!("photos/{n}.jpg");
        entry.photos = vec![name.clone()];
        // Ten distinct photos, each a little different per failure.
        let mut bytes = stored[n % 10].clone();
        bytes.extend_from_slice(&u32::try_from(n).unwrap().to_le_bytes());
        named.push((name, bytes));
    }
    let reports = [Reported {
        set: &set,
        inspection: &record,
        actions: &[],
        photos: &named,
    }];
    let survey = std::collections::HashMap::new();
    let pdf = report::pdf(
        &reports,
        &survey,
        &[],
        servstd::export::Paper::A4,
        Language::En,
        None,
    )
    .unwrap();
    let photo_bytes: usize = named.iter().map(|(_, b)| b.len()).sum();
    eprintln!(
        "report with 100 photos: PDF {} KB (stored photos {} KB, {} KB each)",
        pdf.len() / 1024,
        photo_bytes / 1024,
        photo_bytes / 1024 / 100
    );
    group.bench_function("report PDF with 100 photos", |b| {
        b.iter(|| {
            black_box(
                report::pdf(
                    &reports,
                    &survey,
                    &[],
                    servstd::export::Paper::A4,
                    Language::En,
                    None,
                )
                .unwrap(),
            )
        });
    });
    group.finish();

    // Frames of the inspect screen while 50 photos are stored on their thread.
    let dir = tempfile::tempdir().unwrap();
    let sources: Vec<std::path::PathBuf> = (0..50)
        .map(|n| {
            let path = dir.path().join(format!("IMG_{n:04}.jpg"));
            let mut bytes = big.clone();
            bytes.extend_from_slice(&u32::try_from(n).unwrap().to_le_bytes());
            std::fs::write(&path, bytes).unwrap();
            path
        })
        .collect();
    let set = servstd::core::templates::default_sample();
    let record_path = dir.path().join("bench.inspection.ron");
    let record = Inspection::new(
        &set,
        None,
        &record_path,
        jiff::civil::date(2026, 12, 1).at(9, 0, 0, 0),
    );
    let ctx = egui::Context::default();
    servstd::gui::fonts::install(&ctx, servstd::core::model::Language::ZhCn);
    let state = AppState {
        ui_language: Language::En,
        ..AppState::default()
    };
    let mut app = ServstdApp::with_document(state, Document::new(set.clone(), None));
    let mut session = servstd::gui::views::inspect::Session::new(record, record_path, &set);
    session.attach_photos(sources);
    app.inspect.session = Some(session);
    app.view = View::Inspect;
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1024.0, 768.0),
        )),
        ..Default::default()
    };
    let started = std::time::Instant::now();
    let mut frames = Vec::new();
    while app
        .inspect
        .session
        .as_ref()
        .is_some_and(|s| !s.attaching.is_empty())
    {
        let t = std::time::Instant::now();
        ctx.run_ui(input(), |ui| app.ui(ui)).textures_delta.clear();
        frames.push(t.elapsed());
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    for _ in 0..20 {
        // The thumbnails arrive: textures of 160 px, not 12-megapixel ones.
        let t = std::time::Instant::now();
        ctx.run_ui(input(), |ui| app.ui(ui)).textures_delta.clear();
        frames.push(t.elapsed());
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    frames.sort();
    let attached = app.inspect.session.as_ref().map_or(0, |s| {
        s.record
            .verdicts
            .iter()
            .map(|e| e.photos.len())
            .sum::<usize>()
    });
    eprintln!(
        "storing 50 photos of 12 megapixels: {:.1} s on the worker; {} frames meanwhile, median {:.1} ms, slowest {:.1} ms; {attached} attached",
        started.elapsed().as_secs_f64(),
        frames.len(),
        frames[frames.len() / 2].as_secs_f64() * 1000.0,
        frames.last().unwrap().as_secs_f64() * 1000.0,
    );
}

criterion_group!(benches, bench, photos);
criterion_main!(benches);
