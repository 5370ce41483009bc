"""Matching a published 名单 to the 名录 by hand (issue 21, item 5, first part): code, exact name, a close name in
the county, two candidates, none; a row matching two firms is never matched by itself."""

from __future__ import annotations

import pandas as pd

from analysis import name_matching as nm

FIRMS = pd.DataFrame(
    {
        "uscc": [
            "91340881AAAAAAAAA1",
            "91340881BBBBBBBBB2",
            "91340881CCCCCCCCC3",
            "91340281DDDDDDDDD4",
            "91340281EEEEEEEEE5",
            "91340281FFFFFFFFF6",
        ],
        "name": [
            "桐城市华宇包装有限公司",
            "桐城市华宇印务有限公司",
            "安徽（桐城）新材料科技有限公司",
            "无为县电缆厂",
            "无为电缆有限公司",
            "无为电缆有限公司",
        ],
        "adcode": ["340881", "340881", "340881", "340281", "340281", "340281"],
    }
)


def test_each_way_of_matching():
    rows = pd.DataFrame(
        {
            "name": [
                "随便写的名字",
                "安徽(桐城)新材料科技有限公司",
                "桐城市华宇包装有限责任公司",
                "桐城市华宇有限公司",
                "无为电缆有限公司",
                "完全无关的企业",
            ],
            "adcode": ["340881", "340881", "340881", "340881", "340281", "340881"],
            "uscc": ["91340881 aaaaaaaaa1", None, None, None, None, None],
        }
    )
    out = nm.match(rows, FIRMS)
    assert out.status.tolist() == [nm.CODE, nm.NAME, nm.NEAR, nm.AMBIGUOUS, nm.AMBIGUOUS, nm.NONE]
    assert out.uscc_matched.tolist()[:3] == ["91340881AAAAAAAAA1", "91340881CCCCCCCCC3", "91340881AAAAAAAAA1"]
    assert out.uscc_matched[3] is None and out.uscc_matched[4] is None  # never written without a person's choice
    assert {c[0] for c in out.candidates[3]} == {"91340881AAAAAAAAA1", "91340881BBBBBBBBB2"}
    assert [c[0] for c in out.candidates[4]] == ["91340281EEEEEEEEE5", "91340281FFFFFFFFF6"]  # the same name twice
    assert out.score[2] >= nm.CLOSE and out.score[5] < nm.CLOSE


def test_a_name_without_a_county_is_matched_province_wide_only_when_unique():
    rows = pd.DataFrame({"name": ["无为县电缆厂", "无为电缆有限公司"], "adcode": [None, None], "uscc": [None, None]})
    out = nm.match(rows, FIRMS)
    assert out.status.tolist() == [nm.NAME, nm.AMBIGUOUS]


def test_normalise_folds_widths_spaces_and_brackets():
    assert nm.normalise("安徽 (桐城)ＡＢＣ１２３ 有限公司") == "安徽（桐城）ABC123有限公司"


def test_the_demo_names_match_themselves(con):
    firms = con.execute("select uscc, name, adcode from enterprises where adcode in ('340881', '340281')").df()
    rows = firms.assign(uscc=None)[["name", "adcode", "uscc"]]
    rows.loc[0, "name"] = rows.loc[0, "name"].replace("有限公司", "有限责任公司")  # as lists often print it
    out = nm.match(rows, firms)
    exact = out.iloc[1:]
    assert (exact.status == nm.NAME).all() and (exact.uscc_matched.to_numpy() == firms.uscc.iloc[1:].to_numpy()).all()
    assert out.status[0] in (nm.NEAR, nm.AMBIGUOUS) and firms.uscc[0] in {c[0] for c in out.candidates[0]}


def test_the_province_wide_shortcut_finds_every_close_name(con):
    """Rows without a county are compared only with firms sharing part of their character pairs: on the demo 名录,
    every firm at least ``CLOSE`` alike by the full comparison is still found (and nothing else is)."""
    firms = con.execute("select uscc, name, adcode from enterprises order by uscc").df()
    assert len(firms) > nm._INDEXED
    sample = firms.sample(40, random_state=7)
    altered = sample.name.str.replace("有限公司", "有限责任公司").str.replace("安徽", "", n=1)
    out = nm.match(pd.DataFrame({"name": altered, "adcode": None, "uscc": None}), firms)
    keyed = firms.assign(key=firms.name.map(nm.normalise))
    for name, candidates in zip(altered, out.candidates):
        full = [(u, round(s, 3)) for s, u, _ in nm._likeness(nm.normalise(name), keyed, {}) if s >= nm.CLOSE]
        assert [(u, s) for u, _, s in candidates if s >= nm.CLOSE] == full[:3]
    assert (out.status != nm.NONE).all()
