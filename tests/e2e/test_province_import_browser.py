"""全省导入 in Chromium (issue 21, item 4): the 省级管理员 switches it on, uploads the whole province's 名录 (104
counties) as one file, sees it county by county and confirms it in one step; 报送进度 then shows every county's
名录 confirmed."""

from __future__ import annotations

import shutil

import pandas as pd

import queries
from harness.browser import serving
from tests.e2e.test_recognition_browser import log_in
from tests.test_workflow import county_list, csv_of


def test_the_whole_provinces_name_list_in_one_step(browser, accounts_store, tmp_path):
    path = tmp_path / "wide.duckdb"
    shutil.copy(accounts_store, path)
    con = queries.connect_read_only(path)
    counties = con.execute("select distinct adcode from enterprises order by adcode").df().adcode
    data = csv_of(pd.concat([county_list(con, a) for a in counties], ignore_index=True))
    con.close()
    with serving(path) as (url, _):
        page = log_in(browser, url, "admin", "Admin1234")
        page.goto(f"{url}/upload")
        page.get_by_role("heading", name="数据上报").wait_for(timeout=30000)
        page.get_by_text("全省导入（一个文件含多个区县").click()
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
            files=[{"name": "全省名录.csv", "mimeType": "text/csv", "buffer": data}]
        )
        verdict = page.locator("p.upload-verdict")
        verdict.wait_for(timeout=120000)
        assert verdict.get_attribute("data-errors") == "0" and "多个区县" in verdict.inner_text()
        page.get_by_text("全省导入：104 个区县").wait_for(timeout=120000)
        page.get_by_role("button", name="导入并确认（104 个区县）").click()
        page.get_by_test_id("stAlertContentSuccess").filter(has_text="已导入并确认 104 个区县").wait_for(timeout=120000)
        page.goto(f"{url}/progress")
        page.get_by_role("heading", name="报送进度").wait_for(timeout=30000)
        page.get_by_role("radio", name="企业名录").click() if page.get_by_role(
            "radio", name="企业名录"
        ).count() else None
        page.get_by_text("企业名录", exact=True).first.click()  # (the kind of 报送进度)
        page.get_by_text("已确认 104").wait_for(timeout=30000)
