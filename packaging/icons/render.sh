#!/usr/bin/env bash
# Renders the app icon and the project file icon from their SVGs into every size and format the
# packages need: hicolor PNGs (Linux), .ico (Windows) and .icns (macOS). Run it after changing
# an SVG; it needs rsvg-convert, icotool and png2icns (Debian: librsvg2-bin icoutils icnsutils).
set -euo pipefail
cd "$(dirname "$0")"
sizes=(16 24 32 48 64 128 256 512)
render() { # svg, kind (apps or mimetypes), name
  for s in "${sizes[@]}"; do
    mkdir -p "hicolor/${s}x${s}/$2"
    rsvg-convert -w "$s" -h "$s" "$1" -o "hicolor/${s}x${s}/$2/$3.png"
  done
}
render klantreis.svg apps nl.klantreis.Klantreis
render application-x-klantreis.svg mimetypes application-x-klantreis
ico() { icotool -c -o "$1" "${@:2}"; }
png() { echo "hicolor/$1x$1/$2"; }
app=apps/nl.klantreis.Klantreis.png
doc=mimetypes/application-x-klantreis.png
ico ../windows/klantreis.ico $(for s in 16 24 32 48 256; do png $s $app; done)
ico ../windows/klantreis-document.ico $(for s in 16 32 48 256; do png $s $doc; done)
png2icns ../macos/klantreis.icns $(for s in 16 32 128 256 512; do png $s $app; done) >/dev/null
png2icns ../macos/klantreis-document.icns $(for s in 16 32 128 256 512; do png $s $doc; done) >/dev/null
