"""Who may read the names of the 人才库 (personal data, issue 21, item 2): the roles that file, review and confirm it,
each in their own region — a 县级填报 their county's, a 市级审核 their city's, the 省级审核 and 省级管理员 the province's
(action 查看人才姓名). Everyone else, visitors and 浏览 accounts included, reads counts only (``talent_counts``).

The names are read here from the system of record for the acting user, checked in the data layer on every call; no
shared cache and no query of the reading pages holds them."""

from __future__ import annotations

import pandas as pd

import queries
from records import access

ACTION = "read_talent_names"


def named(con, username: str | None) -> pd.DataFrame:
    """The 人才库 rows with names that ``username`` may read (their region's); PermissionDenied for any other user."""
    user = access.require(con, username, ACTION)
    rows = queries.run(con, "talents_named")
    mine = [access.allowed(user, ACTION, a, c) for a, c in zip(rows.adcode, rows.city_adcode)]
    return rows[pd.Series(mine, index=rows.index, dtype=bool)].reset_index(drop=True)


def may_read(user: access.User | None) -> bool:
    """Whether ``user`` may read some names (for the page to offer the list; ``named`` checks again)."""
    return user is not None and access.allowed(user, ACTION)
