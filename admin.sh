#!/usr/bin/env bash
# The administrator's commands, on the server, as the account that runs the app: ./admin.sh check|migrate|backup|
# restore|reset-password|create-admin (./admin.sh --help; README, "Administration"). Uses the settings of ./run.sh
# (ANHUI_MAP_DB or ANHUI_MAP_DATABASE_URL from the environment).
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -x .venv/bin/python ]; then
  echo "admin.sh: 尚未安装，请先运行 ./run.sh（或离线包的 install.sh）" >&2
  exit 2
fi
exec .venv/bin/python -m server.admin "$@"
