"""Text typed by users (names, file names, comments) inside Streamlit's Markdown: shown as the characters typed.

``st.markdown``, ``st.caption``, ``st.error`` and friends render Markdown, so ``![x](http://host/x.png)`` in a file
name would become an image fetched from another host. Streamlit already shows HTML tags as text; this escapes the
Markdown syntax too (and ``$``, which would start a formula).
"""

from __future__ import annotations

import re

_SYNTAX = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def md(text) -> str:
    """``text`` with every Markdown-significant character backslash-escaped."""
    return _SYNTAX.sub(r"\\\1", str(text))
