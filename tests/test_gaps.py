"""Issue 20, item 4 (first part): province-wide lists of clusters without a public service platform and of the
五个一 items each cluster lacks, on 赛马评价, downloadable."""

from __future__ import annotations

import pandas as pd

import queries
from analysis import gaps
from analysis.evaluation import FIVE_ONES
from harness.apptest import page_app


def rows() -> pd.DataFrame:
    base = {"name": ["甲集群", "乙集群", "丙集群"], "county": ["甲县", "乙县", "丙县"], "city": ["A市", "A市", "B市"]}
    base |= {"level": ["省级", "市级", "省级"], "platforms": [2.0, 0.0, None]}
    base |= {column: [True, True, True] for column in FIVE_ONES}
    frame = pd.DataFrame(base)
    frame.loc[1, "has_public_brand"] = False
    frame.loc[2, ["has_public_brand", "has_full_chain"]] = False
    return frame


def test_platform_and_five_one_gaps_by_hand():
    platforms = gaps.platform_gaps(rows())
    assert platforms.集群.tolist() == ["乙集群", "丙集群"] and platforms["平台（个）"].tolist() == ["0", "未报"]
    five = gaps.five_one_gaps(rows())
    assert five.集群.tolist() == ["丙集群", "乙集群"]  # most items missing first
    assert five.缺少的项目.tolist() == ["打造区域公共品牌、健全完整产业链", "打造区域公共品牌"]
    assert five.缺项数.tolist() == [2, 1]
    assert gaps.item_counts(rows())["打造区域公共品牌"] == 2 and gaps.item_counts(rows())["设立专业管理机构"] == 0


def test_the_ranking_page_lists_the_gaps_of_its_scope(app_store, monkeypatch, con):
    values = queries.run(con, "cluster_indicators")
    year = values[values.year == 2025]
    at = page_app("pages/ranking.py", monkeypatch)
    assert not at.exception
    text = " ".join(m.value for m in at.markdown)
    assert f"**{len(gaps.platform_gaps(year))} 个集群尚无省级及以上公共服务平台**" in text
    assert f"**{len(gaps.five_one_gaps(year))} 个集群“五个一”尚未齐全**" in text
    at.selectbox(key="city").select("340100").run()  # 合肥市: its clusters only
    hefei = year[year.city == "合肥市"]
    assert f"**{len(gaps.five_one_gaps(hefei))} 个集群“五个一”尚未齐全**" in " ".join(m.value for m in at.markdown)
