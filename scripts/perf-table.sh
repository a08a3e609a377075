#!/usr/bin/env bash
# Runs the frame and export benchmarks and writes their figures, with the machine and the
# commands, into README.md between the markers <!-- perf:begin --> and <!-- perf:end -->.
#
#   scripts/perf-table.sh            # measure and rewrite the README's table
#   scripts/perf-table.sh --print    # measure and print the table only
#
# The export benchmark times rsvg-convert (and Inkscape) beside Klantreis when installed
# (apt-get install librsvg2-bin). Keep the machine otherwise idle while it runs.
set -euo pipefail
cd "$(dirname "$0")/.."

frame=$(cargo bench -q --bench frame 2>/dev/null)
export_out=$(cargo bench -q --bench export 2>/dev/null)

cpu=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)
cores=$(nproc)
memory=$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)
rsvg=$(rsvg-convert --version 2>/dev/null || echo "rsvg-convert not installed")

table=$(
  echo "Measured $(date -u +%Y-%m-%d) on $cpu, $cores cores, $memory, no GPU; $rsvg."
  echo
  echo '```sh'
  echo 'cargo bench --bench frame    # 20 stages x 10 lanes, 1 000 cards, window 1600 x 1000'
  echo 'cargo bench --bench export   # the same map, A0 landscape, whole processes, 5 rounds in pairs'
  echo '```'
  echo
  echo '| frame (400 each) | median | p95 | p99 |'
  echo '| --- | --- | --- | --- |'
  echo "$frame" | awk '/median/ {
      name = $0; sub(/ +median.*/, "", name)
      match($0, /median +[0-9.]+ ms/); m = substr($0, RSTART + 6, RLENGTH - 6)
      match($0, /p95 +[0-9.]+ ms/); p = substr($0, RSTART + 3, RLENGTH - 3)
      match($0, /p99 +[0-9.]+ ms/); q = substr($0, RSTART + 3, RLENGTH - 3)
      gsub(/^ +/, "", m); gsub(/^ +/, "", p); gsub(/^ +/, "", q)
      printf "| %s | %s | %s | %s |\n", name, m, p, q }'
  echo
  echo '| export, A0 landscape | tool | median | peak memory | Klantreis / tool |'
  echo '| --- | --- | --- | --- | --- |'
  echo "$export_out" | awk '/median/ {
      what = substr($0, 1, 34); tool = substr($0, 36, 12)
      gsub(/ +$/, "", what); gsub(/ +$/, "", tool)
      match($0, /median +[0-9.]+ s/); m = substr($0, RSTART + 6, RLENGTH - 6); gsub(/^ +/, "", m)
      match($0, /peak [0-9a-z\/ ]+MB|peak n\/a/); k = substr($0, RSTART + 5, RLENGTH - 5)
      ratio = ""
      if (match($0, /takes [0-9.]+x/)) ratio = substr($0, RSTART + 6, RLENGTH - 6)
      printf "| %s | %s | %s | %s | %s |\n", what, tool, m, k, ratio }'
)

if [ "${1:-}" = "--print" ]; then
  echo "$table"
  exit 0
fi
printf '%s\n' "$table" >/tmp/perf-table.$$
awk -v file=/tmp/perf-table.$$ '
  /<!-- perf:begin -->/ { print; while ((getline line < file) > 0) print line; skip = 1; next }
  /<!-- perf:end -->/ { skip = 0 }
  !skip { print }' README.md >README.md.new
mv README.md.new README.md
rm -f /tmp/perf-table.$$
echo "README.md: performance table rewritten"
