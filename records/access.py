"""Who may do what, where: the five roles, the actions and their scopes, checked in the data layer.

Every function that writes (records: accounts, batches, backup, versions — the deck and the evaluation
configuration) starts with ``require``, which reads the acting user from the store, so a user disabled or changed
since logging in is refused at once; hiding a button in a page is never the check. ``allowed`` is the matrix
itself, a pure function.
"""

from __future__ import annotations

from dataclasses import dataclass

import logs
import queries
from records import Refused

PROVINCE_ADMIN = "省级管理员"
PROVINCE_REVIEWER = "省级审核"
CITY_REVIEWER = "市级审核"
COUNTY_FILER = "县级填报"
VIEWER = "浏览"
ROLES = (PROVINCE_ADMIN, PROVINCE_REVIEWER, CITY_REVIEWER, COUNTY_FILER, VIEWER)
SCOPED = {CITY_REVIEWER: "市", COUNTY_FILER: "区县"}  # roles bound to one region, and its level


@dataclass(frozen=True)
class Action:
    """Something a user may do: its key, its name in messages, the roles that may take it."""

    key: str
    name: str
    roles: frozenset[str]


ACTIONS = {
    action.key: action
    for action in (
        Action("read", "查看数据", frozenset(ROLES)),
        Action("export", "导出名单", frozenset(ROLES)),
        Action("submit", "上报数据", frozenset({COUNTY_FILER, PROVINCE_ADMIN})),
        Action("city_review", "市级审核", frozenset({CITY_REVIEWER})),
        Action("province_review", "省级确认", frozenset({PROVINCE_REVIEWER, PROVINCE_ADMIN})),
        Action("rollback", "回滚已确认数据", frozenset({PROVINCE_ADMIN})),
        Action("manage_users", "管理用户", frozenset({PROVINCE_ADMIN})),
        Action("backup", "导出或恢复全库", frozenset({PROVINCE_ADMIN})),
        Action("configure_evaluation", "修改评价指标与权重", frozenset({PROVINCE_ADMIN})),
        Action("edit_deck", "修改汇报页", frozenset({PROVINCE_ADMIN, PROVINCE_REVIEWER})),
        Action("manage_pool", "调整培育库", frozenset({PROVINCE_ADMIN})),
        Action("recommend", "推荐认定集群", frozenset({CITY_REVIEWER})),
        Action("run_recognition", "组织集群认定", frozenset({PROVINCE_ADMIN})),
        Action("score_recognition", "录入专家评审分", frozenset({PROVINCE_ADMIN, PROVINCE_REVIEWER})),
        Action("record_objection", "登记和处理公示异议", frozenset({PROVINCE_ADMIN, PROVINCE_REVIEWER})),
        Action("revoke", "撤销集群称号", frozenset({PROVINCE_ADMIN})),
        Action("set_province_figures", "录入全省统计指标", frozenset({PROVINCE_ADMIN})),
        Action("province_import", "全省导入", frozenset({PROVINCE_ADMIN})),
        Action("import_list", "导入名单", frozenset({PROVINCE_ADMIN})),
        # personal data (人才库 names): the roles that file, review and confirm it, each in their own region
        Action(
            "read_talent_names",
            "查看人才姓名",
            frozenset({PROVINCE_ADMIN, PROVINCE_REVIEWER, CITY_REVIEWER, COUNTY_FILER}),
        ),
    )
}

# The pages of logged-in users (by url path) and the actions that open them: navigation shows a user the pages whose
# action they may take somewhere, and each step on a page is checked again by the function that takes it.
PAGES = {
    "upload": ("submit",),
    "review": ("city_review", "province_review"),
    "progress": ("read",),
    "lists": ("import_list",),
    "admin": ("manage_users",),
}


class PermissionDenied(Refused):
    """An action outside the user's role or region; the message is in Chinese, for the page to show."""


@dataclass(frozen=True)
class User:
    username: str
    display_name: str
    role: str
    adcode: str | None = None  # the city of a 市级审核, the county of a 县级填报
    must_change_password: bool = False

    @property
    def label(self) -> str:
        return f"{self.display_name}（{self.role}）"

    @property
    def county(self) -> str | None:
        """The one county this user works for (a 县级填报), else None."""
        return self.adcode if SCOPED.get(self.role) == "区县" else None

    @property
    def city(self) -> str | None:
        """The one city this user works for (a 市级审核), else None."""
        return self.adcode if SCOPED.get(self.role) == "市" else None


def allowed(user: User, action: str, county: str | None = None, city_of_county: str | None = None) -> bool:
    """Whether ``user`` may take ``action`` for ``county`` (an adcode) whose city is ``city_of_county``; with
    ``county`` None, whether they may take it for some county (e.g. open the upload page)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}")
    if user.role not in ACTIONS[action].roles:
        return False
    if user.role == COUNTY_FILER:
        return county is None or county == user.adcode
    if user.role == CITY_REVIEWER:
        return county is None or city_of_county == user.adcode
    return True


def load(con, username: str) -> User | None:
    """The enabled user ``username`` as the store has it now, else None."""
    rows = queries.run(con, "user", username=username)
    if rows.empty or rows.disabled.iloc[0]:
        return None
    r = rows.iloc[0]
    return User(
        r.username,
        r.display_name,
        r.role,
        r.adcode if isinstance(r.adcode, str) else None,
        bool(r.must_change_password),
    )


def _refused(username: str | None, action: str, reason: str) -> PermissionDenied:
    """The refusal of ``action``, written to the log (who tried what, and why not; not for reading)."""
    if action != "read":
        logs.write(ACTIONS[action].name if action in ACTIONS else action, username, "拒绝", reason=reason)
    return PermissionDenied(reason)


def require(con, username: str | None, action: str, county: str | None = None) -> User:
    """The acting user if ``action`` (for ``county``) is within their role and region; else PermissionDenied.

    Reads the user from the store on every call: a disabled account, or one whose role changed, is refused at once.
    """
    user = load(con, username) if username else None
    if user is None:
        raise _refused(username, action, "未登录或账号已停用，请重新登录。")
    if user.must_change_password and action != "read":
        raise _refused(username, action, "请先修改初始密码。")
    city, where = None, ""
    if county is not None:
        found = queries.run(con, "region", adcode=county)
        if found.empty or found.level.iloc[0] != "区县":
            raise _refused(username, action, f"区县代码 {county} 不存在。")
        city, where = found.city_adcode.iloc[0], f"（{found.name.iloc[0]}）"
    if not allowed(user, action, county, city):
        raise _refused(username, action, f"{user.label}无权{ACTIONS[action].name}{where}。")
    return user


def may_open(user: User | None, page: str) -> bool:
    """Whether navigation shows ``user`` the staff page ``page`` (a key of ``PAGES``)."""
    return user is not None and any(allowed(user, action) for action in PAGES[page])
