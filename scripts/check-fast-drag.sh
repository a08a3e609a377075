#!/usr/bin/env bash
# A drag from the toolbox so fast that press, moves and release reach the app in one batch
# (as a flick of the mouse does) must still add the card. egui's test harness does not deliver
# events that way, so this drives the real window under Xvfb with xdotool, then saves (Ctrl+S)
# and looks for the new card in the file.
#
#   scripts/check-fast-drag.sh [BINARY]     # default target/debug/klantreis
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/debug/klantreis}
home=$(mktemp -d)
display=:$((500 + RANDOM % 400))
export HOME=$home XDG_CONFIG_HOME=$home/config XDG_DATA_HOME=$home/data XDG_RUNTIME_DIR=$home \
  LANG=en_US.UTF-8 DISPLAY=$display
Xvfb "$display" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
app_pid=
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$home"
}
trap cleanup EXIT
sleep 1
project=$home/ikea.klantreis.ron
cp examples/ikea-winkelbezoek.klantreis.ron "$project"
"$bin" "$project" >"$home/log" 2>&1 &
app_pid=$!
for _ in $(seq 60); do xdotool search --name Klantreis >/dev/null 2>&1 && break; sleep 0.5; done
sleep 4
xdotool search --name Klantreis windowsize 1440 900 windowmove 0 0 >/dev/null 2>&1 || true
xdotool search --name Klantreis windowfocus --sync >/dev/null 2>&1 || true
sleep 1
# The first start's language question, then the guided tour.
xdotool mousemove 700 100 key --delay 100 Escape
sleep 1
xdotool key --delay 100 Escape
sleep 1
# "Pain point" in the toolbox (below the example's two maps in the sidebar), flicked onto the
# Showroom stage.
xdotool mousemove 145 298 mousedown 1 mousemove 400 350 mousemove 622 404 mouseup 1
sleep 1.5
xdotool key --delay 100 ctrl+s
sleep 1.5
if grep -q '"Nieuw pijnpunt"' "$project"; then
  echo "fast drag from the toolbox: the card was added"
else
  echo "fast drag from the toolbox: no card was added" >&2
  exit 1
fi
