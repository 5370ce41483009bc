"""Every reading page keeps its view in its address (issue 19): a pasted address opens the view it names, a change
is written back, and a second session opened on the written address (a reload, a bookmark, a colleague) shows the
same view. Bad values fall back to defaults without an error."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

import queries
from components.url_state import Field
from harness.apptest import ROOT, page_app


def open_at(page: str | None, params: dict[str, str], monkeypatch) -> AppTest:
    """A new session opened on ``page`` (None: the home page) with the address's ``params``."""
    if page is None:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        at.query_params.update(params)
        return at.run()
    at = page_app(page, monkeypatch)
    at.query_params.clear()
    at.query_params.update(params)
    return at.run()


def view(at, keys) -> tuple:
    return (at.title[0].value, *(at.session_state[k] for k in keys))


def test_field_decodes_known_values_and_falls_back_on_anything_else():
    many = Field("k", "p", ["a"], many=True)
    assert many.decode("b,a,b,zz", {"a", "b"}) == ["b", "a"]
    assert many.decode(None, {"a"}) == ["a"] and many.encode(["a"]) is None and many.encode(["b", "a"]) == "b,a"
    assert many.decode("", {"a"}) == [] and many.encode([]) == ""  # none chosen, unlike the default
    number = Field("n", "n", 20, kind=int)
    assert number.decode("35", range(5, 55, 5)) == 35
    assert number.decode("36", range(5, 55, 5)) == 20 and number.decode("x", None) == 20
    assert number.encode(20) is None and number.encode(35.0) == "35"
    plain = Field("c", "c")
    assert plain.decode("<script>", {"340102"}) is None and plain.encode(None) is None


CASES = [
    (
        None,
        {"year": "2023", "region": "皖北", "metric": "专精特新企业数", "county": "341623"},
        ["year", "region", "metric", "county"],
        "全省产业地图 · 皖北 · 2023年",
    ),
    (
        "pages/tiers.py",
        {"year": "2024", "city": "340100", "band": "500亿级", "view": "临界集群名单", "within": "35"},
        ["year", "city", "tier_band", "tier_view", "tier_within"],
        "营收梯队 · 合肥市 · 2024年",
    ),
    (
        "pages/honours.py",
        {"year": "2024", "region": "皖南", "honour": "国家高新技术企业", "measure": "lq", "county": "341021"},
        ["year", "region", "honour", "honour_measure", "honour_county", "honour_trend"],
        "优质企业 · 皖南 · 2024年",
    ),
    (
        "pages/chains.py",
        {"year": "2025", "adcode": "341622", "industry": "电线电缆", "order": "距离"},
        ["chain_county", "chain_industry", "chain_order"],
        "循链招商 · 蒙城县 · 2025年",
    ),
    ("pages/ranking.py", {"year": "2024", "region": "皖中"}, ["year", "region", "ranking_compare"], None),
]


@pytest.mark.parametrize("page, params, keys, title", CASES, ids=lambda c: c if isinstance(c, str) else None)
def test_an_address_opens_its_view_and_a_reload_restores_it(app_store, monkeypatch, page, params, keys, title):
    at = open_at(page, params, monkeypatch)
    assert not at.exception
    if title is not None:
        assert at.title[0].value == title
    for key, value in params.items():  # each parameter reached its widget
        assert at.query_params[key] == value, key
    shown = view(at, keys)
    again = open_at(page, dict(at.query_params), monkeypatch)  # a reload (or a colleague) on the written address
    assert not again.exception and view(again, keys) == shown


def test_a_change_is_written_to_the_address_and_survives_a_reload(app_store, monkeypatch):
    at = open_at(None, {}, monkeypatch)
    at.selectbox(key="year").select(2023).run()
    at.radio(key="region").set_value("皖北").run()
    at.button_group(key="metric").set_value("专精特新企业数").run()
    at.selectbox(key="county").select("341623").run()
    assert dict(at.query_params) == {"year": "2023", "region": "皖北", "metric": "专精特新企业数", "county": "341623"}
    again = open_at(None, dict(at.query_params), monkeypatch)
    assert view(again, ["year", "region", "metric", "county"]) == view(at, ["year", "region", "metric", "county"])


def test_a_ranking_comparison_and_a_cluster_profile_with_peers_survive_a_reload(app_store, monkeypatch, con):
    at = open_at("pages/ranking.py", {"year": "2025"}, monkeypatch)
    assert len(at.session_state["ranking_compare"]) == 3 and "compare" not in at.query_params  # the default
    at.multiselect(key="ranking_compare").set_value([]).run()
    assert at.query_params["compare"] == ""  # none chosen, which differs from the default three
    assert open_at("pages/ranking.py", dict(at.query_params), monkeypatch).session_state["ranking_compare"] == []
    values = queries.run(con, "cluster_indicators")
    clusters = sorted(values[values.year == 2025].cluster_id)[:9]
    assert len(clusters) == 9
    wanted = ",".join(clusters[5:9])
    at = open_at("pages/ranking.py", {"year": "2025", "compare": wanted}, monkeypatch)
    assert at.session_state["ranking_compare"] == clusters[5:9] and at.query_params["compare"] == wanted
    profile = open_at("pages/cluster.py", {"cluster": clusters[0], "peers": ",".join(clusters[1:3])}, monkeypatch)
    assert not profile.exception and profile.session_state["cluster_peers"] == clusters[1:3]
    assert profile.query_params["cluster"] == clusters[0] and profile.query_params["peers"] == ",".join(clusters[1:3])


def test_hand_edited_addresses_fall_back_to_defaults(app_store, monkeypatch):
    bad = {"year": "1999", "region": "<b>x</b>", "metric": "nope", "county": "'; drop table", "city": "999999"}
    at = open_at(None, bad, monkeypatch)
    assert not at.exception and at.title[0].value.startswith("全省产业地图 · 安徽省 · ")
    assert at.session_state["metric"] == "集群营收合计" and at.session_state["county"] is None
    assert set(at.query_params) == {"year"}  # the address now names what is shown
    tiers = open_at("pages/tiers.py", {"view": "x", "within": "-3", "band": "zz"}, monkeypatch)
    assert not tiers.exception and tiers.session_state["tier_view"] == "梯队地图"
    assert tiers.session_state["tier_within"] == 20 and tiers.session_state["tier_band"] is None


def test_a_page_opened_from_the_menu_shows_its_last_view_of_the_session(app_store, monkeypatch):
    at = open_at("pages/tiers.py", {"view": "百亿县域全覆盖"}, monkeypatch)
    at.switch_page("pages/honours.py")
    at.query_params.clear()
    at.run()
    at.switch_page("pages/tiers.py")
    at.query_params.clear()  # the menu opens a page without its query string
    at.run()
    assert at.session_state["tier_view"] == "百亿县域全覆盖" and at.query_params["view"] == "百亿县域全覆盖"
