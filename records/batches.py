"""The yearly upload: 县申报 → 市审核 → 省确认, with rollback. Only confirmed data is what the map shows.

A county's filer submits a checked file (a *batch*: one county, kind and year); its rows wait in ``batch_*``
tables. The city's reviewer approves or returns it with a comment; the province confirms (publishes) or returns
it. Publishing replaces the county's rows of that kind (and year) in one transaction, keeping the rows it replaced
in ``snapshot_*`` tables, so that the province administrator can roll the batch back to the previous version.

Every function checks the acting user in the store first (``access.require``), runs in one transaction, and is
recorded in the audit log. Writes are serialised by the database: on PostgreSQL by an advisory lock taken at the
start of each write's transaction (any number of processes), on DuckDB by one lock per process (DuckDB allows one
writing process). The status a step depends on is read after the lock, inside the transaction: two reviewers in two
processes cannot both confirm a batch. An error or a killed process leaves the store as it was before the call.
"""

from __future__ import annotations

import threading
from datetime import datetime

import pandas as pd

import queries
from records import Refused, access, audit
from uploads import context, diff, files, kinds, sandbox
from uploads.problems import Checked

_WRITE = threading.Lock()
WRITE = _WRITE  # (the policy cycle's writers, records.policy, take the same lock)
OPEN = ("已提交", "市级通过")


class WorkflowError(Refused, ValueError):
    """A step that cannot be taken now (wrong status, errors in the file, a comment missing …), in Chinese."""


def check_upload(
    con, username: str, kind: str, year: int, uploads: list[tuple[str, bytes]], province_wide: bool = False
) -> Checked:
    """Read and validate uploaded files for ``kind`` and ``year`` as ``username`` would submit them, in a worker
    process with memory, CPU-time and wall-time limits (``uploads.sandbox``): no file can take the server down.

    A refused upload (unreadable, over a limit, or with errors) is recorded in the audit log with its files' names
    and SHA-256. ``province_wide``: a 省级管理员's 全省导入, rows of any number of counties (``records.province_import``). Raises ``files.UnreadableFile`` for a file that cannot be read at all or breaks a limit.
    """
    user = access.require(con, username, "province_import" if province_wide else "submit")  # county: per row, and again
    if kind not in kinds.NAMES:
        raise WorkflowError(f"未知的数据类型“{kind}”。")
    uploads = [(files.safe_name(name), data) for name, data in uploads]
    names, digest = "、".join(name for name, _ in uploads), files.digest(uploads)
    try:
        checked = sandbox.check(kind, year, uploads, context.build(con, user, year, province_wide))
    except files.UnreadableFile as refused:
        _refused(con, username, year, None, names, digest, f"{kind}：文件未能读取。{str(refused)[:300]}")
        raise
    if checked.error_count:
        _refused(
            con,
            username,
            year,
            checked.adcode,
            names,
            digest,
            f"{kind}：{checked.error_count:,} 个错误、{checked.warning_count:,} 个警告，未写入任何数据",
        )
    return checked


def _refused(con, username: str, year: int, adcode: str | None, names: str, digest: str, detail: str) -> None:
    with _WRITE, queries.transaction(con):
        audit.record(
            con, username, "上传未通过", adcode=adcode, year=year, file_name=names, file_sha256=digest, detail=detail
        )


def submit(con, username: str, checked: Checked, file_name: str, file_sha256: str) -> int:
    """Store a checked upload as a new batch (已提交); an earlier batch of the same county, kind and year still in
    review is withdrawn (已撤回: its rows are kept). Returns the batch id."""
    if checked.error_count:
        raise WorkflowError(f"文件有 {checked.error_count:,} 个错误，改正后才能提交。")
    file_name = files.safe_name(file_name, 250)
    if checked.adcode is None or not checked.tables:
        raise WorkflowError(f"{file_name}：文件中没有可提交的数据。")
    with _WRITE:
        access.require(con, username, "submit", checked.adcode)
        now = datetime.now()
        with queries.transaction(con):
            queries.lock(con, "workflow")
            batch_id = store_batch(con, username, checked, file_name, file_sha256, now, "被第 {} 批替代")
            audit.record(
                con,
                username,
                "提交",
                batch_id=batch_id,
                adcode=checked.adcode,
                year=checked.year,
                file_name=file_name,
                file_sha256=file_sha256,
                detail=f"{checked.kind}，{checked.rows} 行，{checked.warning_count} 个警告",
            )
    return batch_id


def store_batch(
    con, username: str, checked: Checked, file_name: str, file_sha256: str, now: datetime, replaced: str
) -> int:
    """Store ``checked`` (one county's) as a new batch (已提交) with its rows, inside the caller's transaction and
    workflow lock; a batch of the same county, kind and year still in review is withdrawn (已撤回) with ``replaced``
    (formatted with the new batch's id) as its comment. Returns the batch id."""
    batch_id = int(
        queries.run(
            con,
            "batch_insert",
            kind=checked.kind,
            year=checked.year,
            adcode=checked.adcode,
            file_name=file_name,
            file_sha256=file_sha256,
            row_count=checked.rows,
            submitted_by=username,
            now=now,
        ).batch_id.iloc[0]
    )
    for older in queries.run(con, "batches_open", kind=checked.kind, adcode=checked.adcode, year=checked.year).batch_id:
        if older != batch_id:
            comment = replaced.format(batch_id)
            queries.run(
                con, "batch_set_status", batch_id=int(older), status="已撤回", comment=comment, source_id=None, now=now
            )
            audit.record(
                con, username, "撤回", batch_id=int(older), adcode=checked.adcode, year=checked.year, detail=comment
            )
    queries.insert_frames(con, _staged(batch_id, checked), transaction=False)
    return batch_id


