#!/usr/bin/env bash
# Install Debian packages with apt-get, as root or through sudo: scripts/apt_install.sh WHO PACKAGE...
# WHO names the calling script in messages. Used by install_browser.sh and install_tools.sh.
set -euo pipefail
who=$1
shift
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "$who: please install the Debian packages $* (no root and no sudo here)" >&2
  exit 1
fi
echo "$who: installing $* with apt-get"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq "$@" >/dev/null
