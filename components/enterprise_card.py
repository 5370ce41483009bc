"""An enterprise's card: everything the store knows about it, escaped, with where each fact comes from."""

from __future__ import annotations

import html

import numpy as np
import pandas as pd

from analysis import formats


def card_html(card: pd.Series, year: int) -> str:
    """One row of ``enterprise_card`` as a definition table; honours first held after ``year`` are marked."""

    def esc(value) -> str:
        return (
            "—"
            if value is None or value is pd.NA or (isinstance(value, float) and value != value)
            else html.escape(str(value))
        )

    honours = list(card["honours"]) if isinstance(card["honours"], (list, np.ndarray)) else []
    held = "".join(
        f"<li>{esc(h['honour'])} <small>{h['year']}年起{'' if h['year'] <= year else '（所选年份之后）'}"
        f"{'' if h['source_kind'] == '示例生成' else ' · ' + esc(h['source_kind'])}</small></li>"
        for h in honours
    )
    in_cluster = isinstance(card["cluster"], str)
    cluster = esc(card["cluster"]) if in_cluster else "（不在已认定集群内）"
    if in_cluster and bool(card["is_leading"]):
        cluster += " <small>首位产业集群</small>"
    rows = [
        ("统一社会信用代码", esc(card["uscc"])),
        ("所在地", f"{esc(card['county'])} · {esc(card['city'])} · {esc(card['region'])}"),
        ("产业", esc(card["industry"])),
        (
            "产业链环节",
            f"{esc(card['chain'])}：{esc(card['stage'])} · {esc(card['link'])}"
            if isinstance(card["link"], str)
            else "—",
        ),
        ("所属集群", cluster + (f" <small>{esc(card['cluster_level'])}</small>" if in_cluster else "")),
        ("营业收入", formats.firm_revenue(card["revenue"])),
        ("规模以上", "是" if card["above_scale"] else "否"),
        ("荣誉", f"<ul>{held}</ul>" if held else "无"),
        ("位置（WGS-84）", f"{card['lon']:.5f}, {card['lat']:.5f}" if pd.notna(card["lon"]) else "—"),
        ("数据来源", f"{esc(card['source_kind'])}：{esc(card['source_title'])}"),
    ]
    body = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows)
    return (
        f'<div class="enterprise-card" data-uscc="{esc(card["uscc"])}"><h4>{esc(card["name"])}</h4>'
        f'<table class="plain-table">{body}</table></div>'
    )
