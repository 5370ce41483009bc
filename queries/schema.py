"""The store's schema: numbered migrations (``queries/migrations/NNNN_name.sql``) applied in order, each in one
transaction, recorded in ``schema_version``.

One file serves both backends (DuckDB here, PostgreSQL in ``queries.postgres``): the little that differs sits in
blocks opened by a line ``-- [duckdb]`` or ``-- [postgresql]`` and closed by ``-- [all]`` (or the file's end);
``for_backend`` keeps the blocks of one backend. tests/test_postgres.py proves both give the same schema."""

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
BACKENDS = ("duckdb", "postgresql")


def for_backend(text: str, backend: str) -> str:
    """The migration ``text`` as ``backend`` runs it: the other backend's blocks left out."""
    kept, keep = [], True
    for line in text.splitlines(keepends=True):
        marker = line.strip()
        if marker.startswith("-- [") and "]" in marker:
            block = marker[4 : marker.index("]")]
            if block in (*BACKENDS, "all"):
                keep = block in ("all", backend)
                continue
        if keep:
            kept.append(line)
    return "".join(kept)


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
                con.execute(for_backend(path.read_text(encoding="utf-8"), "duckdb"))
                con.execute(sql("schema_version_insert"), {"version": version, "migration": name})
                con.execute("commit")
            except Exception:
                con.execute("rollback")
                raise
            applied.append(version)
    return applied
