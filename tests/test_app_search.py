"""AppTest of 按图索企 (search, card, aggregated cells) and 循链招商 (gaps and leads) over the demo store."""

import re

import pytest

import queries
from analysis import chains
from analysis.scope import Scope
from components import enterprise_search as es
from data import pinyin
from geo import points
from harness.apptest import page_app


def matches(at) -> int:
    body = next(h.proto.body for h in at.get("html") if "list-count" in h.proto.body)
    return int(body.split('data-matches="')[1].split('"')[0])


def expected(con, **search) -> int:
    args = es.query_args(es.Search(**search), Scope(2025, None, None, None), limit=100_000)
    return len(queries.run(con, "enterprise_search", **args))


def test_pinyin_revenue_and_chain_link_search(app_store, monkeypatch, con):
    at = page_app("pages/enterprises.py", monkeypatch)
    at.text_input(key="ent_text").input("wwdl").run()
    assert not at.exception and matches(at) == expected(con, text="wwdl") > 0
    in_order = re.compile("w.*w.*d.*l")
    assert all(any(v and in_order.search(v) for v in pinyin.initials(n)) for n in at.dataframe[0].value["企业名称"])
    assert any(n.startswith("无为") and "电缆" in n for n in at.dataframe[0].value["企业名称"])
    at.number_input(key="ent_rmin").set_value(5.0).run()
    assert matches(at) == expected(con, text="wwdl", revenue_min=5.0)
    assert (at.dataframe[0].value["营业收入（万元）"] >= 50_000).all()  # 5 亿元
    assert at.query_params["rmin"] == "5" and at.query_params["q"] == "wwdl"  # the URL carries the search
    at.text_input(key="ent_text").input("").run()
    at.number_input(key="ent_rmin").set_value(None).run()
    at.selectbox(key="ent_industry").select("电线电缆").run()
    link = queries.run(con, "chain_links", industry="电线电缆").link_id.iloc[1]
    at.selectbox(key="ent_link").select(link).run()
    assert matches(at) == expected(con, industry="电线电缆", link=link)


def test_several_cities_and_counties_kept_or_left_out(app_store, monkeypatch, con):
    """ "All 专精特新 battery firms outside 合肥" (issue 19): cities and counties, several of each, kept or excluded."""
    at = page_app("pages/enterprises.py", monkeypatch)
    at.multiselect(key="ent_honours").set_value(["专精特新中小企业"]).run()
    at.multiselect(key="ent_cities").set_value(["340100"]).run()
    in_hefei = matches(at)
    assert in_hefei == expected(con, honours=("专精特新中小企业",), cities=("340100",)) > 0
    assert set(at.dataframe[0].value["所属市"]) == {"合肥市"}
    at.toggle(key="ent_exclude").set_value(True).run()
    outside = matches(at)
    assert outside + in_hefei == expected(con, honours=("专精特新中小企业",)) and "合肥市" not in set(
        at.dataframe[0].value["所属市"]
    )
    assert at.query_params["cities"] == "340100" and at.query_params["except"] == "1"
    at.multiselect(key="ent_adcodes").set_value(["340881"]).run()  # and 桐城市 too
    assert matches(at) == expected(
        con, honours=("专精特新中小企业",), cities=("340100",), adcodes=("340881",), exclude=True
    )
    assert "桐城市" not in set(at.dataframe[0].value["县区"]) and "合肥市、桐城市（安庆市）以外" in next(
        h.proto.body for h in at.get("html") if "list-count" in h.proto.body
    )
    at.toggle(key="ent_exclude").set_value(False).run()  # both places, kept
    assert set(at.dataframe[0].value["所属市"]) <= {"合肥市", "安庆市"}


