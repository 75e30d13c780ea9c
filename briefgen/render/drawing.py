"""A reference DOCX's floating drawings as DrawingML says them (wp:anchor, wps:wsp): where one stands on the
page, its size in EMU, and the paint of a shape (its outline: render/geometry.py; render/letterhead.py places
them in a header or footer's lines)."""

from __future__ import annotations

from collections.abc import Callable
from xml.etree.ElementTree import Element

from briefgen.document.house import Anchor, Outline, Piece, Shape
from briefgen.document.wordvalues import whole
from briefgen.render.geometry import freeform
from briefgen.render.geometry import preset as geometry_preset
from briefgen.render.wordml import EMU_PER_PT, MOST_TWIPS, WP, A, within

ColourOf = Callable[[Element | None], str | None]  # a DrawingML fill's or line's colour (render/wordtheme.py)
WPS = "{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}"
_RECTANGLES = ("rect", "snip1Rect", "snip2SameRect", "round1Rect", "round2SameRect", "flowChartProcess")
_LINES = ("line", "straightConnector1")
_ACROSS = ("page", "margin", "leftMargin", "rightMargin", "column", "character", "insideMargin", "outsideMargin")
_DOWN = ("page", "margin", "topMargin", "bottomMargin", "paragraph", "line", "insideMargin", "outsideMargin")
_ALIGNS = ("left", "center", "right", "inside", "outside", "top", "bottom")
LEFT_OUT = "the PDF leaves it out"  # how a letterhead's picture or shape the PDF does not draw is reported
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


def text_place(drawing: Element) -> dict[str, object]:
    """Where a text box sets its text, as its wps:bodyPr says: its insets in points (left, top, right, bottom)
    and its vertical anchor (top, middle or bottom), Word's defaults (document/house.py Piece) where it says
    none: Piece's keywords."""
    body = drawing.find(f".//{WPS}bodyPr")
    said = [emu(None if body is None else body.get(name)) for name in ("lIns", "tIns", "rIns", "bIns")]
    anchor = None if body is None else body.get("anchor")
    return {"insets": tuple(default if value is None else value / EMU_PER_PT
                            for value, default in zip(said, Piece().insets, strict=True)),
            "valign": anchor if anchor in ("t", "ctr", "b") else "t"}


def emu(value: str | None) -> float | None:
    """A size in EMU (ST_PositiveCoordinate, ST_LineWidth: a whole number, not negative), or None."""
    number = whole(value)
    return None if number is None or number < 0 else float(number)


def drawn_shape(drawing: Element, colour_of: ColourOf, notes: list[str]) -> Shape | None:
    """The paint of a floating shape (wps:wsp): its outline (render/geometry.py), fill and stroke, each as its
    shape properties say or, where they say nothing, as its style's references; None for one that paints
    nothing, or of a geometry the PDF does not draw (said in `notes`, as a gradient drawn in one colour is)."""
    shape = drawing.find(f".//{WPS}wsp")
    props = None if shape is None else shape.find(f"{WPS}spPr")
    if shape is None or props is None:
        return None
    outline = _outline(props, drawing)
    if outline is None:
        notes.append(f"shape '{_geometry_name(props)}': {LEFT_OUT}")
        return None
    style = shape.find(f"{WPS}style")
    fill = _paint(colour_of, props, None if style is None else style.find(f"{A}fillRef"), notes)
    stroke_props = props.find(f"{A}ln")
    stroke = _paint(colour_of, stroke_props, None if style is None else style.find(f"{A}lnRef"), notes)
    width = emu(None if stroke_props is None else stroke_props.get("w"))
    kind, corner, path = outline
    line = kind == "line"
    if (fill is None or line) and stroke is None:
        return None
    return Shape(line, None if line else fill, stroke, width / EMU_PER_PT if width else 0.75, kind, corner, path)


def _geometry_name(props: Element) -> str:
    preset = props.find(f"{A}prstGeom")
    return "freeform" if preset is None else preset.get("prst", "")[:40]


def _outline(props: Element, drawing: Element) -> tuple[str, float, Outline] | None:
    """A shape's kind, corner and outline (render/geometry.py); a line's kind is "line"."""
    custom, preset = props.find(f"{A}custGeom"), props.find(f"{A}prstGeom")
    if custom is not None:
        extent = drawing.find(f"{WP}extent")
        size = tuple(emu(None if extent is None else extent.get(name)) or 0.0 for name in ("cx", "cy"))
        path = freeform(custom, (size[0], size[1]))
        return None if path is None else ("path", 0.0, path)
    kind = "rect" if preset is None else preset.get("prst", "")
    if kind in _LINES:
        return "line", 0.0, ()
    if kind in _RECTANGLES:
        return "rect", 0.0, ()
    return geometry_preset(kind, preset) if preset is not None else None


def _paint(colour_of: ColourOf, props: Element | None, reference: Element | None, notes: list[str]) -> str | None:
    """The colour a fill or outline paints: its solid colour, a gradient's stops' average (said in `notes`),
    none, or (saying nothing) its style's reference's."""
    solid = None if props is None else props.find(f"{A}solidFill")
    gradient = None if props is None else props.find(f"{A}gradFill")
    if props is not None and props.find(f"{A}noFill") is not None:
        return None
    if solid is not None:
        return colour_of(solid)
    if gradient is not None:
        stops = [colour for stop in gradient.iterfind(f"{A}gsLst/{A}gs") if (colour := colour_of(stop))]
        if stops:
            notes.append("shape's gradient fill: the PDF draws it in the average of its colours")
            return average(stops)
    return colour_of(reference) if reference is not None and reference.get("idx", "0") != "0" else None


def average(colours: list[str]) -> str:
    """The mean of "#RRGGBB" colours, channel by channel."""
    channels = [sum(int(c[i:i + 2], 16) for c in colours) / len(colours) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(v):02X}" for v in channels)
