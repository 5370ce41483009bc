"""The whole store out and back in: a zip of one Parquet file per table and a manifest, on either backend.

On the page only a 省级管理员 may do it; the command line (``./admin.sh backup`` / ``restore``, server/admin.py)
acts for whoever runs it on the server, who holds the store anyway, and is audited as 命令行. Restoring replaces
every table in one transaction: a damaged or foreign archive changes nothing. A backup of an older schema version
is brought forward by the same numbered migrations before it is restored (in an in-memory DuckDB of that version,
in the worker process that reads the archive).
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from datetime import datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

import queries
from data import towns_2010
from records import Refused, access, audit, batches
from uploads import package, sandbox

FORMAT = "anhui-cluster-map-backup/1"
SEQUENCES = {  # every sequence of the schema and the column it numbers (tests/test_backup.py checks the list)
    "batch_ids": ("batches", "batch_id"),
    "audit_ids": ("audit_log", "event_id"),
    "pool_event_ids": ("pool_events", "event_id"),
    "pool_application_ids": ("pool_applications", "application_id"),
    "campaign_ids": ("campaigns", "campaign_id"),
    "revocation_ids": ("revocations", "revocation_id"),
    "objection_ids": ("objections", "objection_id"),
}


class RestoreError(Refused, ValueError):
    """An archive that cannot be restored (in Chinese); nothing was changed."""


COMMAND_LINE = "命令行"  # the actor of the command line's backups and restores in the audit log
AUDITED = 7  # the schema version from which a store has an audit log


def export_zip(con, username: str) -> bytes:
    """Every table of the store as Parquet in a zip, with manifest.json (schema version, tables, row counts)."""
    access.require(con, username, "backup")
    return export_archive(con, username)


def export_archive(con, actor: str = COMMAND_LINE, record: bool = True) -> bytes:
    """``export_zip`` without the role check: for the command line (and the page, after its check). ``record``: in
    the audit log (False for the backup taken before migrating a store older than its audit log)."""
    out = io.BytesIO()
    manifest = {
        "format": FORMAT,
        "created_at": datetime.now().isoformat(timespec="seconds"),
        "schema_version": queries.schema_version(con),
        "backend": "postgresql" if queries.is_postgres(con) else "duckdb",
        "tables": {},
    }
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for table in sorted(queries.tables(con)):
            rows = _rows(con, table)  # name from the store's own list
            buffer = io.BytesIO()
            pq.write_table(rows, buffer)
            archive.writestr(f"{table}.parquet", buffer.getvalue())
            manifest["tables"][table] = rows.num_rows
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
    if record:
        audit.record(con, actor, "导出全库", detail=f"{len(manifest['tables'])} 张表")
    return out.getvalue()


def write(
    con, folder: Path, keep: int | None = None, label: str = "", actor: str = COMMAND_LINE, record: bool = True
) -> Path:
    """A backup archive of ``con`` written into ``folder`` (created 0700; the file 0600, whole or absent), named by
    time; beyond the newest ``keep`` the older archives of that folder are removed. ``record``: in the audit log."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = folder / f"anhui-map-{datetime.now():%Y%m%d-%H%M%S}{label}.zip"
    data = export_archive(con, actor, record=record)
    partial = path.with_suffix(".partial")
    with os.fdopen(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as out:
        out.write(data)
    partial.replace(path)
    if keep:
        for old in sorted(folder.glob("anhui-map-*.zip"))[:-keep]:
            old.unlink()
    return path


def before_migrating(con, version: int, folder: Path) -> Path | None:
    """At start-up, a store at an older schema ``version`` is backed up into ``folder`` before it is migrated (the
    backup restores with ``./admin.sh restore``, which migrates it forward again). None when nothing is to migrate."""
    if not 0 < version < queries.LATEST_VERSION:
        return None
    return write(con, folder, None, f"-before-migration-{version}", actor="启动", record=version >= AUDITED)


def _rows(con, table: str) -> pa.Table:
    """A table's rows as Arrow (on PostgreSQL through pandas' nullable types, so integer columns stay integers)."""
    if queries.is_postgres(con):
        frame = con.execute(f'select * from "{table}"').df().convert_dtypes()
        return pa.Table.from_pandas(frame, preserve_index=False)
    return con.sql(f'select * from "{table}"').to_arrow_table()


def restore_zip(con, username: str, data: bytes, file_name: str = "backup.zip") -> dict[str, int]:
    """Replace every table with the archive's rows, in one transaction; returns the row count per table.

    The archive is unpacked and its Parquet files parsed in a worker process with resource limits
    (``uploads.sandbox``): an uploaded zip is untrusted bytes, even from an administrator.
    """
    access.require(con, username, "backup")
    return restore_archive(con, data, file_name, username)


def restore_archive(con, data: bytes, file_name: str, actor: str = COMMAND_LINE) -> dict[str, int]:
    """``restore_zip`` without the role check: for the command line (and the page, after its check)."""
    try:
        manifest, frames = sandbox.run(
            read_archive,
            (data, file_name, queries.schema_version(con), sorted(queries.tables(con)), package.Limits.current()),
            file_name,
            refusals=(RestoreError,),
        )
    except sandbox.WorkerFailed as failed:  # killed, out of memory or time: a refusal like any other
        raise RestoreError(str(failed)) from None
    tables = set(frames)
    postgres = queries.is_postgres(con)
    with queries.transaction(con):
        queries.lock(con, "workflow")  # no submission or confirmation of another process in between
        for table in sorted(tables):  # names from the store's own list (read_archive checked they agree)
            con.execute(f'delete from "{table}"')
            if postgres:
                queries.insert_frames(con, {table: frames[table].to_pandas()})
            else:
                con.register("restored", frames[table])
                con.execute(f'insert into "{table}" by name select * from restored')
                con.unregister("restored")
        for sequence, (table, column) in SEQUENCES.items():  # the next id above every restored one
            if postgres:
                con.execute(
                    f"select setval('{sequence}', (select coalesce(max({column}), 0) + 1 from \"{table}\"), false)"
                )
            else:
                con.execute(
                    f"select max(nextval('{sequence}')) from range((select coalesce(max({column}), 0) "
                    f'from "{table}"))'
                )
        towns_2010.ensure(con)  # a backup from before migration 0013 has no 2010 baseline: the document's rows
        older = manifest.get("schema_version") != manifest.get("restored_version")
        audit.record(
            con,
            actor,
            "恢复全库",
            file_name=file_name,
            detail=f"备份时间 {manifest.get('created_at')}，{len(tables)} 张表"
            + (
                f"，由数据库版本 {manifest.get('schema_version')} 升级到 {manifest.get('restored_version')}"
                if older
                else ""
            ),
        )
    batches.changed(con)
    return {table: frame.num_rows for table, frame in frames.items()}


def read_archive(
    data: bytes, file_name: str, schema_version: int, tables: list[str], limits: package.Limits
) -> tuple[dict, dict[str, pa.Table]]:
    """The manifest and one Arrow table per store table of a backup archive, checked against the store's schema
    version and tables; ``RestoreError`` (in Chinese) for anything else. Runs in the upload worker."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        package.declared_sizes(archive.infolist(), limits)
        manifest = json.loads(archive.read("manifest.json"))
    except package.Refused as refused:
        raise RestoreError(f"{file_name}：{refused}") from None
    except (zipfile.BadZipFile, KeyError, json.JSONDecodeError, UnicodeDecodeError, ValueError, OSError) as error:
        raise RestoreError(f"{file_name}：不是本系统导出的备份文件。") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise RestoreError(f"{file_name}：不是本系统导出的备份文件。")
    version = manifest.get("schema_version")
    if not isinstance(version, int) or not 1 <= version <= schema_version:
        raise RestoreError(
            f"{file_name}：备份的数据库版本（{version}）比本系统（{schema_version}）新，请先升级本系统再恢复。"
            if isinstance(version, int) and version > schema_version
            else f"{file_name}：备份的数据库版本（{version}）无法识别。"
        )
    wanted = manifest.get("tables", {})
    expected = tables if version == schema_version else _tables_at(version)
    if not isinstance(wanted, dict) or set(wanted) != set(expected):
        raise RestoreError(
            f"{file_name}：备份中的表与{'当前' if version == schema_version else '其版本的'}数据库不一致。"
        )
    frames: dict[str, pa.Table] = {}
    try:
        for table, count in wanted.items():
            frames[table] = pq.read_table(io.BytesIO(archive.read(f"{table}.parquet")))
            if frames[table].num_rows != count:
                raise RestoreError(f"{file_name}：表 {table} 的行数与清单不符，文件可能已损坏。")
    except (KeyError, pa.ArrowException, zipfile.BadZipFile, OSError, ValueError) as error:
        if isinstance(error, RestoreError):
            raise
        raise RestoreError(f"{file_name}：备份文件已损坏（{type(error).__name__}）。") from None
    if version < schema_version:
        try:
            frames = _forward(frames, version, schema_version)
        except Exception as error:  # noqa: BLE001  (rows a migration cannot take: say so, change nothing)
            raise RestoreError(
                f"{file_name}：备份无法从数据库版本 {version} 升级到 {schema_version}"
                f"（{type(error).__name__}: {str(error)[:200]}）。"
            ) from None
        if set(frames) != set(tables):
            raise RestoreError(f"{file_name}：升级后的表与当前数据库不一致。")
    manifest["restored_version"] = schema_version
    return manifest, frames


def _tables_at(version: int) -> list[str]:
    """The tables of a store at schema ``version`` (an empty in-memory DuckDB brought to it)."""
    import duckdb

    con = duckdb.connect()
    try:
        queries.migrate(con, version)
        return sorted(queries.tables(con))
    finally:
        con.close()


def _forward(frames: dict[str, pa.Table], version: int, target: int) -> dict[str, pa.Table]:
    """The rows of a backup at schema ``version``, as they are after the migrations up to ``target``: loaded into
    an in-memory DuckDB of that version, migrated as a store would be, read back."""
    import duckdb

    con = duckdb.connect()
    try:
        queries.migrate(con, version)
        for table, rows in sorted(frames.items()):
            if table == "schema_version":
                continue  # the in-memory store's own, at ``version``
            con.register("restored", rows)
            con.execute(f'insert into "{table}" by name select * from restored')
            con.unregister("restored")
        queries.migrate(con, target)
        return {table: con.sql(f'select * from "{table}"').to_arrow_table() for table in queries.tables(con)}
    finally:
        con.close()
