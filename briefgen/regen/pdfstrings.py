"""Every text a PDF holds, as the spillage check reads it back: the text of each page (and of all pages
together, for what a page break splits), and every string of its objects reached from the trailer (document
information, outline titles, link targets, named destinations, the structure tree's /Alt, /ActualText and /T,
form fields, annotations' contents) with the XMP metadata stream. Page content streams and fonts are not
walked as strings: their text is the page text.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

_SKIPPED = ("/Contents", "/FontFile", "/FontFile2", "/FontFile3", "/Parent", "/P", "/Pg", "/Font", "/ColorSpace",
            "/DestOutputProfile", "/XObject", "/ToUnicode", "/CIDToGIDMap", "/W", "/Widths")


def pdf_texts(path: Path) -> Iterator[tuple[str, str]]:
    """(where, text) for each place of the PDF at `path`."""
    from pypdf import PdfReader

    reader = PdfReader(path)
    pages = []
    for number, page in enumerate(reader.pages, start=1):
        pages.append(page.extract_text() or "")
        yield f"the PDF text of page {number}", pages[-1]
    yield "the PDF text (across pages)", "\n".join(pages)
    yield "the PDF metadata (document information)", "\n".join(str(v) for v in (reader.metadata or {}).values())
    strings = _Strings()
    strings.walk(reader.trailer)
    yield "the PDF's objects (outline, links, destinations, alternate and actual texts)", "\n".join(strings.found)
    yield "the PDF's XMP metadata", "\n".join(strings.metadata)


class _Strings:
    """The strings and names of every object reached, each object visited once; metadata streams decoded."""

    def __init__(self) -> None:
        self.found: list[str] = []
        self.metadata: list[str] = []
        self._seen: set[tuple[int, int]] = set()

    def walk(self, value: Any) -> None:
        stack = [value]
        while stack:
            stack.extend(self._children(stack.pop()))

    def _children(self, value: Any) -> list[Any]:
        from pypdf.generic import IndirectObject, NameObject, StreamObject

        if isinstance(value, IndirectObject):
            key = (value.idnum, value.generation)
            if key in self._seen:
                return []
            self._seen.add(key)
            return [value.get_object()]
        if isinstance(value, dict):
            if isinstance(value, StreamObject) and value.get("/Type") == "/Metadata":
                self.metadata.append(value.get_data().decode("utf-8", "replace"))
            return [v for k, v in value.items() if k not in _SKIPPED]
        if isinstance(value, list):
            return list(value)
        if isinstance(value, str):  # text strings (pypdf decodes them); names are the format's own words
            if not isinstance(value, NameObject):
                self.found.append(str(value))
        elif isinstance(value, bytes):  # a byte string pypdf could not decode as text
            self.found.append(value.decode("latin-1"))
        return []
