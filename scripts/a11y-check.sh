#!/usr/bin/env bash
# What a screen reader hears, checked from outside the process: the app under a virtual X
# display on a private D-Bus session with the accessibility bus, told a screen reader is on
# (AccessKit registers with AT-SPI only then), read and driven with pyatspi
# (scripts/a11y_tree.py). Needs xvfb, xdotool, dbus, at-spi2-core and python3-pyatspi.
#
#   scripts/a11y-check.sh target/debug/klantreis
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-target/debug/klantreis}")
if [ -z "${A11Y_INNER:-}" ]; then
  exec env A11Y_INNER=1 dbus-run-session -- "$0" "$bin"
fi

home=$(mktemp -d)
display=:$((90 + RANDOM % 400))
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$home"
}
trap cleanup EXIT
launcher=
for l in /usr/libexec/at-spi-bus-launcher /usr/lib/at-spi2-core/at-spi-bus-launcher; do
  [ -x "$l" ] && launcher=$l && break
done
[ -n "$launcher" ] || { echo "at-spi-bus-launcher not found (install at-spi2-core)"; exit 1; }
"$launcher" --launch-immediately >/dev/null 2>&1 &
pids+=($!)
sleep 1
# What Orca says when it starts: a screen reader is on.
for property in IsEnabled ScreenReaderEnabled; do
  dbus-send --session --dest=org.a11y.Bus --print-reply /org/a11y/bus \
    org.freedesktop.DBus.Properties.Set string:org.a11y.Status "string:$property" \
    variant:boolean:true >/dev/null
done
Xvfb "$display" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
sleep 1
export DISPLAY=$display HOME=$home XDG_CONFIG_HOME=$home/config XDG_DATA_HOME=$home/data \
  LANG=en_GB.UTF-8
"$bin" examples/waterschade-claim.klantreis.ron >"$home/app.log" 2>&1 &
pids+=($!)
/usr/bin/python3 scripts/a11y_tree.py check-actions || { cat "$home/app.log"; exit 1; }
echo "screen-reader checks passed"
