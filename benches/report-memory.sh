#!/bin/bash
# Issue 29: the time and peak memory of `servstd report` on the sample
# records, as PDF, CSV and XLSX, each in a process of its own (GNU time's
# maximum resident size). The manual of 100,000 standards has its own
# in-process bench: `cargo bench --no-default-features --bench export_memory`.
# Usage: bash benches/report-memory.sh   (honours CARGO_TARGET_DIR)
set -euo pipefail
cd "$(dirname "$0")/.."
target=${CARGO_TARGET_DIR:-target}
cargo build --release --quiet --locked --no-default-features --bin servstd
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for format in pdf csv xlsx; do
    # A record with findings exits 1 and still writes its report.
    /usr/bin/time -f "%e %M" -o "$work/time" "$target/release/servstd" report \
        standards/*.inspection.ron --format "$format" -o "$work/report.$format" \
        >/dev/null 2>&1 || true
    read -r secs kb < <(tail -1 "$work/time")
    bytes=$(stat -c %s "$work/report.$format")
    echo "report of the sample records as $format: $secs s, peak $((kb / 1024)) MB, $bytes bytes"
done
