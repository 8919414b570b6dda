#!/usr/bin/env bash
# Make sure the browser tests have a Chromium and the PDF tools they need.
# Uses $CHROMIUM_PATH when set; otherwise Debian's chromium-headless-shell (the tests and `make handouts`) and
# chromium (a smoke test, the benchmarks and the audit), installed with apt-get when missing (as root, or through
# sudo), with poppler-utils. See scripts/browser.py. Where Playwright's own managed Chromium is installed
# instead, set CHROMIUM_PATH=playwright to skip this step.
set -euo pipefail

if [ "${CHROMIUM_PATH:-}" = "playwright" ]; then
  exit 0
fi
missing=()
if [ -n "${CHROMIUM_PATH:-}" ]; then
  [ -x "$CHROMIUM_PATH" ] || { echo "install_browser: CHROMIUM_PATH=$CHROMIUM_PATH is not an executable" >&2; exit 1; }
else
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v chromium-headless-shell >/dev/null 2>&1 || missing+=(chromium-headless-shell)
fi
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0

exec "$(dirname "$0")/apt_install.sh" install_browser "${missing[@]}"