def _staged(batch_id: int, checked: Checked) -> dict[str, pd.DataFrame]:
    """The checked tables as rows of the batch_* tables."""
    return kinds.get(checked.kind).staged(batch_id, checked)


def preview(con, checked: Checked) -> tuple[pd.DataFrame, str]:
    """What the checked upload would change in the county's confirmed data: (changes, key label)."""
    kind = kinds.get(checked.kind)
    return _changes(kind, kind.proposed(checked), kind.confirmed(con, checked.adcode, checked.year))


def batch_changes(con, batch_id: int) -> tuple[pd.DataFrame, str]:
    """What a batch changes (or changed) against the county's confirmed data now: (changes, key label)."""
    batch = _batch(con, batch_id)
    kind = kinds.get(batch.kind)
    return _changes(kind, kind.submitted(con, batch_id), kind.confirmed(con, batch.adcode, int(batch.year)))


def _changes(kind: kinds.Kind, new: pd.DataFrame, old: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    key, label = kind.diff_key
    return diff.changes(new, old, key, kind.diff_fields, label), label


def _batch(con, batch_id: int) -> pd.Series:
    found = queries.run(con, "batch", batch_id=batch_id)
    if found.empty:
        raise WorkflowError(f"第 {batch_id} 批不存在。")
    return found.iloc[0]


def city_review(con, username: str, batch_id: int, approve: bool, comment: str = "") -> None:
    """The city's decision on a submitted batch: 市级通过, or 市级退回 with a comment saying why."""
    _review(con, username, batch_id, approve, comment, "city_review", "已提交", ("市级通过", "市级退回"))


def province_review(con, username: str, batch_id: int, approve: bool, comment: str = "") -> None:
    """The province's decision on a city-approved batch: confirmed (published at once), or 省级退回 with a comment."""
    _review(con, username, batch_id, approve, comment, "province_review", "市级通过", ("已确认", "省级退回"))


def _review(con, username, batch_id, approve, comment, action, expected, outcomes) -> None:
    comment = (comment or "").strip()
    if not approve and not comment:
        raise WorkflowError("退回时请填写退回理由。")
    with _WRITE, queries.transaction(con):
        queries.lock(con, "workflow")
        batch = _batch(con, batch_id)
        access.require(con, username, action, batch.adcode)
        if batch.status != expected:
            raise WorkflowError(f"第 {batch_id} 批当前状态为“{batch.status}”，不能{access.ACTIONS[action].name}。")
        status = outcomes[0] if approve else outcomes[1]
        now = datetime.now()
        source_id = None
        if status == "已确认":
            source_id = _publish(con, batch, now)
        queries.run(
            con,
            "batch_set_status",
            batch_id=batch_id,
            status=status,
            comment=comment or None,
            source_id=source_id,
            now=now,
        )
        audit.record(
            con,
            username,
            "省级确认" if status == "已确认" else status,
            batch_id=batch_id,
            adcode=batch.adcode,
            year=int(batch.year),
            file_name=batch.file_name,
            file_sha256=batch.file_sha256,
            detail=comment or None,
        )
    if status == "已确认":
        changed(con)


def publish_in_transaction(con, batch: pd.Series, now: datetime) -> str:
    """``_publish`` for ``records.province_import`` (inside its transaction, under the workflow lock)."""
    return _publish(con, batch, now)


def _publish(con, batch: pd.Series, now: datetime) -> str:
    """The batch's rows replace the county's (inside the caller's transaction); the replaced rows are kept."""
    batch_id, year = int(batch.batch_id), int(batch.year)
    source_id = f"batch-{batch_id}"
    queries.run(
        con,
        "batch_source",
        source_id=source_id,
        title=f"{batch.county}{year}年{batch.kind}（第 {batch_id} 批，{now:%Y-%m-%d} 省级确认）",
        detail=f"{batch.file_name}（SHA-256 {batch.file_sha256}）",
    )
    try:
        kinds.get(batch.kind).publish(con, batch, source_id)
    except kinds.Conflict as conflict:
        raise WorkflowError(str(conflict)) from None
    return source_id


def rollback(con, username: str, batch_id: int) -> None:
    """Put back what a confirmed batch replaced. Only the latest confirmed batch of its county, kind and year
    (roll back newer ones first); only a 省级管理员."""
    with _WRITE, queries.transaction(con):
        queries.lock(con, "workflow")
        batch = _batch(con, batch_id)
        access.require(con, username, "rollback", batch.adcode)
        if batch.status != "已确认":
            raise WorkflowError(f"第 {batch_id} 批当前状态为“{batch.status}”，只有已确认的批次可以回滚。")
        latest = queries.run(
            con, "batches_confirmed_latest", kind=batch.kind, adcode=batch.adcode, year=int(batch.year)
        )
        if int(latest.batch_id.iloc[0]) != batch_id:
            raise WorkflowError(f"请先回滚同一区县、年度更新的第 {int(latest.batch_id.iloc[0])} 批。")
        adcode, year = batch.adcode, int(batch.year)
        kinds.get(batch.kind).rollback(con, batch)
        queries.run(
            con,
            "batch_set_status",
            batch_id=batch_id,
            status="已回滚",
            comment=None,
            source_id=None,
            now=datetime.now(),
        )
        audit.record(
            con,
            username,
            "回滚",
            batch_id=batch_id,
            adcode=adcode,
            year=year,
            file_name=batch.file_name,
            file_sha256=batch.file_sha256,
        )
    changed(con)


def changed(con) -> None:
    """After confirmed data changed: rebuild the search index (cached results are dropped by the caller,
    ``store.after_write``)."""
    queries.build_search_index(con)
