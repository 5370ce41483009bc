"""Published 名单 by name (issue 21, item 5): the rows of a province's list (专精特新、小巨人、高新 …) matched to the
名录 (``analysis.name_matching``) and decided by a person are written as honours, in one transaction, audited row by
row where a person chose. A row matching two firms (多个候选) is never written without a person's choice; a row
nobody decided (未匹配) is left out. The list itself is a 公开报道 source (its title and file)."""

from __future__ import annotations

import hashlib
from datetime import datetime

import pandas as pd

import queries
from analysis import name_matching as nm
from records import Refused, access, audit, batches, policy
from uploads import context, files, name_list
from uploads.problems import Checked


class ListError(Refused, ValueError):
    """A 名单 that cannot be written as decided (undecided rows, unknown firms, a bad honour or year), in Chinese."""


def read(con, username: str, file_name: str, data: bytes) -> Checked:
    """A 名单 file read, checked and matched to the 名录 for ``username`` (only the 省级管理员), in the upload
    worker (``uploads.name_list``). Raises ``files.UnreadableFile`` (or ``sandbox.WorkerFailed``) naming the file."""
    user = access.require(con, username, "import_list")
    firms = queries.run(con, "enterprise_names")
    return name_list.read(files.safe_name(file_name), data, context.build(con, user, datetime.now().year), firms)


def write(con, username: str, title: str, honour: str, year: int, decided: pd.DataFrame) -> int:
    """Write the honours of ``decided`` (the matcher's rows with ``uscc_chosen``: the firm a person confirmed or
    chose, None to leave the row out, and ``by_person``: whether a person decided it); returns how many honours."""
    try:
        title = policy.text(title, "名单名称（发文或公告标题）", limit=200)
    except policy.PolicyError as wrong:
        raise ListError(str(wrong)) from None
    undecided = decided[(decided.status == nm.AMBIGUOUS) & ~decided.by_person.astype(bool)]
    if len(undecided):
        raise ListError(f"有 {len(undecided)} 行匹配到多家企业，须逐行选定后才能写入（如第 {_row(undecided)} 行）。")
    chosen = decided[decided.uscc_chosen.notna()]
    with batches.WRITE, queries.transaction(con):
        queries.lock(con, "workflow")
        access.require(con, username, "import_list")
        if honour not in set(queries.run(con, "honour_names").honour):
            raise ListError(f"未知的荣誉“{honour}”。")
        if not 1990 <= int(year) <= datetime.now().year:
            raise ListError(f"年份 {year} 不在可选范围内。")
        known = set(queries.run(con, "enterprises_by_uscc", usccs=sorted(set(chosen.uscc_chosen))).uscc)
        if unknown := sorted(set(chosen.uscc_chosen) - known):
            raise ListError(f"名录中没有统一社会信用代码为 {unknown[0]} 的企业。")
        source_id = "list-" + hashlib.sha256(f"{title}|{honour}|{year}".encode()).hexdigest()[:12]
        if queries.run(con, "source", source_id=source_id).empty:
            queries.insert_frames(
                con,
                {
                    "sources": pd.DataFrame(
                        [{"source_id": source_id, "kind": "公开报道", "title": title, "detail": f"{honour}，{year}年"}]
                    )
                },
                transaction=False,
            )
        for r in chosen.itertuples():
            queries.run(con, "honour_upsert", uscc=r.uscc_chosen, honour=honour, year=int(year), source_id=source_id)
            if r.by_person:
                audit.record(
                    con,
                    username,
                    "名单匹配·人工确认",
                    year=int(year),
                    detail=f"{r.name} → {r.uscc_chosen}（{r.status}）",
                )
        skipped = int(decided.uscc_chosen.isna().sum())
        audit.record(
            con,
            username,
            "导入名单",
            year=int(year),
            detail=f"{title}：{honour}，写入 {len(chosen)} 行，未写入 {skipped} 行",
        )
    batches.changed(con)
    return len(chosen)


def _row(rows: pd.DataFrame) -> int:
    """The first row's number in the file (``row_number``), else its position counted from 1."""
    return int(rows.row_number.iloc[0]) if "row_number" in rows else int(rows.index[0]) + 1
