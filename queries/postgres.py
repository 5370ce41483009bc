"""PostgreSQL as the store (``ANHUI_MAP_DATABASE_URL``): the same numbered migrations as DuckDB
(``queries.schema``), and a connection the door (``queries.run``, ``transaction``, ``insert_frames``, ``frame``,
``lock``) uses as it uses a DuckDB cursor.

A ``Connection`` borrows a pooled psycopg connection per statement, or holds one for a ``transaction``; values are
bound, never formatted in. Every write to a table bumps its row of ``anhui_sync.table_versions`` in the same
transaction (statement triggers, ``sync_triggers.sql``): that is how every process's read copy
(``queries.replica``) knows what changed.
"""

from __future__ import annotations

import re
from contextlib import contextmanager

import pandas as pd

from queries.schema import LATEST_VERSION, for_backend, migrations
from queries.text import sql

PARAM = re.compile(r"\$([a-z_][a-z0-9_]*)")
MIGRATION_LOCK = 4216  # advisory lock keys: one migrating process at a time …
LOCKS = {"workflow": 4217, "accounts": 4218, "versions": 4219}  # … and the writes queries.lock serialises
NUMERIC = {20, 21, 23, 700, 701, 1700}  # int8, int2, int4, float4, float8, numeric
TIMESTAMP = {1114, 1184}


def translate(text: str) -> str:
    """A named query's text for psycopg: ``$name`` placeholders become ``%(name)s`` (a literal ``%`` is doubled)."""
    return PARAM.sub(r"%(\1)s", text.replace("%", "%%"))


def open_pool(url: str, size: int = 8, timeout: float = 5.0):
    """A pool of connections to ``url``, open and checked: raises ``psycopg.OperationalError`` (a wrong URL, a
    refused password, no server) within ``timeout`` seconds instead of starting a server that cannot work."""
    import psycopg
    from psycopg_pool import ConnectionPool

    with psycopg.connect(url, connect_timeout=max(1, int(timeout))):
        pass  # fail now, with the server's own reason
    return ConnectionPool(
        url,
        min_size=1,
        max_size=size,
        timeout=timeout,
        configure=_configure,
        check=ConnectionPool.check_connection,
        kwargs={"connect_timeout": max(1, int(timeout))},
        open=True,
        name="anhui-map",
    )


def unavailable(error: BaseException) -> bool:
    """Whether ``error`` means PostgreSQL cannot be reached now (down, restarting, the network), not a bug."""
    try:
        import psycopg
        from psycopg_pool import PoolTimeout
    except ImportError:
        return False
    return isinstance(error, (psycopg.OperationalError, psycopg.InterfaceError, PoolTimeout))


def describe(url: str) -> str:
    """Where ``url`` points (host:port/dbname), without its password, for messages and logs."""
    from psycopg.conninfo import conninfo_to_dict

    try:
        parts = conninfo_to_dict(url)
    except Exception:  # noqa: BLE001  (a malformed URL: say so, show nothing of it)
        return "（格式无法解析的地址）"
    return f"{parts.get('host', 'localhost')}:{parts.get('port', 5432)}/{parts.get('dbname', '')}"


def _configure(conn) -> None:
    """JSON columns come back as text (as DuckDB returns them), not parsed."""
    from psycopg.types.string import TextLoader

    for name in ("json", "jsonb"):
        conn.adapters.register_loader(name, TextLoader)
    conn.autocommit = True  # a statement outside a transaction commits by itself, as on DuckDB


class Connection:
    """The door's view of a PostgreSQL store: what a DuckDB cursor is to the DuckDB store. Cheap to make (one per
    page run or thread); not shared between threads."""

    backend = "postgresql"

    def __init__(self, pool):
        self.pool = pool
        self._held = None

    @contextmanager
    def hold(self):
        """One pooled connection for the block (the outermost ``hold`` borrows it, inner ones share it)."""
        if self._held is not None:
            yield self._held
            return
        with self.pool.connection() as conn:
            self._held = conn
            try:
                yield conn
            finally:
                self._held = None

    def execute(self, text: str, params: dict | None = None) -> Result:
        """Run ``text`` (``$name`` placeholders); its rows as a DuckDB cursor would give them (``fetchone``,
        ``fetchall``, ``df``)."""
        return Result(run(self, text, params or {}))

    def cursor(self) -> Connection:
        """Another connection to the same store (as a DuckDB connection's ``cursor()``)."""
        return Connection(self.pool)


