#!/usr/bin/env bash
# What the browser tests (tests/viewer.rs) need: Debian's chromium and chromium-driver. Installs
# them when they are missing and this runs as root with apt-get; says what to do otherwise.
set -euo pipefail
if command -v chromedriver >/dev/null && command -v chromium >/dev/null; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
  exit 0
fi
echo "The browser tests need chromium and chromium-driver: sudo apt-get install chromium chromium-driver" >&2
exit 1
