"""The methods of 招商研判 (issue 22) by hand: shift-share whose three parts add up to the actual change exactly,
strong clusters and stars against hand-computed percentiles, peer counties by cosine similarity, and 下一步招什么's
ranking and sentences on a hand-built chain."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis import chains, next_steps, peers, shift_share, strength
from analysis import relatedness as rel


def test_shift_share_by_hand_and_exactly():
    rows = pd.DataFrame(
        {
            "cluster_id": ["a", "b", "c", "a", "b", "d"],
            "adcode": ["X", "X", "Y", "X", "X", "Y"],
            "industry": ["甲", "乙", "甲", "甲", "乙", "乙"],
            "year": [2020, 2020, 2020, 2025, 2025, 2025],
            "revenue": [100.0, 50.0, 30.0, 150.0, 50.0, 20.0],
        }
    )
    parts = shift_share.clusters(rows, 2020, 2025).set_index("cluster_id")
    # continuing a, b: 150 → 200, g = 1/3; 甲 (a only) 100 → 150, g = 1/2; 乙 (b) 50 → 50, g = 0
    assert parts.attrs["growth"] == pytest.approx(1 / 3, abs=1e-15)
    a = parts.loc["a"]
    assert (a.national, a.mix, a.local) == pytest.approx((100 / 3, 100 / 2 - 100 / 3, 0.0), abs=1e-12)
    b = parts.loc["b"]
    assert (b.national, b.mix, b.local) == pytest.approx((50 / 3, -50 / 3, 0.0), abs=1e-12)
    assert parts.loc["c"].exit == 30 and parts.loc["d"].entry == 20 and parts.loc["c"].national == 0
    total = parts.national + parts.mix + parts.local + parts.entry - parts.exit
    assert (total - parts.change).abs().max() < 1e-12  # the parts add up to the actual change
    county = shift_share.counties(parts.reset_index()).set_index("adcode")
    assert county.loc["Y", "change"] == -10 and county.loc["X", "change"] == 50
    rng = np.random.default_rng(1)  # and on random data: exact to rounding
    many = pd.DataFrame(
        {
            "cluster_id": [f"k{i}" for i in range(40)] * 2,
            "adcode": [f"c{i % 7}" for i in range(40)] * 2,
            "industry": [f"i{i % 5}" for i in range(40)] * 2,
            "year": [2020] * 40 + [2025] * 40,
            "revenue": rng.uniform(1, 500, 80),
        }
    )
    p = shift_share.clusters(many, 2020, 2025)
    assert (p.national + p.mix + p.local - p.change).abs().max() < 1e-9


def test_strong_clusters_and_stars_by_hand():
    # industry 甲 in five counties; their revenue and the 乙 beside it set the location quotients
    rows = pd.DataFrame(
        {
            "adcode": ["A", "B", "C", "D", "E", "A", "B", "C", "D", "E"],
            "industry": ["甲"] * 5 + ["乙"] * 5,
            "revenue": [90.0, 10, 40, 5, 20, 10, 90, 60, 95, 80],
        }
    )
    out = strength.assess(rows).set_index(["adcode", "industry"])
    lq = rel.lq(rel.table(rows, "revenue", item="industry"))
    assert out.loc[("A", "甲"), "lq"] == pytest.approx(lq.loc["A", "甲"])  # 0.9 / (165/500) = 2.727…
    jia = out.xs("甲", level="industry")
    assert jia.lq_p75.iloc[0] == pytest.approx(np.quantile(jia.lq, 0.75))
    assert jia.size_p25.iloc[0] == pytest.approx(np.quantile([90, 10, 40, 5, 20], 0.25))  # 10
    # LQs A 2.73, B 0.30, C 1.21, D 0.15, E 0.61: the 75th percentile is C's own 1.21, so C is strong too
    assert jia.strong.to_dict() == {"A": True, "B": False, "C": True, "D": False, "E": False}
    assert jia.specialisation_star.to_dict() == {"A": True, "B": False, "C": False, "D": False, "E": False}
    assert jia.size_star.sum() == 1 and jia.loc["A", "stars"] == 3
    assert strength.badges(out.loc[("A", "甲")]) == "强集群 · ★规模 · ★专业化 · ★集中度"


def test_peer_counties_by_cosine():
    rows = pd.DataFrame(
        {
            "adcode": ["A", "A", "B", "B", "C", "D"],
            "industry": ["甲", "乙", "甲", "乙", "丙", "甲"],
            "revenue": [3.0, 4.0, 6.0, 8.0, 5.0, 1.0],
        }
    )
    sim = peers.similarity(rows)
    assert sim.loc["A", "B"] == pytest.approx(1.0) and sim.loc["A", "C"] == 0
    assert sim.loc["A", "D"] == pytest.approx(0.6)  # (0.6, 0.8)·(1, 0)
    assert peers.nearest(sim, "A", 2).index.tolist() == ["B", "D"]
    clusters = pd.DataFrame(
        {"adcode": ["A", "B", "B", "D"], "industry": ["甲", "甲", "丁", "丁"], "county": list("aBBD")}
    )
    assert peers.lacking(clusters, "A", ["B", "D"]).to_dict("records") == [
        {"industry": "丁", "peers": "B、D", "count": 2}
    ]


def test_next_links_are_ranked_with_reasons():
    links = pd.DataFrame({"link_id": ["L1", "L2", "L3", "L4"], "industry": "甲", "position": [1, 2, 3, 4]})
    names = {"L1": "原料", "L2": "零件", "L3": "整机", "L4": "服务"}
    covered = chains.coverage(
        pd.DataFrame(
            {
                "link_id": ["L1", "L2", "L3", "L4"],
                "name": list(names.values()),
                "stage": ["上游", "中游", "下游", "下游"],
                "local": [5, 0, 0, 0],
                "local_total": 5,
                "province": [20, 10, 8, 0],
                "province_total": 38,
            }
        )
    )
    phi = pd.DataFrame(np.eye(4), index=list(names), columns=list(names))
    phi.loc["L1", "L3"] = phi.loc["L3", "L1"] = 0.5
    omega = pd.Series({"L1": 1.0, "L2": 0.2, "L3": 0.4, "L4": 0.0})
    out = next_steps.candidates(covered, omega, phi, links, names)
    assert out.link_id.tolist() == ["L4", "L2", "L3"]  # 全省空白 first; then next to 原料; then by density
    assert out.adjacent.tolist() == [[], ["L1"], []] and out.adjacent_firms.tolist() == [0, 5, 0]
    assert out.reason[0].startswith("全省空白（本地 0 家，省内 0 家）；全省都没有该环节的企业")
    assert "上下游紧邻本地已具备的“原料”（本地 5 家）" in out.reason[1]
    assert "本地已具备的相关环节有“原料”（邻近度 0.50）" in out.reason[2]


def test_the_weighted_lead_score_by_hand():
    from analysis import leads

    rows = pd.DataFrame(
        {
            "name": ["近", "远", "中"],
            "distance_km": [0.0, 200.0, 100.0],
            "points": [0, 6, 3],
            "revenue": [1.0, 3.0, None],
            "cluster": ["甲集群", None, "乙集群"],
        }
    )
    clusters = pd.DataFrame({"name": ["甲集群", "乙集群"], "industry": ["绿色包装", "其他"], "growth": [0.10, 0.20]})
    only_distance = leads.score(rows, {"distance": 1}, "绿色包装", clusters)
    assert only_distance.name.tolist() == ["近", "中", "远"] and only_distance.weighted.tolist() == [100, 50, 0]
    out = leads.score(rows, leads.DEFAULT_WEIGHTS, "绿色包装", clusters).set_index("name")
    assert out.f_fit.to_dict() == {"近": 1.0, "远": 0.5, "中": 0.5}
    assert out.f_honours.to_dict() == {"近": 0.0, "远": 1.0, "中": 0.5}
    assert out.f_growth.to_dict() == {"近": 0.5, "远": 0.0, "中": 1.0}  # rank among the two with a growth
    assert out.f_size.to_dict() == {"近": 0.5, "远": 1.0, "中": 0.0}
    # 近: (1·1 + 2·1 + 2·0 + 1·0.5 + 1·0.5) / 7 · 100
    assert out.loc["近", "weighted"] == pytest.approx(400 / 7)
    assert leads.score(rows, {k: 0 for k in leads.FACTORS}, "绿色包装", clusters).weighted.tolist() == [0, 0, 0]
