"""The 赛马评价 configuration in force: the latest version the province saved, else ``config/evaluation.toml``.
Saving is a 省级管理员's action, checked in the data layer and audited; every version is kept."""

from __future__ import annotations

import json
from datetime import datetime

import queries
from analysis import evaluation as ev
from records import Refused, access, audit


def current(con) -> ev.Config:
    saved = queries.run(con, "evaluation_config_latest")
    if saved.empty:
        return ev.load_default()
    return ev.parse(json.loads(saved.body.iloc[0]))


class ConfigError(Refused, ValueError):
    """A configuration that cannot be saved (negative weights, unknown method …), in Chinese."""


def save(con, username: str, config: ev.Config) -> ev.Config:
    """Store ``config`` as the next version (weights and rules as given); returns it with its version number."""
    access.require(con, username, "configure_evaluation")
    try:
        ev.check(config)
    except ValueError as wrong:
        raise ConfigError(str(wrong)) from None
    with queries.transaction(con):
        version = current(con).version + 1
        saved = ev.Config(**{**vars(config), "version": version})
        queries.run(con, "evaluation_config_insert", version=version, saved_at=datetime.now(), saved_by=username,
                    body=json.dumps(saved.to_dict(), ensure_ascii=False))
        audit.record(con, username, "修改评价配置", detail=f"第 {version} 版")
    return saved
