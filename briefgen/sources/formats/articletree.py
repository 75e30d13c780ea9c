"""A web page's tree made ready for the article extractor (article.py): only what a browser shows, as it shows
it. Text XML cannot hold goes; elements a browser does not render are dropped and unseen text emptied
(visibility.py); an ordered list's items get their numbers (listmarks.py), a <q> its quotation marks, a <sup>
or <sub> of digits the characters it raises or lowers them to (`10³`, `H₂O`: text.raised), an SVG drawing's
text and a MathML formula's as HTML the extractor reads (it drops both); words loose in a division as the
paragraph a browser draws for them (articleboxes.py); the
line breaks a browser drops between CJK characters go; and the attributes the extractor itself takes for hiding
are taken away, so what shows is decided once, by the same rules as the raw-blocks reading's.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

from briefgen.sources.formats.articleboxes import loose_text_as_paragraphs
from briefgen.sources.formats.htmldoc import BLOCKS, no_text, quote_mark
from briefgen.sources.formats.listmarks import Numbering
from briefgen.sources.formats.plain import unbroken
from briefgen.sources.formats.stylesheet import Sheet
from briefgen.sources.formats.visibility import Visibility
from briefgen.text import raised


def prepare(tree: Any, sheet: Sheet) -> None:
    """Make the parsed page `tree` what a browser shows (the module says what), in place."""
    _xml_text(tree)
    _take_out_hidden(tree, sheet)
    _scripts(tree)
    _drawings_as_html(tree)
    _captions_as_paragraphs(tree)
    loose_text_as_paragraphs(tree)
    _without_hiding_cues(tree)
    _blocks_apart(tree)
    _body_as_main(tree)


_SECTIONING = "boolean(//main | //article | //*[@role='main'])"
_LOOSE_HEADINGS = "boolean(body/h1 | body/h2 | body/h3 | body/h4 | body/h5 | body/h6)"


def _body_as_main(tree: Any) -> None:
    """The body's content put in a <main> when the page writes its headings straight in the <body> and has no
    <main> or <article> (pandoc's, LibreOffice's and Word's HTML, a hand-written page): the extractor, finding
    no container, fell back to its second readers, which drop every heading."""
    from lxml import etree

    root = tree.getroottree().getroot()
    body = root.find("body")
    if body is None or root.xpath(_SECTIONING) or not root.xpath(_LOOSE_HEADINGS):
        return
    main = etree.Element("main")
    main.text, body.text = body.text, None
    main.extend(list(body))
    body.append(main)


# Where a block element or a table cell begins or ends, a browser begins a new line or cell; the extractor joins a
# <div>'s own text and the blocks inside it with nothing between them ("text.The inner block").
_APART = tuple(BLOCKS - {"html", "body", "br"})


def _blocks_apart(tree: Any) -> None:
    """A line break (white space to the extractor) at each block element's start and end that text touches."""
    for element in tree.iter(*_APART):
        if element.tail and not element.tail[0].isspace():
            element.tail = "\n" + element.tail
        before = element.getprevious()
        if before is not None:
            if before.tail and not before.tail[-1].isspace():
                before.tail += "\n"
        elif (parent := element.getparent()) is not None and parent.text and not parent.text[-1].isspace():
            parent.text += "\n"


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
        _before_first_text(element, mark)
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
# in them (Bootstrap's `hidden-xs`, hidden on phones only; `hide-print`) or "noprint". And, asked for no images,
# any element whose id or class names a caption (`<p><span class="caption">Figure 2: …`, WordPress's
# `wp-caption-text`): the caption of a picture, which the page shows as a paragraph.
_HIDING_CLASS = re.compile(r"hid(?:e|den)|noprint|caption", re.IGNORECASE)
_HIDING_ID = re.compile(r"hidden|caption", re.IGNORECASE)


def _without_hiding_cues(tree: Any) -> None:
    """Take away the attributes trafilatura reads as hiding an element, once the elements a browser does not show
    are gone (visibility.py decides that, for both readings): it dropped visible paragraphs for them."""
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        for name in ("style", "aria-hidden"):
            element.attrib.pop(name, None)
        if _HIDING_ID.search(element.get("id", "")):
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
        kept = tag == "title" and element.getparent() is not None and element.getparent().tag == "head"
        if went and not kept:  # the page's <title> stays, not a drawing's
            gone.append(element)
            continue
        mark = numbering.item(attrs, seen.values) if tag == "li" else ""
        if seen.hidden and not kept:
            unseen.append(element)
        elif mark:
            marks.append((element, mark))
    return gone, unseen, marks


def _before_first_text(element: Any, mark: str) -> None:
    """Put a list item's number before its first text (beside its first line, inside a block it begins with)."""
    for holder, place in _texts(element):
        text = getattr(holder, place)
        if text and not text.isspace():
            setattr(holder, place, f"{mark} {text}")
            return


def _texts(element: Any) -> Iterator[tuple[Any, str]]:
    """(element, "text" or "tail") for each text inside `element`, in document order."""
    yield element, "text"
    for child in element:
        if isinstance(child.tag, str):
            yield from _texts(child)
        yield child, "tail"


def _items(element: Any) -> int:
    """The items of a list element."""
    return sum(child.tag == "li" for child in element)


def _scripts(tree: Any) -> None:
    """Each <sup> and <sub> of digits as the characters it raises or lowers them to, as the blocks reading
    (htmldoc.py) reads them; the innermost first."""
    for element in reversed(list(tree.iter("sup", "sub"))):
        shown = raised("".join(element.itertext()), lowered=element.tag == "sub")
        if shown is not None:
            for child in list(element):
                element.remove(child)
            element.text = shown


# The elements of an SVG drawing that hold its drawn text (the rest are drawn shapes, empty once the text no
# browser draws is taken out), and what each becomes; and a MathML formula's, all of which are inline text.
_DRAWN = {"svg": "div", "g": "div", "a": "a", "text": "p", "tspan": "span", "textpath": "span",
          "foreignobject": "div"}


def _drawings_as_html(tree: Any) -> None:
    """Each inline SVG drawing as a <div> of a <p> for each text it draws (a chart's labels; an icon, which draws
    none, goes), each MathML
    formula as a <span> of the characters it draws, in order (`x+1`): the extractor drops both, or puts a
    formula's TeX source (its `alttext`) in its place, which the page does not show."""
    for drawing in list(tree.iter("svg")):
        if next(drawing.iter("text", "foreignobject"), None) is None:
            drawing.drop_tree()  # an icon: it draws no text (the text after it stays)
            continue
        for element in drawing.iter():
            if isinstance(element.tag, str):
                element.tag = _DRAWN.get(element.tag, "span")
    for formula in list(tree.iter("math")):
        for element in formula.iter():
            if isinstance(element.tag, str):
                element.attrib.clear()
                element.tag = "span"


def _captions_as_paragraphs(tree: Any) -> None:
    """Each figure's caption as a paragraph, the figure as a division: the extractor, asked for no images, drops
    a figure whole with its caption, which the page shows under the picture or chart ("Source: ministry data").
    And a <template> left in the tree, which declares a shadow root the browser draws in place, as a division
    (the extractor drops templates)."""
    for element in tree.iter("figure", "figcaption", "template"):
        element.tag = "p" if element.tag == "figcaption" else "div"


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
