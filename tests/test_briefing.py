"""汇报材料 and the map image: figures from the demo store, the .pptx and .pdf read back, glyphs checked."""

import io
from functools import partial

import numpy as np
import pypdfium2
import pytest
from PIL import Image
from pptx import Presentation
from pptx.util import Emu

import queries
from exports import briefing, fonts, pdf_file, pptx_file
from geo import boundaries, choropleth, static_map

from .conftest import ANQING

YEAR = 2025


@pytest.fixture(scope="module")
def briefings(store_path):
    con = queries.connect_read_only(store_path)
    query = partial(queries.run, con)
    made = {
        "province": briefing.build(query, briefing.Selection(YEAR)),
        "anqing": briefing.build(
            query, briefing.Selection(YEAR, city=ANQING, city_name="安庆市", metric="专精特新企业数")
        ),
    }
    con.close()
    return made


def squeeze(text: str) -> str:
    return "".join(text.split())


def test_kpis_are_the_sums_of_the_clusters_and_enterprises(briefings, con):
    revenue = (
        con.execute("select value from cluster_figures where year = ? and indicator = 'revenue'", [YEAR]).df().value
    )
    kpis = {k.label: k for k in briefings["province"].kpis}
    assert kpis["集群数"].value == f"{len(revenue):,}"
    assert kpis["营收合计"].value == f"{revenue.sum():,.1f}"
    assert kpis["百亿级"].value == f"{(revenue >= 100).sum():,}"
    assert kpis["千亿级"].value == f"{(revenue >= 1000).sum():,}"
    srdi = con.execute(
        "select count(distinct uscc) from enterprise_honours where year <= ? and honour in "
        "('专精特新中小企业', '专精特新“小巨人”')",
        [YEAR],
    ).fetchone()[0]
    assert kpis["专精特新企业"].value == f"{srdi:,}"
    target = queries.run(con, "policy_targets").query("metric == 'clusters_100' and year == 2027").value.min()
    assert kpis["百亿级"].target.startswith(f"2027年目标 {target:.0f}")
    assert all(k.target == "" for k in briefings["anqing"].kpis)  # targets are provincial


def test_tables_follow_the_selection(briefings, con):
    tier, clusters, counties, cities = briefings["province"].tables
    assert [r[0] for r in tier.rows[:4]] == ["安徽省", "皖北", "皖中", "皖南"] and len(tier.rows) == 20
    assert len(cities.rows) == 16
    top = queries.run(con, "tier_clusters", year=YEAR, start_year=YEAR, region=None, city=None).iloc[0]
    assert clusters.rows[0][1:5] == [top["name"], top.county, top.city, f"{top.revenue:,.1f}"]
    metrics = queries.run(con, "county_metrics", year=YEAR)
    best = metrics.sort_values(["srdi", "adcode"], ascending=[False, True]).iloc[0]
    assert counties.rows[0][:4] == ["1", best["name"], best.city, f"{best.srdi:,}"]
    tier, clusters, counties = briefings["anqing"].tables  # a city has no city ranking
    assert [r[0] for r in tier.rows] == ["安庆市"]
    assert {r[2] for r in counties.rows} == {"安庆市"}
    assert {r[3] for r in clusters.rows} == {"安庆市"}


def test_every_character_is_in_the_fonts(briefings):
    for made in briefings.values():
        assert fonts.missing_glyphs(made.text(), fonts.find(fonts.MICRO_HEI)) == set()
        assert fonts.missing_glyphs(made.text(), fonts.find()) == set()


def test_pptx_holds_the_figures_as_text_and_stays_on_its_slides(briefings):
    briefing = briefings["province"]
    deck = Presentation(io.BytesIO(pptx_file.write(briefing)))
    text = squeeze(
        " ".join(
            shape.text_frame.text
            if shape.has_text_frame
            else " ".join(c.text for row in shape.table.rows for c in row.cells)
            if shape.has_table
            else ""
            for slide in deck.slides
            for shape in slide.shapes
        )
    )
    for kpi in briefing.kpis:
        assert squeeze(f"{kpi.value} {kpi.unit}") in text
    for table in briefing.tables:
        for row in table.rows:
            assert all(squeeze(cell) in text for cell in row)
    for slide in deck.slides:  # the demo badge on every slide (the cover says it in its notes)
        assert any(shape.has_text_frame and "演示数据" in shape.text_frame.text for shape in slide.shapes)
    pictures = [s for slide in deck.slides for s in slide.shapes if s.shape_type == 13]
    assert len(pictures) == 1 and pictures[0].image.content_type == "image/png"
    for slide in deck.slides:
        for shape in slide.shapes:
            assert 0 <= shape.left and shape.left + shape.width <= deck.slide_width + Emu(1)
            assert 0 <= shape.top and shape.top + shape.height <= deck.slide_height + Emu(1), shape.name


def test_pdf_text_is_extractable_and_its_pages_are_drawn(briefings):
    briefing = briefings["anqing"]
    document = pypdfium2.PdfDocument(pdf_file.write(briefing))
    pages = [page.get_textpage().get_text_range() for page in document]
    assert len(pages) >= 2 and all("演示数据" in page for page in pages)  # the badge on every page
    text = squeeze("".join(pages))
    assert squeeze(briefing.title) in text
    for table in briefing.tables:
        for row in table.rows:
            assert all(squeeze(cell) in text for cell in row)
    first = np.asarray(document[0].render(scale=1).to_pil().convert("L"))
    heading = first[20:70, 30:500]  # the title line
    assert (heading < 128).mean() > 0.02  # ink, not a blank band


def map_png(con, scope_city: str | None, title: str) -> np.ndarray:
    counties = boundaries.counties()[["adcode", "geometry"]].merge(
        queries.run(con, "county_metrics", year=YEAR), on="adcode"
    )
    selected = counties.city_adcode == scope_city if scope_city else counties.adcode.notna()
    png = static_map.render_png(counties, choropleth.METRICS["集群营收合计"], selected, title=title)
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.size == (1920, 1080)
    return np.asarray(image.convert("L"))


def test_map_image_draws_distinct_glyphs(con):
    # Missing glyphs are drawn as identical boxes: two titles differing in their first two characters would then
    # give the same pixels. Real glyphs differ, and the band holds ink.
    anqing = map_png(con, ANQING, "安庆市 · 集群营收合计")
    wuhu = map_png(con, "340200", "芜湖市 · 集群营收合计")
    band = (slice(20, 80), slice(20, 140))
    assert (anqing[band] < 128).mean() > 0.05
    assert np.abs(anqing[band].astype(int) - wuhu[band].astype(int)).sum() > 1000


def test_map_image_refuses_text_the_font_lacks(con):
    counties = boundaries.counties()[["adcode", "geometry"]].merge(
        queries.run(con, "county_metrics", year=YEAR), on="adcode"
    )
    with pytest.raises(static_map.MissingGlyph, match="缺少这些字"):
        static_map.render_png(
            counties, choropleth.METRICS["集群营收合计"], counties.adcode.notna(), title="安徽省 \U000e0100\u0378"
        )


def test_unknown_metric_is_refused(con):
    with pytest.raises(ValueError, match="unknown map metric"):
        briefing.build(partial(queries.run, con), briefing.Selection(YEAR, metric="人口"))
