#!/usr/bin/env bash
# Runs the frame and export benchmarks and writes their figures, with the machine and the
# commands, into README.md between the markers <!-- perf:begin --> and <!-- perf:end -->.
#
#   scripts/perf-table.sh                 # measure and rewrite the README's tables
#   scripts/perf-table.sh --print         # measure and print the tables only
#   scripts/perf-table.sh --only viewer   # only the HTML viewer's table (<!-- viewer:begin -->)
#
# The export benchmark times rsvg-convert (and Inkscape) beside Klantreis when installed
# (apt-get install librsvg2-bin). Keep the machine otherwise idle while it runs.
set -euo pipefail
cd "$(dirname "$0")/.."

# The HTML viewer: the examples' pages, their size, the export's time and the load time in
# headless chromium (needs chromium and chromium-driver: scripts/browser-setup.sh).
viewer_table() {
  local out
  out=$(cargo bench -q --bench viewer 2>/dev/null)
  echo '```sh'
  echo 'cargo bench --bench viewer   # the examples as HTML, opened 5 times each in headless chromium'
  echo '```'
  echo
  echo '| HTML page | size | export | load in chromium (median of 5) | goal (issue 26) |'
  echo '| --- | --- | --- | --- | --- |'
  echo "$out" | awk '/size/ {
      match($0, /size +[0-9.]+ MB/); size = substr($0, RSTART + 5, RLENGTH - 5); gsub(/^ +/, "", size)
      match($0, /export +[0-9]+ ms/); ex = substr($0, RSTART + 7, RLENGTH - 7); gsub(/^ +/, "", ex)
      match($0, /median +[0-9]+ ms/); load = substr($0, RSTART + 7, RLENGTH - 7); gsub(/^ +/, "", load)
      goal = ""
      if ($1 == "ikea-winkelbezoek")
        goal = "< 3 MB: " (size + 0 < 3 ? "met" : "missed") "; opens < 1 s: " (load + 0 < 1000 ? "met" : "missed")
      printf "| %s | %s | %s | %s | %s |\n", $1, size, ex, load, goal }'
}

write_block() {
  local marker=$1 file=$2
  awk -v file="$file" -v begin="<!-- $marker:begin -->" -v end="<!-- $marker:end -->" '
    $0 == begin { print; while ((getline line < file) > 0) print line; skip = 1; next }
    $0 == end { skip = 0 }
    !skip { print }' README.md >README.md.new
  mv README.md.new README.md
}

if [ "${1:-}" = "--only" ] && [ "${2:-}" = "viewer" ]; then
  viewer_table >/tmp/perf-viewer.$$
  write_block viewer /tmp/perf-viewer.$$
  rm -f /tmp/perf-viewer.$$
  echo "README.md: the viewer's table rewritten"
  exit 0
fi

frame=$(cargo bench -q --bench frame 2>/dev/null)
export_out=$(cargo bench -q --bench export 2>/dev/null)

cpu=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)
cores=$(nproc)
memory=$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)
rsvg=$(rsvg-convert --version 2>/dev/null || echo "rsvg-convert not installed")

# Resident memory of the app with the benchmark's map open, under a virtual display (where
# Xvfb is installed): VmRSS 10 s after start, the best of three runs.
rss="not measured (no Xvfb)"
if command -v Xvfb >/dev/null; then
  cargo build -q --release
  work=$(mktemp -d)
  cargo run -q --release --example generate -- --output "$work/map.klantreis.ron" >/dev/null
  display=:$((500 + RANDOM % 400))
  Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  sleep 1
  best=
  for _ in 1 2 3; do
    DISPLAY=$display HOME=$work XDG_RUNTIME_DIR=$work target/release/klantreis \
      "$work/map.klantreis.ron" >/dev/null 2>&1 &
    app=$!
    sleep 10
    kb=$(awk '/VmRSS/ {print $2}' "/proc/$app/status")
    kill "$app"; wait "$app" 2>/dev/null || true
    if [ -z "$best" ] || [ "$kb" -lt "$best" ]; then best=$kb; fi
  done
  kill "$xvfb"
  rm -rf "$work"
  mb=$((best / 1024))
  verdict=$([ "$mb" -le 150 ] && echo met || echo "missed by $((mb - 150)) MB")
  rss="$mb MB (goal <= 150 MB: $verdict)"
fi

