"""The 汇报模式 deck: the saved views ("slides") a meeting steps through. The latest version the province saved,
else ``config/deck.toml``. Saving is a province role's action, checked here and audited; every version is kept."""

from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass

import queries
import settings
from analysis.scope import Scope
from geo.choropleth import METRICS
from records import Refused, access, versions

DEFAULT = settings.ROOT / "config" / "deck.toml"
KINDS = ("地图", "产业链")
REGIONS = ("皖北", "皖中", "皖南")
MAX_SLIDES = 30


@dataclass(frozen=True)
class Slide:
    title: str
    kind: str = "地图"
    metric: str = "集群营收合计"  # a key of geo.choropleth.METRICS (地图)
    region: str | None = None
    city: str | None = None  # city adcode
    industry: str | None = None  # the chain's industry (产业链)
    year: int = 0  # 0: the latest year with data

    def scope(self, year: int, city_name: str | None = None) -> Scope:
        """The part of the province the slide shows, in ``year`` (the slide's own, or the latest when it has none)."""
        return Scope(year, self.region, self.city, city_name)


class DeckError(Refused, ValueError):
    """A slide that cannot be shown; the message (in Chinese) names the slide and the field."""


def _slide(raw: dict) -> Slide:
    known = {k: raw[k] for k in Slide.__dataclass_fields__ if k in raw and raw[k] not in ("", None)}
    return Slide(**known)


def check(slides: list[Slide], cities: set[str], industries: set[str]) -> None:
    """Raise ``DeckError`` for the first slide that names something unknown (checked before saving)."""
    if not slides:
        raise DeckError("汇报页不能为空：至少保留一页。")
    if len(slides) > MAX_SLIDES:
        raise DeckError(f"汇报页最多 {MAX_SLIDES} 页，现有 {len(slides)} 页。")
    for n, s in enumerate(slides, start=1):
        where = f"第 {n} 页（{s.title or '无标题'}）"
        if not s.title.strip():
            raise DeckError(f"{where}：标题不能为空。")
        if s.kind not in KINDS:
            raise DeckError(f"{where}：类型应为{'或'.join(KINDS)}，收到“{s.kind}”。")
        if s.kind == "地图" and s.metric not in METRICS:
            raise DeckError(f"{where}：地图指标“{s.metric}”不存在，可选：{'、'.join(METRICS)}。")
        if s.kind == "产业链" and s.industry not in industries:
            raise DeckError(f"{where}：产业链“{s.industry or ''}”不存在。")
        if s.region is not None and s.region not in REGIONS:
            raise DeckError(f"{where}：区域应为皖北、皖中或皖南，收到“{s.region}”。")
        if s.city is not None and s.city not in cities:
            raise DeckError(f"{where}：城市代码“{s.city}”不是安徽省的地级市。")
        if s.year < 0:
            raise DeckError(f"{where}：年份应为 0（最新）或具体年份，收到 {s.year}。")


def load_default() -> list[Slide]:
    return [_slide(raw) for raw in tomllib.loads(DEFAULT.read_text(encoding="utf-8"))["slides"]]


def current(con) -> tuple[int, list[Slide]]:
    """The deck in force and its version (1 for the file)."""
    saved = versions.latest(con, versions.DECK)
    if saved is None:
        return 1, load_default()
    return saved[0], [_slide(raw) for raw in saved[1]]


def save(con, username: str, slides: list[Slide]) -> int:
    """Store ``slides`` as the next version of the deck; returns the version number.

    Raises ``access.PermissionDenied`` outside the province roles and ``DeckError`` for an unknown metric, chain,
    region or city.
    """
    access.require(con, username, "edit_deck")
    cities = set(queries.run(con, "cities").adcode)
    industries = queries.run(con, "industries")
    industries = set(industries[industries.chain_id.notna()].industry)
    check(slides, cities, industries)
    return versions.save(
        con,
        username,
        versions.DECK,
        body=lambda _: [asdict(s) for s in slides],
        detail=lambda v: f"第 {v} 版，{len(slides)} 页",
    )
