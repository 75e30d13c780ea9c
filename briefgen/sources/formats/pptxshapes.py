"""A slide's text as PowerPoint shows it: its shapes in reading order (the title placeholder first, then the
others top to bottom, left to right by their offsets, a placeholder with no position of its own at its layout's
or master's), a group's shapes in the same order at the group's place, each text paragraph (`a:p`) a paragraph:
its runs and fields (`a:fld`, the text PowerPoint last drew: a slide number, a date), a line break (`a:br`) a
space, an automatic number (`a:buAutoNum`) before it as PowerPoint draws it (`1.`, `(a)`, `iv)`); a table's cells
row by row, each cell's paragraphs (a merged cell once); a chart's titles and a SmartArt's boxes (each part once,
read by the DOCX reader's docxchart.py and docxdiagram.py).

Not read: a shape hidden in the Selection Pane (`hidden="1"`), a bullet's glyph (no word a reader copies), the
prompt text of an empty placeholder (PowerPoint shows it only while editing), and the layout's and master's own
shapes (their footers, slide numbers and logos: text the slide shows only in its own placeholders)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from briefgen.sources.formats.listmarks import marker

P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
DGM = "{http://schemas.openxmlformats.org/drawingml/2006/diagram}"
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
TITLES = ("title", "ctrTitle")
# a:buAutoNum's scheme: the counting (listmarks' list-style-type) and what is drawn around the number
_SCHEMES = {"arabic": "decimal", "alphaLc": "lower-alpha", "alphaUc": "upper-alpha", "romanLc": "lower-roman",
            "romanUc": "upper-roman"}
_PUNCTUATION = {"Period": "{}.", "ParenR": "{})", "ParenBoth": "({})", "Plain": "{}", "Minus": "- {}"}

Place = tuple[int, int]  # a shape's offset: (y, x)
Linked = Callable[[str, str], list[str]]  # the text of a part a shape names: (kind "chart" or "diagram", r:id)


@dataclass(frozen=True)
class Placeholders:
    """The offsets of the layout's and master's placeholders, by (type, idx) and by type alone."""

    by_index: dict[tuple[str, str], Place]
    by_type: dict[str, Place]

    def place_of(self, ph: Any) -> Place | None:
        kind, index = str(ph.get("type", "body")), str(ph.get("idx", ""))
        return self.by_index.get((kind, index)) or (self.by_type.get(kind) if not index or kind != "body" else
                                                    self.by_index.get(("body", index)))


def placeholders(trees: list[Any]) -> Placeholders:
    """The placeholders of the layout and master trees (the layout's first: its places win)."""
    by_index: dict[tuple[str, str], Place] = {}
    by_type: dict[str, Place] = {}
    for tree in reversed(trees):
        for shape in tree.iter(f"{P}sp"):
            ph = shape.find(f"{P}nvSpPr/{P}nvPr/{P}ph")
            place = _offset(shape.find(f"{P}spPr"))
            if ph is not None and place is not None:
                kind = str(ph.get("type", "body"))
                by_index[kind, str(ph.get("idx", ""))] = place
                by_type[kind] = place
    return Placeholders(by_index, by_type)


def _offset(properties: Any) -> Place | None:
    offset = None if properties is None else properties.find(f"{A}xfrm/{A}off")
    if offset is None:
        return None
    return _integer(offset.get("y")), _integer(offset.get("x"))


def _integer(value: Any) -> int:
    try:
        return int(str(value))
    except ValueError:
        return 0


def slide_paragraphs(tree: Any, inherited: Placeholders, linked: Linked) -> list[str]:
    """The slide's paragraphs in reading order."""
    shapes = tree.find(f"{P}cSld/{P}spTree")
    return [] if shapes is None else list(_group_text(shapes, inherited, linked))


def _group_text(group: Any, inherited: Placeholders, linked: Linked) -> Iterator[str]:
    ordered = sorted((_order(shape, inherited), n, shape) for n, shape in enumerate(_shapes(group)))
    for _, _, shape in ordered:
        if shape.tag == f"{P}grpSp":
            yield from _group_text(shape, inherited, linked)
        elif shape.tag == f"{P}sp":
            yield from text_body(shape.find(f"{P}txBody"))
        elif shape.tag == f"{P}graphicFrame":
            yield from _frame_text(shape, linked)


def _shapes(group: Any) -> Iterator[Any]:
    """The group's shapes that show: those hidden in the Selection Pane left out; of a choice of content
    (mc:AlternateContent), the first choice's."""
    for shape in group:
        if shape.tag == f"{MC}AlternateContent":
            choice = shape.find(f"{MC}Choice")
            yield from [] if choice is None else _shapes(choice)
            continue
        properties = shape.find(f"*/{P}cNvPr")
        if properties is None or str(properties.get("hidden", "")).lower() not in ("1", "true"):
            yield shape


def _order(shape: Any, inherited: Placeholders) -> tuple[int, int, int]:
    """The shape's place in reading order: a title first, then by its offset (its placeholder's, when it has
    none of its own; a shape placed nowhere last)."""
    ph = shape.find(f"*/{P}nvPr/{P}ph")
    title = ph is not None and str(ph.get("type", "")) in TITLES
    properties = shape.find(f"{P}spPr") if shape.tag == f"{P}sp" else shape.find(f"{P}grpSpPr")
    place = _offset(properties) if properties is not None else _frame_offset(shape)
    if place is None and ph is not None:
        place = inherited.place_of(ph)
    y, x = place or (1 << 62, 1 << 62)
    return (0 if title else 1), y, x


def _frame_offset(shape: Any) -> Place | None:
    offset = shape.find(f"{P}xfrm/{A}off")
    return None if offset is None else (_integer(offset.get("y")), _integer(offset.get("x")))


def text_body(body: Any) -> Iterator[str]:
    """A text body's paragraphs, each with its automatic number."""
    if body is None:
        return
    counts: dict[int, int] = {}
    for paragraph in body.iterfind(f"{A}p"):
        text = paragraph_text(paragraph)
        if text.strip():
            yield _numbered(paragraph, text, counts)


def paragraph_text(paragraph: Any) -> str:
    parts = []
    for item in paragraph:
        if item.tag in (f"{A}r", f"{A}fld"):
            parts.append(item.findtext(f"{A}t") or "")
        elif item.tag == f"{A}br":
            parts.append(" ")
    return "".join(parts)


def _numbered(paragraph: Any, text: str, counts: dict[int, int]) -> str:
    """The paragraph's text after its automatic number, counted among the body's paragraphs of its level (a
    paragraph of a level above, or one of its level without a number, starts the count again)."""
    properties = paragraph.find(f"{A}pPr")
    level = _integer(properties.get("lvl", "0")) if properties is not None else 0
    for deeper in [key for key in counts if key > level]:
        del counts[deeper]
    auto = None if properties is None else properties.find(f"{A}buAutoNum")
    if auto is None:
        counts.pop(level, None)
        return text
    start = _integer(auto.get("startAt", "1")) or 1
    counts[level] = counts.get(level, start - 1) + 1
    scheme = str(auto.get("type", "arabicPeriod"))
    counting = next((kind for prefix, kind in _SCHEMES.items() if scheme.startswith(prefix)), "decimal")
    shape = next((form for suffix, form in _PUNCTUATION.items() if scheme.endswith(suffix)), "{}.")
    return f"{shape.format(marker(counting, counts[level])[:-1])} {text}"


def _frame_text(frame: Any, linked: Linked) -> Iterator[str]:
    """A graphic frame's text: a table's cells, a chart's titles, a SmartArt's boxes."""
    data = frame.find(f"{A}graphic/{A}graphicData")
    if data is None:
        return
    for row in data.iterfind(f"{A}tbl/{A}tr"):
        for cell in row.iterfind(f"{A}tc"):
            if not any(str(cell.get(merge, "")).lower() in ("1", "true") for merge in ("hMerge", "vMerge")):
                yield from text_body(cell.find(f"{A}txBody"))
    chart = data.find(f"{C}chart")
    if chart is not None:
        yield from linked("chart", str(chart.get(f"{R}id", "")))
    diagram = data.find(f"{DGM}relIds")
    if diagram is not None:
        yield from linked("diagram", str(diagram.get(f"{R}dm", "")))
