"""A reading page's view in its address: the sidebar's year, region and city and the page's own choices (metric,
county, cluster, chain, filters…) are written to the query string after every run, and read back into the widgets
when the address changed from outside — a reload, a bookmark, a pasted link, the browser's back button. A reload
therefore shows the same view, and a view can be sent to a colleague as its URL.

The rule that tells "from outside" apart: the session remembers what it last wrote for each page. A query string
equal to that is the page's own echo (the widgets already hold newer values: leave them); a different one was
typed, pasted or bookmarked (apply it, with the choices it leaves out back at their defaults); an empty one means
the page was opened from the menu (Streamlit dropped its widgets meanwhile: restore the last view of the session).

Values are checked against the page's options before they are applied; anything unknown falls back to the
default, so a hand-edited address never raises.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import Any

import streamlit as st

LAST = "url_state_last"  # session key: {page: {param: text}} as last written; SCOPE for year/region/city
SCOPE = "·scope"
SCOPE_KEYS = ("year", "region", "city")


@dataclass(frozen=True)
class Field:
    """One widget's value in the query string: session-state ``key`` ↔ parameter ``param``."""

    key: str
    param: str
    default: Any = None
    many: bool = False  # a list (comma-joined: no adcode, honour or cluster id holds a comma)
    kind: Callable[[str], Any] = str  # int or float for numbers

    def decode(self, text: str | None, choices: Collection | None) -> Any:
        """The value ``text`` names, or the default when it is missing, malformed or not among ``choices``."""
        if text is None or (text == "" and not self.many):
            return self.default
        try:
            items = [self.kind(part) for part in text.split(",") if part] if self.many else [self.kind(text)]
        except ValueError:
            return self.default
        if choices is not None:
            allowed = set(choices)
            items = [item for item in items if item in allowed]
        if self.many:
            return list(dict.fromkeys(items))  # (order kept, repeats dropped)
        return items[0] if items else self.default

    def encode(self, value: Any) -> str | None:
        """``value`` as text, or None (left out of the address) when it is the default or empty."""
        if value is None or value == self.default or (self.many and list(value) == list(self.default or [])):
            return None
        if self.many:
            return ",".join(str(v) for v in value)  # ("": none chosen, unlike a default of some)
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return str(value)


def _last() -> dict[str, dict[str, str]]:
    return st.session_state.setdefault(LAST, {})


def incoming_scope() -> dict[str, str] | None:
    """The address's year/region/city when they changed from outside (see the module's rule), else None."""
    incoming = {k: st.query_params[k] for k in SCOPE_KEYS if k in st.query_params}
    if not incoming or incoming == _last().get(SCOPE):
        return None
    return incoming


class View:
    """The query-string state of one page: ``take`` each field before its widget is drawn, ``publish`` after."""

    def __init__(self, page: str, fields: list[Field]):
        self.page, self.fields = page, {f.key: f for f in fields}
        mine = {f.param for f in fields}
        incoming = {k: v for k, v in st.query_params.to_dict().items() if k in mine}
        last = _last().get(page)
        if last is not None:
            last = {k: v for k, v in last.items() if k in mine}
        if last is not None and incoming == last:
            self.source = None  # our own echo: the widgets hold the newest values
        elif not incoming and last:
            self.source = last  # opened from the menu: the session's last view of this page
        else:
            self.source = incoming  # a reload, bookmark or pasted link (or the page's first run)
        self.taken: set[str] = set()  # (a fragment's rerun takes its fields again: the address applies once)

    def take(self, key: str, choices: Collection | None = None, default: Any = None) -> None:
        """Set widget ``key`` from the address when it changed from outside, else only give it its default.

        ``choices``: the values the widget offers now; ``default`` overrides the field's (e.g. data-dependent).
        """
        field = self.fields[key]
        if default is not None:
            field = Field(field.key, field.param, default, field.many, field.kind)
            self.fields[key] = field
        if self.source is not None and key not in self.taken:
            st.session_state[key] = field.decode(self.source.get(field.param), choices)
        elif key not in st.session_state or (choices is not None and not _valid(st.session_state[key], choices)):
            st.session_state[key] = field.default
        self.taken.add(key)

    def params(self) -> dict[str, str]:
        """The page's own parameters for the widgets' current values."""
        out = {}
        for field in self.fields.values():
            text = field.encode(st.session_state.get(field.key, field.default))
            if text is not None:
                out[field.param] = text
        return out

    def publish(self, scope, extra: Mapping[str, str] | None = None) -> None:
        """Write ``scope``'s year/region/city and the page's parameters (and ``extra``) to the address."""
        write(self.page, scope, self.params() | dict(extra or {}))

    def stop(self, scope) -> None:
        """``publish``, then end the run (``st.stop``)."""
        self.publish(scope)
        st.stop()


def _valid(value: Any, choices: Collection) -> bool:
    allowed = set(choices)
    if isinstance(value, list):
        return all(v in allowed for v in value)
    return value is None or value in allowed


def scope_params(scope) -> dict[str, str]:
    """``scope``'s year, region and city as query parameters (the sidebar's defaults left out)."""
    out = {"year": str(scope.year)}
    if scope.region:
        out["region"] = scope.region
    if scope.city:
        out["city"] = scope.city
    return out


def write(page: str, scope, params: Mapping[str, str]) -> None:
    """Put ``scope`` and ``params`` in the address (only when they differ from it) and remember them as the
    session's own, so the next run does not take them for a pasted link."""
    scope_part = scope_params(scope)
    wanted = scope_part | dict(params)
    last = _last()
    last[SCOPE] = scope_part
    last[page] = {k: v for k, v in params.items() if k not in SCOPE_KEYS}
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)
