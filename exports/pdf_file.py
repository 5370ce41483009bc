"""The briefing as a PDF (A4 landscape): the map with the KPI strip, then the tier table, clusters and honour ranking.

Written with fpdf2, embedding a subset of WenQuanYi Micro Hei (TrueType outlines: see ``fonts``), so the text is
real text that viewers display, search and copy.
"""

from __future__ import annotations

import io
from datetime import date

from fpdf import FPDF
from fpdf.fonts import FontFace

from exports import fonts
from exports.briefing import Briefing, Table, Tile

FAMILY = "cjk"
INK, MUTED, GAP, MET, HEAD = (17, 24, 39), (75, 85, 99), (185, 28, 28), (21, 128, 61), (229, 231, 235)
PAGE_W, MARGIN = 297, 12  # mm


class _Document(FPDF):
    footer_text = ""
    badge = ""  # 演示数据, at the top right of every page

    def header(self):
        if self.badge:
            self.set_font(FAMILY, size=10)
            self.set_fill_color(254, 243, 199)
            self.set_draw_color(245, 158, 11)
            self.set_text_color(146, 64, 14)
            self.set_xy(PAGE_W - MARGIN - 24, 5)
            self.cell(24, 6, self.badge, border=1, fill=True, align="C")
            self.set_xy(MARGIN, MARGIN)

    def footer(self):
        self.set_y(-10)
        self.set_font(FAMILY, size=8)
        self.set_text_color(*MUTED)
        self.cell(0, 5, f"{self.footer_text}　第 {self.page_no()} 页", align="L")


def _heading(pdf: FPDF, text: str, size: float = 18) -> None:
    pdf.set_font(FAMILY, size=size)
    pdf.set_text_color(*INK)
    pdf.cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1.5)


def _kpi_strip(pdf: FPDF, kpis: list[Tile]) -> None:
    width = (PAGE_W - 2 * MARGIN) / len(kpis)
    top = pdf.get_y()
    for i, k in enumerate(kpis):
        x = MARGIN + i * width
        pdf.set_xy(x, top)
        pdf.set_font(FAMILY, size=9)
        pdf.set_text_color(*MUTED)
        pdf.cell(width, 4.5, k.label)
        pdf.set_xy(x, top + 4.5)
        pdf.set_font(FAMILY, size=15)
        pdf.set_text_color(*INK)
        pdf.cell(width, 7, f"{k.value} {k.unit}")
        if k.target:
            pdf.set_xy(x, top + 11.5)
            pdf.set_font(FAMILY, size=7)
            pdf.set_text_color(*(MET if "已达到" in k.target else GAP))
            pdf.multi_cell(width - 1.5, 3, k.target)
    pdf.set_xy(MARGIN, top + 19)


def _widths(table: Table) -> tuple[int, ...]:
    """Column widths in proportion to each column's longest text (a Chinese character counts double)."""

    def width(text: str) -> int:
        return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)

    return tuple(max(4, *(width(row[i]) for row in [table.columns, *table.rows])) for i in range(len(table.columns)))


def _line(size: float) -> float:
    return size * 0.5  # mm per line of text at ``size`` points


def _place(pdf: FPDF, table: Table, size: float) -> None:
    """Start a new page unless the whole table (heading and note included) fits below what is on this one."""
    height = 14 + (len(table.rows) + 1) * (_line(size) + 1.6)
    if pdf.get_y() + height > 210 - 14:
        pdf.add_page()


def _table(pdf: FPDF, table: Table, size: float = 10) -> None:
    _heading(pdf, table.title, 13)
    pdf.set_font(FAMILY, size=size)
    pdf.set_text_color(*INK)
    head = FontFace(family=FAMILY, emphasis="", fill_color=HEAD, color=INK)
    with pdf.table(
        line_height=_line(size),
        text_align="LEFT",
        headings_style=head,
        padding=(0.8, 1.2),
        borders_layout="HORIZONTAL_LINES",
        col_widths=_widths(table),
    ) as grid:
        for values in [table.columns, *table.rows]:
            row = grid.row()
            for value in values:
                row.cell(value)
    if table.note:
        pdf.set_font(FAMILY, size=8)
        pdf.set_text_color(*MUTED)
        pdf.ln(1)
        pdf.multi_cell(0, 4, table.note, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)


def write(briefing: Briefing, today: date | None = None) -> bytes:
    """The .pdf bytes of ``briefing``. Raises ``fonts.FontMissing`` without the Chinese font."""
    font = fonts.find(fonts.MICRO_HEI)
    pdf = _Document(orientation="L", format="A4")
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(True, margin=14)
    pdf.add_font(FAMILY, "", str(font.path), collection_font_number=font.index)
    pdf.set_title(briefing.title)
    pdf.set_creator("安徽省县域产业集群地图")
    pdf.badge = "演示数据" if briefing.demo else ""
    pdf.footer_text = f"{briefing.subtitle} · 生成于 {(today or date.today()):%Y-%m-%d}"

    pdf.add_page()
    _heading(pdf, f"{briefing.title}（{briefing.subtitle}）", 18)
    for note in briefing.notes:
        pdf.set_font(FAMILY, size=9)
        pdf.set_text_color(*(GAP if "演示数据" in note else MUTED))
        pdf.cell(0, 4.5, note, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    _kpi_strip(pdf, briefing.kpis)
    image_h = 210 - pdf.get_y() - 16
    pdf.image(io.BytesIO(briefing.map_png), x=(PAGE_W - image_h * 16 / 9) / 2, h=image_h)

    pdf.add_page()
    for table in briefing.tables:
        _place(pdf, table, 9.5)
        _table(pdf, table, 9.5)
    return bytes(pdf.output())


def write_document(
    title: str, paragraphs: list[str], tables: list[Table], demo: bool, footer: str, today: date | None = None
) -> bytes:
    """A text document (A4 landscape): its title, paragraphs, then tables: a 公示 notice or a 认定名单."""
    font = fonts.find(fonts.MICRO_HEI)
    pdf = _Document(orientation="L", format="A4")
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(True, margin=14)
    pdf.add_font(FAMILY, "", str(font.path), collection_font_number=font.index)
    pdf.set_title(title)
    pdf.set_creator("安徽省县域产业集群地图")
    pdf.badge = "演示数据" if demo else ""
    pdf.footer_text = f"{footer} · 生成于 {(today or date.today()):%Y-%m-%d}"
    pdf.add_page()
    _heading(pdf, title, 17)
    pdf.set_font(FAMILY, size=11)
    pdf.set_text_color(*INK)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.5)
    pdf.ln(2)
    for table in tables:
        _table(pdf, table, 10)
    return bytes(pdf.output())
