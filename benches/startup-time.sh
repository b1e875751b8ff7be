#!/bin/bash
# Time from starting the release binary to its first frame (the frame that
# sets the window title), under Xvfb. Needs xvfb and xdotool.
# Usage: bash benches/startup-time.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
Xvfb :79 -screen 0 1400x900x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb' EXIT
sleep 1
export DISPLAY=:79
for i in 1 2 3 4 5; do
    home=$(mktemp -d)
    start=$(date +%s%N)
    HOME=$home ./target/release/servstd >/dev/null 2>&1 &
    app=$!
    n=0
    until xdotool search --name "embedded sample" >/dev/null 2>&1 || [ $n -gt 1000 ]; do
        sleep 0.01
        n=$((n + 1))
    done
    end=$(date +%s%N)
    echo "first frame after $(( (end - start) / 1000000 )) ms"
    kill $app
    wait $app 2>/dev/null || true
    rm -rf "$home"
done
