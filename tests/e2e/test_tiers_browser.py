"""营收梯队 in Chromium: reached directly by URL on a fresh server, and the watch list downloads as .xlsx and CSV."""

import io

import openpyxl
import pandas as pd

import queries
from analysis import tiers
from harness.browser import chart_label_clashes, map_frame


def test_direct_url_watch_list_and_exports(page, server, con):
    page.goto(f"{server}/tiers")  # Streamlit's pages/ rule would run the page without app.py; it must not
    map_frame(page)
    page.get_by_text("营收梯队 · 安徽省 · 2025年").wait_for()
    page.get_by_text("临界集群名单", exact=True).click()
    page.get_by_text("下载 Excel（.xlsx）").wait_for(timeout=15000)

    clusters = queries.run(con, "tier_clusters", year=2025, start_year=2022, region=None, city=None)
    clusters["growth"] = tiers.growth(clusters.revenue, clusters.revenue_start, 2025 - clusters.start_year)
    expected = tiers.watch_list(clusters, 0.20, 2025, 2027)
    assert len(expected) > 0

    with page.expect_download() as download:
        page.get_by_text("下载 Excel（.xlsx）").click()
    assert download.value.suggested_filename == "临界集群名单_安徽省_2025.xlsx"
    sheet = openpyxl.load_workbook(io.BytesIO(open(download.value.path(), "rb").read())).active
    rows = list(sheet.iter_rows(values_only=True))
    header = rows.index(next(r for r in rows if r[0] == "集群"))
    assert [r[0] for r in rows[header + 1 :]] == list(expected.name)
    assert [round(r[4], 2) for r in rows[header + 1 :]] == [round(v, 2) for v in expected.revenue]

    with page.expect_download() as download:
        page.get_by_text("下载 CSV").click()
    raw = open(download.value.path(), "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel and WPS read the Chinese correctly
    table = pd.read_csv(io.BytesIO(raw), encoding="utf-8-sig")
    assert list(table["集群"]) == list(expected.name)
    assert page.recorder.hosts() == {server.split("//")[1]}, [u for u in page.recorder.urls if "127.0.0.1" not in u]


def test_target_labels_never_overlap_or_get_cut(page, server):
    """The 2027 targets 1〔001〕 and 2〔000〕 sat on top of each other, the 2030 labels ran off the edge (issue 19)."""
    page.goto(f"{server}/tiers?year=2025")
    page.get_by_text("营收梯队 · 安徽省 · 2025年").wait_for(timeout=30000)
    page.locator(".js-plotly-plot .annotation-text").filter(has_text="〔000〕").first.wait_for(timeout=30000)
    assert page.locator(".js-plotly-plot .annotation-text").count() >= 8  # every target has its label
    assert chart_label_clashes(page, least=2) == []
