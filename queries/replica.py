"""Each process's read copy of a PostgreSQL store: an in-memory DuckDB with the same schema, holding the tables
that ``sync_triggers.sql`` versions (everything but the accounts, login sessions, audit log and schema version), and
the enterprise search index built on it. Pages read the copy (fast, and no round trip per query); writes and the
accounts go to PostgreSQL itself.

``refresh`` copies the tables whose version changed since the last one, all read in one REPEATABLE READ snapshot
and installed in one DuckDB transaction: a reader sees the copy before a publish or after it, never half of it.
A thread calls ``refresh`` every few seconds (``start``), so a publish made by any process reaches every process
within that time; the writing process refreshes at once (``store.after_write``).
"""

from __future__ import annotations

import logging
import tempfile
import threading
import time
from pathlib import Path

import duckdb

from queries.schema import migrate
from queries.search import build_search_index

log = logging.getLogger("anhui_map.replica")
VERSIONED = (
    "select event_object_table from information_schema.triggers "
    "where trigger_name = 'anhui_sync_version' group by 1 order by 1"
)
VERSIONS = "select table_name, version from anhui_sync.table_versions"
COLUMNS = (
    "select column_name, data_type from information_schema.columns "
    "where table_catalog = current_database() and table_schema = 'main' and table_name = $table "
    "order by ordinal_position"
)  # (not the search index's table of the same name)
NOT_COPIED = ("users", "sessions", "audit_log")  # in the copy's schema, but read from PostgreSQL (dropped here)


class Replica:
    """The read copy: ``cursor()`` for readers, ``refresh()`` to catch up, ``version`` (changes with each refresh
    that changed something, for cache keys), ``error`` (the last refresh's failure, None when it succeeded)."""

    def __init__(self, pool):
        self.pool = pool
        self.con = duckdb.connect()
        migrate(self.con)
        for table in NOT_COPIED:
            self.con.execute(f'drop table "{table}"')  # a read of them here would be a bug: fail loudly
        self.versions: dict[str, int] = {}
        self.version = 0
        self.error: BaseException | None = None
        self.refreshed_at = 0.0
        self._lock = threading.Lock()
        self._stop = threading.Event()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A cursor of the copy (one per page run or thread)."""
        return self.con.cursor()

    def refresh(self) -> list[str]:
        """Copy the tables changed since the last refresh (all of them the first time); returns their names."""
        with self._lock, tempfile.TemporaryDirectory(prefix="anhui-replica-") as folder:
            dumped, versions = self._dump(Path(folder))
            if dumped:
                self._install(dumped)
                self.versions = versions
                self.version += 1
            self.refreshed_at, self.error = time.monotonic(), None
            return sorted(dumped)

    def _dump(self, folder: Path) -> tuple[dict[str, tuple[Path, list[tuple[str, str]]]], dict[str, int]]:
        """The changed tables written as CSV files from one snapshot of PostgreSQL, with the versions seen."""
        dumped = {}
        with self.pool.connection() as conn, conn.transaction():
            conn.execute("set transaction isolation level repeatable read, read only")
            tables = [name for (name,) in conn.execute(VERSIONED).fetchall()]
            versions = {name: int(v) for name, v in conn.execute(VERSIONS).fetchall()}
            for table in tables:
                if self.version and versions.get(table, 0) == self.versions.get(table, 0):
                    continue
                columns = [tuple(r) for r in self.con.execute(COLUMNS, {"table": table}).fetchall()]
                path = folder / f"{table}.csv"
                names = ", ".join(f'"{c}"' for c, _ in columns)  # from the copy's own schema
                with (
                    path.open("wb") as out,
                    conn.cursor().copy(f'copy (select {names} from "{table}") to stdout (format csv)') as copy,
                ):
                    for chunk in copy:
                        out.write(chunk)
                dumped[table] = (path, columns)
        return dumped, versions

    def _install(self, dumped) -> None:
        """The dumped tables replace the copy's, in one transaction; then the search index is rebuilt."""
        con = self.con.cursor()
        con.execute("begin transaction")
        try:
            for table, (path, columns) in dumped.items():
                types = ", ".join(f"'{c}': '{t}'" for c, t in columns)
                con.execute(f'delete from "{table}"')
                con.execute(
                    f'insert into "{table}" select * from read_csv($path, header = false, '
                    f"columns = {{{types}}}, auto_detect = false, allow_quoted_nulls = false)",
                    {"path": str(path)},
                )
            con.execute("commit")
        except BaseException:
            con.execute("rollback")
            raise
        build_search_index(self.con)

    def start(self, every: float) -> None:
        """Refresh every ``every`` seconds in a daemon thread until ``stop``; a failure is kept in ``error`` (and
        logged once per kind) while the copy keeps serving what it has."""

        def loop():
            while not self._stop.wait(every):
                try:
                    self.refresh()
                except Exception as error:  # noqa: BLE001  (PostgreSQL away: keep the copy, try again)
                    if type(error) is not type(self.error):
                        log.warning("read copy not refreshed: %s", error)
                    self.error = error

        threading.Thread(target=loop, name="anhui-replica", daemon=True).start()

    def stop(self) -> None:
        self._stop.set()


def ready(replica: Replica) -> str | None:
    """Why the copy cannot serve (None when it can): never loaded, or its last refresh failed."""
    if not replica.version:
        return "数据副本尚未载入"
    if replica.error is not None:
        return f"数据副本未能刷新：{type(replica.error).__name__}"
    return None
