"""Matching a published 名单 (name, county, honour, year; 统一社会信用代码 optional) to the enterprises of the 名录
(issue 21, item 5), pure: each row is matched by, in turn,

1. its 统一社会信用代码, exactly (case and spaces aside) — 代码;
2. its name, exactly after normalisation (full-width forms folded, spaces and brackets unified), in its county if
   given, else in the province when only one firm has that name — 名称;
3. a close name in its county: the firms whose normalised names are most alike (``difflib`` ratio ≥ ``CLOSE``), one
   clearly best (ahead of the next by ``MARGIN``) — 相近 — or several close together — 多个候选;

and otherwise 未匹配. Only 代码 and 名称 rows may be written without a person's choice; 相近 ones are proposed, and
多个候选 / 未匹配 rows wait for a decision (a row matching two firms is never written by itself).
"""

from __future__ import annotations

import difflib
import re
import unicodedata

import numpy as np
import pandas as pd

CLOSE = 0.85  # a close name: at least this alike
FLOOR = 0.5  # names less alike than this are not even offered to a person as candidates
_INDEXED, _SHARED = 500, 0.3  # pools larger than this are first narrowed by shared character pairs
MARGIN = 0.05  # the best candidate must lead the next by this much to be proposed alone
CODE, NAME, NEAR, AMBIGUOUS, NONE = "代码", "名称", "相近", "多个候选", "未匹配"
AUTOMATIC = (CODE, NAME)
_SPACES = re.compile(r"\s+")


def normalise(name: str) -> str:
    """A name as matching compares it: NFKC (full-width letters, digits and brackets folded), no spaces, brackets
    as （）."""
    text = unicodedata.normalize("NFKC", str(name))
    return _SPACES.sub("", text).replace("(", "（").replace(")", "）")


def match(rows: pd.DataFrame, firms: pd.DataFrame, limit: int = 3) -> pd.DataFrame:
    """``rows`` (name, adcode or None, uscc or None, …) with status (CODE/NAME/NEAR/AMBIGUOUS/NONE), uscc_matched
    (the firm for CODE/NAME/NEAR, else None), score (name likeness, 1.0 for exact) and candidates (up to ``limit``
    (uscc, name, score) of the row's county, best first, for a person to choose from). ``firms``: uscc, name,
    adcode."""
    firms = firms.reset_index(drop=True).assign(
        key=firms.name.map(normalise).to_numpy(), code=firms.uscc.str.upper().to_numpy()
    )
    by_code = dict(zip(firms.code, firms.uscc))
    index: dict[str, list[int]] = {}  # character pair → positions of the firms whose names hold it
    for position, key in enumerate(firms.key):
        for pair in _pairs(key):
            index.setdefault(pair, []).append(position)
    out = []
    for row in rows.itertuples(index=False):
        code = _SPACES.sub("", str(row.uscc)).upper() if isinstance(getattr(row, "uscc", None), str) else ""
        if code and code in by_code:
            out.append((CODE, by_code[code], 1.0, []))
            continue
        key = normalise(row.name)
        county = getattr(row, "adcode", None)
        pool = firms[firms.adcode == county] if isinstance(county, str) else firms
        same = pool[pool.key == key]
        if len(same) == 1:
            out.append((NAME, same.uscc.iloc[0], 1.0, []))
            continue
        scored = _likeness(key, pool, index if pool is firms else {})
        close = [(u, n, round(s, 3)) for s, u, n in scored if s >= CLOSE][:limit]
        if len(same) > 1:  # two firms of that very name: a person decides
            out.append((AMBIGUOUS, None, 1.0, [(u, n, 1.0) for u, n in zip(same.uscc, same.name)][:limit]))
        elif len(close) == 1 or (len(close) > 1 and close[0][2] - close[1][2] >= MARGIN):
            out.append((NEAR, close[0][0], close[0][2], close))
        elif close:
            out.append((AMBIGUOUS, None, close[0][2], close))
        else:
            best = [(u, n, round(s, 3)) for s, u, n in scored[:limit]]
            out.append((NONE, None, best[0][2] if best else 0.0, best))
    status, uscc, score, candidates = zip(*out) if out else ((), (), (), ())
    out = rows.reset_index(drop=True)
    return out.assign(
        status=list(status),
        uscc_matched=pd.Series(list(uscc), dtype=object, index=out.index),  # (None stays None: no firm)
        score=list(score),
        candidates=pd.Series(list(candidates), dtype=object, index=out.index),
    )


def _likeness(key: str, pool: pd.DataFrame, index: dict[str, list[int]]) -> list[tuple[float, str, str]]:
    """(likeness, uscc, name) of the firms of ``pool`` at least ``FLOOR`` alike to ``key``, best first. The cheap
    upper bounds of difflib (``real_quick_ratio``, ``quick_ratio``) skip most firms before the exact ratio, and
    ``key`` is difflib's cached second sequence. Against a pool of more than ``_INDEXED`` firms (a row without its
    county), only firms sharing ``_SHARED`` of the name's character pairs are compared at all (a name ``CLOSE``
    alike shares far more): a row against the whole province (6,000+ firms) then takes a few ms."""
    if (
        index and len(pool) > _INDEXED
    ):  # a province-wide pool: only firms sharing a good part of the name's character pairs
        pairs = _pairs(key)
        shared = np.zeros(len(pool), dtype=int)
        for pair in pairs:
            shared[index.get(pair, [])] += 1
        pool = pool[shared >= _SHARED * len(pairs)]
    matcher = difflib.SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(key)
    out = []
    for uscc, name, other in zip(pool.uscc, pool.name, pool.key):
        matcher.set_seq1(other)
        if matcher.real_quick_ratio() >= FLOOR and matcher.quick_ratio() >= FLOOR:
            out.append((matcher.ratio(), uscc, name))
    return sorted(out, reverse=True)


def _pairs(text: str) -> set[str]:
    """The character pairs (bigrams) of ``text``."""
    return {text[i : i + 2] for i in range(len(text) - 1)} or {text}
