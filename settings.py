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
