"""The reader: brief markup (what templates produce) → the document model.

The markup is a small XML vocabulary. Model text reaches it XML-escaped by jinja's autoescape, so a
statement holding `<b>`, `&`, `**` or `{{` stays literal text: only the template can make structure.

    <brief>  <banner> <title> <meta> <h1 id=> <h2> <p style=> <box title=> <ul><li> <quote lang=><p/><by/></quote>
             <table><col weight= align=>Title</col><tr><td/></tr></table>
             <chart title= unit=><bar label= value= high=>printed value</bar><caption/></chart>
    inline:  <b> <i> <tag> <a href=> <cite n=/>
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TypeVar
from xml.etree import ElementTree as ET

from briefgen.document.nodes import (
    MOST_LEVEL,
    Banner,
    Bar,
    Block,
    Box,
    BulletList,
    Chart,
    Column,
    Document,
    Heading,
    Inline,
    Link,
    Meta,
    NoteRef,
    Paragraph,
    Quote,
    Span,
    Table,
)
from briefgen.model.fields import LANGUAGE_TAG, MAX_CHART_TEXT
from briefgen.render.markupparse import MarkupError, contents

NoteFactory = Callable[[int], NoteRef]
T = TypeVar("T")
BREAKING_SPACE = re.compile(r"[^\S\u00a0\u2007\u202f]+")  # white space a line may break at; no-break spaces stay
_LINK = re.compile(r"(?i)^(https?://|mailto:)\S+$")


MAX_INLINES = 1000  # elements in one paragraph (bold, links, citations...): 8,000 took the layout 36 s
MAX_BLOCK_CHARS = 100_000  # characters of one paragraph (five of the model's longest texts): 40,000 words took 47 s
MAX_COLUMNS = 12  # a table's columns, as many as a chart has bars: more cannot be read across a page
MAX_WEIGHT = 1000.0  # a column's weight, a share of the table's width
MIN_SHARE = 1 / 15  # of a table's width, the narrowest column's: narrower leaves no room inside its padding
MAX_BAR = 1e15  # a bar's value (a thousand trillion): beyond it no axis of round steps can be drawn
# what each container holds (anything else, and text between them, no brief would show)
_ROWS, _CELLS, _ITEMS = frozenset({"col", "tr"}), frozenset({"td"}), frozenset({"li"})
_CHART_PARTS = frozenset({"bar", "caption"})


@dataclass
class Reader:
    """Turns one parsed <brief> element into a Document; `note` resolves <cite n=…/>."""

    note: NoteFactory
    meta: Meta
    blocks: list[Block] = field(default_factory=list)
    first_cited: dict[str, int] = field(default_factory=dict)  # note key -> rank of its first citation

    def read(self, root: ET.Element) -> Document:
        with _at(root):
            if root.tag != "brief":
                raise MarkupError(f"the markup must start with <brief>, not <{root.tag}>")
            self.blocks = [self._block(el) for el in contents(root)]
        return Document(self.meta, tuple(self.blocks))

    def _block(self, el: ET.Element) -> Block:
        with _at(el):
            handler = _BLOCKS.get(el.tag)
            if handler is None:
                raise MarkupError(f"unknown block element <{el.tag}>; known: {', '.join(sorted(_BLOCKS))}")
            return handler(self, el)

    def inlines(self, el: ET.Element) -> tuple[Inline, ...]:
        # the writers lay a paragraph out in time that grows faster than its runs and its words
        elements, chars = sum(1 for _ in el.iter()) - 1, sum(map(len, el.itertext()))
        if elements > MAX_INLINES or chars > MAX_BLOCK_CHARS:
            raise MarkupError(f"<{el.tag}> holds {elements:,} inline elements and {chars:,} characters: a paragraph "
                              f"may hold {MAX_INLINES:,} and {MAX_BLOCK_CHARS:,}")
        out: list[Inline] = []
        self._collect(el, out, bold=False, italic=False, tag=False)
        return self._in_citation_order(_tidy(out))

    def _in_citation_order(self, runs: tuple[Inline, ...]) -> tuple[Inline, ...]:
        """Adjacent citations sorted by where their note was first cited in the brief, so a cluster reads
        "13,14", never "14,13": always in the DOCX (numbered through the document), and in the PDF
        (numbered per page) unless a page cites the same notes in another order than the brief first did."""
        out: list[Inline] = []
        cluster: list[NoteRef] = []
        for run in (*runs, None):
            if isinstance(run, NoteRef):
                self.first_cited.setdefault(run.note.key, len(self.first_cited))
                cluster.append(run)
                continue
            ordered: list[NoteRef] = sorted(cluster, key=lambda ref: self.first_cited[ref.note.key])
            out.extend(ordered)
            cluster = []
            if run is not None:
                out.append(run)
        return tuple(out)

    def _collect(self, el: ET.Element, out: list[Inline], *, bold: bool, italic: bool, tag: bool) -> None:
        if el.text:
            out.append(Span(el.text, bold, italic, tag))
        for child in el:
            self._inline(child, out, bold=bold, italic=italic, tag=tag)
            if child.tail:
                out.append(Span(child.tail, bold, italic, tag))

    def _inline(self, el: ET.Element, out: list[Inline], *, bold: bool, italic: bool, tag: bool) -> None:
        with _at(el):
            self._read_inline(el, out, bold=bold, italic=italic, tag=tag)

    def _read_inline(self, el: ET.Element, out: list[Inline], *, bold: bool, italic: bool, tag: bool) -> None:
        if el.tag == "cite":
            out.append(self.note(_note_number(el)))
        elif el.tag == "a":
            href = el.get("href", "")
            if not _LINK.match(href):
                raise MarkupError(f"link {href!r} is not http, https or mailto")
            out.append(Link("".join(el.itertext()), href))
        elif el.tag in ("b", "i", "tag"):
            self._collect(el, out, bold=bold or el.tag == "b", italic=italic or el.tag == "i",
                          tag=tag or el.tag == "tag")
        else:
            raise MarkupError(f"unknown inline element <{el.tag}>; known: a, b, cite, i, tag")


@contextmanager
def _at(el: ET.Element) -> Iterator[None]:
    """A MarkupError raised while `el` is read names it, unless an element inside it was named first."""
    try:
        yield
    except MarkupError as exc:
        if exc.element is None:
            exc.element = el
        raise


def _read(reader: Callable[[ET.Element], T], el: ET.Element) -> T:
    """`reader(el)`, a MarkupError it raises naming `el` (a table's <col>, a chart's <bar>)."""
    with _at(el):
        return reader(el)


def _tidy(runs: list[Inline]) -> tuple[Inline, ...]:
    """Collapse the template's white space (as HTML does) and drop empty spans at the edges."""
    out: list[Inline] = []
    for run in runs:
        if isinstance(run, Span):
            run = Span(BREAKING_SPACE.sub(" ", run.text), run.bold, run.italic, run.tag)
            last = out[-1] if out else None
            if isinstance(last, Span) and (last.bold, last.italic, last.tag) == (run.bold, run.italic, run.tag):
                out.pop()
                run = Span(last.text + run.text, run.bold, run.italic, run.tag)
        out.append(run)
    if out and isinstance(out[0], Span):
        out[0] = Span(out[0].text.lstrip(), out[0].bold, out[0].italic, out[0].tag)
    if out and isinstance(out[-1], Span):
        out[-1] = Span(out[-1].text.rstrip(), out[-1].bold, out[-1].italic, out[-1].tag)
    return tuple(r for r in out if not (isinstance(r, Span) and not r.text))


