"""Text a box is filled over, or filled in the box's colour: a viewer shows the box, not the text (a redaction
drawn over the words, a correction pasted over a value, Word's black highlight on black text), so it is not seed
text. The box a character is drawn on is the last opaque box drawn before it that holds its middle point; it
hides a character filled (and not stroked) in a colour the eye cannot tell from its own, unless an image lies
under the character too.

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
from dataclasses import dataclass, replace
from typing import Any

from pdfminer.layout import LTChar, LTFigure, LTRect
from pdfminer.utils import Rect

from briefgen.sources.formats.pdfclip import narrowed
from briefgen.sources.formats.pdfvisible import filled, image_boxes, rgb

MAX_COVERS = 10000  # filled boxes on a page at most for them to be taken as covers
_ALIKE = 0.03  # how far apart red, green or blue may be in two colours the eye cannot tell apart
_CELL = 64.0  # the side of a cell of the grid covers are found by, in points
_DRAWN = "briefgen_drawn"  # the attribute noting on a character its place in the order the page draws them


@dataclass(frozen=True)
class Cover:
    """An opaque box filled over the page, and how many characters the page had drawn before it."""

    after: int
    box: Rect
    colour: tuple[float, float, float] | None = None  # its fill, as RGB (None: in another colour space)


def cover(painted: Any, path: Sequence[tuple[Any, ...]], clip: Rect | None, drawn: int,
          colour: object = None) -> Cover | None:
    """The cover a filled path makes (filled with `colour`), the shape pdfminer made of it (`painted`) a
    rectangle, or None."""
    if not isinstance(painted, LTRect) or sum(segment[0] == "m" for segment in path) != 1:
        return None
    box = narrowed(clip, painted.bbox)
    return Cover(drawn, box, rgb(colour)) if box[0] < box[2] and box[1] < box[3] else None


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
    grid = _Grid([replace(found, box=narrowed(page, found.box)) for found in covers], image_boxes(objects))
    return _without(objects, grid)


def _without(objects: list[Any], grid: _Grid) -> list[Any]:
    for item in objects:
        if isinstance(item, LTFigure):
            item._objs = _without(item._objs, grid)
    return [item for item in objects if not (isinstance(item, LTChar) and grid.hides(item))]


class _Grid:
    """The covers by the cells of a grid they reach into, to find those over a character among thousands."""

    def __init__(self, covers: list[Cover], images: list[Rect]) -> None:
        self.images = images
        self.cells: dict[tuple[int, int], list[Cover]] = defaultdict(list)
        for found in covers:
            x0, y0, x1, y1 = found.box
            if x0 < x1 and y0 < y1:
                for column in range(int(x0 // _CELL), int(x1 // _CELL) + 1):
                    for row in range(int(y0 // _CELL), int(y1 // _CELL) + 1):
                        self.cells[(column, row)].append(found)

    def hides(self, char: LTChar) -> bool:
        """Whether a cover drawn after `char` holds its middle, or the last drawn before it under its centre is
        filled in its colour (no image between them)."""
        x0, x1 = char.x0 + char.width / 4, char.x1 - char.width / 4
        y0, y1 = char.y0 + char.height / 4, char.y1 - char.height / 4
        drawn, x, y = order(char), (x0 + x1) / 2, (y0 + y1) / 2
        near = self.cells.get((int(x // _CELL), int(y // _CELL)), [])
        if any(found.after > drawn and found.box[0] <= x0 and x1 <= found.box[2] and found.box[1] <= y0
               and y1 <= found.box[3] for found in near):
            return True
        under = [found for found in near if found.after <= drawn and found.box[0] <= x <= found.box[2]
                 and found.box[1] <= y <= found.box[3]]
        colour = filled(char)
        return bool(under) and colour is not None and _alike(max(under, key=_after).colour, colour) \
            and not any(box[0] <= x <= box[2] and box[1] <= y <= box[3] for box in self.images)


def _after(found: Cover) -> int:
    return found.after


def _alike(one: tuple[float, float, float] | None, other: tuple[float, float, float]) -> bool:
    """Whether two colours are the same to the eye (each of red, green and blue within 3%)."""
    return one is not None and all(abs(a - b) <= _ALIKE for a, b in zip(one, other, strict=True))
