//! Writes the generated set the benchmarks use, for measuring by hand:
//! `cargo run --release --example synth -- 2000 big.standards.ron`.

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(2000);
    let out = args
        .next()
        .unwrap_or_else(|| format!("generated-{n}.standards.ron"));
    let set = servstd::core::synth::generated_set(n);
    servstd::core::storage::save(std::path::Path::new(&out), &set)?;
    eprintln!("{out}: {n} standards");
    Ok(())
}
