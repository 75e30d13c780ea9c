"""HTML seeds read as a reader reads the page: the article's headings and paragraphs, without the site around it.

trafilatura finds the main content (it scores blocks by text density, link density and markup, with jusText as
a fallback) and drops navigation, cookie banners, newsletter boxes, related links, comments and footers. We ask
it for its XML, so each heading, paragraph, list item and table row stays one block, and number those blocks.
The headline is the catalogue's `title`, not a paragraph: ¶1 is the article's first block under it. A page on
which trafilatura finds no article is read as raw blocks (htmldoc.text_blocks), as `reading: blocks` asks.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

from briefgen.sources.formats import Extracted, paragraphs_of
from briefgen.sources.formats.htmldoc import decode, no_text, quote_mark, text_blocks
from briefgen.sources.formats.listmarks import Numbering
from briefgen.sources.formats.plain import unbroken
from briefgen.sources.formats.stylesheet import Sheet
from briefgen.sources.formats.visibility import Visibility, page_sheet
from briefgen.sources.textnorm import normalise

# trafilatura's XML elements that begin and end a block; a table cell is inline (a row is one block).
_BLOCKS = frozenset({"doc", "main", "head", "p", "list", "item", "table", "row", "quote", "code", "lb", "graphic"})
_TEXT_BLOCKS = frozenset({"p", "head", "item", "cell"})  # blocks of running text
_INLINE = frozenset({"code", "quote"})  # blocks of their own, but in the run of a text block's words
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

    found = _trafilatura_xml(html, sheet)
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
    return _without_headline(blocks, str(root.get("title") or ""), main)


# lxml's HTML parser stops at 256 open elements and drops the rest of the page without a word (unclosed <font> or
# <div> tags of an old page reach it): an element this deep says the tree may be cut short. Read as raw blocks.
_CUT_SHORT = "boolean(//*[ancestor::*[250]])"


def _trafilatura_xml(html: str, sheet: Sheet) -> str | None:
    """trafilatura's XML of the page's visible content (hidden text taken out first, see visibility.hiding); None
    when lxml could not read the whole page.

    `favor_recall`: its default drops an article's list items when they are not inside an article container."""
    import trafilatura
    from lxml import etree
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None or tree.xpath(_CUT_SHORT):
        return None
    _xml_text(tree)
    _take_out_hidden(tree, sheet)
    _without_hiding_cues(tree)
    try:
        found: str | None = trafilatura.extract(
            tree, output_format="xml", with_metadata=True, include_comments=False, include_tables=True,
            include_images=False, include_links=False, include_formatting=False, deduplicate=False,
            favor_recall=True)
    except etree.XMLSyntaxError:  # it checks the XML it made by parsing it: a name HTML allows and XML does not
        return None  # (an attribute named “top, from a stray "<s" in the text): read the page as raw blocks
    return found


# What lxml's HTML parser leaves in a text from a character reference (&#27;, &#1;, &#12;) but refuses to be given
# back, so any change to that text (ours, or trafilatura's) would fail: the C0 controls but tab and line breaks.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _xml_text(tree: Any) -> None:
    """Each text in the tree without the control characters XML cannot hold, as Python's html.parser reads the
    same references (it drops them; a form feed, which HTML counts as white space, is a space)."""
    for element in tree.iter():
        if isinstance(element.tag, str) and element.text and _NOT_XML.search(element.text):
            element.text = _NOT_XML.sub(_xml_char, element.text)
        if element.tail and _NOT_XML.search(element.tail):
            element.tail = _NOT_XML.sub(_xml_char, element.tail)


def _xml_char(found: re.Match[str]) -> str:
    return " " if found.group() == "\x0c" else ""


