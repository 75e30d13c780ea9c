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

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pdfminer.layout import LTChar, LTFigure, LTRect
from pdfminer.utils import Rect

from briefgen.sources.formats.pdfclip import narrowed

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


def uncovered(objects: list[Any], covers: list[Cover]) -> list[Any]:
    """`objects` (a page's, its figures' too) without the characters a later cover hides."""
    if not covers:
        return objects
    for item in objects:
        if isinstance(item, LTFigure):
            item._objs = uncovered(item._objs, covers)
    return [item for item in objects if not (isinstance(item, LTChar) and _hidden(item, covers))]


def _hidden(char: LTChar, covers: list[Cover]) -> bool:
    x0, x1 = char.x0 + char.width / 4, char.x1 - char.width / 4
    y0, y1 = char.y0 + char.height / 4, char.y1 - char.height / 4
    drawn = order(char)
    return any(found.after > drawn and found.box[0] <= x0 and x1 <= found.box[2] and found.box[1] <= y0
               and y1 <= found.box[3] for found in covers)
