"""The app's store: the embedded DuckDB file (one process), or PostgreSQL shared by any number of processes
(``settings.DATABASE_URL``) with a read copy in each; demo data on first run; query results cached.

Three doors, the same on both backends:
- ``query`` (cached) and ``fresh`` (not cached) read the published data: the DuckDB file, or this process's read
  copy of PostgreSQL (``queries.replica``, refreshed within ``settings.REFRESH_SECONDS`` of a publish anywhere);
- ``cursor()`` is the system of record: every write, and what must be current across processes (accounts, login
  sessions, batches in review, the audit log: read with ``live``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import duckdb
import pandas as pd
import streamlit as st

import queries
import settings
from data import demo, pinyin, towns_2010
from queries import postgres, replica
from records import accounts, backup, sessions

T = TypeVar("T")


class Shared:
    """A PostgreSQL store: the pool of connections, and this process's read copy."""

    backend = "postgresql"

    def __init__(self, url: str):
        self.pool = postgres.open_pool(url, settings.DATABASE_POOL_SIZE)
        with self.pool.connection() as conn:
            version = postgres.schema_version(conn)
        backup.before_migrating(postgres.Connection(self.pool), version, settings.BACKUP_DIR)
        with self.pool.connection() as conn:
            postgres.migrate(conn)
        prepare(self.cursor())
        self.replica = replica.Replica(self.pool)
        self.replica.refresh()
        self.replica.start(settings.REFRESH_SECONDS)

    def cursor(self) -> postgres.Connection:
        return postgres.Connection(self.pool)

    def close(self) -> None:
        self.replica.stop()
        self.pool.close()


def prepare(con) -> None:
    """What a store needs before serving: the demo data if it is empty, the policy targets it lacks, pinyin initials of names stored without
    them, the first administrator, logins unused for a month forgotten. Safe when several processes start at once."""
    with queries.transaction(con):
        queries.lock(con, "workflow")
        if queries.run(con, "dataset_kind").kind[0] == "empty":
            queries.insert_frames(con, demo.build(), transaction=False)
        towns_2010.ensure(con)  # seed 003's baseline in a store upgraded from before migration 0013
        ensure_targets(con)
    pinyin.backfill(con)  # names stored before migration 0005 get their initials
    accounts.ensure_admin(con)  # the first run's administrator (password written next to the store)
    sessions.prune(con)


def ensure_targets(con) -> None:
    """The policy targets of data/targets.csv that a store lacks (one created before they were listed, e.g. the
    200 重点技改 a year of seed 000), added inside the caller's transaction; targets already there are kept."""
    have = set(queries.run(con, "policy_targets").target_id)
    listed = demo.targets()
    missing = listed[~listed.target_id.isin(have)]
    if len(missing):
        queries.insert_frames(con, {"targets": missing}, transaction=False)


def open_store(path=None) -> duckdb.DuckDBPyConnection | Shared:
    """Open the store: PostgreSQL when ``settings.DATABASE_URL`` is set (and no ``path`` given), else the DuckDB file
    at ``path`` (default ``settings.DB_PATH``); migrated, prepared (``prepare``), its search index built."""
    if settings.DATABASE_URL and path is None:
        return Shared(settings.DATABASE_URL)
    path = path or settings.DB_PATH
    if Path(path).exists():  # an upgrade: the store as it was, backed up before the migrations change it
        with duckdb.connect(str(path)) as old:
            backup.before_migrating(old, queries.schema_version(old), settings.BACKUP_DIR)
    con = queries.connect(path)
    prepare(con)
    queries.build_search_index(con)  # rebuilt by every writer after a change (see queries.build_search_index)
    return con


@st.cache_resource(show_spinner="正在打开数据库……")
def connection() -> duckdb.DuckDBPyConnection | Shared:
    """The process's one store (DuckDB allows one writer process per file)."""
    return open_store()


def cursor():
    """The system of record, for writes and current reads: a cursor of the DuckDB connection, or a PostgreSQL
    connection of the pool (one per page run or thread: neither is shared)."""
    return connection().cursor()


def shared() -> bool:
    """Whether the store is PostgreSQL shared by several processes (else the DuckDB file of this one)."""
    return isinstance(connection(), Shared)


def reader() -> duckdb.DuckDBPyConnection:
    """A cursor for reading the published data: the DuckDB file, or this process's read copy of PostgreSQL."""
    con = connection()
    return con.replica.cursor() if isinstance(con, Shared) else con.cursor()


def data_version() -> int:
    """Changes whenever the data read by ``query`` changes in another process (0 on DuckDB: one process)."""
    con = connection()
    return con.replica.version if isinstance(con, Shared) else 0


def after_write() -> None:
    """After a write changed the store: bring the read copy up to date (PostgreSQL; the DuckDB writer has rebuilt the
    search index itself) and drop cached query results."""
    con = connection()
    if isinstance(con, Shared):
        con.replica.refresh()
    clear()


_CLEARS: list[Callable[[], None]] = []  # what ``clear`` calls besides: the caches of ``derived`` functions, …


def on_clear(function: Callable[[], None]) -> None:
    """Have ``clear`` call ``function`` too: a cache of something built from the published data."""
    _CLEARS.append(function)


def derived(function: Callable[..., T]) -> Callable[..., T]:
    """``function`` (of hashable arguments, reading the published data through ``query``) computed once per data
    version and process: what every session would otherwise rebuild from the same rows on every run (an HTML table,
    a layer with its joins). The result is shared by all sessions, so it must never be changed: return text, tuples
    or frames only read. Dropped with the query cache (``clear``)."""
    cached = functools.lru_cache(maxsize=256)(lambda version, *args: function(*args))
    on_clear(cached.cache_clear)

    @functools.wraps(function)
    def wrapper(*args):
        return cached(data_version(), *args)

    return wrapper


def clear() -> None:
    """Drop cached query results and everything ``derived`` from them (in this process)."""
    _cached.clear()
    for function in _CLEARS:
        function()


@st.cache_data(show_spinner=False, max_entries=512)
def _cached(version: int, name: str, **params) -> pd.DataFrame:
    return queries.run(reader(), name, **params)


def query(name: str, **params) -> pd.DataFrame:
    """A named query's rows from the published data, cached by name, parameters and data version."""
    return _cached(data_version(), name, **params)


query.clear = clear  # (tests and writers drop the cache as store.query.clear())


def fresh(name: str, **params) -> pd.DataFrame:
    """A named query's rows from the published data, read now, not cached: a download's full list."""
    return queries.run(reader(), name, **params)


def live(name: str, **params) -> pd.DataFrame:
    """A named query's rows from the system of record, read now: what one user just changed or another process may
    have (batches in review, the user list, the audit log)."""
    return queries.run(cursor(), name, **params)


def unavailable(error: BaseException) -> bool:
    """Whether ``error`` says the store cannot be reached for now (PostgreSQL restarting, the network): a page says
    so and the user tries again; not an incident."""
    return postgres.unavailable(error)


@derived
def is_demo() -> bool:
    """Whether the demo dataset is what the app shows (drives the 演示数据 badge)."""
    return query("dataset_kind").kind[0] == "demo"