def _text(el: ET.Element) -> str:
    return BREAKING_SPACE.sub(" ", "".join(el.itertext())).strip()


def _heading(level: int) -> Callable[[Reader, ET.Element], Block]:
    return lambda r, el: Heading(level, r.inlines(el), el.get("id", ""))


def _paragraph(r: Reader, el: ET.Element) -> Block:
    style = el.get("style", "body")
    if style not in ("body", "lead", "meta", "small"):
        raise MarkupError(f"unknown paragraph style {style!r}; use body, lead, meta or small")
    return Paragraph(r.inlines(el), style)  # type: ignore[arg-type]


def _table(r: Reader, el: ET.Element) -> Block:
    contents(el, _ROWS)
    columns = tuple(_read(_column, c) for c in el.findall("col"))
    if len(columns) > MAX_COLUMNS:
        raise MarkupError(f"a table of {len(columns)} columns: at most {MAX_COLUMNS} can be read across a page")
    total = sum(c.weight for c in columns)
    narrow = next((c for c in columns if c.weight < MIN_SHARE * total), None)
    if narrow is not None:
        raise MarkupError(f"<col weight=\"{narrow.weight:g}\">: a column narrower than 1/{round(1 / MIN_SHARE)} "
                          f"of the table (here {narrow.weight:g} of {total:g}) has no room for its text")
    rows = tuple(tuple(r.inlines(td) for td in contents(tr, _CELLS)) for tr in el.findall("tr"))
    if any(len(row) != len(columns) for row in rows):
        raise MarkupError("every table row needs one <td> per <col>")
    return Table(columns, rows)


def _quote(r: Reader, el: ET.Element) -> Block:
    body, by, lang = el.find("p"), el.find("by"), el.get("lang") or None
    if lang is not None and not LANGUAGE_TAG.match(lang):  # it becomes the DOCX's w:lang and the PDF's /Lang
        raise MarkupError(f"<quote lang={lang!r}>: not a BCP 47 language tag such as en, ar, fa-IR or zh-Hant")
    return Quote(r.inlines(body) if body is not None else r.inlines(el), r.inlines(by) if by is not None else (),
                 lang)


def _column(el: ET.Element) -> Column:
    align = el.get("align", "left")
    if align not in ("left", "right", "center"):
        raise MarkupError(f"<col align={align!r}>: use left, right or center")
    weight = _number(el, "weight")
    if weight == 0 or (weight or 0) > MAX_WEIGHT:
        raise MarkupError(f"<col weight=\"{weight:g}\">: a column's weight must be more than zero and at most "
                          f"{MAX_WEIGHT:g} (weights are shares of the table's width)")
    return Column(_text(el), 1.0 if weight is None else weight, align)  # type: ignore[arg-type]


