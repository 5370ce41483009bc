"""One way to write each kind of number (issue 19): analysis.formats, and every reading page written by it."""

from __future__ import annotations

import re

import pytest

import queries
from analysis import formats
from geo import choropleth
from harness.apptest import page_app


def test_each_kind_of_number():
    assert formats.yi(256.64) == "256.6" and formats.yi(620) == "620.0" and formats.yi(14000) == "14,000.0"
    assert formats.yi(float("nan")) == "—" and formats.count(1668) == "1,668" and formats.count(2.0) == "2"
    assert formats.wan(0.35) == "3,500" and formats.to_wan(12.34567) == 123_457 and formats.to_wan(None) is None
    assert formats.firm_revenue(0.35) == "3,500 万元" and formats.firm_revenue(35.24) == "35.2 亿元"
    assert formats.share(0.125) == "12.5%" and formats.figure(1.234, "") == "1.23"
    assert formats.with_unit(256.64, "亿元") == "256.6 亿元" and formats.with_unit(12, "家") == "12 家"


def test_the_map_tooltip_says_what_the_page_says():
    """The tooltip said 257 亿元 where the page said 256.6."""
    metric = choropleth.METRICS["集群营收合计"]
    assert choropleth.value_text(256.6, metric) == "256.6 亿元"
    assert choropleth.value_text(620.0, metric) == "620.0 亿元"


YI = re.compile(r"(?<![\d.,])(\d[\d,]*)(\.\d+)?\s*(?:<[^>]+>\s*)*亿元")  # a figure before 亿元 (tags between allowed)


def loose_yi(text: str) -> list[str]:
    """Figures followed by 亿元 that are not written with exactly one decimal (class bounds "0–50 亿元" and round
    thresholds in prose — "距 100 亿", "百亿" — are not figures of the data and are not matched)."""
    out = []
    for m in YI.finditer(text):
        before = text[max(0, m.start() - 1) : m.start()]
        if before and before in "–-≥<>≤超过逾":
            continue  # a legend class bound, or a document's threshold quoted ("超100亿元的集群")
        if m.group(2) is None or len(m.group(2)) != 2:
            out.append(m.group(0))
    return out


@pytest.mark.parametrize(
    "page",
    ["pages/home.py", "pages/tiers.py", "pages/honours.py", "pages/cluster.py", "pages/chains.py", "pages/present.py"],
)
def test_every_page_writes_yi_with_one_decimal(app_store, monkeypatch, con, page):
    at = page_app(page, monkeypatch)
    if page == "pages/cluster.py":
        at.query_params["cluster"] = queries.run(con, "cluster_indicators").cluster_id.iloc[0]
        at.run()
    assert not at.exception
    texts = [m.value for m in at.markdown] + [h.proto.body for h in at.get("html")] + [c.value for c in at.caption]
    # (not legends' class bounds, nor the 数据来源 fold, which quotes documents' titles as published)
    texts = [t for t in texts if 'class="legend"' not in t and "figure-sources" not in t]
    found = [bad for t in texts for bad in loose_yi(t)]
    assert found == [], found[:10]
    if page in ("pages/home.py", "pages/tiers.py", "pages/cluster.py"):
        assert sum(len(YI.findall(t)) for t in texts) >= 1  # (the check saw figures to check)
