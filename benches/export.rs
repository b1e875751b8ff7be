//! PDF export speed and size. Targets (issue 5): the manual of a generated
//! 2,000-standard set under 0.5 s and under 2 MB; a one-contact-point
//! checklist under 30 ms. Issue 28: the same manual's page count from the
//! layout alone, the short manual (150 standards, 18 pages) whose time is
//! mostly the fonts' subsetting, and the comparison with Typst (whole
//! processes, fonts read afresh each time) in `benches/typst-compare.sh`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use servstd::export::{self, Layout, Options};

fn pdf(c: &mut Criterion) {
    let big = servstd::core::synth::generated_set(2000);
    let short = servstd::core::synth::generated_set(150);
    let sample = servstd::core::templates::default_sample();
    let manual = Options {
        layout: Layout::Manual,
        ..Options::default()
    };
    let one = Options {
        contact_points: vec!["CP-2".into()],
        ..Options::default()
    };
    println!(
        "manual of 2,000 standards: {} bytes",
        export::export(&big, &manual).unwrap().len()
    );
    println!(
        "manual of 150 standards: {} bytes",
        export::export(&short, &manual).unwrap().len()
    );
    println!(
        "one-contact-point checklist: {} bytes",
        export::export(&sample, &one).unwrap().len()
    );
    let mut group = c.benchmark_group("pdf");
    group.sample_size(10);
    group.bench_function("manual, 2000 standards", |b| {
        b.iter(|| black_box(export::export(&big, &manual).unwrap()));
    });
    group.bench_function("manual, 2000 standards, page count only", |b| {
        b.iter(|| black_box(export::page_count(&big, &manual).unwrap()));
    });
    group.bench_function("manual, 150 standards", |b| {
        b.iter(|| black_box(export::export(&short, &manual).unwrap()));
    });
    group.bench_function("checklist, one contact point", |b| {
        b.iter(|| black_box(export::export(&sample, &one).unwrap()));
    });
    group.finish();
}

criterion_group!(benches, pdf);
criterion_main!(benches);
