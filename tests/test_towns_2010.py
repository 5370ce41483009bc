"""Seed 003's 2010 专业镇 baseline: the document's table and figures come out of the transcribed data exactly; the
named towns agree with it; the comparison with today's clusters on hand-built rows; the page as a visitor sees it."""

from __future__ import annotations

import pandas as pd

import queries
from analysis import towns
from data import towns_2010
from harness.apptest import page_app

# 省认定产业集群专业镇地域分布情况表 (seed 003, 一(二)), as printed
DOCUMENT = {
    "皖南": [("宣城", 11), ("芜湖", 8), ("黄山", 8), ("铜陵", 2), ("马鞍山", 4), ("池州", 4)],
    "皖北": [("宿州", 6), ("淮南", 6), ("淮北", 2), ("阜阳", 4), ("亳州", 4), ("蚌埠", 3)],
    "皖中": [("安庆", 11), ("六安", 9), ("巢湖", 7), ("合肥", 6), ("滁州", 5)],
}


def test_the_documents_table_and_totals_come_out_of_the_data(con):
    cities = queries.run(con, "towns_2010_cities")
    for region, rows in DOCUMENT.items():
        own = cities[cities.region == region]
        assert list(zip(own.city_2010, own.towns)) == rows
    assert towns.totals(cities) == {"皖南": 37, "皖北": 25, "皖中": 38, "全省": 100}
    table = towns.region_table(cities)
    assert table.iloc[-1].tolist() == ["合计", "37", "合计", "25", "合计", "38"]
    assert table["皖中·地市"].tolist()[:5] == ["安庆", "六安", "巢湖", "合肥", "滁州"]
    assert table["皖中·地市"].tolist()[5] == ""  # 皖中 has five cities, the others six


def test_the_2010_figures_and_2015_targets_are_the_documents(con):
    figures = queries.run(con, "towns_2010_figures").set_index(["key", "year"]).value
    assert figures[("towns", 2010)] == 100 and figures[("revenue", 2010)] == 2450
    assert figures[("firms_above_scale", 2010)] == 2780
    assert (figures[("towns_10", 2010)], figures[("towns_50", 2010)], figures[("towns_100", 2010)]) == (54, 8, 2)
    assert (figures[("clusters_100", 2015)], figures[("clusters_50", 2015)], figures[("clusters_10", 2015)]) == (
        10,
        20,
        100,
    )
    assert figures[("revenue", 2015)] == 4800 and figures[("towns", 2015)] == 200
    wording = queries.run(con, "towns_2010_figures").wording
    assert all(isinstance(w, str) and w for w in wording)  # every figure keeps the document's words


def test_named_towns_fit_the_table_and_map_to_todays_counties(con):
    named = queries.run(con, "towns_2010_named")
    cities = queries.run(con, "towns_2010_cities").set_index("city_2010").towns
    per_city = named.groupby("city_2010").size()
    assert (per_city <= cities.reindex(per_city.index)).all()  # never more named than the city's count
    assert named.town.str.endswith(("镇", "乡")).all()
    mapped = named[named.adcode.notna()]
    assert mapped.county.notna().all()  # every adcode is one of today's counties
    assert set(named[named.adcode.isna()].town) == {"丁桥镇"}  # the one the document does not place
    gaogou = named[named.town == "高沟镇"].iloc[0]
    assert (gaogou.county_2010, gaogou.city_2010, gaogou.region, gaogou.county, gaogou.city) == (
        "无为县",
        "巢湖",
        "皖中",
        "无为市",
        "芜湖市",
    )  # 2010: 巢湖's; today: 无为市 of 芜湖
    known = set(queries.run(con, "industry_names").industry)
    heirs = set().union(*(towns.lineage(v) for v in named.lineage))
    assert heirs <= known  # every lineage names an industry of today's vocabulary


def test_county_comparison_by_hand():
    named = pd.DataFrame(
        {
            "town": ["甲镇", "乙镇", "丙镇", "丁镇"],
            "county_2010": ["A县", "A县", "B县", None],
            "adcode": ["1", "1", "2", None],
            "county": ["A县", "A县", "B县", None],
            "city": ["X市", "X市", "Y市", None],
            "industry": ["制刷", "草席", "铸造", "铜"],
            "lineage": ["刷业", None, "高端装备制造", None],
        }
    )
    clusters = pd.DataFrame({"adcode": ["1", "2", "3"], "industry": ["刷业", "新材料", "刷业"]})
    out = towns.county_comparison(named, clusters)
    assert out.adcode.tolist() == ["1", "2"]  # the town without a county is not placed
    assert out.towns.tolist() == ["甲镇（制刷）；乙镇（草席）", "丙镇（铸造）"]
    assert out.continued.tolist() == ["刷业", ""]
    assert out.status.tolist() == [towns.CONTINUED, towns.DISCONTINUED]
    categories = towns.map_categories(pd.Series(["1", "2", "3"]), out)
    assert categories.status.tolist() == [towns.CONTINUED, towns.DISCONTINUED, towns.UNNAMED]


def test_the_page_as_a_visitor_sees_it(app_store, monkeypatch):
    at = page_app("pages/towns.py", monkeypatch)
    assert not at.exception
    text = " ".join(m.value for m in at.markdown)
    assert "省认定产业集群专业镇 100 个" in text and "皖南 37 个 · 皖北 25 个 · 皖中 38 个" in text
    html = " ".join(h.proto.body for h in at.get("html"))
    assert "<td>合计</td>" in html and "<td>2,450 亿元</td>" in html and "<td>2,780 家</td>" in html
    listed = at.dataframe[-1].value
    assert len(listed) == 58 and "今天对应的集群产业" in listed.columns


def test_an_upgraded_store_gets_the_baseline_on_its_next_start(tmp_path):
    con = queries.connect(tmp_path / "old.duckdb")
    with queries.transaction(con):
        towns_2010.ensure(con)
        towns_2010.ensure(con)  # a second start adds nothing
    assert len(queries.run(con, "towns_2010_cities")) == 17 and len(queries.run(con, "towns_2010_named")) == 58
    assert queries.run(con, "source", source_id="pub-003").kind.tolist() == ["公开报道"]
    con.close()
