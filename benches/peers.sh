#!/usr/bin/env bash
# This app and HomeBank side by side, launched alternately under one Xvfb: the time until the
# data is on screen, until the CPU settles, and the peak memory, on the same scale of history
# (this app: the fund's ten years, 100,476 vouchers from 20,000 donors, and the whole province
# book; HomeBank 5.6.2: the shared 100,000-transaction history with 20,000 payees, written by
# ../shared/tools/peers/make_homebank.py). HomeBank is left out when it is not installed
# (apt-get install homebank). Run from the crate root:  bash benches/peers.sh [LAUNCHES]
set -euo pipefail
launches=${1:-5}
root=$(mktemp -d /tmp/sokh-peers.XXXXXX)
trap 'kill ${xvfb:-} 2>/dev/null || true; rm -rf "$root"' EXIT
SOKH_BENCH_ONLY=books SOKH_BENCH_DATA=$root cargo bench --bench province
cargo build --release --quiet
command -v Xvfb >/dev/null || { apt-get update -qq && apt-get install -y -qq xvfb >/dev/null; }
command -v xdotool >/dev/null || { apt-get update -qq && apt-get install -y -qq xdotool >/dev/null; }
bin=$PWD/target/release/so-khuyen-hoc
programs=("fund=$bin" "province=$bin")
export fund_HOME=$root/fund province_HOME=$root/province
peers=$(dirname "$0")/../../shared/tools/peers
if command -v homebank >/dev/null && [ -f "$peers/make_homebank.py" ]; then
  mkdir -p "$root/homebank/.config/homebank"
  (cd "$peers" && /usr/bin/python3 make_homebank.py 100000 "$root/homebank/hb100k.xhb")
  printf '[General]\nVersion=562\nShowSplash=false\nShowWelcome=false\nLoadLast=false\n' \
    > "$root/homebank/.config/homebank/preferences"
  export homebank_HOME=$root/homebank homebank_TITLE=hb100k
  programs+=("homebank=homebank hb100k.xhb")
else
  echo "HomeBank not found (apt-get install homebank): measuring this app alone"
fi
display=:$((500 + RANDOM % 400))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
sleep 1
# The benchmark's snapshots are its own program's, which this one does not read: one start
# each reads the text and leaves the program's snapshot, as the first start after an update does.
for book in fund province; do
  echo "$book, first start (the text read): $(DISPLAY=$display HOME=$root/$book XDG_DATA_HOME=$root/$book/.local/share \
    SOKH_STARTUP_PROBE=1 "$bin" | grep "first frame")"
done
DISPLAY=$display /usr/bin/python3 "$(dirname "$0")/peers.py" "$launches" "${programs[@]}"
