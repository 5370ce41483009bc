#!/usr/bin/env bash
# Set up (first time) and run the app: ./run.sh [streamlit options, e.g. --server.port 8080]
# Several processes behind nginx, on PostgreSQL: ANHUI_MAP_DATABASE_URL=postgresql://… ./run.sh --processes 4
set -euo pipefail
cd "$(dirname "$0")"
if [ -f requirements.lock ]; then
  # An offline bundle (./bundle.sh): its wheels and fonts are here; nothing is fetched.
  [ -x .venv/bin/python ] || ./install.sh
else
  # The map image and 汇报材料 are drawn on the server in Chinese fonts from Debian (see exports/fonts.py). Without
  # them the app still runs and the export buttons say which package is missing.
  if ! dpkg -s fonts-noto-cjk fonts-wqy-microhei >/dev/null 2>&1; then
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq fonts-noto-cjk \
        fonts-wqy-microhei >/dev/null; } || echo "run.sh: 未能安装中文字体 fonts-noto-cjk fonts-wqy-microhei，导出功能不可用" >&2
  fi
  [ -x .venv/bin/python ] || python3 -m venv .venv
  .venv/bin/pip install -q --disable-pip-version-check -r requirements.txt -c constraints.txt
fi
if [ "${1:-}" = "--processes" ]; then
  # Several processes behind nginx on one PostgreSQL (ANHUI_MAP_DATABASE_URL): README, "多进程部署".
  if [ ! -x /usr/sbin/nginx ] && [ ! -f requirements.lock ]; then
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq nginx >/dev/null
  fi
  exec .venv/bin/python -m server.launch "$@"
fi
exec .venv/bin/python -m streamlit run serve.py --server.maxUploadSize "${ANHUI_MAP_UPLOAD_MAX_MB:-20}" "$@"
