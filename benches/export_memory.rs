//! Peak memory of the manual of a generated set of 100,000 standards (issue
//! 29: under 500 MB). Not a criterion timing: one export in a process of its
//! own, its peak resident size read from the kernel (`VmHWM`) after making
//! the set and again after the export. Linux only; elsewhere it says so.
//!
//! `cargo bench --no-default-features --bench export_memory [-- STANDARDS]`

use std::time::Instant;

use servstd::export::{self, Layout, Options};

/// The process's peak resident size so far, in MB.
fn peak_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn show(mb: Option<f64>) -> String {
    mb.map_or_else(
        || "unknown (no /proc)".to_owned(),
        |mb| format!("{mb:.0} MB"),
    )
}

fn main() {
    // `cargo bench` passes `--bench`; a number among the arguments is the size.
    let n = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(100_000);
    let set = servstd::core::synth::generated_set(n);
    let before = peak_mb();
    let manual = Options {
        layout: Layout::Manual,
        ..Options::default()
    };
    let start = Instant::now();
    let pdf = export::export(&set, &manual).expect("the manual of a generated set");
    let took = start.elapsed();
    println!(
        "manual of {n} standards: {} bytes in {:.2} s; peak resident {} with the set alone, {} after the export",
        pdf.len(),
        took.as_secs_f64(),
        show(before),
        show(peak_mb()),
    );
}
