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
from briefgen.sources.formats.articlenotes import take_notes
from briefgen.sources.formats.articletree import prepare
from briefgen.sources.formats.htmldoc import decode, no_text, text_blocks
from briefgen.sources.formats.stylesheet import Sheet
from briefgen.sources.formats.visibility import page_sheet
from briefgen.sources.textnorm import normalise

# trafilatura's XML elements that begin and end a block; a table cell is inline (a row is one block).
_BLOCKS = frozenset({"doc", "main", "head", "p", "list", "item", "table", "row", "quote", "code", "lb", "graphic"})
_TEXT_BLOCKS = frozenset({"p", "head", "item", "cell"})  # blocks of running text
_INLINE = frozenset({"code", "quote"})  # blocks of their own, but in the run of a text block's words
# Set apart from the text around them in the run of a text block: a cell (trafilatura leaves a table's inside a
# list item as HTML's), and a quote, which is a <blockquote> (a <q> is text by then: articletree.py).
_APART = frozenset({"cell", "td", "th", "quote"})
# trafilatura takes ~1.3 s a MB of visible text (measured on pages of plain <p>, 0.5 to 4 MB; an 18 MB page took
# 81 s and 0.7 GB before this bound). A page with more visible text than this is read as raw blocks (~0.1 s a MB).
ARTICLE_MAX_CHARS = 2_000_000


def extract(raw: bytes) -> Extracted:
    html = decode(raw)
    sheet = page_sheet(html)
    page = text_blocks(html, rows=True, sheet=sheet)
    paragraphs = article_blocks(html, page, sheet) if sum(map(len, page)) <= ARTICLE_MAX_CHARS else None
    if paragraphs is None:
        paragraphs = text_blocks(html, sheet=sheet)
    if not paragraphs:
        raise no_text()
    return Extracted(tuple(paragraphs))


def article_blocks(html: str, page: list[str], sheet: Sheet) -> list[str] | None:
    """The article's blocks in reading order, its headline left out; None when no article is found.

    `page` is the page's own visible blocks (a table row each): a block trafilatura merged from several of them
    (its fallback joins a short page into one paragraph) is cut apart again, so each stays a paragraph."""
    from lxml import etree

    found, notes = _trafilatura_xml(html, sheet)
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
    blocks = unmerged(paragraphs_of(_blocks(main)), page)
    blocks = _without_headline(blocks, str(root.get("title") or ""), main)
    return blocks + [block for note in notes for block in text_blocks(note, rows=True, sheet=sheet)]


# lxml's HTML parser stops at 256 open elements and drops the rest of the page without a word (unclosed <font> or
# <div> tags of an old page reach it): an element this deep says the tree may be cut short. Read as raw blocks.
_CUT_SHORT = "boolean(//*[ancestor::*[250]])"


def _trafilatura_xml(html: str, sheet: Sheet) -> tuple[str | None, list[str]]:
    """trafilatura's XML of the page's visible content (hidden text taken out first, see visibility.hiding), None
    when lxml could not read the whole page; and the page's notes, taken out before it runs (articlenotes.py).

    `favor_recall`: its default drops an article's list items when they are not inside an article container."""
    import trafilatura
    from lxml import etree
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None or tree.xpath(_CUT_SHORT):
        return None, []
    prepare(tree, sheet)
    notes = take_notes(tree)
    try:
        found: str | None = trafilatura.extract(
            tree, output_format="xml", with_metadata=True, include_comments=False, include_tables=True,
            include_images=False, include_links=False, include_formatting=False, deduplicate=False,
            favor_recall=True)
    except etree.XMLSyntaxError:  # it checks the XML it made by parsing it: a name HTML allows and XML does not
        return None, []  # (an attribute named “top, from a stray "<s" in the text): read the page as raw blocks
    return found, notes


def unmerged(blocks: list[str], page: list[str]) -> list[str]:
    """`blocks`, each one that is several consecutive blocks of the page joined by spaces cut back into them."""
    index: dict[str, int] = {}
    for number, text in enumerate(page):
        index.setdefault(text, number)
    cut: list[str] = []
    for block in blocks:
        cut.extend([block] if block in index else _split(block, page) or [block])
    return cut


def _split(block: str, page: list[str]) -> list[str] | None:
    """The consecutive page blocks that, joined by spaces, make `block`; None when there are none."""
    for first, text in enumerate(page):
        if not block.startswith(text):
            continue
        parts, rest, number = [text], block[len(text):], first + 1
        while rest.startswith(" ") and number < len(page) and rest[1:].startswith(page[number]):
            parts.append(page[number])
            rest, number = rest[1 + len(page[number]):], number + 1
        if not rest:
            return parts
    return None


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


def _pieces(element: Any, inline: bool = False) -> Iterator[tuple[str, bool]]:
    """(text, False) for each piece of text in document order, ("", True) at each block boundary. `inline`:
    inside a paragraph, heading, list item or cell, where trafilatura's <code> and <quote> are in the run of the
    text, not blocks of their own (a quote set apart by spaces, which `unmerged` cuts at)."""
    block = element.tag in _BLOCKS and not (inline and element.tag in _INLINE)
    if block:
        yield "", True
    yield element.text or "", False
    inside = inline or element.tag in _TEXT_BLOCKS
    for child in element:
        spaced = child.tag in _APART
        if spaced:
            yield " ", False
        yield from _pieces(child, inside)
        if spaced:
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
