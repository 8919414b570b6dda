#!/usr/bin/env bash
# Make sure the quality gates (make test) and the audit (make audit) have their tools:
# - a Java runtime for the Nu HTML Checker: Debian's default-jre-headless, and Debian's word lists (wdutch,
#   wbritish, wamerican) for tests/test_search_typos.py, installed with apt-get (as root, or through sudo) only when
#   missing;
# - the npm packages pinned in scripts/package.json and scripts/package-lock.json (axe-core, vnu-jar, lighthouse),
#   installed with `npm ci` into scripts/node_modules. A second run reuses them; `npm ci` runs again only when the
#   lock file differs from the one last installed. Install scripts are skipped: vnu-jar's would download a JDK
#   from GitHub, and the Java runtime comes from Debian instead.
# `install_tools.sh npm` installs the npm packages only: the build needs one of them (qrcode-generator, the handout
# composer's QR encoder, copied into the site by overrides/hooks/handout_composer.py).
set -euo pipefail
cd "$(dirname "$0")"

if [ "${1:-}" != npm ]; then
  missing=()
  command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
  [ -f /usr/share/dict/dutch ] || missing+=(wdutch)
  [ -f /usr/share/dict/british-english ] || missing+=(wbritish)
  [ -f /usr/share/dict/american-english ] || missing+=(wamerican)
  [ ${#missing[@]} -eq 0 ] || ./apt_install.sh install_tools --no-install-recommends "${missing[@]}"
fi

command -v npm >/dev/null 2>&1 || { echo "install_tools: npm (Node.js 18 or later) is needed" >&2; exit 1; }
stamp=node_modules/.installed-package-lock.json
if [ -f "$stamp" ] && cmp -s package-lock.json "$stamp"; then
  exit 0
fi
echo "install_tools: installing the npm packages of scripts/package-lock.json"
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
cp package-lock.json "$stamp"
