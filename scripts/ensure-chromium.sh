#!/bin/sh
# Makes sure Debian's Chromium is at /usr/bin/chromium for the gateway's browser test.
# Idempotent: does nothing when it is already there. Exits non-zero when it is still missing.
set -u

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
  echo "ensure-chromium: $CHROMIUM is present"
  exit 0
fi

# apt-get needs root; use sudo when we are not root and it exists.
if [ "$(id -u)" -eq 0 ]; then
  AS_ROOT=""
elif command -v sudo >/dev/null 2>&1; then
  AS_ROOT="sudo"
else
  echo "ensure-chromium: $CHROMIUM is missing and neither root nor sudo is available" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive

install_chromium() {
  $AS_ROOT env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
}

# Package lists are refreshed only when the install fails with the ones we have: an update is slow
# and usually unnecessary on a machine that installed packages recently.
if ! install_chromium; then
  echo "ensure-chromium: install failed; refreshing package lists and retrying" >&2
  $AS_ROOT apt-get update && install_chromium
fi

if [ -x "$CHROMIUM" ]; then
  echo "ensure-chromium: installed $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
  exit 0
fi
echo "ensure-chromium: $CHROMIUM is still missing after the install" >&2
exit 1
