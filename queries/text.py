"""The SQL files by name: ``sql("NAME")`` is the text of ``queries/NAME.sql`` (names are plain identifiers)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

QUERY_DIR = Path(__file__).parent
MIGRATION_DIR = QUERY_DIR / "migrations"
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


@cache
def sql(name: str) -> str:
    """The text of ``queries/NAME.sql``; ``name`` must be a plain identifier."""
    if not _NAME.match(name):
        raise ValueError(f"query name must be a lowercase identifier, got {name!r}")
    path = QUERY_DIR / f"{name}.sql"
    if not path.is_file():
        raise FileNotFoundError(f"no query named {name!r} (expected {path})")
    return path.read_text(encoding="utf-8")
