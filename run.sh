#!/usr/bin/env bash
# Set up (first time) and run the app: ./run.sh [streamlit options, e.g. --server.port 8080]
set -euo pipefail
cd "$(dirname "$0")"
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -r requirements.txt -c constraints.txt
exec .venv/bin/python -m streamlit run app.py --server.maxUploadSize "${ANHUI_MAP_UPLOAD_MAX_MB:-20}" "$@"
