"""What an upload is checked against, read from the store for one user and year."""

from __future__ import annotations

import queries
from geo import boundaries
from records import access
from uploads.validate import Context


def build(con, user: access.User, year: int) -> Context:
    """The vocabularies, the user's counties (a 县级填报: their own; a province role: any), last year's confirmed
    cluster revenue, current enterprise revenue and the county outlines."""
    counties = queries.run(con, "counties")
    allowed = {user.adcode} if user.role == access.COUNTY_FILER else None
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
        .set_index("uscc").revenue,
        shapes=dict(zip(shapes.adcode, shapes.geometry)),
    )
