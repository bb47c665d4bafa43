#!/usr/bin/env bash
# Installs Debian's Chromium and ChromeDriver (packages chromium and chromium-driver) for the end-to-end browser
# test of `audiu serve` (audiu-cli: ServeBrowserTest). CI calls it before the tests.
#
# Idempotent: does nothing when both are already there. Never fails the build: when it cannot install (no apt-get,
# not root and no password-less sudo, no network) it says why and exits 0; the browser test then skips with a
# message. No browser is ever downloaded at test time.
#
# Paths can be overridden with CHROME_BIN and CHROMEDRIVER (the test reads the same variables).
set -u

chromium_bin="${CHROME_BIN:-/usr/bin/chromium}"
driver_bin="${CHROMEDRIVER:-/usr/bin/chromedriver}"

say() { echo "install-browser: $*"; }
have() { command -v "$1" >/dev/null 2>&1; }
installed() { [ -x "$chromium_bin" ] && [ -x "$driver_bin" ]; }
versions() {
  # Debian's chromium wrapper prints shell noise on stderr; keep only the version line.
  echo "$("$chromium_bin" --version 2>/dev/null | head -n 1), $("$driver_bin" --version 2>/dev/null | cut -d' ' -f1-2)"
}

if installed; then
  say "already installed: $(versions)"
  exit 0
fi

if ! have apt-get; then
  say "apt-get not found (not a Debian-based machine): install chromium and chromedriver yourself, or set"
  say "CHROME_BIN and CHROMEDRIVER. The browser test will be skipped."
  exit 0
fi

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if have sudo && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
  else
    say "not root and no password-less sudo, so chromium cannot be installed here. The browser test will be skipped."
    exit 0
  fi
fi

export DEBIAN_FRONTEND=noninteractive
say "installing chromium and chromium-driver with apt-get..."
if ! "${SUDO[@]}" timeout 900 apt-get update -qq; then
  say "apt-get update failed (no network or no package mirror?). The browser test will be skipped."
  exit 0
fi
if ! "${SUDO[@]}" timeout 1800 apt-get install -y -qq chromium chromium-driver >/dev/null; then
  say "apt-get install chromium chromium-driver failed (see above). The browser test will be skipped."
  exit 0
fi

if installed; then
  say "installed: $(versions)"
else
  say "the packages installed but $chromium_bin or $driver_bin is still missing (CHROME_BIN/CHROMEDRIVER set to"
  say "another path?). The browser test will be skipped."
fi
exit 0
