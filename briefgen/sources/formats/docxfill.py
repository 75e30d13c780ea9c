"""The fill of the shape around a text box: the ground behind its text (docxink.Grounds).

A text box is a shape's text: a DrawingML shape (wps:wsp) filled by its properties (wps:spPr's a:solidFill, its
colour given as RGB, a theme colour resolved through the theme part, a system or preset colour, with its changes:
docxtheme.py), else by its style (wps:style's a:fillRef: idx 1 is the theme's first fill style, solid in its colour
in Office's themes; idx 0 is none); or a VML shape filled by its `fillcolor` (unless `filled="f"`), else its
shape type's, else white, VML's default (Word 2003 wrote no attribute holding its default), changed by a v:fill
child. A DrawingML fill that lets what is behind show (none stated, a:noFill, a gradient, a picture, a pattern,
the group's, a translucent colour) is not known, so nothing in it is hidden; nor is the colour of text without one
of its own in a shape whose style colours its text (a:fontRef: a shape's text drawn white on its accent fill).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from briefgen.sources.formats.docxtheme import CHANGES, PAINTS, PRESETS, SOLID, A, Theme, changed, hex_colour
from briefgen.sources.formats.ink import colour as css_colour

WPS = "{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}"
V = "{urn:schemas-microsoft-com:vml}"
SHAPE, SHAPE_PROPS, SHAPE_STYLE = f"{WPS}wsp", f"{WPS}spPr", f"{WPS}style"
VML_FILLED = {f"{V}{n}" for n in ("shape", "rect", "roundrect", "oval")}
VML_FILL, VML_TYPE = f"{V}fill", f"{V}shapetype"
FILL_REF, FONT_REF = f"{A}fillRef", f"{A}fontRef"
UNKNOWN_FILLS = {f"{A}{n}" for n in ("noFill", "gradFill", "blipFill", "pattFill", "grpFill")}
WATCHED = {SHAPE, VML_FILL, VML_TYPE, SOLID, FILL_REF, FONT_REF, *VML_FILLED, *UNKNOWN_FILLS, *PAINTS, *CHANGES}
UNSET = "unset"  # a DrawingML shape whose properties state no fill (yet): its style's is taken
OFF = ("f", "false", "0")


@dataclass
class _Shape:
    depth: int
    fill: str | None  # six hex digits, None when not known, UNSET
    text_coloured: bool = False  # its style colours its text (a:fontRef)


@dataclass
class _Paint:
    depth: int  # the a:solidFill's or a:fillRef's
    colour: str | None = None
    changes: list[tuple[str, float]] = field(default_factory=list)
    translucent: bool = False


def vml_colour(value: object) -> str | None:
    """A VML colour ("#1f3864", "#fff", "navy", "white [3201]") as six hex digits; None when not known."""
    words = str(value or "").split()
    found = css_colour(words[0].lower()) if words else None
    return found[1:].upper() if found is not None and found.startswith("#") else None


def _vml_fill(element: Any, fill: str | None) -> str | None:
    """The fill after a VML shape's v:fill: off, a gradient, a picture or translucent is not known."""
    if str(element.get("on", "t")).lower() in OFF or element.get("type", "solid") != "solid" or \
            str(element.get("opacity", "1")).strip() not in ("1", "100%", "65536f", "1.0"):
        return None
    return vml_colour(element.get("color")) if element.get("color") is not None else fill


class ShapeFills:
    """The shapes open at a point of a part, innermost last, each with its fill as read so far."""

    def __init__(self, theme: Theme) -> None:
        self.theme = theme
        self.shapes: list[_Shape] = []
        self.paint: _Paint | None = None
        self.types: dict[str, tuple[str | None, str | None]] = {}  # VML shape types: (filled, fillcolor) by id

    def start(self, tag: str, parent: str, element: Any, depth: int) -> None:
        if tag == SHAPE:
            self.shapes.append(_Shape(depth, UNSET))
        elif tag == VML_TYPE:
            self.types[str(element.get("id", ""))] = (element.get("filled"), element.get("fillcolor"))
        elif tag in VML_FILLED:
            self.shapes.append(_Shape(depth, self._vml_shape_fill(element)))
        elif not self.shapes:
            return
        elif tag == VML_FILL and parent in VML_FILLED:
            self.shapes[-1].fill = _vml_fill(element, self.shapes[-1].fill)
        elif parent == SHAPE_PROPS and tag in UNKNOWN_FILLS:
            self.shapes[-1].fill = None
        elif (parent == SHAPE_PROPS and tag == SOLID) or (parent == SHAPE_STYLE and tag == FILL_REF):
            self._fill(tag, element, depth)
        elif parent == FONT_REF and tag in PAINTS:
            self.shapes[-1].text_coloured = True
        elif self.paint is not None:
            self._painted(tag, element, depth)

    def _vml_shape_fill(self, element: Any) -> str | None:
        """A VML shape's fill: its own `filled` and `fillcolor`, else its shape type's (v:shapetype, named by its
        `type`), else VML's defaults, filled in white (Word 2003 writes no attribute that has its default)."""
        filled, fill = self.types.get(str(element.get("type", "")).lstrip("#"), (None, None))
        filled, fill = element.get("filled", filled), element.get("fillcolor", fill)
        return None if str(filled or "t").lower() in OFF else vml_colour(fill or "white")

    def _fill(self, tag: str, element: Any, depth: int) -> None:
        shape = self.shapes[-1]
        if tag == SOLID:
            self.paint = _Paint(depth)
        elif shape.fill == UNSET:  # the style's fill, where the properties state none
            shape.fill = None
            if element.get("idx") == "1" and self.theme.solid_first_fill:
                self.paint = _Paint(depth)

    def _painted(self, tag: str, element: Any, depth: int) -> None:
        """A colour element of the fill being read, or one of its changes."""
        paint = self.paint
        assert paint is not None
        if tag in PAINTS and depth == paint.depth + 1:
            value = element.get(PAINTS[tag])
            paint.colour = self.theme.colour(value) if tag == f"{A}schemeClr" else \
                PRESETS.get(str(value)) if tag == f"{A}prstClr" else hex_colour(value)
        elif tag in CHANGES and depth == paint.depth + 2:
            amount = _amount(element.get("val"))
            if amount is None or (tag == f"{A}alpha" and amount < 1.0):
                paint.translucent = True
            elif tag != f"{A}alpha":
                paint.changes.append((tag[len(A):], amount))

    def end(self, depth: int) -> None:
        """An element at `depth` ended: a fill being read is settled, a shape closed."""
        if self.paint is not None and depth == self.paint.depth:
            paint, self.paint = self.paint, None
            found = None if paint.translucent else paint.colour
            for change, amount in paint.changes:
                found = changed(found, change, amount) if found is not None else None
            if self.shapes:
                self.shapes[-1].fill = found
        while self.shapes and self.shapes[-1].depth >= depth:
            self.shapes.pop()

    def ground(self) -> str | None:
        """The fill behind the innermost open shape's text: None when not known."""
        if not self.shapes or self.shapes[-1].fill == UNSET:
            return None
        return self.shapes[-1].fill

    def inks_text(self) -> bool:
        """Whether the innermost open shape's style colours its text (a:fontRef): a run's colour of its own is
        drawn, any other is the style's (which is not read)."""
        return bool(self.shapes) and self.shapes[-1].text_coloured


def _amount(value: object) -> float | None:
    """A DrawingML percentage (100000 is 1) as a fraction; None when malformed."""
    try:
        return int(str(value)) / 100000
    except ValueError:
        return None
