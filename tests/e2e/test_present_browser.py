"""汇报模式 and the exports in headless Chromium: arrow keys step through the saved views, the map's PNG, PPT and
PDF download as valid files holding the expected names and figures, Chinese text is drawn as glyphs, not boxes."""

import io
from urllib.parse import urlparse

import numpy as np
import pypdfium2
from PIL import Image
from pptx import Presentation

import queries
from harness.browser import map_frame
from records import deck

SLIDES = deck.load_default()
TOFU = "\u0378"  # an unassigned code point: every font draws it as the missing-glyph box


def title_of(page) -> str:
    return page.locator("h1.slide-title").inner_text()


def wait_title(page, title: str) -> None:
    page.locator("h1.slide-title").filter(has_text=title).wait_for(timeout=20000)


MAPS_DRAWN = """() => [...document.querySelectorAll('iframe')].filter(frame => {
    try { return frame.contentDocument.querySelectorAll('path.leaflet-interactive').length === 104; }
    catch (e) { return false; } }).length === 1"""  # one map of the 104 counties (the last slide's is gone)


def test_arrow_keys_step_through_the_saved_views(page, server):
    page.goto(f"{server}/present")
    map_frame(page)
    assert title_of(page) == SLIDES[0].title
    assert page.locator("[data-testid='stSidebar']").is_hidden()  # no chrome on the projector
    for slide in SLIDES[1:]:
        page.keyboard.press("ArrowRight")
        wait_title(page, slide.title)
        page.wait_for_function(MAPS_DRAWN, timeout=20000)
    page.keyboard.press("ArrowRight")  # past the last slide: stays there
    page.wait_for_timeout(1500)
    assert title_of(page) == SLIDES[-1].title
    page.keyboard.press("PageUp")  # a presenter's clicker
    wait_title(page, SLIDES[-2].title)
    assert f"slide={len(SLIDES) - 1}" in page.url
    page.get_by_role("button", name="◀ 上一页").click()
    wait_title(page, SLIDES[-3].title)
    page.wait_for_timeout(1000)
    assert page.recorder.hosts() == {urlparse(server).netloc}, page.recorder.hosts()


def test_a_link_opens_one_slide(page, server):
    page.goto(f"{server}/present?slide=4")
    wait_title(page, SLIDES[3].title)
    assert page.locator(".slide-count").inner_text() == f"4 / {len(SLIDES)}"


def ink(image: Image.Image) -> np.ndarray:
    return np.asarray(image.convert("L")) < 128


def test_the_slide_title_is_drawn_in_glyphs_not_boxes(page, server):
    page.goto(f"{server}/present")
    title = page.locator("h1.slide-title")
    title.wait_for(timeout=30000)
    shown = Image.open(io.BytesIO(title.screenshot()))
    # The same heading with every character replaced by one the font lacks: what missing glyphs would look like.
    page.evaluate(
        """(tofu) => { const h = document.querySelector('h1.slide-title');
        const copy = h.cloneNode(true); copy.id = 'tofu'; copy.textContent = tofu.repeat(h.textContent.length);
        h.after(copy); }""",
        TOFU,
    )
    boxes = Image.open(io.BytesIO(page.locator("#tofu").screenshot()))
    assert ink(shown).mean() > 0.03  # the title is not blank
    width = min(shown.width, boxes.width)
    assert (ink(shown)[:, :width] != ink(boxes)[:, :width]).mean() > 0.05  # and not a row of boxes


def download(page, button: str):
    with page.expect_download(timeout=60000) as info:
        page.get_by_role("button", name=button).click()
    return info.value


def test_exports_download_valid_files_with_the_selection(page, server, con):
    year = int(queries.run(con, "data_years").year.max())
    clusters = queries.run(con, "tier_clusters", year=year, start_year=year, region=None, city=None)
    counts = queries.run(con, "tier_counts", year=year, region=None, city=None).iloc[0]
    page.goto(server)
    map_frame(page)

    png = download(page, "下载地图（PNG）")
    assert png.suggested_filename == f"地图_安徽省_{year}年_集群营收合计.png"
    image = Image.open(png.path())
    assert image.format == "PNG" and image.size == (1920, 1080)
    assert ink(image.crop((0, 0, 900, 90))).mean() > 0.02  # the title band holds text

    pptx = download(page, "汇报材料（PPT）")
    assert pptx.suggested_filename == f"汇报材料_安徽省_{year}年.pptx"
    deck_file = Presentation(pptx.path())
    text = " ".join(
        shape.text_frame.text
        if shape.has_text_frame
        else " ".join(c.text for row in shape.table.rows for c in row.cells)
        if shape.has_table
        else ""
        for slide in deck_file.slides
        for shape in slide.shapes
    )
    assert "安徽省产业集群发展情况" in text and f"{int(counts.clusters)} 个" in text
    for row in clusters.head(10).itertuples():
        assert row.name in text and row.county in text and f"{row.revenue:,.1f}" in text

    pdf = download(page, "汇报材料（PDF）")
    assert pdf.suggested_filename == f"汇报材料_安徽省_{year}年.pdf"
    document = pypdfium2.PdfDocument(pdf.path())
    text = "".join("".join(p.get_textpage().get_text_range().split()) for p in document)
    assert "安徽省产业集群发展情况" in text and f"{counts.revenue:,.1f}亿元" in text
    for row in clusters.head(10).itertuples():
        assert row.name in text and f"{row.revenue:,.1f}" in text
    assert page.recorder.hosts() == {urlparse(server).netloc}, page.recorder.hosts()


SMALL_TEXT = """() => {
  const small = [];
  const main = document.querySelector('[data-testid="stMain"]');
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {  // HTML text: its computed size
    const text = walker.currentNode.textContent.trim(), el = walker.currentNode.parentElement;
    if (!text || el.closest('svg') || !el.getBoundingClientRect().width) continue;
    if (el.closest('[data-testid="stExpander"]')) continue;  // (the administrator's deck editor, folded away)
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < 20) small.push(`${text.slice(0, 20)}: ${size}px`);
  }
  for (const t of main.querySelectorAll('.js-plotly-plot text')) {  // chart text: as drawn (Plotly may scale it)
    const height = t.getBoundingClientRect().height;
    if (t.textContent.trim() && height < 23) small.push(`${t.textContent}: ${height}px high`);
  }
  return small;
}"""


def test_every_text_of_a_slide_is_at_least_20_px_at_1920_by_1080(page, server):
    """Legible from the back of a meeting room: axis labels were about 12 px, bar values shrunk to 17 (issue 19)."""
    for slide in (1, len(SLIDES)):  # a map slide with its bar chart, and the chain slide
        page.goto(f"{server}/present?slide={slide}")
        page.locator(".js-plotly-plot .main-svg").first.wait_for(timeout=60000)
        page.wait_for_timeout(1500)
        assert page.evaluate(SMALL_TEXT) == [], slide
