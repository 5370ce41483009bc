"""Settings read from the environment, with their defaults; README.md lists every one (a test checks)."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).parent

# Path of the DuckDB store; created, with demo data, on first run.
DB_PATH = Path(os.environ.get("ANHUI_MAP_DB", ROOT / "var" / "anhui.duckdb"))

# Optional basemap tile URL template (e.g. an intranet tile server); empty: no basemap, no tile requests.
BASEMAP_URL = os.environ.get("ANHUI_MAP_BASEMAP_URL", "")
BASEMAP_ATTRIBUTION = os.environ.get("ANHUI_MAP_BASEMAP_ATTRIBUTION", "底图")

# Where the app serves Leaflet from (Streamlit static serving of ./static).
STATIC_DIR = ROOT / "static"
STATIC_URL = "/app/static"

# Accounts. Reading confirmed data without logging in (leaders in a meeting): off unless set to 1.
OPEN_BROWSING = os.environ.get("ANHUI_MAP_OPEN_BROWSING", "0") == "1"
# A logged-in session ends after this many minutes without a page run.
SESSION_MINUTES = int(os.environ.get("ANHUI_MAP_SESSION_MINUTES", "30"))
# This many wrong passwords in a row lock an account for LOGIN_LOCK_MINUTES.
LOGIN_MAX_FAILURES = int(os.environ.get("ANHUI_MAP_LOGIN_MAX_FAILURES", "5"))
LOGIN_LOCK_MINUTES = int(os.environ.get("ANHUI_MAP_LOGIN_LOCK_MINUTES", "15"))
# The first administrator ("admin") gets this password if set, else a random one written to ADMIN_PASSWORD_FILE
ADMIN_PASSWORD = os.environ.get("ANHUI_MAP_ADMIN_PASSWORD", "")
# (default: initial-admin-password.txt next to the store).
ADMIN_PASSWORD_FILE = os.environ.get("ANHUI_MAP_ADMIN_PASSWORD_FILE", "")
# Largest upload accepted, in MB (also Streamlit's server.maxUploadSize, set in .streamlit/config.toml).
UPLOAD_MAX_MB = int(os.environ.get("ANHUI_MAP_UPLOAD_MAX_MB", "20"))
