"""The folium/branca patches (geo/branca_literal.py) and map_view.show change how fast a map renders, never what
it renders."""

import itertools

import jinja2
import pandas as pd
import pytest
from branca.element import Element

from geo import boundaries, branca_literal, choropleth, points


@pytest.mark.parametrize(
    "text",
    [
        'var x = {"a": [1, 2]};\n',
        "a\r\nb\rc\n\n",
        "<style>.a{b:c}</style>",
        "L.geoJson({{ this.x }})",
        "{% if true %}yes{% endif %}",
        "",
        "\n",
    ],
)
def test_an_element_renders_as_jinja_would(text):
    element = Element(text)
    assert element.render() == jinja2.Template(text).render(this=element, kwargs={})


def test_maps_render_the_same_with_and_without_the_patch(monkeypatch):
    counties = boundaries.counties()
    frame = counties[["adcode", "name", "city", "geometry"]].assign(leading_industry="电线电缆", cluster_revenue=150.0)
    found = pd.DataFrame(
        {
            "uscc": ["1", "2"],
            "name": ["甲<b>", "乙"],
            "county": ["无为市", "桐城市"],
            "adcode": ["340281", "340881"],
            "lon": [117.9, 116.9],
            "lat": [31.3, 31.0],
            "revenue": [1.0, 2.0],
            "honours": [0, 2],
        }
    )
    cells = pd.DataFrame(
        {
            "lon": [117.9, 116.9],
            "lat": [31.3, 31.0],
            "enterprises": [3, 40],
            "revenue": [1.0, 9.5],
            "top_name": ["甲<b>", "乙"],
        }
    )

    def render_both() -> list[str]:
        ids = itertools.count()  # element ids are random: make two builds name their elements alike
        monkeypatch.setattr(Element, "_generate_id", classmethod(lambda cls: f"{next(ids):032x}"))
        choropleth_map, _ = choropleth.build_map(
            frame, choropleth.METRICS["集群营收合计"], frame.adcode.notna(), static_url="/app/static"
        )
        points_map = points.points_map(counties, found, static_url="/app/static")
        cells_map = points.cells_map(counties, cells, static_url="/app/static")
        return [m.get_root().render() for m in (choropleth_map, points_map, cells_map)]

    patched = render_both()
    try:
        branca_literal.uninstall()
        plain = render_both()
    finally:
        branca_literal.install()
    assert patched == plain and all(len(html) > 100_000 for html in plain[:2])
    assert '"geometry": {"coordinates": [[[[' in patched[0]  # the outlines written from their ready text
    assert r"\u7532\u0026lt;b\u0026gt;" in patched[1]  # the name 甲<b>, HTML-escaped, then JSON-encoded


def test_the_map_component_gets_the_same_arguments_when_rendered_once(monkeypatch):
    """map_view.show passes render=False to st_folium: the arguments reaching the component stay the same."""
    import streamlit_folium

    from components import map_view

    counties = boundaries.counties()
    frame = counties[["adcode", "name", "city", "geometry"]].assign(leading_industry="电线电缆", cluster_revenue=150.0)
    found = pd.DataFrame(
        {
            "uscc": ["1"],
            "name": ["甲"],
            "county": ["无为市"],
            "adcode": ["340281"],
            "lon": [117.9],
            "lat": [31.3],
            "revenue": [1.0],
            "honours": [1],
        }
    )
    sent = []
    monkeypatch.setattr(
        streamlit_folium,
        "_component_func",
        lambda **kwargs: sent.append({k: v for k, v in kwargs.items() if k != "on_change"}),
    )

    def maps():
        ids = itertools.count()
        monkeypatch.setattr(Element, "_generate_id", classmethod(lambda cls: f"{next(ids):032x}"))
        choropleth_map, _ = choropleth.build_map(
            frame, choropleth.METRICS["集群营收合计"], frame.adcode.notna(), static_url="/app/static"
        )
        yield choropleth_map, {"feature_group_to_add": choropleth.highlight(frame[frame.adcode == "340102"])}
        yield points.points_map(counties, found, static_url="/app/static"), {}

    for fmap, options in maps():
        streamlit_folium.st_folium(fmap, key="m", returned_objects=[], **options)
    for fmap, options in maps():
        map_view.show(fmap, key="m", returned_objects=[], **options)
    assert len(sent) == 4 and sent[:2] == sent[2:]
    assert "340102" in sent[0]["feature_group"] and len(sent[0]["script"]) > 100_000


def test_a_map_view_is_built_once_per_data_version(monkeypatch):
    """map_view.view: the same view (signature, key, options, data version) reaches the component with the same
    arguments without building the map again; another view, or new data (store.clear), builds it."""
    import store
    from components import map_view

    sent, builds = [], []
    monkeypatch.setattr(map_view, "_component", lambda **kwargs: sent.append(kwargs))
    monkeypatch.setattr(store, "data_version", lambda: 0)
    counties = boundaries.counties()
    frame = counties[["adcode", "name", "city", "geometry"]].assign(leading_industry="电线电缆", cluster_revenue=150.0)

    def build():
        builds.append(1)
        fmap, legend = choropleth.build_map(
            frame, choropleth.METRICS["集群营收合计"], frame.adcode.notna(), static_url="/app/static"
        )
        return fmap, choropleth.highlight(frame[frame.adcode == "340102"]), legend

    map_view.clear()
    first = map_view.view(("测试", 2025), build, key="m", returned_objects=[])
    again = map_view.view(("测试", 2025), build, key="m", returned_objects=[])
    assert len(builds) == 1 and len(sent) == 2 and first is again and first[0].counties >= 0
    shown = [{k: v for k, v in s.items() if k != "on_change"} for s in sent]
    assert shown[0] == shown[1] and "340102" in shown[1]["feature_group"] and len(shown[1]["script"]) > 100_000
    assert shown[0]["default"] is not shown[1]["default"]  # each session gets its own copy of the map's value
    map_view.view(("测试", 2024), build, key="m", returned_objects=[])
    map_view.view(("测试", 2025), build, key="m", returned_objects=["last_clicked"])
    assert len(builds) == 3
    store.clear()  # new data: every view is built again
    map_view.view(("测试", 2025), build, key="m", returned_objects=[])
    assert len(builds) == 4
