"""项目库 in Chromium (issue 21, item 1): 桐城's filer uploads the county's projects as the third kind on 数据上报,
安庆's reviewer approves, the province confirms, and the projects are on the 项目库 page — listed, counted in the
funnel and on the map — the page speaking to the app's own host only."""

from __future__ import annotations

import shutil
from urllib.parse import urlparse

import pandas as pd

from harness.browser import map_frame, serving
from tests.e2e.conftest import Recorder
from tests.e2e.test_recognition_browser import log_in
from tests.test_projects import sheet
from tests.test_workflow import csv_of

NEW = "桐城市浏览器测试智能包装技改项目"


def review(browser, url: str, username: str, button: str) -> None:
    page = log_in(browser, url, username)
    page.goto(f"{url}/review")
    page.get_by_role("heading", name="审核确认").wait_for(timeout=30000)
    page.get_by_role("button", name=button).click()
    page.get_by_test_id("stAlertContentSuccess").first.wait_for(timeout=30000)
    page.context.close()


def test_a_county_files_its_projects_and_they_are_on_the_page(browser, accounts_store, tmp_path):
    path = tmp_path / "projects.duckdb"
    shutil.copy(accounts_store, path)
    rows = pd.concat(
        [
            sheet({"项目名称": NEW}),
            sheet({"项目名称": "桐城市包装印刷招商项目", "项目类型": "招商引资", "项目阶段": "洽谈", "开工日期": ""}),
        ]
    )
    with serving(path) as (url, _):
        page = log_in(browser, url, "tc")
        page.goto(f"{url}/upload")
        page.get_by_role("heading", name="数据上报").wait_for(timeout=30000)
        page.get_by_test_id("stMain").get_by_text("项目库", exact=True).first.click()  # (not the menu's 项目库)
        page.get_by_text("下载项目库模板（预填桐城市已确认数据）").wait_for(timeout=30000)
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
            files=[{"name": "项目库.csv", "mimeType": "text/csv", "buffer": csv_of(rows)}]
        )
        verdict = page.locator("p.upload-verdict")
        verdict.wait_for(timeout=60000)
        assert verdict.get_attribute("data-errors") == "0", page.locator("body").inner_text()[:2000]
        page.get_by_text("与已确认数据相比：新增 2 个").wait_for(timeout=30000)
        page.get_by_role("button", name="提交市级审核").click()
        page.get_by_text("已提交第").wait_for(timeout=30000)
        page.context.close()
        review(browser, url, "aq", "审核通过")
        review(browser, url, "prov", "确认发布")

        page = browser.new_page(viewport={"width": 1600, "height": 1000})
        recorder = Recorder(page)
        page.goto(f"{url}/projects?county=340881")
        page.get_by_role("heading", name="项目库 · 安徽省 · 2025年").wait_for(timeout=60000)
        count = page.locator("p.list-count")
        count.wait_for(timeout=30000)
        assert count.get_attribute("data-projects") == "2" and "桐城市" in count.inner_text()
        page.get_by_text("项目阶段漏斗").wait_for(timeout=30000)  # (plotly drew it)
        assert map_frame(page).locator("path.leaflet-interactive").count() == 104
        page.locator('[data-testid="stDataFrame"]').last.wait_for(timeout=30000)
        page.get_by_text("下载项目清单 Excel").wait_for(timeout=30000)
        assert {urlparse(url).netloc} == recorder.hosts()
