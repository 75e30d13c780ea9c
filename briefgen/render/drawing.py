"""A reference DOCX's floating drawings as DrawingML says them (wp:anchor, wps:wsp): where one stands on the
page, its size in EMU, and the paint of a rectangle or a line (render/letterhead.py places them in a header or
footer's lines)."""

from __future__ import annotations

from collections.abc import Callable
from xml.etree.ElementTree import Element

from briefgen.document.house import Anchor, Shape
from briefgen.document.wordvalues import whole
from briefgen.render.wordml import EMU_PER_PT, MOST_TWIPS, WP, A, within

ColourOf = Callable[[Element | None], str | None]  # a DrawingML fill's or line's colour (render/wordtheme.py)
WPS = "{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}"
_RECTANGLES = ("rect", "roundRect", "snip1Rect", "snip2SameRect", "round1Rect", "round2SameRect", "flowChartProcess")
_LINES = ("line", "straightConnector1")
_ACROSS = ("page", "margin", "leftMargin", "rightMargin", "column", "character", "insideMargin", "outsideMargin")
_DOWN = ("page", "margin", "topMargin", "bottomMargin", "paragraph", "line", "insideMargin", "outsideMargin")
_ALIGNS = ("left", "center", "right", "inside", "outside", "top", "bottom")
_MAX_EMU = MOST_TWIPS / 20 * EMU_PER_PT  # an offset in EMU is bound as far as an indent in twips


def anchor_of(drawing: Element) -> Anchor:
    """A floating picture's place, as its wp:positionH and wp:positionV say (a column or a character as the
    margin, a line as its paragraph; anything else Word does not write as the margin and the paragraph)."""
    def way(name: str, known: tuple[str, ...], default: str) -> tuple[str, str | None, float]:
        position = drawing.find(f"{WP}{name}")
        relative = default if position is None else position.get("relativeFrom", default)
        relative = {"column": "margin", "character": "margin", "line": "paragraph"}.get(relative, relative)
        align = None if position is None else position.findtext(f"{WP}align")
        offset = None if position is None else position.findtext(f"{WP}posOffset")
        number = within(whole(offset), _MAX_EMU)
        return (relative if relative in known else default, align if align in _ALIGNS else None,
                number / EMU_PER_PT if number is not None else 0.0)

    across, down = way("positionH", _ACROSS, "margin"), way("positionV", _DOWN, "paragraph")
    return Anchor(*across, *down, behind=drawing.get("behindDoc", "0").lower() in ("1", "true", "on"))


def emu(value: str | None) -> float | None:
    """A size in EMU (ST_PositiveCoordinate, ST_LineWidth: a whole number, not negative), or None."""
    number = whole(value)
    return None if number is None or number < 0 else float(number)


def drawn_shape(drawing: Element, colour_of: ColourOf) -> Shape | None:
    """The paint of a floating shape (wps:wsp): a rectangle's fill and outline, a line's stroke, each as its
    shape properties say or, where they say nothing, as its style's references; None for a shape of another
    geometry, or one that paints nothing."""
    shape = drawing.find(f".//{WPS}wsp")
    props = None if shape is None else shape.find(f"{WPS}spPr")
    if shape is None or props is None:
        return None
    geometry = props.find(f"{A}prstGeom")
    kind = "rect" if geometry is None else geometry.get("prst", "")
    if kind not in _RECTANGLES + _LINES:
        return None
    style = shape.find(f"{WPS}style")
    fill = _paint(colour_of, props.find(f"{A}solidFill"), props.find(f"{A}noFill"),
                  None if style is None else style.find(f"{A}fillRef"))
    outline = props.find(f"{A}ln")
    stroke = _paint(colour_of, None if outline is None else outline.find(f"{A}solidFill"),
                    None if outline is None else outline.find(f"{A}noFill"),
                    None if style is None else style.find(f"{A}lnRef"))
    width = emu(None if outline is None else outline.get("w"))
    line = kind in _LINES
    if (fill is None or line) and stroke is None:
        return None
    return Shape(line, None if line else fill, stroke, width / EMU_PER_PT if width else 0.75)


def _paint(colour_of: ColourOf, solid: Element | None, none: Element | None,
           reference: Element | None) -> str | None:
    if none is not None:
        return None
    if solid is not None:
        return colour_of(solid)
    return colour_of(reference) if reference is not None and reference.get("idx", "0") != "0" else None
