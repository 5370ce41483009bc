"""Every figure can show its source (issue 19, item 8): the KPI scorecard, 营收梯队, a cluster's profile and the 赛马
scores fold out the sources of the year's cluster figures in their scope; the briefing names them too."""

from __future__ import annotations

import html
import re

import pandas as pd

import queries
from analysis import provenance
from exports import briefing
from harness.apptest import page_app


def test_sources_in_words():
    rows = pd.DataFrame(
        {
            "kind": ["公开报道", "上报数据", "示例生成"],
            "title": ["《桐城市2023年政府工作报告》", "桐城市2025年集群年度数据（第 3 批）", "示例数据"],
            "figures": [1, 4, 1200],
            "indicators": ["revenue", "firms_above_scale、revenue", "platforms、revenue"],
        }
    )
    assert provenance.lines(rows)[:2] == [
        "公开报道：《桐城市2023年政府工作报告》（营业收入，1 项）",
        "上报数据：桐城市2025年集群年度数据（第 3 批）（规上企业数、营业收入，4 项）",
    ]
    assert provenance.summary(rows) == "公开报道 1 项 · 上报数据 4 项 · 示例生成 1,200 项"


def fold(at) -> str:
    return next(h.proto.body for h in at.get("html") if "figure-sources" in h.proto.body)


def test_the_scorecard_and_the_scores_show_where_their_figures_come_from(app_store, monkeypatch, con):
    sources = queries.run(con, "figure_sources", year=2025, region=None, city=None, cluster=None)
    assert set(sources.kind) == {"公开报道", "示例生成"}
    for page in ("pages/home.py", "pages/tiers.py", "pages/ranking.py"):
        body = fold(page_app(page, monkeypatch))
        assert f"数据来源（2025年）：{provenance.summary(sources)}" in body, page
        assert all(html.escape(line) in body for line in provenance.lines(sources)), page


def test_a_cluster_profile_names_the_document_of_its_published_figure(app_store, monkeypatch, con):
    cluster, title = con.execute(
        "select f.cluster_id, s.title from cluster_figures f join sources s using (source_id)"
        " where s.kind = '公开报道' and f.year = 2023 order by 1 limit 1"
    ).fetchone()
    at = page_app("pages/cluster.py", monkeypatch)
    at.query_params.update({"cluster": cluster, "year": "2023"})
    at.run()
    body = fold(at)
    assert "数据来源（2023年）：公开报道" in body and html.escape(title) in body


def test_the_briefing_names_its_sources(con):
    s = briefing.Selection(2025, None, None, None)
    notes = briefing.build(lambda name, **p: queries.run(con, name, **p), s, render=lambda *a, **k: b"").notes
    said = next(n for n in notes if n.startswith("数据来源（2025年集群数据）"))
    assert re.search(r"公开报道 \d+ 项 · 示例生成 [\d,]+ 项", said)
