"""User text inside Streamlit Markdown is shown as typed: no image, link or formula can be smuggled in."""

import re

from components import plain


def test_markdown_syntax_is_escaped():
    name = "![x](http://evil.example/x.png) *粗体* [链接](http://a) $x$ `代码` # 标题"
    escaped = plain.md(name)
    assert not re.search(r"(?<!\\)[!\[\]()*$`#]", escaped)  # every syntax character is escaped
    assert escaped.replace("\\", "") == name  # only backslashes added
