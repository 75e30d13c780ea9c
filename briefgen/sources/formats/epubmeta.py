"""An EPUB's properties for `seeds add`: its package document's dc:title, dc:creator, dc:publisher (the
originator, else the creator), dc:date, dc:subject and dc:description (epubpackage.py)."""

from __future__ import annotations

from briefgen.sources.formats.epubpackage import book, opened


def properties(raw: bytes) -> dict[str, str]:
    with opened(raw) as package:
        return book(package).metadata
