"""The store's schema: numbered migrations (``queries/migrations/NNNN_name.sql``) applied in order, each in one
transaction, recorded in ``schema_version``."""

from __future__ import annotations

from pathlib import Path

import duckdb

from queries.text import MIGRATION_DIR, sql


def migrations() -> list[tuple[int, str, Path]]:
    """Every migration file as (version, name, path), ordered by version."""
    found = []
    for path in sorted(MIGRATION_DIR.glob("*.sql")):
        number, _, name = path.stem.partition("_")
        found.append((int(number), name, path))
    return found


LATEST_VERSION = migrations()[-1][0]


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """The highest migration applied to the store, 0 for an empty file."""
    con.execute(sql("schema_version_table"))
    return int(con.execute(sql("schema_version")).fetchone()[0])


def migrate(con: duckdb.DuckDBPyConnection, target: int = LATEST_VERSION) -> list[int]:
    """Apply the pending migrations up to ``target``, each in its own transaction.

    A failing migration rolls back whole, leaving the store at the previous version.

    Returns
    -------
    The versions applied by this call (empty when the store was current).
    """
    current = schema_version(con)
    applied = []
    for version, name, path in migrations():
        if current < version <= target:
            con.execute("begin transaction")
            try:
                con.execute(path.read_text(encoding="utf-8"))
                con.execute(sql("schema_version_insert"), {"version": version, "migration": name})
                con.execute("commit")
            except Exception:
                con.execute("rollback")
                raise
            applied.append(version)
    return applied
