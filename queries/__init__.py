"""The one door to the store: named SQL files run with bound parameters, on DuckDB or PostgreSQL.

Every statement lives in ``queries/NAME.sql`` (a header comment says what one row is and which ``$params`` it
takes) and runs through ``run(con, "NAME", param=value)``. Values are always bound, never formatted into SQL.
The SQL files by name are ``queries.text``; the schema's migrations ``queries.schema``; the enterprise search's
composition and index ``queries.search``; PostgreSQL ``queries.postgres`` and each process's read copy of it
``queries.replica``. ``con`` is a DuckDB connection or cursor, or a ``queries.postgres.Connection``: the functions
here take either.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

import duckdb
import pandas as pd

from queries import postgres
from queries.schema import LATEST_VERSION, migrate, migrations, schema_version  # noqa: F401  (the door's API)
from queries.search import FILTER_MARK, RANK_MARK, SEARCH_INDEX, build_search_index, compose, conditions  # noqa: F401
from queries.text import MIGRATION_DIR, QUERY_DIR, sql  # noqa: F401


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
    if is_postgres(con):
        return postgres.run(con, text, params)
    result = con.execute(text, params or None)
    return result.df() if result.description else pd.DataFrame()


def is_postgres(con) -> bool:
    """Whether ``con`` is a PostgreSQL store (a ``queries.postgres.Connection``) rather than DuckDB."""
    return getattr(con, "backend", "duckdb") == "postgresql"


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
    con.execute(sql("attach_read_only"), {"path": str(path)})
    con.execute("use store")
    build_search_index(con)
    return con


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection):
    """One transaction around the block: committed at its end, rolled back (and the error re-raised) on any error.
    Not nestable on DuckDB (it has no nested transactions); a savepoint when nested on PostgreSQL. What
    ``after_commit`` registers inside runs when the outermost transaction has ended."""
    outermost = _pending.get() is None
    token = _pending.set([]) if outermost else None
    try:
        if is_postgres(con):
            with postgres.transaction(con):
                yield con
        else:
            con.execute("begin transaction")
            try:
                yield con
            except BaseException:
                con.execute("rollback")
                raise
            con.execute("commit")
    except BaseException:
        if outermost:
            _settle(token, committed=False)
        raise
    if outermost:
        _settle(token, committed=True)


_pending: ContextVar[list | None] = ContextVar("anhui_after_commit", default=None)


def after_commit(then: Callable[[bool], None]) -> None:
    """Call ``then(committed)`` when the transaction this code runs in has ended (at once, with True, outside one):
    for log lines that must say whether a write happened."""
    pending = _pending.get()
    if pending is None:
        then(True)
    else:
        pending.append(then)


def _settle(token, committed: bool) -> None:
    pending = _pending.get() or []
    _pending.reset(token)
    for then in pending:
        then(committed)


def tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Names of the store's tables (the whitelist for ``insert_frames``)."""
    return set(run(con, "store_tables").table_name)


def insert_frames(con: duckdb.DuckDBPyConnection, frames: dict[str, pd.DataFrame], transaction: bool = True) -> None:
    """Insert each frame into the table of the same name (columns matched by name), all in one transaction
    (``transaction=False``: in the caller's, which is then the caller's to commit or roll back).

    Raises ``KeyError`` for a name that is not a table of the store; on any error nothing is written.
    """
    unknown = set(frames) - tables(con)
    if unknown:
        raise KeyError(f"not tables of the store: {sorted(unknown)}")
    if is_postgres(con):
        with postgres.transaction(con):
            postgres.insert_frames(con, frames)
        return
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


@contextmanager
def frame(con, name: str, rows: pd.DataFrame):
    """``rows`` readable by name in the queries run on ``con`` during the block (a registered frame on DuckDB, a
    temporary table on PostgreSQL): for writes that join rows computed in Python."""
    if is_postgres(con):
        with postgres.frame(con, name, rows):
            yield
        return
    con.register(name, rows)
    try:
        yield
    finally:
        con.unregister(name)


def lock(con, name: str) -> None:
    """Serialise the writes called ``name`` (``postgres.LOCKS``) across processes, until the transaction ends. On
    DuckDB nothing to do: one process holds the file, and its writers hold a lock of their own."""
    if is_postgres(con):
        postgres.lock(con, name)
