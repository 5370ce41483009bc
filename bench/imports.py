"""Uploading a 100,000-row 企业名录 .xlsx: reading and validating it, storing it as a batch, and publishing it
(city approval, province confirmation, search index rebuilt), against merely reading the same file with pandas."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROWS = 100_000
COUNTY = "340881"  # 桐城市
ROUNDS = 3


def synthetic_list(con, n: int = ROWS, seed: int = 5) -> pd.DataFrame:
    """``n`` enterprises of one county as the template has them: valid codes, names, chain links of their
    industry, coordinates inside the county, every tenth an honour on the second sheet."""
    import shapely
    from stdnum.cn import uscc

    from geo import boundaries

    rng = np.random.default_rng(seed)
    links = con.execute("select ch.industry, l.name from chain_links l join chains ch using (chain_id)").df()
    pick = links.iloc[rng.integers(0, len(links), n)]
    bodies = [f"91340881MA{i:07d}" for i in range(n)]
    codes = [b + uscc.calc_check_digit(b) for b in bodies]
    shape = boundaries.counties().set_index("adcode").geometry[COUNTY]
    minx, miny, maxx, maxy = shape.bounds
    points = np.empty((0, 2))
    while len(points) < n:
        xy = np.column_stack([rng.uniform(minx, maxx, n), rng.uniform(miny, maxy, n)])
        points = np.vstack([points, xy[shapely.contains_xy(shape, xy[:, 0], xy[:, 1])]])
    return pd.DataFrame(
        {
            "统一社会信用代码": codes,
            "企业名称": [f"桐城测试{i}号有限公司" for i in range(n)],
            "区县": "桐城市",
            "所属集群": "",
            "产业": pick.industry.to_numpy(),
            "产业链环节": pick.name.to_numpy(),
            "营业收入（亿元）": np.round(rng.lognormal(0, 1, n), 2),
            "规上企业": np.where(rng.random(n) < 0.3, "是", "否"),
            "经度": np.round(points[:n, 0], 6),
            "纬度": np.round(points[:n, 1], 6),
            "坐标系": "WGS-84",
        }
    )


def write_xlsx(frame: pd.DataFrame, honours: pd.DataFrame, path: Path) -> None:
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        frame.to_excel(writer, sheet_name="企业名录", index=False)
        honours.to_excel(writer, sheet_name="企业荣誉", index=False)


def main() -> None:
    import shutil

    import queries
    from bench import uploads as uploads_bench
    from records import accounts, batches
    from uploads import files, spec

    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base.duckdb"
        con = uploads_bench.demo_store(base)  # the demo store with its administrator
        queries.run(
            con,
            "user_create",
            username="aq",
            display_name="安庆",
            role="市级审核",
            adcode="340800",
            password_hash=accounts._hasher.hash("Admin1234"),
            now=accounts.now(),
        )
        con.execute("update users set must_change_password = false")
        frame = synthetic_list(con)
        honours = pd.DataFrame(
            {"统一社会信用代码": frame["统一社会信用代码"][::10], "荣誉": "国家高新技术企业", "首次获得年份": 2023}
        )
        con.close()
        path = Path(tmp) / "名录.xlsx"
        write_xlsx(frame, honours, path)
        data = path.read_bytes()
        print(f"imports_file_{ROWS}_rows: {len(data) / 2**20:.1f} MB")

        read_pandas, read_calamine, checked_s, submitted_s, published_s = [], [], [], [], []
        for _ in range(ROUNDS):
            start = time.perf_counter()
            pd.read_excel(path, sheet_name=None)
            read_pandas.append(time.perf_counter() - start)
            start = time.perf_counter()
            pd.read_excel(path, sheet_name=None, engine="calamine")
            read_calamine.append(time.perf_counter() - start)

            copy = Path(tmp) / "run.duckdb"
            shutil.copy(base, copy)
            con = queries.connect(copy)
            queries.build_search_index(con)
            start = time.perf_counter()
            checked = batches.check_upload(con, "admin", spec.ENTERPRISES, 2025, [("名录.xlsx", data)])
            checked_s.append(time.perf_counter() - start)
            assert not checked.errors, [p.text() for p in checked.errors[:3]]
            start = time.perf_counter()
            batch = batches.submit(con, "admin", checked, "名录.xlsx", files.sha256(data))
            submitted_s.append(time.perf_counter() - start)
            start = time.perf_counter()
            batches.city_review(con, "aq", batch, approve=True)
            batches.province_review(con, "admin", batch, approve=True)
            published_s.append(time.perf_counter() - start)
            assert (
                con.execute("select count(*) from enterprises where adcode = $a", {"a": COUNTY}).fetchone()[0] == ROWS
            )
            con.close()

        m = statistics.median
        total = m(checked_s) + m(submitted_s)
        print(f"imports_read_and_validate_{ROWS}_rows_xlsx: {m(checked_s):.2f} s")
        print(f"imports_store_batch_{ROWS}_rows: {m(submitted_s):.2f} s")
        print(f"imports_validate_and_import_{ROWS}_rows_xlsx: {total:.2f} s")
        print(f"imports_publish_{ROWS}_rows: {m(published_s):.2f} s")  # city approval, confirmation, search index
        print(f"imports_pandas_read_excel_openpyxl_{ROWS}_rows: {m(read_pandas):.2f} s")
        print(f"imports_pandas_read_excel_calamine_{ROWS}_rows: {m(read_calamine):.2f} s")
        print(f"imports_ratio_to_pandas_read_openpyxl: {total / m(read_pandas):.2f} x")
        print(f"imports_ratio_to_pandas_read_calamine: {total / m(read_calamine):.2f} x")
