"""AppTest of 集群画像 and 赛马评价 over the demo store: the profile's figures, scores and diagnosis match the
analysis; the ranking lists every cluster in rank order; a changed weight (saved by the administrator) re-ranks."""

from __future__ import annotations

import re

import queries
from analysis import evaluation as ev
from harness.apptest import admin_app, page_app


def expected(con, year=2025):
    values = queries.run(con, "cluster_indicators")
    return values, ev.score(values, ev.load_default())


def test_a_cluster_profile_shows_its_figures_scores_and_weak_spots(app_store, monkeypatch, con):
    values, scores = expected(con)
    top = scores[scores.year == 2025].sort_values("rank").iloc[0]
    at = page_app("pages/cluster.py", monkeypatch)
    at.selectbox(key="cluster_pick").select(top.cluster_id).run()
    assert not at.exception
    name = values[values.cluster_id == top.cluster_id].name.iloc[0]
    assert at.title[0].value == f"集群画像 · {name}"
    assert at.query_params["cluster"] == top.cluster_id
    summary = next(m.value for m in at.markdown if m.value.startswith("总分"))
    assert f"总分 **{top.total:.1f}**，全省第 **{top['rank']}** / {top.n} 名" in summary
    row = values[(values.cluster_id == top.cluster_id) & (values.year == 2025)].iloc[0]
    weak = ev.diagnose(values, top.cluster_id, 2025, ev.load_default(), {c: bool(row[c]) for c in ev.FIVE_ONES})
    diagnosis = next((h.proto.body for h in at.get("html") if 'class="diagnosis"' in h.proto.body), "")
    assert re.findall(r"<li>(.*?)</li>", diagnosis) == [w.sentence for w in weak]
    kpis = next(h.proto.body for h in at.get("html") if "cluster-kpis" in h.proto.body)
    assert f"{row.revenue:,.1f} 亿元" in kpis


def test_the_profile_opens_from_a_link_in_the_url(app_store, monkeypatch, con):
    values, _ = expected(con)
    cluster = values.cluster_id.iloc[0]
    at = page_app("pages/cluster.py", monkeypatch)
    at.query_params["cluster"] = cluster
    at.run()
    assert at.selectbox(key="cluster_pick").value == cluster


def test_the_ranking_lists_every_cluster_in_rank_order(app_store, monkeypatch, con):
    _, scores = expected(con)
    year = scores[scores.year == 2025].sort_values(["rank", "cluster_id"])
    at = page_app("pages/ranking.py", monkeypatch)
    assert not at.exception
    table = next(h.proto.body for h in at.get("html") if 'data-table="ranking"' in h.proto.body)
    shown = re.findall(r'data-cluster="([^"]+)"', table)
    assert sorted(shown) == sorted(year.cluster_id)
    ranks = [int(r) for r in re.findall(r"<tr[^>]*><td>(\d+)</td>", table)]
    assert ranks == sorted(ranks) and ranks[0] == 1
    flagged = year[year.flagged].merge(queries.run(con, "cluster_indicators")[["cluster_id", "year", "level"]])
    assert f"省级集群连续两年未通过 **{int((flagged.level == '省级').sum())}** 个" in at.markdown[1].value


def test_the_administrator_changes_a_weight_and_the_ranking_follows(app_store, monkeypatch, con):
    import store
    from records import access

    at = admin_app("pages/ranking.py", monkeypatch)
    connection = store.connection()
    assert access.load(connection, "admin").role == access.PROVINCE_ADMIN
    at.number_input(key="w_quality_firms").set_value(0.9).run()
    at.button(key="w_save").click().run()
    assert not at.exception and "第 2 版" in at.success[0].value
    changed = ev.load_default().with_weight("quality_firms", 0.9)
    values = queries.run(connection, "cluster_indicators")
    top = ev.score(values, changed).query("year == 2025").sort_values(["rank", "cluster_id"]).cluster_id.iloc[0]
    table = next(h.proto.body for h in at.get("html") if 'data-table="ranking"' in h.proto.body)
    assert re.findall(r'data-cluster="([^"]+)"', table)[0] == top
