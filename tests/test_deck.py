"""The 汇报模式 deck: the file's deck, saving as a province role only, and slides that name unknown things."""

import pytest

import queries
from records import access, deck, versions

from .conftest import ANQING


@pytest.fixture()
def db(any_db):
    """Every test here that writes runs on the DuckDB file and on PostgreSQL."""
    return any_db


def test_the_default_deck_is_valid_and_in_force_until_a_save(db):
    version, slides = deck.current(db)
    assert version == 1 and slides == deck.load_default()
    industries = queries.run(db, "industries")
    deck.check(slides, set(queries.run(db, "cities").adcode), set(industries[industries.chain_id.notna()].industry))
    assert {s.kind for s in slides} == set(deck.KINDS)  # the file shows both kinds of slide


def test_a_province_reviewer_saves_a_new_version(db):
    slides = [
        deck.Slide("安庆市专精特新", metric="专精特新企业数", city=ANQING, year=2024),
        deck.Slide("电线电缆产业链", kind="产业链", industry="电线电缆"),
    ]
    assert deck.save(db, "prov", slides) == 2
    assert deck.current(db) == (2, slides)
    event = queries.run(db, "audit_events", limit=1).iloc[0]
    assert (event.username, event.action, event.detail) == ("prov", "修改汇报页", "第 2 版，2 页")


@pytest.mark.parametrize("username", ["aq", "tc", "view", "nobody"])
def test_other_roles_cannot_save(db, username):
    with pytest.raises(access.PermissionDenied):
        deck.save(db, username, [deck.Slide("全省")])
    assert deck.current(db)[0] == 1
    assert queries.run(db, "presentation_deck_latest").empty


@pytest.mark.parametrize(
    ("slide", "message"),
    [
        (deck.Slide("人口", metric="人口"), "第 2 页（人口）：地图指标“人口”不存在"),
        (deck.Slide("某链", kind="产业链", industry="不存在的链"), "第 2 页（某链）：产业链“不存在的链”不存在"),
        (deck.Slide("上海", city="310000"), "城市代码“310000”不是安徽省的地级市"),
        (deck.Slide("苏北", region="苏北"), "区域应为皖北、皖中或皖南"),
        (deck.Slide(" "), "标题不能为空"),
        (deck.Slide("表格", kind="表格"), "类型应为地图或产业链"),
    ],
)
def test_a_slide_naming_something_unknown_is_refused_with_its_number(db, slide, message):
    with pytest.raises(deck.DeckError, match=message):
        deck.save(db, "admin", [deck.Slide("全省"), slide])
    assert deck.current(db)[0] == 1


def test_an_empty_deck_is_refused(db):
    with pytest.raises(deck.DeckError, match="至少保留一页"):
        deck.save(db, "admin", [])


@pytest.mark.parametrize("document", [versions.DECK, versions.EVALUATION])
def test_versioned_documents_check_the_action_in_the_writer_itself(db, document):
    """records.versions.save checks the document's action itself (a caller that forgot to check writes nothing),
    numbers versions from the file's 1 and keeps every version."""
    with pytest.raises(access.PermissionDenied):
        versions.save(db, "view", document, body=lambda v: {"v": v}, detail=str)
    assert versions.latest(db, document) is None
    assert versions.save(db, "admin", document, body=lambda v: {"v": v}, detail=str) == 2
    assert versions.save(db, "admin", document, body=lambda v: {"v": v}, detail=str) == 3
    assert versions.latest(db, document) == (3, {"v": 3})
    assert queries.run(db, "audit_events", limit=2).action.tolist() == [document.event] * 2
