"""EPUB seeds (.epub, EPUB 2 and 3: e-books, and reports published as them): each content document of the spine,
in reading order, read as an HTML seed's `reading: blocks` (htmldoc.py: every visible block, headings,
paragraphs, list items, table cells) with the stylesheets it links from the book, so text the book's own CSS
hides is out; the spine's documents marked linear="no" (notes, answers a reading app shows aside) follow the
others. The navigation document is read only where the spine lists it, as a reading app shows it.
epubpackage.py reads the package and refuses encrypted (DRM) books.
"""

from __future__ import annotations

import copy
import posixpath
import re
import zipfile
from collections.abc import Iterator

from briefgen.sources.formats import Extracted
from briefgen.sources.formats.docxdoc import MAX_PART, MAX_TEXT, MB
from briefgen.sources.formats.epubpackage import book, opened, part, resolved
from briefgen.sources.formats.htmldoc import text_blocks
from briefgen.sources.formats.pagebytes import decode
from briefgen.sources.formats.plain import SeedError, seed_lines
from briefgen.sources.formats.stylesheet import Sheet
from briefgen.sources.formats.tagbudget import MAX_SEED_TAGS, one_seed, too_many
from briefgen.sources.formats.visibility import page_sheet

LINK = re.compile(r"<link\b[^>]*>", re.IGNORECASE)
STYLE = re.compile(r"<style\b", re.IGNORECASE)
ATTRIBUTE = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def extract(raw: bytes) -> Extracted:
    with opened(raw) as package, one_seed():  # its chapters' tags counted together
        paragraphs = seed_lines(_blocks(package), "the EPUB", MAX_TEXT)
    if not paragraphs:
        raise SeedError("the EPUB has no text", "check that the book holds its text, not only images")
    return Extracted(tuple(paragraphs))


def _blocks(package: zipfile.ZipFile) -> Iterator[str]:
    """The visible blocks of the spine's documents, in order; their markup, together, at most MAX_PART."""
    documents = book(package).documents
    names = set(package.namelist())
    total = sum(package.getinfo(name).file_size for name in documents if name in names)
    if total > MAX_PART:
        raise SeedError(f"the EPUB's documents unpack to {total // MB} MB, more than the {MAX_PART // MB} MB a "
                        f"book of at most {MAX_TEXT // MB} MB of text needs", "split the book into several seeds")
    if sum(part(package, name).count(b"<") for name in documents if name in names) > MAX_SEED_TAGS:
        raise too_many()  # known before any chapter is parsed
    sheets: dict[tuple[str, ...], Sheet] = {}
    for name in documents:
        html = decode(part(package, name))
        sheet = _linked(package, tuple(_links(html, posixpath.dirname(name))), sheets)
        if STYLE.search(html):  # its own <style> rules after the linked ones, on a copy of them
            sheet = page_sheet(html, copy.deepcopy(sheet))
        yield from text_blocks(html, sheet=sheet)


def _links(html: str, base: str) -> list[str]:
    """The parts of the stylesheets a document links (`<link rel="stylesheet" href>`), in order; not those for
    print only (`media="print"`)."""
    found = []
    for link in LINK.findall(html):
        attributes = {name.lower(): double or single for name, double, single in ATTRIBUTE.findall(link)}
        media = attributes.get("media", "all").lower()
        screen = "print" not in media or "screen" in media or "all" in media
        if "stylesheet" in attributes.get("rel", "").lower().split() and attributes.get("href") and screen:
            found.append(resolved(base, attributes["href"]))
    return found


def _linked(package: zipfile.ZipFile, links: tuple[str, ...], read: dict[tuple[str, ...], Sheet]) -> Sheet:
    """The rules of the stylesheets `links` names, in order (one the book lacks ignored, as a reading app
    ignores it), read once for all the documents linking the same ones (a book's chapters share a stylesheet
    of thousands of rules: read for each, a 300-chapter book took minutes)."""
    if links not in read:
        sheet = Sheet()
        for name in links:
            if name in package.namelist():
                sheet.add(decode(part(package, name)))
        read[links] = sheet
    return read[links]
