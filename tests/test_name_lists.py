"""Writing a published 名单 as decided (issue 21, item 5, data layer), on both backends: automatic and confirmed rows
become honours from the list's source, a row matching two firms is never written without a person's choice, the
earlier first year is kept, only the 省级管理员 writes, every refusal writes nothing."""

from __future__ import annotations

import pandas as pd
import pytest

import queries
from analysis import name_matching as nm
from records import access, name_lists
from records.name_lists import ListError

HONOUR = "专精特新中小企业"


@pytest.fixture()
def db(any_db):
    return any_db


def rows(con, sql: str) -> pd.DataFrame:
    return queries.postgres.run(con, sql, {}) if queries.is_postgres(con) else con.execute(sql).df()


def firms(con) -> pd.DataFrame:
    return rows(  # three 桐城 firms that do not hold the honour yet
        con,
        "select uscc, name, adcode from enterprises where adcode = '340881' and uscc not in "
        f"(select uscc from enterprise_honours where honour = '{HONOUR}') order by uscc limit 3",
    )


def decided(con, **changes) -> pd.DataFrame:
    f = firms(con)
    frame = pd.DataFrame(
        {
            "name": f.name,
            "adcode": f.adcode,
            "status": [nm.NAME, nm.NEAR, nm.NONE],
            "uscc_chosen": pd.Series([f.uscc[0], f.uscc[1], None], dtype=object),
            "by_person": [False, True, False],
        }
    )
    for column, values in changes.items():
        frame[column] = values
    return frame


def held(con, uscc: str) -> pd.DataFrame:
    return rows(con, f"select honour, year, source_id from enterprise_honours where uscc = '{uscc}'")


def counts(con) -> dict[str, int]:
    return {t: len(rows(con, f"select * from {t}")) for t in ("enterprise_honours", "audit_log", "sources")}


def test_decided_rows_become_honours_and_choices_are_audited(db):
    f = firms(db)
    written = name_lists.write(db, "admin", "2025年度专精特新中小企业名单", HONOUR, 2025, decided(db))
    assert written == 2
    for uscc in f.uscc[:2]:
        mine = held(db, uscc).set_index("honour")
        assert mine.loc[HONOUR, "year"] == 2025 and mine.loc[HONOUR, "source_id"].startswith("list-")
    assert HONOUR not in set(held(db, f.uscc[2]).honour)  # the 未匹配 row is left out
    source = queries.run(db, "source", source_id=held(db, f.uscc[0]).set_index("honour").loc[HONOUR, "source_id"])
    assert (source.kind.iloc[0], source.title.iloc[0]) == ("公开报道", "2025年度专精特新中小企业名单")
    events = queries.run(db, "audit_events", limit=5)
    assert events.action.tolist()[:2] == ["导入名单", "名单匹配·人工确认"]
    assert "写入 2 行，未写入 1 行" in events.detail[0]


def test_the_earlier_first_year_is_kept(db):
    f = firms(db)
    name_lists.write(db, "admin", "甲名单", HONOUR, 2021, decided(db))
    name_lists.write(db, "admin", "乙名单", HONOUR, 2024, decided(db))
    assert held(db, f.uscc[0]).set_index("honour").loc[HONOUR, "year"] == 2021  # not moved to 2024


def test_refusals_write_nothing(db):
    before = counts(db)
    ambiguous = decided(db, status=[nm.NAME, nm.AMBIGUOUS, nm.NONE], by_person=[False, False, False])
    with pytest.raises(ListError, match="匹配到多家企业"):
        name_lists.write(db, "admin", "名单", HONOUR, 2025, ambiguous)
    with pytest.raises(access.PermissionDenied, match="无权导入名单"):
        name_lists.write(db, "prov", "名单", HONOUR, 2025, decided(db))
    with pytest.raises(ListError, match="未知的荣誉"):
        name_lists.write(db, "admin", "名单", "不存在的荣誉", 2025, decided(db))
    unknown = decided(db, uscc_chosen=pd.Series(["91340881XXXXXXXXX0", None, None], dtype=object))
    with pytest.raises(ListError, match="名录中没有"):
        name_lists.write(db, "admin", "名单", HONOUR, 2025, unknown)
    with pytest.raises(ListError, match="名单名称"):
        name_lists.write(db, "admin", " ", HONOUR, 2025, decided(db))
    assert counts(db) == before
