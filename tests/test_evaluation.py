"""赛马评价 on hand-built data with known ranks: ties, missing indicators, a changed weight changing the rank, the
two-year rule, and the diagnosis sentences."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis import evaluation as ev


@pytest.fixture()
def db(any_db):
    """Every test here that writes runs on the DuckDB file and on PostgreSQL."""
    return any_db


SMALL = ev.Config(
    version=9,
    title="测试",
    source="测试",
    pass_score=40.0,
    weak_quantile=0.25,
    min_peers=2,
    directions=(
        ev.Direction("a", "甲方向", 0.5, (ev.Indicator("x", "指标X", "个", 1.0),)),
        ev.Direction(
            "b",
            "乙方向",
            0.5,
            (ev.Indicator("y", "指标Y", "%", 0.5), ev.Indicator("z", "指标Z", "天", 0.5, better="lower")),
        ),
    ),
)


def frame(rows):
    return pd.DataFrame(rows, columns=["cluster_id", "year", "x", "y", "z"])


def test_percentile_scores_and_known_ranks():
    values = frame([("A", 2025, 10, 5, 1), ("B", 2025, 20, 4, 2), ("C", 2025, 30, 3, 3), ("D", 2025, 40, 2, 4)])
    scored = ev.score(values, SMALL).set_index("cluster_id")
    # x: A 25, B 50, C 75, D 100; y: A 100 … D 25; z (lower is better): A 100 … D 25
    assert scored.a.tolist() == [25.0, 50.0, 75.0, 100.0]
    assert scored.b.tolist() == [100.0, 75.0, 50.0, 25.0]
    assert scored.total.tolist() == [62.5, 62.5, 62.5, 62.5]
    assert scored["rank"].tolist() == [1, 1, 1, 1]  # a four-way tie shares rank 1


def test_ties_share_a_rank_and_the_next_rank_is_skipped():
    values = frame([("A", 2025, 40, 5, 1), ("B", 2025, 30, 4, 2), ("C", 2025, 30, 4, 2), ("D", 2025, 10, 1, 9)])
    scored = ev.score(values, SMALL).set_index("cluster_id")
    assert scored.loc["B", "total"] == scored.loc["C", "total"]
    assert scored["rank"].to_dict() == {"A": 1, "B": 2, "C": 2, "D": 4}
    assert set(scored.n) == {4}


def test_a_missing_indicator_drops_out_and_its_direction_reweights():
    values = frame([("A", 2025, 10, np.nan, 1), ("B", 2025, 20, 4, 2), ("C", 2025, 30, 3, np.nan)])
    scored = ev.score(values, SMALL).set_index("cluster_id")
    # A's direction b is its z score alone (y missing); C's is its y score alone
    z_of_a = 100.0  # best of the two z values
    assert scored.loc["A", "b"] == pytest.approx(z_of_a)
    assert scored.loc["C", "b"] == pytest.approx(50.0)  # y: B 4 → 100, C 3 → 50
    # an indicator with no data at all (not a column) drops out for everyone
    no_y = ev.score(values.drop(columns="y"), SMALL).set_index("cluster_id")
    assert no_y.loc["B", "b"] == pytest.approx(50.0)  # z alone: A 1 → 100, B 2 → 50
    # a cluster with no value in a whole direction is scored on the other direction
    lone = frame([("A", 2025, 10, np.nan, np.nan), ("B", 2025, 20, 4, 2)])
    assert ev.score(lone, SMALL).set_index("cluster_id").loc["A", "total"] == pytest.approx(50.0)


def test_a_changed_weight_changes_the_rank():
    values = frame([("A", 2025, 40, 1, 9), ("B", 2025, 10, 5, 1)])  # A leads on x, B on y and z
    even = ev.score(values, SMALL).set_index("cluster_id")["rank"]
    assert even.to_dict() == {"A": 1, "B": 1}
    x_heavy = ev.score(values, SMALL.with_weight("a", 0.8)).set_index("cluster_id")["rank"]
    assert x_heavy.to_dict() == {"A": 1, "B": 2}
    y_heavy = ev.score(values, SMALL.with_weight("b", 0.8)).set_index("cluster_id")["rank"]
    assert y_heavy.to_dict() == {"A": 2, "B": 1}


def test_two_years_running_below_the_pass_score_are_flagged():
    rows = []
    for year in (2022, 2023, 2024, 2025):
        rows += [("GOOD", year, 100, 9, 1), ("MID", year, 50, 5, 5)]
        # LOW is last in 2023 and 2024, then recovers in 2025; GAP is last in 2022 and 2024 only (not running)
        low = (1, 1, 9) if year in (2023, 2024) else (60, 6, 4)
        gap = (1, 1, 9) if year in (2022, 2024) else (70, 7, 3)
        rows += [("LOW", year, *low), ("GAP", year, *gap)]
    scored = ev.score(frame(rows), SMALL)
    failed = scored[~scored.passed].groupby("cluster_id").year.apply(list).to_dict()
    assert failed["LOW"] == [2023, 2024] and failed["GAP"] == [2022, 2024]
    flagged = scored[scored.flagged][["cluster_id", "year"]].values.tolist()
    assert flagged == [["LOW", 2024]]


def test_diagnosis_names_the_weak_indicators_and_missing_five_ones():
    rows = [(f"C{i}", 2025, 10 * i, float(i), i) for i in range(1, 9)]  # C1 last on x and y, best on z (lower)
    values = frame(rows).assign(revenue=150.0)  # all in the same tier (百亿级)
    found = ev.diagnose(
        values,
        "C1",
        2025,
        SMALL,
        five_ones={
            "has_management_body": True,
            "has_public_brand": False,
            "has_association": True,
            "has_rd_center": True,
            "has_full_chain": False,
        },
    )
    sentences = [w.sentence for w in found]
    assert sentences == [
        "指标X为 10个，处于同档（百亿级）集群 8 个中的后 25%（中位数 45个）。",
        "指标Y为 1%，处于同档（百亿级）集群 8 个中的后 25%（中位数 4.50%）。",
        "“五个一”：尚未打造区域公共品牌。",
        "“五个一”：尚未健全完整产业链。",
    ]
    assert ev.diagnose(values, "C8", 2025, SMALL, five_ones=dict.fromkeys(ev.FIVE_ONES, True))[0].indicator == "z"


def test_a_value_most_peers_share_is_not_a_weak_spot():
    rows = [(f"C{i}", 2025, 0 if i <= 5 else i, 5.0, 5) for i in range(1, 9)]
    values = frame(rows).assign(revenue=150.0)
    assert ev.diagnose(values, "C1", 2025, SMALL) == []


def test_the_default_configuration_follows_seed_004():
    config = ev.load_default()
    assert [d.name for d in config.directions] == [
        "创新能力领先",
        "规模效应显著",
        "制造能力先进",
        "优质企业集聚",
        "生态体系完善",
    ]
    assert sum(d.weight for d in config.directions) == pytest.approx(1.0)
    for d in config.directions:
        assert sum(i.weight for i in d.indicators) == pytest.approx(1.0), d.name
    assert ev.parse(config.to_dict()) == config  # the stored form reads back the same
    with pytest.raises(ValueError, match="权重不能为负数"):
        ev.parse(config.with_weight("scale", -1).to_dict())


def test_the_province_saves_a_new_version_and_only_it(db):
    import queries
    from records import access, evaluation_config

    assert evaluation_config.current(db).version == 1  # the file
    changed = evaluation_config.current(db).with_weight("scale", 0.5)
    with pytest.raises(access.PermissionDenied):
        evaluation_config.save(db, "prov", changed)
    saved = evaluation_config.save(db, "admin", changed)
    assert saved.version == 2 and evaluation_config.current(db) == saved
    assert evaluation_config.current(db).directions[1].weight == 0.5
    assert queries.run(db, "audit_events", limit=1).detail.iloc[0] == "第 2 版"


def test_specialisation_is_the_location_quotient_of_the_leading_industry():
    values = pd.DataFrame(
        {
            "adcode": ["A", "A", "B", "B", "C"],
            "industry": ["光伏", "电缆", "光伏", "电缆", "电缆"],
            "year": 2025,
            "revenue": [80.0, 20.0, 10.0, 90.0, 100.0],
        }
    )
    leading = pd.DataFrame({"adcode": ["A", "B", "C", "D"], "leading_industry": ["光伏", "电缆", "光伏", "电缆"]})
    lq = ev.specialisation(values, leading, 2025).set_index("adcode")
    # 光伏 is 90 of the province's 300 (30 %); A's 光伏 is 80 of its 100: LQ 0.8 / 0.3
    assert lq.loc["A", "lq"] == pytest.approx(0.8 / 0.3)
    assert lq.loc["B", "lq"] == pytest.approx(0.9 / (210 / 300))
    assert lq.loc["C", "lq"] == 0.0  # its leading industry has no cluster there
    assert np.isnan(lq.loc["D", "lq"])  # no cluster revenue at all
    assert lq.index[0] == "A"  # most specialised first