def test_the_list_pages_through_every_match_in_order(app_store, monkeypatch, con):
    everything = queries.run(
        con, "enterprise_search", **es.query_args(es.Search(), Scope(2025, None, None, None), limit=100_000)
    )
    size = es.PAGE_SIZE
    assert len(everything) > 2 * size  # the demo has enough firms for three pages
    at = page_app("pages/enterprises.py", monkeypatch)
    shown = at.dataframe[0].value
    assert shown["序号"].tolist() == list(range(1, size + 1))
    assert shown["统一社会信用代码"].tolist() == everything.uscc[:size].tolist()
    at.button(key="ent_page_next").click().run()
    shown = at.dataframe[0].value
    assert shown["序号"].iloc[0] == size + 1
    assert shown["统一社会信用代码"].tolist() == everything.uscc[size : 2 * size].tolist()
    last = -(-len(everything) // size)
    at.number_input(key="ent_page").set_value(last).run()
    assert at.dataframe[0].value["统一社会信用代码"].tolist() == everything.uscc[(last - 1) * size :].tolist()
    assert at.button(key="ent_page_next").disabled and not at.button(key="ent_page_prev").disabled
    at.multiselect(key="ent_honours").select("专精特新中小企业").run()  # a new search starts on its first page
    assert at.dataframe[0].value["序号"].iloc[0] == 1 and at.number_input(key="ent_page").value == 1


def test_a_clicked_point_opens_its_card(app_store, monkeypatch, con):
    at = page_app("pages/enterprises.py", monkeypatch)
    uscc = con.execute("select uscc from enterprises where adcode = '340881' order by revenue desc").fetchone()[0]
    at.session_state["ent_map"] = {"last_active_drawing": {"properties": {"uscc": uscc}}}
    at.run()
    card = next(h.proto.body for h in at.get("html") if "enterprise-card" in h.proto.body)
    assert f'data-uscc="{uscc}"' in card and "桐城市" in card and "统一社会信用代码" in card


def drawn(at) -> str:
    """What the map shows: "cells" (sums per grid cell) or "points" (one per enterprise), from st_folium's script."""
    script = next(
        c.proto.json_args for c in at.get("component_instance") if c.proto.component_name.endswith("st_folium")
    )
    assert ('\\"uscc\\"' in script) != ('\\"r\\": ' in script), "either points or cells"
    return "points" if '\\"uscc\\"' in script else "cells"


def test_no_filter_or_many_matches_are_drawn_as_cells_and_a_search_as_points(app_store, monkeypatch):
    at = page_app("pages/enterprises.py", monkeypatch)
    assert not at.exception and drawn(at) == "cells"  # the first view: no filter, every firm summed in cells
    at.text_input(key="ent_text").input("wwdl").run()
    assert 0 < matches(at) <= points.MAX_POINTS and drawn(at) == "points"
    monkeypatch.setattr(points, "MAX_POINTS", matches(at) - 1)
    at.run()
    assert drawn(at) == "cells"  # more matches than points drawn one by one


def test_chain_gaps_and_leads_of_a_county(app_store, monkeypatch, con):
    at = page_app("pages/chains.py", monkeypatch)
    assert not at.exception
    at.selectbox(key="chain_county").select("340281").run()
    assert at.selectbox(key="chain_industry").value == "电线电缆"  # the county's 首位产业 opens first
    covered = chains.coverage(
        queries.run(con, "chain_coverage", industry="电线电缆", year=2025, region=None, city=None, adcode="340281")
    )
    summary = next(m.value for m in at.markdown if "产业链" in m.value and "环节中" in m.value)
    assert f"缺失 **{(covered.status == chains.MISSING).sum()}** 个" in summary
    assert f"薄弱 **{(covered.status == chains.WEAK).sum()}** 个" in summary
    body = next(h.proto.body for h in at.get("html") if "chain-stages" in h.proto.body)
    for r in covered.itertuples():
        assert f'data-link="{r.link_id}"' in body
    gaps = chains.gaps(covered)
    assert at.selectbox(key="chain_gap").value == gaps.link_id.iloc[0]
    at.segmented_control(key="chain_order").set_value("距离").run()
    leads = queries.run(
        con,
        "chain_leads",
        link=gaps.link_id.iloc[0],
        year=2025,
        region=None,
        city=None,
        adcode="340281",
        lon=0.0,
        lat=0.0,
    )
    table = next(h.proto.body for h in at.get("html") if 'data-table="leads"' in h.proto.body)
    assert table.count("<tr><td>") == min(30, len(leads))
    assert at.query_params["adcode"] == "340281" and at.query_params["industry"] == "电线电缆"


@pytest.mark.parametrize("industry", ["新能源汽车及零部件", "先进光伏", "现代中药"])
def test_domain_chains_are_there(con, industry):
    links = queries.run(con, "chain_links", industry=industry)
    assert set(links.stage) == {"上游", "中游", "下游"} and len(links) >= 4
