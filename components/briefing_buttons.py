"""The export buttons of a map: the map as PNG and the 汇报材料 as .pptx and .pdf, built only when clicked."""

from __future__ import annotations

import streamlit as st

import store
from exports import briefing, fonts, offload, pdf_file, pptx_file
from geo import static_map

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
    # built in the download request, outside the script run: uncached reads (store.fresh) in the server, the image
    # and the files drawn in a worker process (exports.offload) so other users' pages keep running meanwhile
    render = offload.offloaded(static_map.render_png, "地图图片")

    def png() -> bytes:
        return briefing.map_image(store.fresh, selection, render)

    def pptx() -> bytes:
        return offload.call(pptx_file.write, briefing.build(store.fresh, selection, render), what="汇报材料（PPT）")

    def pdf() -> bytes:
        return offload.call(pdf_file.write, briefing.build(store.fresh, selection, render), what="汇报材料（PDF）")

    columns = st.columns(3)
    columns[0].download_button(
        "下载地图（PNG）",
        png,
        file_name=f"地图_{name}_{selection.metric}.png",
        mime="image/png",
        key=f"{key}_png",
        on_click="ignore",
        icon=":material/image:",
        width="stretch",
    )
    columns[1].download_button(
        "汇报材料（PPT）",
        pptx,
        file_name=f"汇报材料_{name}.pptx",
        mime=PPTX_MIME,
        key=f"{key}_pptx",
        on_click="ignore",
        icon=":material/slideshow:",
        width="stretch",
    )
    columns[2].download_button(
        "汇报材料（PDF）",
        pdf,
        file_name=f"汇报材料_{name}.pdf",
        mime="application/pdf",
        key=f"{key}_pdf",
        on_click="ignore",
        icon=":material/picture_as_pdf:",
        width="stretch",
    )
