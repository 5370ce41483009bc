"""Issue 20, item 4: every policy target against the store's figures (by hand), the provincial R&D figure entered by
the administrator (checked in the data layer, both backends), the 示范基地 / 市场占有率较高 flags of the cluster
upload, the province's 认定 and 撤销 guarding a cluster's reported level, and the 目标与缺口 tab."""

from __future__ import annotations

import copy

import pandas as pd
import pytest

import queries
from analysis import targets as tg
from records import access, province_figures
from records.province_figures import FigureError
from tests.test_uploads import check_clusters, cluster, ctx, texts  # noqa: F401  (ctx is a fixture)


def test_target_table_by_hand():
    targets = pd.DataFrame(
        {
            "target_id": ["a", "b", "c", "d", "e"],
            "year": [2025, 2030, 2027, 2027, 2030],
            "metric": ["clusters_100", "counties_without_100", "platforms_per_cluster", "platforms_per_cluster", "x"],
            "value": [35.0, 0.0, 1.0, 1.0, 5.0],
            "unit": ["个", "个县(市)", "个/集群", "个/集群", "个"],
            "wording": ["百亿级集群35个", "全覆盖", "首位集群各1个平台", "每个集群1个平台", "无数据的目标"],
            "source_doc": ["001", "002", "000", "002", "002"],
        }
    )
    short = {"platforms_per_cluster": (12, 84), "platforms_per_cluster〔000〕": (0, 81)}
    out = tg.table(targets, {"clusters_100": 24, "counties_without_100": 38}, short).set_index("目标")
    assert (out.loc["百亿级集群35个", "当前"], out.loc["百亿级集群35个", "进度"]) == ("24 个", "差 11 个")
    assert out.loc["全覆盖", "进度"] == "差 38 个县(市)"  # at most 0: 38 counties too many
    assert out.loc["首位集群各1个平台", "进度"] == "已达到"  # 〔000〕 counts the 首位产业 clusters only
    assert out.loc["每个集群1个平台", "当前"] == "12 个集群未达到（共 84 个）"
    assert out.loc["无数据的目标", "进度"] == "暂无数据"
    assert tg.table(targets.iloc[:1], {"clusters_100": 35}, {}).iloc[0]["进度"] == "已达到"


def test_every_target_of_the_store_has_a_figure(con):
    year = 2025
    figures = tg.figures_of(
        queries.run(con, "tier_counts", year=year, region=None, city=None).iloc[0],
        queries.run(con, "target_progress", year=year).iloc[0],
    )
    values = queries.run(con, "cluster_indicators")
    table = tg.table(queries.run(con, "policy_targets"), figures, tg.shortfalls(values, year))
    assert len(table) == len(queries.run(con, "policy_targets")) >= 26
    assert not (table["进度"] == "暂无数据").any(), table[table["进度"] == "暂无数据"]
    for wording in ("打造省级示范基地90个以上", "国家级产业集群10个以上", "培育省级先进制造业集群30个以上"):
        assert wording in set(table["目标"])
    demo = queries.run(con, "target_progress", year=year).iloc[0]
    clusters = con.execute("select level, is_demo_base, high_market_share from clusters").df()
    assert demo.national_clusters == (clusters.level == "国家级").sum()
    assert demo.demo_bases == clusters.is_demo_base.sum() > 0
    assert demo.high_share_clusters == clusters.high_market_share.sum() > 0


@pytest.fixture()
def db(any_db):
    return any_db


def test_the_provincial_rd_figure_is_the_administrators(db):
    rows = lambda: len(queries.run(db, "province_figures"))  # noqa: E731
    with pytest.raises(access.PermissionDenied, match="无权录入全省统计指标"):
        province_figures.save(db, "prov", "rd_intensity_above_scale", 2024, 2.1, "统计公报")
    with pytest.raises(FigureError, match="0 到 20%"):
        province_figures.save(db, "admin", "rd_intensity_above_scale", 2024, 35, "统计公报")
    with pytest.raises(FigureError, match="数据来源"):
        province_figures.save(db, "admin", "rd_intensity_above_scale", 2024, 2.1, " ")
    assert rows() == 0
    province_figures.save(db, "admin", "rd_intensity_above_scale", 2023, 2.05, "2023年统计公报")
    province_figures.save(db, "admin", "rd_intensity_above_scale", 2023, 2.08, "2023年统计年鉴")  # corrected
    assert rows() == 1
    found = province_figures.latest(db, "rd_intensity_above_scale", 2025)  # the latest year before
    assert (int(found.year), found.value, found.source) == (2023, 2.08, "2023年统计年鉴")
    assert province_figures.latest(db, "rd_intensity_above_scale", 2022) is None


def test_flags_are_optional_and_read_as_yes_or_no(ctx):  # noqa: F811
    checked = check_clusters(ctx, [cluster(ctx)])
    assert not texts(checked)
    from uploads.kinds import clusters as kind

    staged = kind.staged(1, checked)["batch_clusters"]
    assert staged[["is_demo_base", "high_market_share"]].iloc[0].tolist() == [False, False]
    checked = check_clusters(ctx, [cluster(ctx, 示范基地="是", 市场占有率较高="否")])
    staged = kind.staged(1, checked)["batch_clusters"]
    assert staged[["is_demo_base", "high_market_share"]].iloc[0].tolist() == [True, False]
    assert "示范基地" in texts(check_clusters(ctx, [cluster(ctx, 示范基地="也许")]))[0]


def test_a_county_cannot_undo_the_provinces_title(ctx):  # noqa: F811
    # 桐城市绿色包装产业集群 is 省级认定 in the demo pool
    wrong = texts(check_clusters(ctx, [cluster(ctx, 集群级别="市级")]))
    assert any("经省级认定为省级集群" in t and "“市级”" in t and "集群级别" in t for t in wrong), wrong
    assert not texts(check_clusters(ctx, [cluster(ctx, 集群级别="国家级")]))
    revoked = ctx.titles.assign(pool_status="撤销")
    ctx_revoked = copy.copy(ctx)
    ctx_revoked.titles = revoked
    wrong = texts(check_clusters(ctx_revoked, [cluster(ctx, 集群级别="省级")]))
    assert any("省级称号已按程序撤销" in t for t in wrong), wrong
    assert not texts(check_clusters(ctx_revoked, [cluster(ctx, 集群级别="市级")]))


def test_the_goals_tab(app_store, monkeypatch):
    from harness.apptest import page_app

    at = page_app("pages/recognition.py", monkeypatch)
    at.query_params["tab"] = "目标与缺口"
    at.run()
    assert not at.exception
    html = " ".join(h.proto.body for h in at.get("html"))
    assert "打造省级示范基地90个以上" in html and "〔002〕" in html
    assert any("全省规上工业企业平均水平尚未录入" in m.value for m in at.markdown)
    assert any("缺口" in e.label for e in at.expander)
