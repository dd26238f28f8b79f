#!/bin/sh
# Makes sure Debian's Chromium is at /usr/bin/chromium for the browser tests, with Debian's CJK fonts so
# the portal's screenshots show Chinese. Idempotent: does nothing when both are there. Exits non-zero
# when Chromium is still missing.
set -u

CHROMIUM=/usr/bin/chromium

has_fonts() {
  dpkg -s fonts-noto-cjk >/dev/null 2>&1
}

if [ -x "$CHROMIUM" ] && has_fonts; then
  echo "ensure-chromium: $CHROMIUM and fonts-noto-cjk are present"
  exit 0
fi

# apt-get needs root; use sudo when we are not root and it exists.
if [ "$(id -u)" -eq 0 ]; then
  AS_ROOT=""
elif command -v sudo >/dev/null 2>&1; then
  AS_ROOT="sudo"
else
  echo "ensure-chromium: $CHROMIUM or fonts-noto-cjk is missing and neither root nor sudo is available" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive

install_chromium() {
  $AS_ROOT env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium fonts-noto-cjk
}

# Package lists are refreshed only when the install fails with the ones we have: an update is slow
# and usually unnecessary on a machine that installed packages recently.
if ! install_chromium; then
  echo "ensure-chromium: install failed; refreshing package lists and retrying" >&2
  $AS_ROOT apt-get update && install_chromium
fi

if ! has_fonts; then
  echo "ensure-chromium: fonts-noto-cjk did not install; Chinese in screenshots will show as boxes" >&2
fi
if [ -x "$CHROMIUM" ]; then
  echo "ensure-chromium: installed $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
  exit 0
fi
echo "ensure-chromium: $CHROMIUM is still missing after the install" >&2
exit 1
