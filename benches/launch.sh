#!/usr/bin/env bash
# Times a real launch of the release binary on the province-scale book (100,000 entries,
# 20,000 donors): from process start to the first drawn frame, and the peak memory.
# Needs xvfb (and GNU time); run from the crate root:  bash benches/launch.sh
set -euo pipefail
home=$(mktemp -d /tmp/sokh-launch.XXXXXX)
data=$home/.local/share/so-khuyen-hoc
mkdir -p "$data"
SOKH_BENCH_DATA=$data cargo bench --bench province >/dev/null
cargo build --release --quiet
command -v Xvfb >/dev/null || { apt-get update -qq && apt-get install -y -qq xvfb >/dev/null; }
display=:$((500 + RANDOM % 400))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 1
# Launch 1 reads the text (the benchmark's snapshot is another program's) and leaves this
# program's snapshot, which the others read.
for i in 1 2 3 4 5 6; do
  DISPLAY=$display HOME=$home XDG_DATA_HOME=$home/.local/share SOKH_STARTUP_PROBE=1 \
    /usr/bin/time -f "peak memory %M KB" target/release/so-khuyen-hoc 2>&1 | grep -E "first frame|peak memory" | tr '\n' ' '
  echo
done
