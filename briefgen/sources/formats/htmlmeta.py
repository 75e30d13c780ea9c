"""What a web page says about itself: <title>, <meta> tags (Open Graph, Dublin Core, citation_*), the canonical
link, schema.org JSON-LD and the first <h1>. Read for `briefgen seeds add`; nothing here is trusted blindly."""

from __future__ import annotations

import contextlib
import json
from typing import Any

from briefgen.sources.formats.htmldoc import LenientParser
from briefgen.text import one_line


class _Head(LenientParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title = ""
        self.h1 = ""
        self.canonical = ""
        self.ld: list[Any] = []
        self._into: str | None = None  # "title", "h1" or "ld" while inside one
        self._buffer: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): v or "" for k, v in attrs}
        if tag == "meta":
            name = (values.get("property") or values.get("name") or values.get("itemprop") or "").lower()
            if name and values.get("content") and name not in self.meta:
                self.meta[name] = values["content"]
        elif tag == "time" and values.get("itemprop") and values.get("datetime"):
            self.meta.setdefault(values["itemprop"].lower(), values["datetime"])  # microdata: <time itemprop=…>
        elif tag == "link" and "canonical" in values.get("rel", "").lower().split():
            self.canonical = self.canonical or values.get("href", "")
        elif (tag == "title" and not self.title) or (tag == "h1" and not self.h1):
            self._into, self._buffer = tag, []
        elif tag == "script" and values.get("type", "").lower() == "application/ld+json":
            self._into, self._buffer = "ld", []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("meta", "link"):
            self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        if self._into:
            self._buffer.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._into is None or tag != {"ld": "script"}.get(self._into, self._into):
            return
        text = "".join(self._buffer)
        if self._into == "ld":
            with contextlib.suppress(ValueError, RecursionError):
                self.ld.append(json.loads(text))
        else:
            setattr(self, self._into, one_line(text))
        self._into = None


def _ld_objects(node: Any, depth: int = 0) -> list[dict[str, Any]]:
    """Every JSON-LD object that carries a headline, a date or a publisher (articles, reports, pages)."""
    if depth > 6:
        return []
    if isinstance(node, list):
        return [obj for item in node for obj in _ld_objects(item, depth + 1)]
    if not isinstance(node, dict):
        return []
    found = [node] if {"headline", "datePublished", "publisher"} & node.keys() else []
    return found + _ld_objects(node.get("@graph"), depth + 1)


def _name(value: Any) -> str:
    if isinstance(value, list):
        return _name(value[0]) if value else ""
    if isinstance(value, dict):
        return str(value.get("name") or "")
    return value if isinstance(value, str) else ""


def page_metadata(text: str) -> dict[str, str]:
    """Flat clues, keyed by where they came from: `meta:og:site_name`, `title`, `ld:datePublished`, …"""
    parser = _Head()
    parser.feed(text)
    parser.close()
    clues = {f"meta:{name}": one_line(value) for name, value in parser.meta.items()}
    clues.update(title=parser.title, h1=parser.h1, canonical=parser.canonical.strip())
    for obj in _ld_objects(parser.ld):
        for key in ("headline", "datePublished", "url", "description", "publisher", "author"):
            value = one_line(_name(obj.get(key)))
            if value and f"ld:{key}" not in clues:
                clues[f"ld:{key}"] = value
    return {key: value for key, value in clues.items() if value}
