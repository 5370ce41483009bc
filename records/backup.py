"""The whole store out and back in (省级管理员 only): a zip of one Parquet file per table and a manifest.

Restoring replaces every table in one transaction: a damaged or foreign archive changes nothing.
"""

from __future__ import annotations

import io
import json
import zipfile
from datetime import datetime

import pyarrow as pa
import pyarrow.parquet as pq

import queries
from records import Refused, access, audit, batches
from uploads import package, sandbox

FORMAT = "anhui-cluster-map-backup/1"
SEQUENCES = {"batch_ids": ("batches", "batch_id"), "audit_ids": ("audit_log", "event_id")}


class RestoreError(Refused, ValueError):
    """An archive that cannot be restored (in Chinese); nothing was changed."""


ON_POSTGRESQL = ("数据保存在 PostgreSQL 中：全库备份与恢复由数据库管理员用 pg_dump / pg_restore 完成"
                 "（见 README“多进程部署”），本页不提供。")


def _embedded_only(con) -> None:
    if queries.is_postgres(con):
        raise RestoreError(ON_POSTGRESQL)


def export_zip(con, username: str) -> bytes:
    """Every table of the store as Parquet in a zip, with manifest.json (schema version, tables, row counts)."""
    access.require(con, username, "backup")
    _embedded_only(con)
    out = io.BytesIO()
    manifest = {"format": FORMAT, "created_at": datetime.now().isoformat(timespec="seconds"),
                "schema_version": queries.schema_version(con), "tables": {}}
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for table in sorted(queries.tables(con)):
            rows = con.sql(f'select * from "{table}"').to_arrow_table()  # name from the store's own list
            buffer = io.BytesIO()
            pq.write_table(rows, buffer)
            archive.writestr(f"{table}.parquet", buffer.getvalue())
            manifest["tables"][table] = rows.num_rows
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
    audit.record(con, username, "导出全库", detail=f"{len(manifest['tables'])} 张表")
    return out.getvalue()


def restore_zip(con, username: str, data: bytes, file_name: str = "backup.zip") -> dict[str, int]:
    """Replace every table with the archive's rows, in one transaction; returns the row count per table.

    The archive is unpacked and its Parquet files parsed in a worker process with resource limits
    (``uploads.sandbox``): an uploaded zip is untrusted bytes, even from an administrator.
    """
    access.require(con, username, "backup")
    _embedded_only(con)
    try:
        manifest, frames = sandbox.run(read_archive, (data, file_name, queries.schema_version(con),
                                                      sorted(queries.tables(con)), package.Limits.current()),
                                       file_name, refusals=(RestoreError,))
    except sandbox.WorkerFailed as failed:  # killed, out of memory or time: a refusal like any other
        raise RestoreError(str(failed)) from None
    tables = set(frames)
    with queries.transaction(con):
        for table in sorted(tables):  # names from the store's own list (read_archive checked they agree)
            con.execute(f'delete from "{table}"')
            con.register("restored", frames[table])
            con.execute(f'insert into "{table}" by name select * from restored')
            con.unregister("restored")
        for sequence, (table, column) in SEQUENCES.items():  # the next id above every restored one
            con.execute(f"select max(nextval('{sequence}')) from range((select coalesce(max({column}), 0) "
                        f'from "{table}"))')
        audit.record(con, username, "恢复全库", file_name=file_name,
                     detail=f"备份时间 {manifest.get('created_at')}，{len(tables)} 张表")
    batches.changed(con)
    return {table: frame.num_rows for table, frame in frames.items()}


def read_archive(data: bytes, file_name: str, schema_version: int, tables: list[str],
                 limits: package.Limits) -> tuple[dict, dict[str, pa.Table]]:
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
    if manifest.get("schema_version") != schema_version:
        raise RestoreError(f"{file_name}：备份的数据库版本（{manifest.get('schema_version')}）与当前版本"
                           f"（{schema_version}）不同，不能恢复。")
    wanted = manifest.get("tables", {})
    if not isinstance(wanted, dict) or set(wanted) != set(tables):
        raise RestoreError(f"{file_name}：备份中的表与当前数据库不一致。")
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
    return manifest, frames
