"""The store's schema on PostgreSQL: the same numbered migrations as DuckDB (``queries.schema``), each in one
transaction, recorded in the same ``schema_version`` table, through psycopg 3.

This is the first part of PostgreSQL as the shared store (issue 17): the schema. The data layer does not write to
PostgreSQL yet; ``ANHUI_MAP_DATABASE_URL`` is not read.
"""

from __future__ import annotations

import re

from queries.schema import LATEST_VERSION, for_backend, migrations
from queries.text import sql

PARAM = re.compile(r"\$([a-z_][a-z0-9_]*)")


def translate(text: str) -> str:
    """A named query's text for psycopg: ``$name`` placeholders become ``%(name)s`` (a literal ``%`` is doubled)."""
    return PARAM.sub(r"%(\1)s", text.replace("%", "%%"))


def schema_version(con) -> int:
    """The highest migration applied to the PostgreSQL store ``con`` (a psycopg connection), 0 when empty."""
    with con.transaction():
        con.execute(sql("schema_version_table"))
        return int(con.execute(sql("schema_version")).fetchone()[0])


def migrate(con, target: int = LATEST_VERSION) -> list[int]:
    """Apply the pending migrations up to ``target`` to ``con``, each in its own transaction (a failing one rolls
    back whole). Concurrent processes are serialised by an advisory lock, so a migration runs once.

    Returns
    -------
    The versions applied by this call.
    """
    applied = []
    with con.transaction():
        con.execute("select pg_advisory_xact_lock(4216)")  # one migrating process at a time
        current = schema_version(con)
        for version, name, path in migrations():
            if current < version <= target:
                with con.transaction():
                    text = for_backend(path.read_text(encoding="utf-8"), "postgresql")
                    if any(line.strip() and not line.lstrip().startswith("--") for line in text.splitlines()):
                        con.execute(text)  # (a migration only for DuckDB leaves nothing to run here)
                    con.execute(translate(sql("schema_version_insert")),
                                {"version": version, "migration": name})
                applied.append(version)
    return applied
