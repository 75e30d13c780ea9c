"""HTML seeds read as a reader reads the page: the article's headings and paragraphs, without the site around it.

trafilatura finds the main content (it scores blocks by text density, link density and markup, with jusText as
a fallback) and drops navigation, cookie banners, newsletter boxes, related links, comments and footers. We ask
it for its XML, so each heading, paragraph, list item and table row stays one block, and number those blocks.
The headline is the catalogue's `title`, not a paragraph: ¶1 is the article's first block under it. A page on
which trafilatura finds no article is read as raw blocks (htmldoc.text_blocks), as `reading: blocks` asks.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from briefgen.sources.formats import Extracted, paragraphs_of
from briefgen.sources.formats.htmldoc import decode, no_text, text_blocks
from briefgen.sources.textnorm import normalise

# trafilatura's XML elements that begin and end a block; a table cell is inline (a row is one block).
_BLOCKS = frozenset({"doc", "main", "head", "p", "list", "item", "table", "row", "quote", "code", "lb", "graphic"})


def extract(raw: bytes) -> Extracted:
    html = decode(raw)
    paragraphs = article_blocks(html)
    if paragraphs is None:
        paragraphs = text_blocks(html)
    if not paragraphs:
        raise no_text()
    return Extracted(tuple(paragraphs))


def article_blocks(html: str) -> list[str] | None:
    """The article's blocks in reading order, its headline left out; None when no article is found."""
    import trafilatura
    from lxml import etree

    found = trafilatura.extract(html, output_format="xml", with_metadata=True, include_comments=False,
                                include_tables=True, include_images=False, include_links=False,
                                include_formatting=False, deduplicate=False)
    if not found:
        return None
    try:
        root = etree.fromstring(found.encode("utf-8"), parser=etree.XMLParser(resolve_entities=False,
                                                                             no_network=True))
    except etree.XMLSyntaxError:  # text XML cannot hold: read the page as raw blocks instead
        return None
    main = root.find("main")
    if main is None:
        return None
    blocks = paragraphs_of(_blocks(main))
    return _without_headline(blocks, str(root.get("title") or ""), main)


def _blocks(element: Any) -> Iterator[str]:
    """The text of `element`, cut where trafilatura's block elements begin and end."""
    current: list[str] = []
    for text, boundary in _pieces(element):
        if boundary:
            yield "".join(current)
            current = []
        else:
            current.append(text)
    yield "".join(current)


def _pieces(element: Any) -> Iterator[tuple[str, bool]]:
    """(text, False) for each piece of text in document order, ("", True) at each block boundary."""
    block = element.tag in _BLOCKS
    if block:
        yield "", True
    yield element.text or "", False
    for child in element:
        yield from _pieces(child)
        if child.tag == "cell":
            yield " ", False
        yield child.tail or "", False
    if block:
        yield "", True


def _without_headline(blocks: list[str], title: str, main: Any) -> list[str]:
    """Drop a first block that is the page's headline: an h1, or the text of the page's title."""
    if not blocks:
        return blocks
    first = main.find("head")
    is_h1 = first is not None and first.get("rend") == "h1" and normalise("".join(first.itertext())) == \
        normalise(blocks[0])
    if is_h1 or (title and normalise(title) == normalise(blocks[0])):
        return blocks[1:]
    return blocks
