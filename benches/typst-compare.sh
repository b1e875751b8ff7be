#!/bin/bash
# Issue 28's comparison: the manual of a generated set made by servstd and,
# from the same text in the same font, by Typst (its PyPI wheel: `pip install
# typst`; set PYTHON to the interpreter that has it). Side by side in one run,
# best of RUNS each: servstd's whole process against one Typst compile.
# Usage: bash benches/typst-compare.sh [STANDARDS...]   (default: 2000 150)
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
runs=${RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(2000 150)
# The command line alone: the window's crates play no part in an export.
cargo build --release --quiet --no-default-features --bin servstd --example synth --example timed_run
target=${CARGO_TARGET_DIR:-target}/release
best() { sort -n | head -1; }
pages() { pdfinfo "$1" | awk '/^Pages/ {print $2}'; }
for n in "${sizes[@]}"; do
    set_file=$work/s$n.standards.ron
    "$target"/examples/synth "$n" "$set_file"
    "$target"/servstd export "$set_file" --format csv -o "$work/s$n.csv" >/dev/null
    $python benches/manual-typst.py "$work/s$n.csv" "$work/s$n.typ"
    servstd_times=() inside_times=() typst_times=()
    # Each round runs the three in a new random order: a run that follows
    # Typst's (a large process) finds the caches cold, and a fixed order
    # would give that handicap to the same measure every time.
    for _ in $(seq "$runs"); do
        for which in $(shuf -e whole inside typst); do
            case $which in
            whole) servstd_times+=("$($python benches/wall.py "$target"/servstd export "$set_file" --layout manual -o "$work/servstd.pdf")") ;;
            inside) inside_times+=("$("$target"/examples/timed_run export "$set_file" --layout manual -o "$work/servstd.pdf" 2>&1 >/dev/null | tail -1)") ;;
            typst) typst_times+=("$($python benches/typst-compare.py "$work/s$n.typ" assets/fonts "$work/typst.pdf")") ;;
            esac
        done
    done
    s=$(printf '%s\n' "${servstd_times[@]}" | best)
    i=$(printf '%s\n' "${inside_times[@]}" | best)
    t=$(printf '%s\n' "${typst_times[@]}" | best)
    printf '%s standards: servstd %.4f s whole process, %.4f s in process (%s pages, %s bytes); typst %.4f s (%s pages, %s bytes): %.1fx whole process, %.1fx in process\n' \
        "$n" "$s" "$i" "$(pages "$work/servstd.pdf")" "$(stat -c %s "$work/servstd.pdf")" \
        "$t" "$(pages "$work/typst.pdf")" "$(stat -c %s "$work/typst.pdf")" \
        "$(echo "$t / $s" | bc -l)" "$(echo "$t / $i" | bc -l)"
done
