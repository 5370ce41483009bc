"""导入名单 in Chromium (issue 21, item 5): the 省级管理员 uploads a list as the department prints it, sees what
matched by itself, must choose for the row that matches two firms (the write button waits), chooses, writes; the
honours are in the store afterwards, and the page spoke to the app's own host only."""

from __future__ import annotations

import shutil
from urllib.parse import urlparse

import queries
from harness.browser import serving
from tests.e2e.conftest import Recorder
from tests.e2e.test_recognition_browser import done, log_in
from tests.test_name_list_import import HONOUR, county_firms, workbook

TWIN = "91340881MA2TWIN00X"


def test_a_list_is_decided_row_by_row_and_written(browser, accounts_store, tmp_path):
    path = tmp_path / "lists.duckdb"
    shutil.copy(accounts_store, path)
    con = queries.connect(path)
    firms = county_firms(con, 2)
    twin = firms.name[0].replace("有限公司", "有限责任公司")
    con.execute(
        "insert into enterprises (uscc, name, adcode, industry, above_scale, source_id) "
        "select ?, ?, adcode, industry, above_scale, source_id from enterprises where uscc = ?",
        [TWIN, twin, firms.uscc[1]],
    )
    con.execute("update enterprises set name = ? where uscc = ?", [twin, firms.uscc[1]])
    con.close()
    data = workbook(
        [[1, twin, "安庆市", "桐城市"], [2, firms.name[0], "安庆市", "桐城市"], [3, "没有这家公司", "安庆市", "桐城"]]
    )
    with serving(path) as (url, _):
        page = log_in(browser, url, "admin", "Admin1234")
        recorder = Recorder(page)
        page.goto(f"{url}/lists")
        page.get_by_role("heading", name="导入名单").wait_for(timeout=30000)
        page.get_by_label("名单名称（发文或公告标题）").fill("2024年度安徽省专精特新中小企业名单")
        page.keyboard.press("Enter")
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
            files=[{"name": "名单.xlsx", "mimeType": "application/octet-stream", "buffer": data}]
        )
        page.locator("p.list-summary").wait_for(timeout=60000)
        summary = page.locator("p.list-summary").inner_text()
        assert "名称 1" in summary and "多个候选 1" in summary and "未匹配 1" in summary
        write = page.get_by_role("button", name="写入荣誉")
        assert write.is_disabled()
        row = page.locator('[data-row="3"][data-status="多个候选"]')
        assert twin in row.inner_text()
        page.get_by_role("combobox", name="第 3 行写入的企业").click()
        page.get_by_role("option", name=f"{twin}（{firms.uscc[1]}，相似度 1.00）").click()
        page.get_by_text("将写入 2 项").wait_for(timeout=30000)
        write.click()
        assert "已写入 2 项" in done(page, "已写入 2 项")
        assert {urlparse(url).netloc} == recorder.hosts()
    con = queries.connect_read_only(path)
    held = con.execute(
        "select uscc, source_id from enterprise_honours where honour = ? and uscc in (?, ?, ?)",
        [HONOUR, firms.uscc[0], firms.uscc[1], TWIN],
    ).df()
    con.close()
    assert sorted(held.uscc) == sorted(firms.uscc) and held.source_id.str.startswith("list-").all()
