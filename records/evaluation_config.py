"""The 赛马评价 configuration in force: the latest version the province saved, else ``config/evaluation.toml``.
Saving is a 省级管理员's action, checked in the data layer and audited; every version is kept."""

from __future__ import annotations

from analysis import evaluation as ev
from records import Refused, access, versions


def current(con) -> ev.Config:
    saved = versions.latest(con, versions.EVALUATION)
    return ev.parse(saved[1]) if saved else ev.load_default()


class ConfigError(Refused, ValueError):
    """A configuration that cannot be saved (negative weights, unknown method …), in Chinese."""


def save(con, username: str, config: ev.Config) -> ev.Config:
    """Store ``config`` as the next version (weights and rules as given); returns it with its version number."""
    access.require(con, username, "configure_evaluation")
    try:
        ev.check(config)
    except ValueError as wrong:
        raise ConfigError(str(wrong)) from None
    version = versions.save(
        con,
        username,
        versions.EVALUATION,
        body=lambda v: ev.Config(**{**vars(config), "version": v}).to_dict(),
        detail=lambda v: f"第 {v} 版",
    )
    return ev.Config(**{**vars(config), "version": version})
