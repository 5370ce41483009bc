"""The 产业链全景网络图's layout on a hand-built chain (positions, sizes, 链主, edges between stages), and the network
view of 循链招商 as a visitor opens it from its address."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from analysis import chain_network, chains


def covered() -> pd.DataFrame:
    rows = [  # link_id, stage, name, position, local, province
        ("U1", "上游", "原料", 1, 9, 20),
        ("U2", "上游", "助剂", 2, 0, 5),
        ("M1", "中游", "加工", 1, 4, 30),
        ("D1", "下游", "应用一", 1, 1, 10),
        ("D2", "下游", "应用二", 2, 0, 0),
        ("D3", "下游", "应用三", 3, 2, 8),
    ]
    frame = pd.DataFrame(rows, columns=["link_id", "stage", "name", "position", "local", "province"])
    frame["local_honoured"] = 0
    frame["local_total"] = frame.local.sum()
    frame["province_total"] = frame.province.sum()
    return chains.coverage(frame)


def test_layout_by_hand():
    leaders = pd.DataFrame({"link_id": ["M1"], "leaders": [2], "leader_names": ["甲公司、乙公司"]})
    nodes = chain_network.layout(covered(), leaders)
    assert nodes.link_id.tolist() == ["U1", "U2", "M1", "D1", "D2", "D3"]
    assert nodes.x.tolist() == [0, 0, 1, 2, 2, 2]
    assert nodes.y.tolist() == [1.0, 0.0, 0.5, 1.0, 0.5, 0.0]  # top to bottom in chain order; a lone link centred
    assert nodes["size"].tolist() == pytest.approx(
        [48, 14, 14 + 34 * (4 / 9) ** 0.5, 14 + 34 / 3, 14, 14 + 34 * (2 / 9) ** 0.5]
    )
    assert nodes.leaders.tolist() == [0, 0, 2, 0, 0, 0] and nodes.leader_names[2] == "甲公司、乙公司"
    assert set(nodes.status) == {chains.PRESENT, chains.MISSING, chains.WEAK, chains.ABSENT_IN_PROVINCE}
    edges = chain_network.edges(nodes)
    assert len(edges) == 2 * 1 + 1 * 3 and (0, 2) in edges and (2, 5) in edges and (0, 3) not in edges


def test_the_network_view_from_its_address(app_store, monkeypatch):
    from harness.apptest import page_app

    at = page_app("pages/chains.py", monkeypatch)
    for key, value in {"view": "全景网络图", "adcode": "340881", "industry": "绿色包装"}.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception
    (chart,) = at.get("plotly_chart")
    figure = json.loads(chart.proto.spec)
    names = [t.get("name") for t in figure["data"] if t.get("name")]
    assert names and all("（" in n for n in names)  # one trace per status, with its count
    assert figure["layout"]["title"]["text"] == "桐城市 · 绿色包装产业链全景网络图（2025年）"
    assert not any("trace" in str(t.get("name")) for t in figure["data"])
