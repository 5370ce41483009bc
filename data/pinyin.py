"""Pinyin initials of enterprise names, so that "wwdl" finds 无为…电缆…: each character's initial, from
pypinyin's character dictionary (its first reading). Common characters of names and places that are often read
otherwise (长 cháng/zhǎng, 重, 行, 涡阳 guō …, listed in ``OTHER_READINGS``) make a second variant with that
reading, and a search matches either. Only those: taking every character's rare second reading (有 wěi, 乙 jué)
would make short searches match almost anything.

Names are translated with ``str.translate`` over a table built once (about 0.7 s per million names)."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import duckdb
import pandas as pd

import queries


def _initial(reading: str) -> str | None:
    letter = unicodedata.normalize("NFKD", reading)[:1].lower()
    return letter if letter.isascii() and letter.isalpha() else None


# The other common reading's initial, where it differs from pypinyin's first reading.
OTHER_READINGS = {
    "长": "c",
    "重": "c",
    "行": "h",
    "乐": "y",
    "朝": "z",
    "单": "s",
    "藏": "z",
    "厦": "x",
    "曾": "z",
    "传": "z",
    "调": "t",
    "解": "x",
    "会": "k",
    "枞": "z",
    "涡": "g",
    "圩": "x",
    "都": "d",
    "和": "h",
}


@lru_cache(maxsize=1)
def tables() -> tuple[dict[int, str], dict[int, str]]:
    """Code point → initial: by each character's first reading, and with ``OTHER_READINGS`` applied."""
    from pypinyin.pinyin_dict import pinyin_dict

    first = {}
    for code, readings in pinyin_dict.items():
        initial = _initial(readings.split(",")[0])
        if initial:
            first[code] = initial
    second = first | {ord(c): i for c, i in OTHER_READINGS.items()}
    return first, second


def _keep_letters(text: str) -> str:
    return "".join(c for c in text.lower() if "a" <= c <= "z" or c.isdigit())


def initials(name: str) -> tuple[str, str | None]:
    """The name's initials and, if a character reads otherwise, the alternative (else None).

    >>> initials("无为华鑫电缆有限公司")
    ('wwhxdlyxgs', None)
    """
    first, second = tables()
    main = _keep_letters(name.translate(first))
    alt = _keep_letters(name.translate(second))
    return main, (alt if alt != main else None)


def is_initials_query(text: str) -> bool:
    """Whether a search text is to be read as pinyin initials: Latin letters only, 2 or more (so that the patterns
    below hold letters only: no character of a regular expression)."""
    return len(text) >= 2 and text.isascii() and text.isalpha()


MAX_RUNS = 3  # a query is found as at most three runs of initials …
MIN_RUN = 2  # … of two letters or more each: "wwdl" finds 无为华鑫电缆 (ww…dl), "tcs" only a contiguous "tcs"
RUNS_UP_TO = 16  # letters; a longer query is matched whole (contiguous) only
# Initials of the legal forms that end most names: "whole-name" matches may leave them out.
LEGAL_FORMS = ("yxgs", "yxzrgs", "gfyxgs", "jtyxgs", "jtgfyxgs", "jt", "gs", "c")


def runs_pattern(text: str) -> str:
    """The regular expression (RE2) that finds ``text``'s letters in the initials as up to ``MAX_RUNS`` runs of at
    least ``MIN_RUN`` letters, in order, with anything between: "wwdl" → "wwdl|ww.*dl". Single letters scattered
    over a long name ("t…c…s") do not match: that made "tcs" find 1,176 firms."""
    q = text.lower()

    def splits(rest: str, parts: int):
        if len(rest) >= MIN_RUN:
            yield [rest]
        if parts > 1:
            for cut in range(MIN_RUN, len(rest) - MIN_RUN + 1):
                for tail in splits(rest[cut:], parts - 1):
                    yield [rest[:cut], *tail]

    alternatives = [".*".join(runs) for runs in splits(q, MAX_RUNS if len(q) <= RUNS_UP_TO else 1)]
    return "|".join(alternatives) or q


def like_pattern(text: str) -> str:
    """A LIKE pattern every ``runs_pattern`` match also matches ("wwdl" → "%w%w%d%l%"): a cheap first filter
    before the regular expression (which then reads a few thousand names, not a million)."""
    return "%" + "%".join(text.lower()) + "%"


def whole_pattern(text: str) -> str:
    """The regular expression of a whole-name match: the name's initials are ``text``, give or take a leading 安徽
    ("ah") and a trailing legal form ("yxgs" …)."""
    return f"^(ah)?{text.lower()}({'|'.join(LEGAL_FORMS)})?$"


def backfill(con: duckdb.DuckDBPyConnection) -> int:
    """Fill in the initials of enterprises stored without them (rows written before migration 0005, or by a
    writer that left them out); returns how many were filled."""
    missing = queries.run(con, "enterprises_without_initials")
    if missing.empty:
        return 0
    pairs = [initials(n) for n in missing.name]
    filled = pd.DataFrame({"uscc": missing.uscc, "main": [p[0] for p in pairs], "alt": [p[1] for p in pairs]})
    with queries.frame(con, "filled_initials", filled):
        queries.run(con, "enterprise_initials_update")
    return len(filled)
