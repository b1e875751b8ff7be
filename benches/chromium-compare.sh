#!/bin/bash
# Issue 5's comparison: the manual of the generated 2,000-standard set, made
# by servstd and, from the same text as HTML in the same font, by Chromium's
# headless printing. Needs the Debian package chromium.
# Usage: bash benches/chromium-compare.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
cargo build --release --quiet
cargo run --release --quiet --example synth -- 2000 "$work/big.standards.ron"
./target/release/servstd export "$work/big.standards.ron" --format csv -o "$work/big.csv" 2>/dev/null
python3 benches/manual-html.py "$work/big.csv" "$work/big.html"
for i in 1 2 3; do
    /usr/bin/time -f "servstd:  %e s, peak %M KB" \
        ./target/release/servstd export "$work/big.standards.ron" --layout manual -o "$work/servstd.pdf" 2>&1 | grep -v bytes
done
for i in 1 2 3; do
    /usr/bin/time -f "chromium: %e s, peak %M KB" \
        chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
        --print-to-pdf="$work/chromium.pdf" "file://$work/big.html" 2>&1 | grep -E "^chromium:"
done
for f in servstd chromium; do
    echo "$f.pdf: $(pdfinfo "$work/$f.pdf" | awk '/^Pages/ {print $2}') pages, $(stat -c %s "$work/$f.pdf") bytes"
done
rm -rf "$work"
