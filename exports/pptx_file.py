"""The briefing as a PowerPoint deck (16:9): title, map with the KPI strip, tier table, clusters, honour ranking.

Tables and text are native PowerPoint objects, so staff can edit the deck; only the map is a picture. Text asks for
微软雅黑 (what Chinese offices have); a viewer without it substitutes its own Chinese font.
"""

from __future__ import annotations

import io
from datetime import date

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from exports.briefing import Briefing, Table, Tile

FONT = "微软雅黑"
INK, MUTED, ACCENT, GAP, MET = (
    RGBColor(0x11, 0x18, 0x27),
    RGBColor(0x4B, 0x55, 0x63),
    RGBColor(0x1D, 0x4E, 0xD8),
    RGBColor(0xB9, 0x1C, 0x1C),
    RGBColor(0x15, 0x80, 0x3D),
)
WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.45)


def _style(run, size: float, bold: bool = False, color: RGBColor = INK) -> None:
    run.font.size, run.font.bold = Pt(size), bold
    run.font.color.rgb = color
    run.font.name = FONT
    rpr = run._r.get_or_add_rPr()
    rpr.append(rpr.makeelement(qn("a:ea"), {"typeface": FONT}))  # Chinese text takes the ea typeface, not latin


def _text(slide, left, top, width, height, lines: list[tuple[str, float, bool, RGBColor]]):
    frame = slide.shapes.add_textbox(left, top, width, height).text_frame
    frame.word_wrap = True
    for i, (text, size, bold, color) in enumerate(lines):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        _style(paragraph.add_run(), size, bold, color)
        paragraph.runs[-1].text = text
    return frame


def _slide(deck, title: str, footer: str, badge: str = ""):
    slide = deck.slides.add_slide(deck.slide_layouts[6])  # blank
    _text(slide, MARGIN, Inches(0.25), WIDTH - 2 * MARGIN, Inches(0.7), [(title, 28, True, INK)])
    if badge:  # 演示数据, on every slide that shows figures
        box = slide.shapes.add_textbox(WIDTH - MARGIN - Inches(1.6), Inches(0.3), Inches(1.6), Inches(0.45))
        box.fill.solid()
        box.fill.fore_color.rgb = RGBColor(0xFE, 0xF3, 0xC7)
        box.line.color.rgb = RGBColor(0xF5, 0x9E, 0x0B)
        paragraph = box.text_frame.paragraphs[0]
        paragraph.alignment = PP_ALIGN.CENTER
        _style(paragraph.add_run(), 16, True, RGBColor(0x92, 0x40, 0x0E))
        paragraph.runs[-1].text = badge
    _text(slide, MARGIN, HEIGHT - Inches(0.45), WIDTH - 2 * MARGIN, Inches(0.35), [(footer, 10, False, MUTED)])
    return slide


def _kpi_strip(slide, kpis: list[Tile], top) -> None:
    width = (WIDTH - 2 * MARGIN) / len(kpis)
    for i, k in enumerate(kpis):
        lines = [(k.label, 12, False, MUTED), (f"{k.value} {k.unit}", 22, True, INK)]
        if k.target:
            lines.append((k.target, 9, False, MET if "已达到" in k.target else GAP))
        _text(slide, MARGIN + Emu(int(width * i)), top, Emu(int(width)), Inches(1.15), lines)


def _table(slide, table: Table, left, top, width, size: float = 12) -> None:
    rows, cols = len(table.rows) + 1, len(table.columns)
    row_height = Pt(size * 1.75)
    shape = slide.shapes.add_table(rows, cols, left, top, width, Emu(int(row_height * rows)))
    grid = shape.table
    for r, values in enumerate([table.columns, *table.rows]):
        grid.rows[r].height = Emu(int(row_height))
        for c, value in enumerate(values):
            cell = grid.cell(r, c)
            cell.margin_top = cell.margin_bottom = Pt(1)
            paragraph = cell.text_frame.paragraphs[0]
            run = paragraph.add_run()
            run.text = value
            _style(run, size, bold=r == 0, color=RGBColor(0xFF, 0xFF, 0xFF) if r == 0 else INK)


def _table_slide(deck, footer: str, tables: list[Table], badge: str) -> None:
    slide = _slide(deck, tables[0].title if len(tables) == 1 else "优质企业排名", footer, badge)
    width = (WIDTH - 2 * MARGIN - Inches(0.3) * (len(tables) - 1)) / len(tables)
    for i, table in enumerate(tables):
        left = MARGIN + Emu(int((width + Inches(0.3)) * i))
        if len(tables) > 1:
            _text(slide, left, Inches(0.95), Emu(int(width)), Inches(0.4), [(table.title, 15, True, INK)])
        size = 12 if len(table.rows) <= 12 else 10
        _table(slide, table, left, Inches(1.4), Emu(int(width)), size)
        if table.note:
            _text(slide, left, HEIGHT - Inches(0.85), Emu(int(width)), Inches(0.35), [(table.note, 10, False, MUTED)])


def write(briefing: Briefing, today: date | None = None) -> bytes:
    """The .pptx bytes of ``briefing``."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = WIDTH, HEIGHT
    footer = f"{briefing.subtitle} · 生成于 {(today or date.today()):%Y-%m-%d}"
    cover = deck.slides.add_slide(deck.slide_layouts[6])
    _text(
        cover,
        MARGIN,
        Inches(2.4),
        WIDTH - 2 * MARGIN,
        Inches(2.5),
        [
            (briefing.title, 40, True, INK),
            (briefing.subtitle, 20, False, MUTED),
            *((note, 14, False, GAP if "演示数据" in note else MUTED) for note in briefing.notes),
        ],
    )

    badge = "演示数据" if briefing.demo else ""
    overview = _slide(deck, briefing.map_title, footer, badge)
    _kpi_strip(overview, briefing.kpis, Inches(0.95))
    picture_height = HEIGHT - Inches(2.1) - Inches(0.5)
    picture_width = Emu(int(picture_height * 16 / 9))
    overview.shapes.add_picture(
        io.BytesIO(briefing.map_png), (WIDTH - picture_width) // 2, Inches(2.1), picture_width, picture_height
    )

    tier, clusters, *honours = briefing.tables
    _table_slide(deck, footer, [tier], badge)
    _table_slide(deck, footer, [clusters], badge)
    _table_slide(deck, footer, honours, badge)
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()