def _take_out_hidden(tree: Any, sheet: Sheet) -> None:
    """Drop each element a browser does not render (its tail, the text after it, stays) and empty the text of
    each one whose text is unseen, keeping what a descendant made visible again shows; put before each item of
    an ordered list the number a browser draws (listmarks.py). The <title> stays: trafilatura reads the page's
    title from it."""
    gone, unseen, marks = _walk(tree, sheet)
    for element in unseen:
        element.text = None
        for child in element:
            child.tail = None
    for element, mark in marks:
        element.text = f"{mark} {element.text or ''}"
    for element in gone:
        if element.getparent() is None:  # the page's root is hidden (<html hidden>): a browser shows nothing
            raise no_text()
        element.drop_tree()
    _quote_marks(tree)
    for element in tree.iter():  # a line break between CJK characters is nothing (htmldoc reads it so too)
        if isinstance(element.tag, str) and element.tag != "pre":
            element.text = unbroken(element.text) if element.text else element.text
        element.tail = unbroken(element.tail) if element.tail else element.tail


# What trafilatura takes for hidden and drops, whatever a browser shows: a `style` naming "hidden" anywhere
# (`overflow: hidden`) or a border, an id with "hidden" in it, `aria-hidden`, class names with "hide" or "hidden"
# in them (Bootstrap's `hidden-xs`, hidden on phones only; `hide-print`) or "noprint".
_HIDING_CLASS = re.compile(r"hid(?:e|den)|noprint", re.IGNORECASE)


def _without_hiding_cues(tree: Any) -> None:
    """Take away the attributes trafilatura reads as hiding an element, once the elements a browser does not show
    are gone (visibility.py decides that, for both readings): it dropped visible paragraphs for them."""
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        for name in ("style", "aria-hidden"):
            element.attrib.pop(name, None)
        if "hidden" in element.get("id", "").lower():
            del element.attrib["id"]
        classes = element.get("class", "")
        if _HIDING_CLASS.search(classes):
            element.set("class", " ".join(c for c in classes.split() if not _HIDING_CLASS.search(c)))


def _walk(tree: Any, sheet: Sheet) -> tuple[list[Any], list[Any], list[tuple[Any, str]]]:
    """(the elements a browser does not render, those whose own text is unseen, each shown list item with the
    number before it) in the tree, as visibility.py and listmarks.py find them."""
    from lxml import etree

    seen = Visibility(sheet, implied=False)  # the parsed tree nests its elements already
    numbering = Numbering()
    gone, unseen, marks = [], [], []
    for event, element in etree.iterwalk(tree, events=("start", "end")):
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        if event == "end":
            seen.end(tag)
            numbering.end(tag)
            continue
        attrs = dict(element.attrib)
        went = seen.start(tag, attrs)
        numbering.start(tag, attrs, seen.values, functools.partial(_items, element))
        if went and tag != "title":
            gone.append(element)
            continue
        mark = numbering.item(attrs, seen.values) if tag == "li" else ""
        if seen.hidden and tag != "title":
            unseen.append(element)
        elif mark:
            marks.append((element, mark))
    return gone, unseen, marks


def _items(element: Any) -> int:
    """The items of a list element."""
    return sum(child.tag == "li" for child in element)


def _quote_marks(tree: Any) -> None:
    """Put around each <q> element's text the quotation marks a browser draws (htmldoc.quote_mark), and the
    text in the place of the element (trafilatura takes a <q> for a block quote, and mixes nested ones)."""
    found = list(tree.iter("q"))
    for element in found:
        depth = sum(1 for ancestor in element.iterancestors("q")) + 1
        element.text = quote_mark(depth, opening=True) + (element.text or "")
        last = element[-1] if len(element) else None
        if last is None:
            element.text += quote_mark(depth, opening=False)
        else:
            last.tail = (last.tail or "") + quote_mark(depth, opening=False)
    for element in reversed(found):  # the innermost first
        element.drop_tag()


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
    inside a paragraph, heading, list item or cell, where trafilatura's <code> and <quote> are a <code> or
    <q> in the run of the text, not blocks of their own."""
    block = element.tag in _BLOCKS and not (inline and element.tag in _INLINE)
    if block:
        yield "", True
    yield element.text or "", False
    inside = inline or element.tag in _TEXT_BLOCKS
    for child in element:
        yield from _pieces(child, inside)
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
