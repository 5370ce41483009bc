"""Tier, growth, projection, target progress, coverage and watch-list logic on hand-built data."""

import math

import pandas as pd
import pytest

from analysis import tiers


def test_band_edges_are_lower_bounds():
    revenue = pd.Series([99.99, 100.0, 299.9, 300.0, 499.99, 500.0, 999.9, 1000.0])
    c = tiers.counts(revenue)
    assert c["clusters_100"] == 7  # exactly 100 is 百亿级
    assert c["clusters_300_500"] == 2  # 300.0 and 499.99
    assert c["clusters_500"] == 3 and c["clusters_1000"] == 1
    assert c["cluster_count"] == 8 and c["total_revenue"] == pytest.approx(revenue.sum())
    assert [tiers.next_threshold(r) for r in (99.99, 100.0, 300.0, 999.9, 1000.0)] == [100, 300, 500, 1000, None]


def test_growth_is_compound_clipped_and_falls_back_to_the_median():
    revenue = pd.Series([121.0, 200.0, 50.0, 80.0, 90.0])
    start = pd.Series([100.0, 50.0, 100.0, None, 90.0])
    years = pd.Series([2, 1, 1, None, 3])
    rate = tiers.growth(revenue, start, years)
    assert rate[0] == pytest.approx(0.10)  # 100 → 121 in two years
    assert rate[1] == tiers.GROWTH_CAP  # 300 % in one year is clipped
    assert rate[2] == tiers.GROWTH_FLOOR  # −50 % is clipped
    assert rate[4] == 0
    assert rate[3] == pytest.approx(pd.Series([0.10, tiers.GROWTH_CAP, tiers.GROWTH_FLOOR, 0]).median())


def test_projection_compounds():
    projected = tiers.project(pd.Series([100.0, 80.0]), pd.Series([0.10, 0.0]), 2)
    assert projected.tolist() == pytest.approx([121.0, 80.0])


def test_progress_against_targets_now_and_projected():
    targets = pd.DataFrame(
        {
            "target_id": ["a", "b", "c", "d"],
            "year": [2025, 2027, 2027, 2030],
            "metric": ["clusters_100", "clusters_100", "clusters_100", "counties_without_100"],
            "value": [3.0, 4.0, 5.0, 0.0],
            "unit": ["个"] * 4,
            "wording": ["w"] * 4,
            "source_doc": ["001", "001", "000", "002"],
        }
    )
    now = {"clusters_100": 3.0, "counties_without_100": 2.0}
    projected = {
        2027: {"clusters_100": 4.0, "counties_without_100": 1.0},
        2030: {"clusters_100": 6.0, "counties_without_100": 1.0},
    }
    p = tiers.progress(targets, now, projected, 2025).set_index("target_id")
    assert p.loc["a", "on_track"] and p.loc["a", "expected"] == 3  # the base year uses the value now
    assert p.loc["b", "on_track"] and p.loc["b", "margin"] == 0  # exactly at the target
    assert not p.loc["c", "on_track"] and p.loc["c", "margin"] == -1  # seed 000 asks for one more
    assert not p.loc["d", "on_track"] and p.loc["d", "margin"] == -1  # fewer uncovered counties is better


def test_required_growth():
    assert tiers.required_growth(81, 100, 2) == pytest.approx((100 / 81) ** 0.5 - 1)
    assert tiers.required_growth(100, 100, 5) == 0
    assert math.isinf(tiers.required_growth(0, 100, 5))


def test_watch_list_distance_growth_needed_and_year_reached():
    clusters = pd.DataFrame(
        {
            "name": ["甲", "乙", "丙", "丁", "戊"],
            "revenue": [90.0, 70.0, 280.0, 1200.0, 100.0],
            "growth": [0.05, 0.10, 0.0, 0.1, 0.1],
        }
    )
    watch = tiers.watch_list(clusters, within=0.10, year=2025, by_year=2027).set_index("name")
    assert set(watch.index) == {"甲", "丙"}  # 乙 is 30 % below 百亿; 丁 is 千亿级; 戊 is 2/3 below 300
    assert watch.loc["甲", "gap"] == pytest.approx(10) and watch.loc["甲", "gap_share"] == pytest.approx(0.10)
    assert watch.loc["甲", "needed"] == pytest.approx((100 / 90) ** 0.5 - 1)
    assert watch.loc["甲", "reach_year"] == 2028  # 90 × 1.05³ = 104.2 ≥ 100, 90 × 1.05² = 99.2
    assert pd.isna(watch.loc["丙", "reach_year"])  # no growth, never
    assert list(watch.index) == ["丙", "甲"]  # closest first (丙 is 6.7 % short)


def test_coverage_counts_only_counties_and_county_cities():
    counties = pd.DataFrame(
        {
            "adcode": ["1", "2", "3", "4"],
            "kind": ["县", "县级市", "县", "市辖区"],
            "top_revenue": [120.0, 64.0, None, 10.0],
        }
    )
    gaps = tiers.coverage(counties, 2025, 2030).set_index("adcode")
    assert list(gaps.index) == ["1", "2", "3"]
    assert gaps.loc["1", "gap"] == 0 and gaps.loc["1", "needed"] == 0
    assert gaps.loc["2", "gap"] == 36 and gaps.loc["2", "needed"] == pytest.approx((100 / 64) ** 0.2 - 1)
    assert gaps.loc["3", "gap"] == 100 and pd.isna(gaps.loc["3", "needed"])
    kind = pd.Series(["县", "县级市", "市辖区"])
    assert (
        tiers.counties_without_100(
            kind, pd.Series(["1", "2", "4"]), pd.Series([150.0, 90.0, 500.0]), pd.Series(["1", "2", "3"])
        )
        == 2
    )  # 2 and 3; the 市辖区 does not count
