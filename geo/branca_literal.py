"""Stop branca compiling already-rendered text as a jinja template.

When folium renders a map, every layer's finished JavaScript (with its GeoJSON inlined) is wrapped in a new
``branca.element.Element(text)``, whose constructor compiles ``text`` as a jinja template, only for ``render`` to
give the same text back. For a layer of 20,000 enterprises that is a megabyte lexed by jinja, about 0.5 s of
every page run; for the 104-county choropleth about 40 ms.

Text without jinja syntax renders to itself, so such an Element keeps its text and skips the compile. Text that
does contain ``{{``, ``{%`` or ``{#`` is compiled as before: the output is identical either way.
"""

from __future__ import annotations

import re

from branca.element import Element

_JINJA = re.compile(r"\{[{%#]")
_NEWLINE = re.compile(r"\r\n|\r")


def _as_jinja_renders(text: str) -> str:
    """What jinja's default environment makes of text without template syntax: newlines normalised to \\n and
    a single trailing newline dropped."""
    text = _NEWLINE.sub("\n", text)
    return text[:-1] if text.endswith("\n") else text


_init, _render = Element.__init__, Element.render


def _literal_init(self, template=None, template_name=None):
    if template is not None and not _JINJA.search(template):
        _init(self, None, template_name)
        self._template_str = template  # what branca pickles, and recompiles on unpickling
        self._literal = _as_jinja_renders(template)
    else:
        _init(self, template, template_name)


def _literal_render(self, **kwargs):
    literal = self.__dict__.get("_literal")
    return literal if literal is not None else _render(self, **kwargs)


def install() -> None:
    """Patch ``branca.element.Element`` once (idempotent)."""
    if Element.__init__ is not _literal_init:
        Element.__init__, Element.render = _literal_init, _literal_render


def uninstall() -> None:
    """Undo ``install`` (tests compare the output with and without the patch)."""
    Element.__init__, Element.render = _init, _render


install()
