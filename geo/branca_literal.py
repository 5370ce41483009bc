"""Stop branca compiling already-rendered text as a jinja template.

When folium renders a map, every layer's finished JavaScript (with its GeoJSON inlined) is wrapped in a new
``branca.element.Element(text)``, whose constructor compiles ``text`` as a jinja template, only for ``render`` to
give the same text back. For a layer of 20,000 enterprises that is a megabyte lexed by jinja, about 0.5 s of
every page run; for the 104-county choropleth about 40 ms.

Text without jinja syntax renders to itself, so such an Element keeps its text and skips the compile. Text that
does contain ``{{``, ``{%`` or ``{#`` is compiled as before: the output is identical either way.

Likewise folium's tooltip (``GeoJsonDetail.render``) compiles the same constant template source on every render
(about 4 % of a map page's run): ``folium.features.Template`` is made to compile each source once. A compiled jinja
template is immutable and is rendered with its arguments, so sharing it changes nothing but the time.

And jinja's ``tojson`` (folium writes every GeoJSON layer with it) encodes the 104 county outlines, every vertex,
on every run: about a sixth of a home-page run. ``_dumps``, installed as the ``json.dumps_function`` policy of
folium's jinja environment, writes a FeatureCollection whose geometries are ``boundaries.Geometry`` with their text
made once; its output is byte for byte json.dumps's, which it gives for everything else.
"""

from __future__ import annotations

import functools
import json
import re

import folium.features
from branca.element import Element

from geo import boundaries

_JINJA = re.compile(r"\{[{%#]")
_NEWLINE = re.compile(r"\r\n|\r")


def _as_jinja_renders(text: str) -> str:
    """What jinja's default environment makes of text without template syntax: newlines normalised to \\n and
    a single trailing newline dropped."""
    text = _NEWLINE.sub("\n", text)
    return text[:-1] if text.endswith("\n") else text


_init, _render = Element.__init__, Element.render
_template = folium.features.Template
_cached_template = functools.lru_cache(maxsize=64)(_template)


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


def _dumps(value, **kwargs) -> str:
    features = value.get("features") if isinstance(value, dict) and value.get("type") == "FeatureCollection" else None
    if (
        not features
        or kwargs != {"sort_keys": True}
        or not all(isinstance(f.get("geometry"), boundaries.Geometry) for f in features)
    ):
        return json.dumps(value, **kwargs)
    parts = []
    for feature in features:  # sorted keys: "geometry" comes first
        rest = json.dumps({**feature, "geometry": None}, **kwargs)
        parts.append('{"geometry": ' + feature["geometry"].text + rest[len('{"geometry": null') :])
    collection = json.dumps({**value, "features": []}, **kwargs)  # '{"features": [], ...}'
    return '{"features": [' + ", ".join(parts) + "]" + collection[len('{"features": []') :]


_environment = folium.features.GeoJson._template.environment  # folium's templates share this one environment
_json_dumps = _environment.policies["json.dumps_function"]


def install() -> None:
    """Patch ``branca.element.Element`` once (idempotent)."""
    if Element.__init__ is not _literal_init:
        Element.__init__, Element.render = _literal_init, _literal_render
    folium.features.Template = _cached_template
    _environment.policies["json.dumps_function"] = _dumps


def uninstall() -> None:
    """Undo ``install`` (tests compare the output with and without the patch)."""
    Element.__init__, Element.render = _init, _render
    folium.features.Template = _template
    _environment.policies["json.dumps_function"] = _json_dumps


install()
