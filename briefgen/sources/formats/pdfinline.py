"""Characters a producer draws out of their line's order, put back in it before pdfminer builds lines.

pdfminer makes a text line of characters drawn one after the other on a baseline. A producer that draws a few
characters of a line in a fallback font (a second font, for letters the first lacks: "無人機", "✓", "→")
may draw them after the rest of the line, leaving a hole where they go (LibreOffice draws a line's glyphs
font by font); pdfminer then read the line as two or three lines on one baseline, out of order
("ℵ⟶ aleph long arrow" for "ℵ aleph ⟶ long arrow"), or cut a paragraph around them.

So each row of characters (those one of pdfminer's lines would hold: pdfbidi.char_rows), cut where a gap wider
than GUTTER parts columns or table cells, is looked at in the order it is drawn: when a character is drawn
left of the one drawn before it (by more than BACKSTEP), the row's characters are drawn again from the left,
where its first drawn character was. A combining mark, and a character of an /ActualText span that reads as
nothing, goes with the character drawn before it. Right-to-left text is left to pdfbidi.visual_order, which
puts a page with any in the order it is seen.
"""

from __future__ import annotations

import math
from itertools import pairwise
from typing import Any

from pdfminer.layout import LTChar

from briefgen.sources.formats.pdfbidi import char_rows, has_rtl
from briefgen.sources.formats.pdfmarks import is_mark

GUTTER = 0.8  # of the type size: a wider gap in a row parts two lines (columns, table cells), not two words
BACKSTEP = 0.3  # of the type size: a character drawn further left of the one before it is out of order
SPACE = 0.2  # of the type size: a gap of a word space or more (a box a millimetre beside the text)
RESIZED = 0.08  # of the larger: two characters' sizes this far apart are two sizes of type
TALL = 1.5  # times a row's typical type size: a drop cap, not a letter of the row's lines


def in_line_order(objects: list[Any]) -> list[Any]:
    """A page's (or a figure's) objects with the characters of each row drawn out of order put in order."""
    chars = [item for item in objects if isinstance(item, LTChar)]
    if not _turns_back(chars):
        return objects
    units = _units(chars)
    drawn = {id(unit[0]): k for k, unit in enumerate(units)}
    rows = [line for row in char_rows([unit[0] for unit in units]) for line in _lines(row)] if len(units) > 1 else []
    moved: dict[int, list[LTChar]] = {}  # the first drawn character of a row -> the row's characters, in order
    for row in rows:
        for segment in _segments(row):
            order = sorted(segment, key=lambda char: drawn[id(char)])
            if not _in_order(order) and not any(has_rtl(char.get_text()) for char in segment):
                moved |= {id(char): [] for char in order[1:]} | {id(order[0]): segment}
    if not moved:
        return objects
    unit_of = {id(unit[0]): unit for unit in units}
    glued = {id(item) for unit in units for item in unit[1:]}
    out: list[Any] = []
    for item in objects:
        if not isinstance(item, LTChar):
            out.append(item)
        elif id(item) not in glued:
            out += [part for char in moved.get(id(item), [item]) for part in unit_of[id(char)]]
    return out


def _turns_back(chars: list[LTChar]) -> bool:
    """Whether the pen ever goes back left on its row, or up the page: else the characters are drawn in order,
    line after line down the page, and no row needs looking at (most pages: this is only to save the time)."""
    for before, after in pairwise(chars):
        size, rise = after.size, after.matrix[5] - before.matrix[5]  # between their baselines
        if rise > 0.1 * size or (after.x0 < before.x0 - BACKSTEP * size and rise > -0.5 * size):
            return True
    return False


def _units(chars: list[LTChar]) -> list[list[LTChar]]:
    """The characters as drawn, each with the marks (and empty characters) drawn after it."""
    units: list[list[LTChar]] = []
    for char in chars:
        text = char.get_text()
        if units and (not text or is_mark(text)):
            units[-1].append(char)
        else:
            units.append([char])
    return units


def _lines(row: list[LTChar]) -> list[list[LTChar]]:
    """A row's lines: itself, or where a character far taller than the row's type (a drop cap, set over three
    lines) joined several lines into one row, the rows of the others, the tall ones left where they are drawn."""
    sizes = sorted(char.size for char in row)
    typical = sizes[len(sizes) // 2]
    if sizes[-1] <= TALL * typical:
        return [row]
    return char_rows([char for char in row if char.size <= TALL * typical])


def _segments(row: list[LTChar]) -> list[list[LTChar]]:
    """A row's characters from the left, cut at each gap wider than GUTTER, and at a gap wider than a word space
    where the type size changes (a sidebar or pull quote set beside the running text, a narrow gap away: its
    lines are no part of the text's, though drawn after it)."""
    segments: list[list[LTChar]] = []
    right, size = float("-inf"), 0.0
    for char in sorted(row, key=lambda c: c.x0):
        points = type_size(char)
        gap, small, large = char.x0 - right, min(size, points), max(size, points)
        if not segments or gap > GUTTER * char.size or (gap > SPACE * small and large - small > RESIZED * large):
            segments.append([])
        segments[-1].append(char)
        right, size = max(right, char.x1), points
    return segments


def note_type_size(char: object, fontsize: float) -> None:
    """Note on a character the size of type it is drawn in (the font size through its matrix), as it is drawn."""
    if isinstance(char, LTChar):
        char._points = fontsize * math.hypot(char.matrix[2], char.matrix[3])  # type: ignore[attr-defined]


def type_size(char: LTChar) -> float:
    """The size of type a character is set in (note_type_size), else its box's height, which is the font's: a
    fallback font's letters in the same size stand taller or shorter."""
    return float(getattr(char, "_points", char.size))


def _in_order(order: list[LTChar]) -> bool:
    return all(after.x0 - before.x0 >= -BACKSTEP * max(before.size, after.size) for before, after in pairwise(order))
