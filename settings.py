"""Settings read from the environment, with their defaults; README.md lists every one (a test checks)."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).parent


def _version() -> str:
    import tomllib

    try:
        return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    except (OSError, KeyError, ValueError):
        return "unknown"


# The release (pyproject.toml; CHANGELOG.md says what changed).
VERSION = _version()

# Path of the DuckDB store; created, with demo data, on first run.
DB_PATH = Path(os.environ.get("ANHUI_MAP_DB", ROOT / "var" / "anhui.duckdb"))
# Where ./admin.sh backup writes, and where a store is backed up before an upgrade migrates it.
BACKUP_DIR = Path(os.environ.get("ANHUI_MAP_BACKUP_DIR", ROOT / "var" / "backups"))

# PostgreSQL as the store shared by several app processes, on one machine or several
# (postgresql://user:password@host:5432/dbname); empty: the DuckDB file above, for one process.
DATABASE_URL = os.environ.get("ANHUI_MAP_DATABASE_URL", "")
# With PostgreSQL: connections each process keeps at most, and how often (seconds) it looks for data published by
# another process (its read copy is refreshed then; the process that published refreshes at once).
DATABASE_POOL_SIZE = int(os.environ.get("ANHUI_MAP_DATABASE_POOL_SIZE", "8"))
REFRESH_SECONDS = float(os.environ.get("ANHUI_MAP_REFRESH_SECONDS", "2"))

# Optional basemap tile URL template (e.g. an intranet tile server); empty: no basemap, no tile requests.
BASEMAP_URL = os.environ.get("ANHUI_MAP_BASEMAP_URL", "")
BASEMAP_ATTRIBUTION = os.environ.get("ANHUI_MAP_BASEMAP_ATTRIBUTION", "底图")

# Where the app serves Leaflet from (Streamlit static serving of ./static), below server.baseUrlPath:
# server.routes.static_url().
STATIC_DIR = ROOT / "static"
STATIC_URL = "/app/static"

# Accounts. Reading confirmed data without logging in (leaders in a meeting): off unless set to 1.
OPEN_BROWSING = os.environ.get("ANHUI_MAP_OPEN_BROWSING", "0") == "1"
# A logged-in session ends after this many minutes without a page run.
SESSION_MINUTES = int(os.environ.get("ANHUI_MAP_SESSION_MINUTES", "30"))
# 统一身份认证 through the reverse proxy (records/sso.py), off when empty: the request header in which the proxy names
# the authenticated user (e.g. X-Remote-User), believed only with the proxy's shared secret in X-Anhui-Proxy-Secret.
SSO_HEADER = os.environ.get("ANHUI_MAP_SSO_HEADER", "").strip()
SSO_SECRET = os.environ.get("ANHUI_MAP_SSO_SECRET", "")
# This many wrong passwords in a row lock an account for LOGIN_LOCK_MINUTES.
LOGIN_MAX_FAILURES = int(os.environ.get("ANHUI_MAP_LOGIN_MAX_FAILURES", "5"))
LOGIN_LOCK_MINUTES = int(os.environ.get("ANHUI_MAP_LOGIN_LOCK_MINUTES", "15"))
# The first administrator ("admin") gets this password if set, else a random one written to ADMIN_PASSWORD_FILE
ADMIN_PASSWORD = os.environ.get("ANHUI_MAP_ADMIN_PASSWORD", "")
# (default: initial-admin-password.txt next to the store).
ADMIN_PASSWORD_FILE = os.environ.get("ANHUI_MAP_ADMIN_PASSWORD_FILE", "")
# Largest upload accepted, in MB (also Streamlit's server.maxUploadSize, set in .streamlit/config.toml).
UPLOAD_MAX_MB = int(os.environ.get("ANHUI_MAP_UPLOAD_MAX_MB", "20"))

# Limits on uploaded files, checked before their cells are read (README: "Limits on uploads"). The file size is
# UPLOAD_MAX_MB above.
UPLOAD_MAX_SHEETS = int(os.environ.get("ANHUI_MAP_UPLOAD_MAX_SHEETS", "20"))
UPLOAD_MAX_ROWS = int(os.environ.get("ANHUI_MAP_UPLOAD_MAX_ROWS", "200000"))  # rows of one sheet, header included
UPLOAD_MAX_COLUMNS = int(os.environ.get("ANHUI_MAP_UPLOAD_MAX_COLUMNS", "60"))
UPLOAD_MAX_CELL_CHARS = int(os.environ.get("ANHUI_MAP_UPLOAD_MAX_CELL_CHARS", "1000"))
# An .xlsx is a zip: the unpacked size of all its parts, of any one part, and how much a part may grow on unpacking.
UPLOAD_MAX_UNZIPPED_MB = int(os.environ.get("ANHUI_MAP_UPLOAD_MAX_UNZIPPED_MB", "400"))
UPLOAD_MAX_PART_MB = int(os.environ.get("ANHUI_MAP_UPLOAD_MAX_PART_MB", "300"))
UPLOAD_MAX_RATIO = int(os.environ.get("ANHUI_MAP_UPLOAD_MAX_RATIO", "100"))
# Uploads are read and validated in a child process with these limits (uploads/sandbox.py); at most
# UPLOAD_WORKERS at once per server process, later ones wait for a free worker.
UPLOAD_WORKER_MEMORY_MB = int(os.environ.get("ANHUI_MAP_UPLOAD_WORKER_MEMORY_MB", "2048"))
UPLOAD_WORKER_CPU_SECONDS = int(os.environ.get("ANHUI_MAP_UPLOAD_WORKER_CPU_SECONDS", "60"))
UPLOAD_WORKER_WALL_SECONDS = int(os.environ.get("ANHUI_MAP_UPLOAD_WORKER_WALL_SECONDS", "90"))
UPLOAD_WORKERS = int(os.environ.get("ANHUI_MAP_UPLOAD_WORKERS", "2"))

# The log (logs.py): JSON lines to stdout, and to this file too when set, rotated at LOG_FILE_MB, LOG_FILE_COUNT kept.
LOG_LEVEL = os.environ.get("ANHUI_MAP_LOG_LEVEL", "INFO").upper()
LOG_FILE = os.environ.get("ANHUI_MAP_LOG_FILE", "")
LOG_FILE_MB = int(os.environ.get("ANHUI_MAP_LOG_FILE_MB", "50"))
LOG_FILE_COUNT = int(os.environ.get("ANHUI_MAP_LOG_FILE_COUNT", "10"))
