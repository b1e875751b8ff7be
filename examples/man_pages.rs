//! Writes servstd's manual pages into a folder, for packaging:
//! `cargo run --example man_pages -- target/pkg/man` (see `.ci/package`).

use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        anyhow::bail!("usage: man_pages DIR");
    };
    for path in servstd::cli::man::write_pages(&dir)? {
        println!("{}", path.display());
    }
    Ok(())
}
