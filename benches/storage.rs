//! Load, validate and check throughput on generated sets.
//! Targets (issue 3): load + validate a 10,000-standard set under 150 ms in
//! release, within 1.3x of bare `ron::from_str` into the same types.
//! Issue 14: the checker under 10 µs a standard, all rules included.
//! Issue 27: under 30 µs a standard with the rewrites (`check --suggest`).

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use servstd::core::check;
use servstd::core::model::StandardsSet;
use servstd::core::storage;

fn load_and_validate(c: &mut Criterion) {
    let set = servstd::core::synth::generated_set(10_000);
    let text = storage::to_canonical(&set);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.standards.ron");
    std::fs::write(&path, &text).unwrap();
    let today = jiff::civil::date(2026, 11, 22);

    let mut group = c.benchmark_group("10k standards");
    group.sample_size(20);
    group.throughput(Throughput::Bytes(text.len() as u64));
    // The baseline: ron alone, with the one extension the format uses.
    let bare =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    group.bench_function("bare ron::from_str", |b| {
        b.iter(|| black_box(bare.from_str::<StandardsSet>(black_box(&text)).unwrap()));
    });
    group.bench_function("storage::parse", |b| {
        b.iter(|| black_box(storage::parse::<StandardsSet>(black_box(&text)).unwrap()));
    });
    group.bench_function("storage::load (file)", |b| {
        b.iter(|| black_box(storage::load::<StandardsSet>(&path).unwrap()));
    });
    group.bench_function("validate (with checker)", |b| {
        b.iter(|| black_box(check::validate(black_box(&set), today)));
    });
    group.bench_function("load + validate", |b| {
        b.iter(|| {
            let loaded = storage::load::<StandardsSet>(&path).unwrap();
            black_box(check::validate(&loaded.document, today))
        });
    });
    group.bench_function("to_canonical", |b| {
        b.iter(|| black_box(storage::to_canonical(black_box(&set))));
    });
    group.finish();
}

fn checker(c: &mut Criterion) {
    let lines: Vec<&str> = include_str!("../tests/data/labelled-standards.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.splitn(3, '\t').nth(2))
        .collect();
    let mut group = c.benchmark_group("checker");
    group.throughput(Throughput::Elements(lines.len() as u64));
    group.bench_function("assess labelled set", |b| {
        b.iter(|| {
            for line in &lines {
                black_box(check::assess(black_box(line)));
            }
        });
    });
    group.finish();

    // Issue 28: what reading the rules file costs at start-up, once.
    let mut group = c.benchmark_group("checker rules");
    group.bench_function("parse the shipped rules file and build the lexicon", |b| {
        b.iter(|| {
            let rules = check::rulebook::RuleFile::parse(
                check::rulebook::SHIPPED_NAME,
                black_box(check::rulebook::SHIPPED),
            )
            .expect("parses");
            black_box(check::lexicon::Lexicon::from_rules("bench", rules).expect("complete"))
        });
    });
    group.finish();

    // Issue 14: under 10 µs a standard, on the 606 standards of the corpus
    // nobody tuned the checker on, and with every rule a standard gets.
    let corpus: Vec<&str> = include_str!("../tests/data/checker-corpus.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split('\t').nth(4))
        .collect();
    let lexicon = check::lexicon::Lexicon::builtin();
    let mut group = c.benchmark_group("checker corpus");
    group.throughput(Throughput::Elements(corpus.len() as u64));
    group.bench_function("assess (measurable)", |b| {
        b.iter(|| {
            for line in &corpus {
                black_box(check::assess(black_box(line)));
            }
        });
    });
    group.bench_function(
        "all rules (measurable, specific, customer-based, rate)",
        |b| {
            b.iter(|| {
                for line in &corpus {
                    black_box(check::assess(black_box(line)));
                    black_box(check::rules::split(lexicon, black_box(line)));
                    black_box(check::rules::internal_routine(lexicon, black_box(line)));
                    black_box(check::rules::rate(lexicon, black_box(line)));
                }
            });
        },
    );
    // Issue 27: with the rewrite of every vague standard (`check --suggest`),
    // under 30 µs a standard.
    group.bench_function("all rules with suggestions (check --suggest)", |b| {
        b.iter(|| {
            for line in &corpus {
                let a = check::assess(black_box(line));
                black_box(check::rules::split(lexicon, black_box(line)));
                black_box(check::rules::internal_routine(lexicon, black_box(line)));
                black_box(check::rules::rate(lexicon, black_box(line)));
                if !a.is_measurable() {
                    let lang = servstd::core::i18n::script::language_of(line);
                    black_box(check::rewrite::suggest(black_box(line), lang, None));
                }
            }
        });
    });
    group.bench_function("explain (check --explain)", |b| {
        b.iter(|| {
            for line in &corpus {
                black_box(check::reading(
                    black_box(line),
                    servstd::core::model::Language::ZhCn,
                ));
            }
        });
    });
    group.finish();

    // The worst texts: full of vague words, at the documented limit and far
    // past it (the checker reads the first 2,000 characters of those).
    let mut group = c.benchmark_group("checker long lines");
    let at_limit: String = "热情周到及时".repeat(servstd::core::model::limits::TEXT_CHARS / 6);
    let english = "promptly friendly appropriate ".repeat(70);
    let huge = "热情".repeat(500_000);
    group.bench_function("2,000 Chinese characters, all vague", |b| {
        b.iter(|| black_box(check::assess(black_box(&at_limit))));
    });
    group.bench_function("2,100 English characters, all vague", |b| {
        b.iter(|| black_box(check::assess(black_box(&english))));
    });
    group.bench_function("1,000,000 characters (reads 2,000)", |b| {
        b.iter(|| black_box(check::assess(black_box(&huge))));
    });
    group.finish();
}

criterion_group!(benches, load_and_validate, checker);
criterion_main!(benches);
