#!/usr/bin/env bash
# Set up (first time) and run the whole test suite: ./test.sh [pytest options]
set -euo pipefail
cd "$(dirname "$0")"
# Browser tests need Debian's Chromium and a CJK font (so Chinese text renders, not boxes); the exports need the
# fonts run.sh installs.
if [ ! -x /usr/bin/chromium ] || ! dpkg -s fonts-noto-cjk fonts-wqy-microhei >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-noto-cjk fonts-wqy-microhei >/dev/null
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -r requirements-dev.txt -c constraints.txt
exec .venv/bin/python -m pytest -q tests "$@"