def _note_number(el: ET.Element) -> int:
    """The index a <cite n=…/> names; whether a citation has that index is the note factory's to say."""
    raw = el.get("n", "")
    if not raw.isdigit():
        raise MarkupError(f"<cite n={raw!r}>: n must be the index of a citation, a whole number")
    return int(raw)


def _number(el: ET.Element, name: str) -> float | None:
    raw = el.get(name)
    if raw is None:
        return None
    try:
        value = float(raw)
    except ValueError:
        raise MarkupError(f"<{el.tag} {name}={raw!r}> is not a number") from None
    if not math.isfinite(value) or value < 0:
        raise MarkupError(f"<{el.tag} {name}={raw!r}>: must be a finite number, zero or more")
    return value


def _bar(el: ET.Element) -> Bar:
    value, high = _number(el, "value"), _number(el, "high")
    if value is None:
        raise MarkupError("every <bar> needs a value")
    if high is not None and high < value:
        raise MarkupError(f"<bar high={high:g}> is below its value {value:g}")
    if max(value, high or 0.0) > MAX_BAR:
        raise MarkupError(f"<bar value={max(value, high or 0.0):g}>: a bar of more than {MAX_BAR:g} cannot be drawn")
    return Bar(_chart_text(el, "label"), value, high, _text(el))


def _chart_text(el: ET.Element, name: str) -> str:
    """A chart's title or a bar's label: what fits on the few lines the chart gives it."""
    text = el.get(name, "")
    if len(text) > MAX_CHART_TEXT:
        raise MarkupError(f"<{el.tag} {name}=…>: {len(text):,} characters, more than the {MAX_CHART_TEXT} a chart "
                          "can draw")
    return text


def _not_chart(el: ET.Element) -> ET.Element:
    if el.tag == "chart":
        raise MarkupError("a <chart> cannot sit inside a <box>: place it at the top level of the brief")
    return el


def _chart(r: Reader, el: ET.Element) -> Block:
    contents(el, _CHART_PARTS)
    bars = tuple(_read(_bar, b) for b in el.findall("bar"))
    if not bars:
        raise MarkupError("a <chart> needs at least one <bar>")
    caption = el.find("caption")
    return Chart(_chart_text(el, "title"), _chart_text(el, "unit"), bars,
                 r.inlines(caption) if caption is not None else ())


def _bullets(r: Reader, el: ET.Element) -> BulletList:
    items = _items(r, el, 0)
    levels = tuple(level for _, level in items)
    return BulletList(tuple(item for item, _ in items), levels if any(levels) else ())


def _items(r: Reader, el: ET.Element, level: int) -> list[tuple[tuple[Inline, ...], int]]:
    """A <ul>'s items and their levels, a <ul> inside an <li> (after its text) one level deeper, in order."""
    if level > MOST_LEVEL:
        raise MarkupError(f"lists nested more than {MOST_LEVEL + 1} deep: Word's lists have {MOST_LEVEL + 1} levels")
    found: list[tuple[tuple[Inline, ...], int]] = []
    for li in contents(el, _ITEMS):
        _nothing_after_lists(li)
        own = ET.Element(li.tag, li.attrib)
        own.text, own[:] = li.text, [child for child in li if child.tag != "ul"]
        with _at(li):
            found.append((r.inlines(own), level))
        for inner in (child for child in li if child.tag == "ul"):
            with _at(inner):
                found += _items(r, inner, level + 1)
    return found


def _nothing_after_lists(li: ET.Element) -> None:
    """Refuse text or elements after a nested <ul> in an <li>: the item's own text is drawn before its nested
    list, so they would be moved before it or lost."""
    nested = [index for index, child in enumerate(li) if child.tag == "ul"]
    if not nested:
        return
    after = [child for child in li[nested[0]:] if child.tag != "ul"]
    tails = [child.tail for child in li[nested[0]:] if child.tail and child.tail.strip()]
    if after or tails:
        with _at(after[0] if after else li):
            raise MarkupError(f"text after a nested <ul> in an <li> ({(tails or [after[0].tag])[0].strip()!r}): an "
                              "item's text comes before its nested list; put the rest in an <li> of its own")


_BLOCKS: dict[str, Callable[[Reader, ET.Element], Block]] = {
    "banner": lambda r, el: Banner(_text(el)),
    "title": _heading(0),
    "h1": _heading(1),
    "h2": _heading(2),
    "meta": lambda r, el: Paragraph(r.inlines(el), "meta"),
    "p": _paragraph,
    "box": lambda r, el: Box(el.get("title", ""), tuple(r._block(_not_chart(child)) for child in contents(el))),
    "ul": lambda r, el: _bullets(r, el),
    "table": _table,
    "quote": _quote,
    "chart": _chart,
}
