"""What an upload is checked against, read from the store for one user and year."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

import queries
from geo import boundaries
from records import access


@dataclass
class Context:
    """What validation compares an upload with: the store's vocabularies and the uploader's scope."""

    counties: pd.DataFrame  # adcode, name, city_adcode
    industries: list[str]
    links: pd.DataFrame  # link_id, industry, stage, name
    honours: list[str]
    allowed_counties: set[str] | None  # None: any county (a province role)
    clusters: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["adcode", "name", "cluster_id"]))
    last_year: pd.DataFrame = field(  # the confirmed revenue of last year, by county and cluster name
        default_factory=lambda: pd.DataFrame(columns=["adcode", "name", "revenue"])
    )
    enterprise_revenue: pd.Series = field(default_factory=lambda: pd.Series(dtype=float))  # by uscc
    province_wide: bool = False  # a 省级管理员's 全省导入: one file with many counties, split into one batch each
    titles: pd.DataFrame = field(  # clusters whose level the province decided (认定 or 撤销): adcode, name, pool_status
        default_factory=lambda: pd.DataFrame(columns=["adcode", "name", "pool_status"])
    )
    shapes: dict[str, object] = field(default_factory=dict)  # adcode → shapely geometry (WGS-84)


def build(con, user: access.User, year: int, province_wide: bool = False) -> Context:
    """The vocabularies, the user's counties (a 县级填报: their own; a province role: any), last year's confirmed
    cluster revenue, current enterprise revenue and the county outlines."""
    counties = queries.run(con, "counties")
    allowed = {user.county} if user.county else None
    shapes = boundaries.counties()
    return Context(
        counties=counties[["adcode", "name", "city_adcode"]],
        industries=queries.run(con, "industry_names").industry.tolist(),
        links=queries.run(con, "chain_link_names"),
        honours=queries.run(con, "honour_names").honour.tolist(),
        allowed_counties=allowed,
        clusters=queries.run(con, "cluster_names"),
        last_year=queries.run(con, "cluster_revenue_by_name", year=year - 1),
        enterprise_revenue=queries.run(con, "enterprise_revenues", adcodes=sorted(allowed) if allowed else None)
        .set_index("uscc")
        .revenue,
        shapes=dict(zip(shapes.adcode, shapes.geometry)),
        titles=queries.run(con, "cluster_titles"),
        province_wide=province_wide and allowed is None,
    )
