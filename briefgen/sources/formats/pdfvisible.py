"""Text a PDF draws that no reader sees: not seed text (a passage must not be verified against hidden words).

Left out: characters drawn in text render mode 3 or 7 (neither filled nor stroked: invisible) unless over an image,
as a scanned page's OCR layer is (its words are the image's); and white characters with nothing drawn under
them to show them against (a filled shape or an image of another colour), as white text on a white page is.
Left out too: characters drawn off the part of the page a viewer shows (outside its crop box). Kept:
everything else, white text on a coloured banner or a photograph included. Text under an opaque box filled
after it is left out by pdfcover.py; text that is only tiny is not detected.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pdfminer.layout import LTChar, LTCurve, LTFigure, LTImage

INVISIBLE = 3  # the text render mode that paints nothing
_CLIP_ONLY = 7  # adds the text to the clipping path, paints nothing
_STROKED = frozenset({1, 2, 5, 6})  # render modes that stroke the outlines of the letters
_FILLED = frozenset({0, 2, 4, 6})  # render modes that fill them
_WHITE = 0.98  # a colour component at least this light (at most 1 - this, in CMYK) is white


_NOTE = "briefgen_unseen"  # the attribute noting on a character why it may not be seen
_FILL = "briefgen_fill"  # the attribute noting on a character the colour it is filled with, as RGB


def unseen(render: int, fill: object, stroke: object = None) -> str:
    """Why text drawn in this render mode, fill and stroke colours may not be seen: "invisible", "white" or "".
    White is what every part painted is: outlined letters (LibreOffice's "Outline" effect, a white fill
    stroked in black) are seen."""
    if render in (INVISIBLE, _CLIP_ONLY):
        return "invisible"
    painted = ([fill] if render in _FILLED else []) + ([stroke] if render in _STROKED else [])
    return "white" if painted and all(white(colour) for colour in painted) else ""


def mark(char: object, why: str) -> None:
    """Note on a character drawn just now why it may not be seen (read by `seen`)."""
    if isinstance(char, LTChar):
        setattr(char, _NOTE, why)


def _note(char: LTChar) -> str:
    return str(getattr(char, _NOTE, ""))


def white(colour: object) -> bool:
    """Whether a fill colour (gray, RGB or CMYK components) is white."""
    found = rgb(colour)
    return found is not None and min(found) >= _WHITE


def rgb(colour: object) -> tuple[float, float, float] | None:
    """A colour's gray, RGB or CMYK components as red, green and blue (None: another colour space's)."""
    if isinstance(colour, (int, float)):
        return float(colour), float(colour), float(colour)
    if isinstance(colour, (tuple, list)) and all(isinstance(c, (int, float)) for c in colour):
        if len(colour) == 3:
            return float(colour[0]), float(colour[1]), float(colour[2])
        if len(colour) == 4:
            c, m, y, k = (float(part) for part in colour)
            return (1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)
    return None


def note_fill(char: object, colour: object) -> None:
    """Note on a character drawn just now the colour it is filled with, when nothing else paints it (render
    mode 0 or 4, no stroke): what it is seen against must differ."""
    if isinstance(char, LTChar):
        setattr(char, _FILL, rgb(colour))


def filled(char: LTChar) -> tuple[float, float, float] | None:
    found = getattr(char, _FILL, None)
    return found if isinstance(found, tuple) else None


def image_boxes(objects: list[Any]) -> list[tuple[float, float, float, float]]:
    """The boxes of the images of a page (and its figures)."""
    return [box for kind, box in _grounds(objects) if kind == "image"]


def on_page(objects: list[Any], shown: tuple[float, float, float, float]) -> list[Any]:
    """`objects` without the characters drawn off the part of the page a viewer shows (its crop box)."""
    x0, y0, x1, y1 = shown
    return [o for o in objects if not isinstance(o, LTChar) or
            (x0 - 1 <= (o.x0 + o.x1) / 2 <= x1 + 1 and y0 - 1 <= (o.y0 + o.y1) / 2 <= y1 + 1)]


def seen(objects: list[Any]) -> list[Any]:
    """`objects` (a page's) without the characters no reader sees, in its figures (form XObjects) too, each
    seen against what the whole page draws: ocrmypdf puts a scan's OCR text in a form of its own, the scan
    beside it on the page."""
    unseen = list(_noted(objects))
    if not unseen:
        return objects
    grounds = list(_grounds(objects))
    images = [box for kind, box in grounds if kind == "image"]
    boxes = [box for _, box in grounds]
    hidden = {id(char) for char in unseen if not _over(char, images if _note(char) == "invisible" else boxes)}
    return _without(objects, hidden)


def _noted(objects: list[Any]) -> Iterator[LTChar]:
    """The characters, in figures too, noted as perhaps not seen."""
    for item in objects:
        if isinstance(item, LTChar) and _note(item):
            yield item
        elif isinstance(item, LTFigure):
            yield from _noted(item._objs)


def _without(objects: list[Any], hidden: set[int]) -> list[Any]:
    for item in objects:
        if isinstance(item, LTFigure):
            item._objs = _without(item._objs, hidden)
    return [item for item in objects if id(item) not in hidden]


def _grounds(objects: list[Any]) -> Iterator[tuple[str, tuple[float, float, float, float]]]:
    """What a character may be seen against: ("image", box) for each image (a figure holding one counts as
    one), ("shape", box) for each shape filled with a colour that is not white, in figures too."""
    for item in objects:
        if isinstance(item, LTImage) or (isinstance(item, LTFigure) and any(_has_image(item))):
            yield "image", item.bbox
        elif isinstance(item, LTCurve) and item.fill and not white(item.non_stroking_color):
            yield "shape", item.bbox
        if isinstance(item, LTFigure):
            yield from _grounds(item._objs)


def _has_image(figure: LTFigure) -> Iterator[bool]:
    for item in figure:
        yield isinstance(item, LTImage) or (isinstance(item, LTFigure) and any(_has_image(item)))


def _over(char: LTChar, boxes: list[tuple[float, float, float, float]]) -> bool:
    x, y = (char.x0 + char.x1) / 2, (char.y0 + char.y1) / 2
    return any(x0 <= x <= x1 and y0 <= y <= y1 for x0, y0, x1, y1 in boxes)