table=$(
  echo "Measured $(date -u +%Y-%m-%d) on $cpu, $cores cores, $memory, no GPU; $rsvg."
  echo
  echo '```sh'
  echo 'cargo bench --bench frame    # 20 stages x 10 lanes, 1 000 cards, window 1600 x 1000'
  echo 'cargo bench --bench export   # the same map, A0 landscape, whole processes, 5 rounds in pairs'
  echo '```'
  echo
  echo '| frame (400 each; edits 100, layout alone 60, opening 10) | median | p95 | p99 | goal (issue 15) |'
  echo '| --- | --- | --- | --- | --- |'
  echo "$frame" | awk '
    function verdict(value, limit) {
      return value <= limit ? "met" : sprintf("missed by %.1f ms", value - limit) }
    /median/ {
      name = $0; sub(/ +median.*/, "", name)
      match($0, /median +[0-9.]+ ms/); m = substr($0, RSTART + 6, RLENGTH - 6)
      match($0, /p95 +[0-9.]+ ms/); p = substr($0, RSTART + 3, RLENGTH - 3)
      match($0, /p99 +[0-9.]+ ms/); q = substr($0, RSTART + 3, RLENGTH - 3)
      gsub(/^ +/, "", m); gsub(/^ +/, "", p); gsub(/^ +/, "", q)
      goal = ""
      if (name == "fit to window: whole frame")
        goal = "p95 <= 4 ms: " verdict(p + 0, 4) "; p99 <= 16 ms: " verdict(q + 0, 16)
      else if (name == "zooming: whole frame")
        goal = "p95 <= 8 ms: " verdict(p + 0, 8)
      else if (name == "after an edit at 4 000 cards: whole frame")
        goal = "<= 8 ms: median " verdict(m + 0, 8) ", p95 " verdict(p + 0, 8)
      else if (name == "load of 10 000 cards")
        goal = "<= 60 ms: " verdict(m + 0, 60)
      printf "| %s | %s | %s | %s | %s |\n", name, m, p, q, goal }'
  echo
  echo "Resident memory of the app with this map open, at fit, under Xvfb (VmRSS after 10 s): $rss."
  echo
  echo '| export, A0 landscape | tool | median | peak memory | Klantreis / tool | goal (issue 15) |'
  echo '| --- | --- | --- | --- | --- | --- |'
  echo "$export_out" | awk '/median/ {
      what = substr($0, 1, 34); tool = substr($0, 36, 12)
      gsub(/ +$/, "", what); gsub(/ +$/, "", tool)
      match($0, /median +[0-9.]+ s/); m = substr($0, RSTART + 6, RLENGTH - 6); gsub(/^ +/, "", m)
      match($0, /peak [0-9a-z\/ ]+MB|peak n\/a/); k = substr($0, RSTART + 5, RLENGTH - 5)
      ratio = ""; goal = ""
      if (match($0, /takes [0-9.]+x/)) ratio = substr($0, RSTART + 6, RLENGTH - 6)
      if (tool == "rsvg-convert" && what ~ /^PDF/)
        goal = "<= 0.5x: " (ratio + 0 <= 0.5 ? "met" : "missed")
      if (tool == "rsvg-convert" && what ~ /^PNG/)
        goal = "<= 0.33x: " (ratio + 0 <= 0.33 ? "met" : "missed")
      if (tool == "klantreis" && what ~ /^PNG/)
        goal = "peak <= 200 MB: " (k + 0 <= 200 ? "met" : "missed")
  printf "| %s | %s | %s | %s | %s | %s |\n", what, tool, m, k, ratio, goal }'
)

viewer=$(viewer_table)

if [ "${1:-}" = "--print" ]; then
  echo "$table"
  echo
  echo "$viewer"
  exit 0
fi
printf '%s\n' "$viewer" >/tmp/perf-viewer.$$
write_block viewer /tmp/perf-viewer.$$
rm -f /tmp/perf-viewer.$$
printf '%s\n' "$table" >/tmp/perf-table.$$
awk -v file=/tmp/perf-table.$$ '
  /<!-- perf:begin -->/ { print; while ((getline line < file) > 0) print line; skip = 1; next }
  /<!-- perf:end -->/ { skip = 0 }
  !skip { print }' README.md >README.md.new
mv README.md.new README.md
rm -f /tmp/perf-table.$$
echo "README.md: performance table rewritten"
