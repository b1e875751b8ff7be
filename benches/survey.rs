//! `servstd survey import` at scale (issue 26): 100,000 responses to the
//! restaurant sample's questionnaire (21 factors, 45 columns) read,
//! checked and summed under 1 s, from CSV and from XLSX.

use std::fmt::Write as _;
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use servstd::core::model::StandardsSet;
use servstd::core::survey::{self, Questionnaire, SurveyPlan, responses};

const RESPONDENTS: usize = 100_000;

fn set() -> StandardsSet {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/standards/restaurant.standards.ron"
    );
    servstd::core::storage::load::<StandardsSet>(std::path::Path::new(path))
        .unwrap()
        .document
}

/// Respondent `i`'s row: scores that vary, an NPS, an open answer now and then.
fn row(i: usize, factors: usize) -> Vec<String> {
    let mut row = vec![
        format!("R{i:06}"),
        if i.is_multiple_of(3) {
            "immediate"
        } else {
            "overall"
        }
        .to_owned(),
        format!("2026-{:02}", 9 + i % 3),
    ];
    for k in 0..factors {
        row.push((1 + (i + k) % 5).to_string());
        row.push((1 + (i * 7 + k) % 5).to_string());
    }
    row.push((i % 11).to_string());
    row.push(if i.is_multiple_of(50) {
        "more tables by the window".to_owned()
    } else {
        String::new()
    });
    row
}

fn import(c: &mut Criterion) {
    let set = set();
    let plan = SurveyPlan::default();
    let q = Questionnaire::new(&set, &plan, &[]);
    let factors = q.factors().count();
    let dir = tempfile::tempdir().unwrap();

    let mut text = q.column_ids().join(",");
    text.push('\n');
    for i in 0..RESPONDENTS {
        let _ = writeln!(text, "{}", row(i, factors).join(","));
    }
    let csv = dir.path().join("responses.csv");
    std::fs::write(&csv, &text).unwrap();

    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, id) in q.column_ids().iter().enumerate() {
        sheet
            .write_string(0, u16::try_from(c).unwrap(), id)
            .unwrap();
    }
    for i in 0..RESPONDENTS {
        for (c, cell) in row(i, factors).iter().enumerate() {
            let (r, c) = (u32::try_from(i + 1).unwrap(), u16::try_from(c).unwrap());
            match cell.parse::<f64>() {
                Ok(v) => sheet.write_number(r, c, v).unwrap(),
                Err(_) => sheet.write_string(r, c, cell).unwrap(),
            };
        }
    }
    let xlsx = dir.path().join("responses.xlsx");
    std::fs::write(&xlsx, book.save_to_buffer().unwrap()).unwrap();

    let mut group = c.benchmark_group("survey import 100k");
    group.sample_size(10);
    for (name, path) in [("csv", &csv), ("xlsx", &xlsx)] {
        group.bench_function(name, |b| {
            b.iter(|| {
                let read = responses::load(black_box(path), &q, &plan).unwrap();
                assert_eq!(read.rows.len(), RESPONDENTS);
                black_box(survey::figures(std::slice::from_ref(&read), &plan))
            });
        });
    }
    group.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);
