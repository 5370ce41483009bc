"""Matching a published 名单 to the 名录 (issue 21, item 5): the matcher alone (``analysis.name_matching.match``) on
the demo 名录 (6,418 firms) for a 1,000-row list with counties and one without (matched province-wide), names
altered as lists print them; then the whole read of a 1,000-row .xlsx list in the upload worker (reading, checking,
matching)."""

from __future__ import annotations

import io
import time

import pandas as pd

ROWS = 1000


def altered(firms: pd.DataFrame, n: int = ROWS) -> pd.DataFrame:
    """``n`` firms' names as a published list might print them: every third 有限公司 as 有限责任公司, every fifth
    name unknown to the 名录."""
    rows = firms.sample(n, random_state=11).reset_index(drop=True)
    names = [
        f"安徽省未登记示例企业{i}有限公司"
        if i % 5 == 0
        else (n.replace("有限公司", "有限责任公司") if i % 3 == 0 else n)
        for i, n in enumerate(rows.name)
    ]
    return pd.DataFrame({"name": names, "adcode": rows.adcode, "uscc": None})


def main() -> None:
    import openpyxl

    import queries
    from analysis import name_matching as nm
    from data import demo
    from records import name_lists
    from tests.conftest import add_accounts

    con = queries.connect(":memory:")
    queries.insert_frames(con, demo.build())
    add_accounts(con)
    firms = queries.run(con, "enterprise_names")
    rows = altered(firms)
    for label, frame in (("with_county", rows), ("province_wide", rows.assign(adcode=None))):
        start = time.perf_counter()
        out = nm.match(frame, firms)
        seconds = time.perf_counter() - start
        counts = out.status.value_counts().to_dict()
        print(
            f"lists_match_{ROWS}_rows_{label}_{len(firms)}_firms: {seconds:.2f} s ({1000 * seconds / ROWS:.1f} ms a row)"
        )
        print(f"lists_match_{ROWS}_rows_{label}_statuses: {counts}")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["2025年度某名单（基准测试）"])
    sheet.append(["序号", "企业名称", "所在市", "县区"])
    names = dict(zip(queries.run(con, "counties").adcode, queries.run(con, "counties").name))
    for i, r in enumerate(rows.itertuples(), start=1):
        sheet.append([i, r.name, "", names[r.adcode]])
    buffer = io.BytesIO()
    book.save(buffer)
    start = time.perf_counter()
    checked = name_lists.read(con, "admin", "名单.xlsx", buffer.getvalue())
    seconds = time.perf_counter() - start
    assert checked.error_count == 0
    print(f"lists_read_and_match_{ROWS}_rows_xlsx_in_worker: {seconds:.2f} s")
    con.close()
