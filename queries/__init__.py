"""The one door to the DuckDB store: named SQL files run with bound parameters, and schema migrations.

Every statement lives in ``queries/NAME.sql`` (a header comment says what one row is and which ``$params`` it
takes) and runs through ``run(con, "NAME", param=value)``. Values are always bound, never formatted into SQL.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import duckdb
import pandas as pd

QUERY_DIR = Path(__file__).parent
MIGRATION_DIR = QUERY_DIR / "migrations"
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


@lru_cache(maxsize=None)
def sql(name: str) -> str:
    """The text of ``queries/NAME.sql``; ``name`` must be a plain identifier."""
    if not _NAME.match(name):
        raise ValueError(f"query name must be a lowercase identifier, got {name!r}")
    path = QUERY_DIR / f"{name}.sql"
    if not path.is_file():
        raise FileNotFoundError(f"no query named {name!r} (expected {path})")
    return path.read_text(encoding="utf-8")


FILTER_MARK = "/* enterprise filters */"
INITIALS_MARK = "/* by_initials */"
_PARAM = re.compile(r"\$([a-z_][a-z0-9_]*)")
_COMMENT = re.compile(r"--[^\n]*")  # a parameter named in a comment is not one the statement uses


@lru_cache(maxsize=None)
def conditions(name: str = "enterprise_where") -> dict[str, str]:
    """The condition blocks of ``queries/NAME.sql`` by filter name (each block starts with ``-- @name``)."""
    blocks: dict[str, list[str]] = {}
    current = None
    for line in sql(name).splitlines():
        if match := re.match(r"--\s*@([a-z_]+)\s*$", line):
            current = match.group(1)
            blocks[current] = []
        elif current and not line.lstrip().startswith("--"):
            blocks[current].append(line.strip())
    return {k: " ".join(v) for k, v in blocks.items()}


def compose(text: str, params: dict) -> tuple[str, dict]:
    """``text`` with its enterprise-filter marker replaced by the conditions of the filters given (not None), and
    the parameters the result uses. A filter that is not used is not in the SQL at all.

    Pinyin initials (``initials``) extend the name search (``text``), whose condition they replace; and they put
    enterprises whose name holds the text before those found only by their initials (``by_initials``).
    """
    if FILTER_MARK in text:
        available = conditions()
        active = [k for k in available if params.get(k) is not None]
        if "initials" in active and "text" in active:
            active.remove("text")
        clause = " and ".join(f"({available[k]})" for k in active) or "true"
        text = text.replace(FILTER_MARK, clause)
        by_initials = "(not contains(e.name, $text))" if "initials" in active else "false"
        text = text.replace(INITIALS_MARK, by_initials)
    used = set(_PARAM.findall(_COMMENT.sub("", text)))
    missing = used - set(params)
    if missing:
        raise KeyError(f"parameters {sorted(missing)} are missing")
    return text, {k: params[k] for k in used}


def run(con: duckdb.DuckDBPyConnection, name: str, **params) -> pd.DataFrame:
    """Run the named query with ``params`` bound to its ``$name`` placeholders.

    Parameters
    ----------
    con : a DuckDB connection or cursor.
    name : the query's file name without ``.sql``.
    **params : values for the query's ``$params``; pass exactly the ones it uses. A query with the enterprise
        filter marker takes any of the filters of ``enterprise_where.sql`` too (see ``compose``).

    Returns
    -------
    DataFrame of the result rows (empty for statements that return none).
    """
    text = sql(name)
    if FILTER_MARK in text:
        text, params = compose(text, params)
    result = con.execute(text, params or None)
    return result.df() if result.description else pd.DataFrame()


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
    con.execute(
        "create table if not exists schema_version "
        "(version integer primary key, name varchar not null, applied_at timestamp not null)"
    )
    return con.execute("select coalesce(max(version), 0) from schema_version").fetchone()[0]


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
                con.execute(
                    "insert into schema_version values ($version, $name, current_timestamp)",
                    {"version": version, "name": name},
                )
                con.execute("commit")
            except Exception:
                con.execute("rollback")
                raise
            applied.append(version)
    return applied


def connect(path: str | Path) -> duckdb.DuckDBPyConnection:
    """Open (creating if needed) the store at ``path`` and bring its schema up to date."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path))
    migrate(con)
    return con


def connect_read_only(path: str | Path) -> duckdb.DuckDBPyConnection:
    """The store at ``path`` opened read-only, with a search index (``build_search_index``).

    DuckDB cannot attach an in-memory catalog to a read-only database, so the connection is an in-memory database
    with the store attached read-only as its default catalog: every query reads the store as usual, and only the
    search index is written (in memory). A ``cursor()`` of it starts in the in-memory catalog: run ``use store``
    on it first.
    """
    con = duckdb.connect()
    con.execute("attach $path as store (read_only)", {"path": str(path)})
    con.execute("use store")
    build_search_index(con)
    return con


SEARCH_INDEX = "search_index"  # the in-memory catalog of queries/search_index.sql


def build_search_index(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)build the enterprise search index (``queries/search_index.sql``) in memory from the store.

    Call it after every change to enterprises or their honours: searches read the index, not the tables. Every
    cursor of ``con`` sees it (an attached catalog is shared; a temporary table would not be).
    """
    con.execute(f"attach if not exists ':memory:' as {SEARCH_INDEX}")
    con.execute(sql("search_index"))


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection):
    """One transaction around the block: committed at its end, rolled back (and the error re-raised) on any error.
    Not nestable (DuckDB has no nested transactions)."""
    con.execute("begin transaction")
    try:
        yield con
    except BaseException:
        con.execute("rollback")
        raise
    con.execute("commit")


def tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Names of the store's tables (the whitelist for ``insert_frames``)."""
    rows = con.execute("select table_name from information_schema.tables "
                       "where table_catalog = current_database() and table_schema = 'main'").fetchall()
    return {name for (name,) in rows}


def insert_frames(con: duckdb.DuckDBPyConnection, frames: dict[str, pd.DataFrame],
                  transaction: bool = True) -> None:
    """Insert each frame into the table of the same name (columns matched by name), all in one transaction
    (``transaction=False``: in the caller's, which is then the caller's to commit or roll back).

    Raises ``KeyError`` for a name that is not a table of the store; on any error nothing is written.
    """
    unknown = set(frames) - tables(con)
    if unknown:
        raise KeyError(f"not tables of the store: {sorted(unknown)}")
    if transaction:
        con.execute("begin transaction")
    try:
        for table, frame in frames.items():
            con.register("incoming", frame)
            con.execute(f'insert into "{table}" by name select * from incoming')  # name whitelisted above
            con.unregister("incoming")
        if transaction:
            con.execute("commit")
    except Exception:
        if transaction:
            con.execute("rollback")
        raise