class Result:
    """A statement's rows, read like a DuckDB result."""

    def __init__(self, frame: pd.DataFrame):
        self.frame = frame
        self.description = [(c,) for c in frame.columns] or None
        self._rows = list(frame.itertuples(index=False, name=None))

    def fetchall(self) -> list[tuple]:
        rows, self._rows = self._rows, []
        return rows

    def fetchone(self) -> tuple | None:
        return self._rows.pop(0) if self._rows else None

    def df(self) -> pd.DataFrame:
        return self.frame


def run(con: Connection, text: str, params: dict) -> pd.DataFrame:
    """``text`` (a named query, composed) run on PostgreSQL: the rows as DuckDB's ``.df()`` would give them (numbers
    as numbers, NULL as NaN/None, timestamps as datetime64)."""
    with con.hold() as conn:  # (without parameters psycopg sends the text as it is: no %-escaping then)
        cursor = conn.execute(translate(text) if params else text, params or None)
        if not cursor.description:
            return pd.DataFrame()
        columns = [d.name for d in cursor.description]
        frame = pd.DataFrame.from_records(cursor.fetchall(), columns=columns, coerce_float=True)
        for d in cursor.description:
            if d.type_code in NUMERIC and frame[d.name].dtype == object:
                frame[d.name] = pd.to_numeric(frame[d.name])
            elif d.type_code in TIMESTAMP:
                frame[d.name] = pd.to_datetime(frame[d.name])
        return frame


@contextmanager
def transaction(con: Connection):
    """One transaction around the block (a savepoint when nested)."""
    with con.hold() as conn, conn.transaction():
        yield con


def lock(con: Connection, name: str) -> None:
    """Serialise writes named ``name`` across every process on this database: a transaction-level advisory lock,
    released at commit or rollback. Call it inside ``transaction``."""
    run(con, "select pg_advisory_xact_lock($key)", {"key": LOCKS[name]})


def insert_frames(con: Connection, frames: dict[str, pd.DataFrame]) -> None:
    """Each frame appended to its table (columns by name) with COPY, in the caller's transaction."""
    with con.hold() as conn:
        for table, frame in frames.items():
            columns = ", ".join(f'"{c}"' for c in frame.columns)  # names checked against the table by the caller
            rows = frame.astype(object).where(frame.notna(), None)
            with conn.cursor().copy(f'copy "{table}" ({columns}) from stdin') as copy:
                for row in rows.itertuples(index=False, name=None):
                    copy.write_row(row)


@contextmanager
def frame(con: Connection, name: str, rows: pd.DataFrame):
    """``rows`` readable as the table ``name`` during the block: a temporary table (text columns, cast by the
    query's joins), dropped afterwards. Holds one connection for the block."""
    with con.hold() as conn:
        columns = ", ".join(f'"{c}" text' for c in rows.columns)
        conn.execute(f'create temporary table "{name}" ({columns})')
        try:
            insert_frames(
                con, {name: rows.astype(object).where(rows.notna(), None).map(lambda v: v if v is None else str(v))}
            )
            yield
        finally:
            conn.execute(f'drop table if exists "{name}"')


def schema_version(con) -> int:
    """The highest migration applied to the PostgreSQL store ``con`` (a psycopg connection), 0 when empty."""
    with con.transaction():
        con.execute(sql("schema_version_table"))
        return int(con.execute(sql("schema_version")).fetchone()[0])


def migrate(con, target: int = LATEST_VERSION) -> list[int]:
    """Apply the pending migrations up to ``target`` to ``con`` (a psycopg connection), each in its own transaction
    (a failing one rolls back whole), then (re)install the table-version triggers. Concurrent processes are
    serialised by an advisory lock, so a migration runs once.

    Returns
    -------
    The versions applied by this call.
    """
    applied = []
    with con.transaction():
        con.execute("select pg_advisory_xact_lock(%s)", [MIGRATION_LOCK])
        current = schema_version(con)
        for version, name, path in migrations():
            if current < version <= target:
                with con.transaction():
                    text = for_backend(path.read_text(encoding="utf-8"), "postgresql")
                    if any(line.strip() and not line.lstrip().startswith("--") for line in text.splitlines()):
                        con.execute(text)  # (a migration only for DuckDB leaves nothing to run here)
                    con.execute(translate(sql("schema_version_insert")), {"version": version, "migration": name})
                applied.append(version)
        con.execute(sql("sync_triggers"))
    return applied
