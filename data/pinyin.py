"""Pinyin initials of enterprise names, so that "wwdl" finds 无为…电缆…: each character's initial, from
pypinyin's character dictionary. A character with several readings (长 cháng/zhǎng, 重, 行 …) makes a second
variant with its other reading, and a search matches either.

Names are translated with ``str.translate`` over a table built once (about 0.7 s per million names)."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import duckdb
import pandas as pd


def _initial(reading: str) -> str | None:
    letter = unicodedata.normalize("NFKD", reading)[:1].lower()
    return letter if letter.isascii() and letter.isalpha() else None


@lru_cache(maxsize=1)
def tables() -> tuple[dict[int, str], dict[int, str]]:
    """Code point → initial: by each character's first reading, and by its second where that differs."""
    from pypinyin.pinyin_dict import pinyin_dict

    first, second = {}, {}
    for code, readings in pinyin_dict.items():
        initials = [i for i in (_initial(r) for r in readings.split(",")) if i]
        if initials:
            first[code] = initials[0]
            second[code] = next((i for i in initials[1:] if i != initials[0]), initials[0])
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
    """Whether a search text is to be read as pinyin initials: Latin letters only, 2 or more."""
    return len(text) >= 2 and text.isascii() and text.isalpha()


def like_pattern(text: str) -> str:
    """The LIKE pattern that finds the initials in order, with anything between: "wwdl" → "%w%w%d%l%"."""
    return "%" + "%".join(text.lower()) + "%"


def backfill(con: duckdb.DuckDBPyConnection) -> int:
    """Fill in the initials of enterprises stored without them (rows written before migration 0005, or by a
    writer that left them out); returns how many were filled."""
    missing = con.execute("select uscc, name from enterprises where name_initials is null").df()
    if missing.empty:
        return 0
    pairs = [initials(n) for n in missing.name]
    filled = pd.DataFrame({"uscc": missing.uscc, "main": [p[0] for p in pairs], "alt": [p[1] for p in pairs]})
    con.register("filled_initials", filled)
    con.execute("update enterprises set name_initials = f.main, name_initials_alt = f.alt "
                "from filled_initials as f where enterprises.uscc = f.uscc")
    con.unregister("filled_initials")
    return len(filled)
