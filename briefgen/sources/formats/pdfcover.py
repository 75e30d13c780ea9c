"""Text a box is filled over: a viewer shows the box, not the text (a redaction drawn over the words, a correction
pasted over a value), so it is not seed text.

A box covers a character when it is filled opaque (pdfclip.py: no transparency, no blend mode, as a highlighter's
is not), drawn after the character, and holds the character's middle (its box less a quarter on each side: a rule
or a strike-through line, thin, holds none). Only a rectangle that is one path of its own counts: a frame drawn as
two rectangles, the inner one a hole, covers nothing, and a curve's box is not its shape. A box clipped counts
as much of it as its clip lets show. An image drawn over text does not hide it as read: a scan laid over its own
OCR text shows the same words.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pdfminer.layout import LTChar, LTFigure, LTRect
from pdfminer.utils import Rect

from briefgen.sources.formats.pdfclip import narrowed

MAX_COVERS = 10000  # filled boxes on a page at most for them to be taken as covers
_CELL = 64.0  # the side of a cell of the grid covers are found by, in points
_DRAWN = "briefgen_drawn"  # the attribute noting on a character its place in the order the page draws them


@dataclass(frozen=True)
class Cover:
    """An opaque box filled over the page, and how many characters the page had drawn before it."""

    after: int
    box: Rect


def cover(painted: Any, path: Sequence[tuple[Any, ...]], clip: Rect | None, drawn: int) -> Cover | None:
    """The cover a filled path makes, the shape pdfminer made of it (`painted`) a rectangle, or None."""
    if not isinstance(painted, LTRect) or sum(segment[0] == "m" for segment in path) != 1:
        return None
    box = narrowed(clip, painted.bbox)
    return Cover(drawn, box) if box[0] < box[2] and box[1] < box[3] else None


def drawn_at(char: object, order: int) -> None:
    """Note on a character its place in the order the page draws them."""
    setattr(char, _DRAWN, order)


def order(char: LTChar) -> int:
    return int(getattr(char, _DRAWN, -1))


def uncovered(objects: list[Any], covers: list[Cover], page: Rect) -> list[Any]:
    """`objects` (a page's, its figures' too) without the characters a later cover hides; `page`: the part of
    the page a viewer shows (what a cover holds outside it hides nothing). A page of more than MAX_COVERS filled
    boxes (a drawing, a chart of many bars) is read whole: its boxes cover nothing."""
    if not covers or len(covers) > MAX_COVERS:
        return objects
    return _without(objects, _Grid([Cover(found.after, narrowed(page, found.box)) for found in covers]))


def _without(objects: list[Any], grid: _Grid) -> list[Any]:
    for item in objects:
        if isinstance(item, LTFigure):
            item._objs = _without(item._objs, grid)
    return [item for item in objects if not (isinstance(item, LTChar) and grid.hides(item))]


class _Grid:
    """The covers by the cells of a grid they reach into, to find those over a character among thousands."""

    def __init__(self, covers: list[Cover]) -> None:
        self.cells: dict[tuple[int, int], list[Cover]] = defaultdict(list)
        for found in covers:
            x0, y0, x1, y1 = found.box
            if x0 < x1 and y0 < y1:
                for column in range(int(x0 // _CELL), int(x1 // _CELL) + 1):
                    for row in range(int(y0 // _CELL), int(y1 // _CELL) + 1):
                        self.cells[(column, row)].append(found)

    def hides(self, char: LTChar) -> bool:
        x0, x1 = char.x0 + char.width / 4, char.x1 - char.width / 4
        y0, y1 = char.y0 + char.height / 4, char.y1 - char.height / 4
        drawn = order(char)
        near = self.cells.get((int((x0 + x1) / 2 // _CELL), int((y0 + y1) / 2 // _CELL)), [])
        return any(found.after > drawn and found.box[0] <= x0 and x1 <= found.box[2] and found.box[1] <= y0
                   and y1 <= found.box[3] for found in near)
