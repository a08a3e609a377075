#!/usr/bin/env bash
# Regenerates the screenshots in docs/screenshots/ (the README's user guide and the AppStream
# metainfo show them) from the real app: the release binary under a virtual X display with
# Mesa's software renderer, a fresh settings folder and a Dutch system locale, driven with
# xdotool. Needs xvfb, xdotool, imagemagick, poppler-utils and Mesa (Debian: xvfb xdotool
# imagemagick poppler-utils libgl1-mesa-dri libegl-mesa0 mesa-vulkan-drivers).
#
#   scripts/screenshots.sh            # all of them
#   KLANTREIS_BIN=target/debug/klantreis scripts/screenshots.sh   # from a build at hand
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/screenshots
mkdir -p "$out"
bin=${KLANTREIS_BIN:-}
if [ -z "$bin" ]; then
  cargo build --release -q
  bin=target/release/klantreis
fi
bin=$(realpath "$bin")

home=$(mktemp -d)
display=:$((90 + RANDOM % 400))
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
export DISPLAY=$display HOME=$home XDG_CONFIG_HOME=$home/config XDG_DATA_HOME=$home/data \
  XDG_RUNTIME_DIR=$home LANG=nl_NL.UTF-8 LC_ALL=nl_NL.UTF-8

# Starts the app on ARGS, waits until its window is there and has drawn.
start() {
  "$bin" "$@" >"$home/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 60); do
    xdotool search --name Klantreis >/dev/null 2>&1 && break
    sleep 0.5
  done
  sleep 4
  kill -0 "$app_pid" || { cat "$home/app.log"; exit 1; }
  # Fill the screen, as a user would, and give the window the keyboard (there is no window
  # manager to do either).
  xdotool search --name Klantreis windowsize 1440 900 windowmove 0 0 >/dev/null 2>&1 || true
  xdotool search --name Klantreis windowfocus --sync >/dev/null 2>&1 || true
  sleep 2
}
shoot() { import -display "$display" -window root "$out/$1.png"; echo "saved $out/$1.png"; }
# Quits as a user would (Ctrl+Q), so the settings are saved; kills it if it does not go.
stop() {
  xdotool key --delay 100 ctrl+q
  for _ in $(seq 20); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.25; done
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=
}

start examples/ikea-winkelbezoek.klantreis.ron
shoot first-start
# Dutch, as the system says; then past the guided tour.
xdotool mousemove 700 100 key --delay 100 Escape
sleep 2
shoot tour
xdotool key --delay 100 Escape
sleep 2
shoot map
xdotool key --delay 100 ctrl+e
sleep 3
shoot export
xdotool key --delay 100 Escape
sleep 1
# The personas view (Ctrl+Shift+P), the first persona in its editor.
xdotool key --delay 100 ctrl+shift+p
sleep 3
shoot personas
# The stakeholder map (Ctrl+Shift+H).
xdotool key --delay 100 ctrl+shift+h
sleep 3
shoot stakeholders
# The map overview (Ctrl+Shift+O).
xdotool key --delay 100 ctrl+shift+o
sleep 3
shoot overview
stop
# The persona sheet as it prints, through the command line.
"$bin" export examples/ikea-winkelbezoek.klantreis.ron --format personas \
  --output "$home/personas.pdf"
pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$home/personas.pdf" "$out/persona-sheet"
echo "saved $out/persona-sheet.png"

# Started without a file, after the first start: the start screen, with the example that was
# just open among the recent projects.
start
shoot start
stop

# Research and data on the water-damage blueprint (copied, so an import is stored beside it):
# the register and the evidence (Ctrl+Shift+R), then File › Import data (Ctrl+Shift+I); with
# no desktop portal here the built-in file field asks for the file, then the mapping step.
cp examples/waterschade-claim.klantreis.ron examples/waterschade-*.csv "$home/"
start "$home/waterschade-claim.klantreis.ron"
xdotool key --delay 100 ctrl+shift+r
sleep 3
shoot research
xdotool key --delay 100 ctrl+shift+i
sleep 2
xdotool key --delay 50 ctrl+a
xdotool type --delay 20 "$home/waterschade-csat.csv"
xdotool key --delay 100 Return
sleep 3
shoot import
xdotool key --delay 100 Escape
sleep 1
# The actions view (Ctrl+Shift+A): the list with the done action in the editor and its measured
# effect, then the priority matrix and the roadmap of actions (the tabs, clicked where they are
# at this window size).
xdotool key --delay 100 ctrl+shift+a
sleep 2
xdotool mousemove 330 152 click 1
sleep 2
shoot actions
xdotool mousemove 715 67 click 1
sleep 2
shoot priority-matrix
xdotool mousemove 812 67 click 1
sleep 2
shoot action-roadmap
stop
# A department's brief as it prints, through the command line.
"$bin" export "$home/waterschade-claim.klantreis.ron" --format brief \
  --owner Klantcontactcentrum --output "$home/brief.pdf"
pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$home/brief.pdf" "$out/brief"
echo "saved $out/brief.png"
