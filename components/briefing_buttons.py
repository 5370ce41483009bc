"""The export buttons of a map: the map as PNG and the 汇报材料 as .pptx and .pdf, built only when clicked."""

from __future__ import annotations

import streamlit as st

import store
from exports import briefing, fonts, pdf_file, pptx_file

PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


def render(selection: briefing.Selection, key: str) -> None:
    """Three buttons in a row; a missing Chinese font is reported instead (the files would show boxes)."""
    try:
        fonts.find()
        fonts.find(fonts.MICRO_HEI)
    except fonts.FontMissing as missing:
        st.warning(str(missing), icon=":material/font_download_off:")
        return
    name = f"{selection.name}_{selection.year}年"
    # built in the download request, outside the script run: uncached reads (store.fresh), a cursor of their own
    columns = st.columns(3)
    columns[0].download_button(
        "下载地图（PNG）", lambda: briefing.map_image(store.fresh, selection), file_name=f"地图_{name}_{selection.metric}.png",
        mime="image/png", key=f"{key}_png", on_click="ignore", icon=":material/image:", width="stretch")
    columns[1].download_button(
        "汇报材料（PPT）", lambda: pptx_file.write(briefing.build(store.fresh, selection)), file_name=f"汇报材料_{name}.pptx",
        mime=PPTX_MIME, key=f"{key}_pptx", on_click="ignore", icon=":material/slideshow:", width="stretch")
    columns[2].download_button(
        "汇报材料（PDF）", lambda: pdf_file.write(briefing.build(store.fresh, selection)), file_name=f"汇报材料_{name}.pdf",
        mime="application/pdf", key=f"{key}_pdf", on_click="ignore", icon=":material/picture_as_pdf:",
        width="stretch")
