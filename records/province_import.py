"""全省导入: the 省级管理员 loads one file holding many counties (a provincial table, the first real year), checked as a
whole with every rule of a county's upload (``batches.check_upload(..., province_wide=True)``), then split into one
batch per county and confirmed in one step, in one transaction: each county's batch is stored, published (its rows
replace the county's, the replaced ones kept) and marked 已确认 with the comment 全省导入, so that any county's can be
rolled back alone (``batches.rollback``). A batch of the same county, kind and year still in review is withdrawn.
Audited per county and as a whole. An error, a refusal or a conflict (a firm registered in another county) writes
nothing."""

from __future__ import annotations

from datetime import datetime

import queries
from records import access, audit, batches
from uploads import files, kinds
from uploads.problems import Checked

COMMENT = "全省导入"


def confirm(con, username: str, checked: Checked, file_name: str, file_sha256: str) -> dict[str, int]:
    """Store and confirm ``checked`` (a province-wide upload without errors) as one batch per county; returns
    adcode → batch id."""
    if checked.error_count:
        raise batches.WorkflowError(f"文件有 {checked.error_count:,} 个错误，改正后才能导入。")
    parts = kinds.split(checked) if checked.tables else {}
    file_name = files.safe_name(file_name, 250)
    if not parts:
        raise batches.WorkflowError(f"{file_name}：文件中没有可导入的数据。")
    made = {}
    with batches.WRITE, queries.transaction(con):
        queries.lock(con, "workflow")
        access.require(con, username, "province_import")
        now = datetime.now()
        for adcode, part in parts.items():
            access.require(con, username, "province_import", adcode)  # (an unknown county is refused here)
            batch_id = batches.store_batch(
                con, username, part, file_name, file_sha256, now, "被全省导入（第 {} 批）替代"
            )
            batch = queries.run(con, "batch", batch_id=batch_id).iloc[0]
            source_id = batches.publish_in_transaction(con, batch, now)
            queries.run(
                con,
                "batch_set_status",
                batch_id=batch_id,
                status="已确认",
                comment=COMMENT,
                source_id=source_id,
                now=now,
            )
            audit.record(
                con,
                username,
                "全省导入·省级确认",
                batch_id=batch_id,
                adcode=adcode,
                year=checked.year,
                file_name=file_name,
                file_sha256=file_sha256,
                detail=f"{checked.kind}，{part.rows} 行",
            )
            made[adcode] = batch_id
        audit.record(
            con,
            username,
            COMMENT,
            year=checked.year,
            file_name=file_name,
            file_sha256=file_sha256,
            detail=f"{checked.kind}，{len(made)} 个区县，{checked.rows:,} 行，{checked.warning_count} 个警告",
        )
    batches.changed(con)
    return made
