#!/usr/bin/env bash
# Build the offline bundle for an intranet machine with no network: ./bundle.sh  →  dist/anhui-map-….tar.gz
# Run on a machine of the target's OS and Python (Debian 12, Python 3.11) with access to PyPI; README, "部署".
set -euo pipefail
cd "$(dirname "$0")"
if ! dpkg -s fonts-noto-cjk fonts-wqy-microhei >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq fonts-noto-cjk \
    fonts-wqy-microhei >/dev/null
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -r requirements.txt -c constraints.txt
exec .venv/bin/python -m server.bundle "$@"
