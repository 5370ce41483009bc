"""The part of the province a view covers in one year: the whole province, a region (皖北/皖中/皖南) or a city. The
sidebar's choice, a briefing's selection and a slide of the deck are each a ``Scope``."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

PROVINCE = "安徽省"


@dataclass(frozen=True)
class Scope:
    year: int
    region: str | None = None  # 皖北/皖中/皖南; None: not narrowed to a region
    city: str | None = None  # a city's adcode; None: not narrowed to a city
    city_name: str | None = None

    @property
    def name(self) -> str:
        """What the scope is called on screen: the city, the region or the province."""
        return self.city_name or self.region or PROVINCE

    @property
    def province(self) -> bool:
        return self.region is None and self.city is None

    def covers(self, counties: pd.DataFrame) -> pd.Series:
        """Which rows of ``counties`` (with ``region`` and ``city_adcode`` columns) lie in the scope."""
        inside = pd.Series(True, index=counties.index)
        if self.region:
            inside &= counties.region == self.region
        if self.city:
            inside &= counties.city_adcode == self.city
        return inside

    def within(self, counties: pd.DataFrame) -> pd.DataFrame:
        """The rows of ``counties`` in the scope."""
        return counties[self.covers(counties)]
