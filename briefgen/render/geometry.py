"""A floating shape's outline as DrawingML gives it (a:prstGeom, a:custGeom), for the PDF to draw as Word does:
a rectangle, a rounded rectangle, an ellipse, a polygon Word presets without adjustments (a triangle, a
diamond), or a freeform (a custom geometry's paths of straight lines and curves). Anything else (an arrow, a star,
a callout, a path with arcs or named guides) is not drawn, and the reader says so."""

from __future__ import annotations

from xml.etree.ElementTree import Element

from briefgen.document.house import Outline
from briefgen.document.wordvalues import whole
from briefgen.render.wordml import A

Point = tuple[float, float]
# Presets of fixed shape, as fractions of the box from its top left corner
_POLYGONS: dict[str, tuple[Point, ...]] = {
    "triangle": ((0.5, 0.0), (1.0, 1.0), (0.0, 1.0)),
    "rtTriangle": ((0.0, 0.0), (1.0, 1.0), (0.0, 1.0)),
    "diamond": ((0.5, 0.0), (1.0, 0.5), (0.5, 1.0), (0.0, 0.5)),
    "flowChartDecision": ((0.5, 0.0), (1.0, 0.5), (0.5, 1.0), (0.0, 0.5)),
    "flowChartMerge": ((0.0, 0.0), (1.0, 0.0), (0.5, 1.0)),
    "flowChartExtract": ((0.5, 0.0), (1.0, 1.0), (0.0, 1.0)),
}
ROUND_CORNER = 16667 / 100000  # Word's rounded rectangle: its corners' radius, a share of the shorter side
_ELLIPSES = ("ellipse", "flowChartConnector")
_STEPS = {"moveTo": ("M", 1), "lnTo": ("L", 1), "cubicBezTo": ("C", 3), "quadBezTo": ("Q", 2)}


def preset(name: str, geometry: Element) -> tuple[str, float, Outline] | None:
    """A preset's kind ("rect", "round", "ellipse" or "path"), its corners' radius (a share of the shorter
    side) and its outline; None for a preset the PDF does not draw."""
    if name == "roundRect":
        adjusted = next((g.get("fmla", "") for g in geometry.iter(f"{A}gd") if g.get("name") == "adj"), "")
        said = whole(adjusted[4:]) if adjusted.startswith("val ") else None
        share = min(max(said / 100000, 0.0), 0.5) if said is not None else ROUND_CORNER
        return "round", share, ()
    if name in _ELLIPSES:
        return "ellipse", 0.0, ()
    corners = _POLYGONS.get(name)
    if corners is None:
        return None
    return "path", 0.0, (("M", corners[0]), *(("L", point) for point in corners[1:]), ("Z", ()))


def freeform(geometry: Element, size: Point) -> Outline | None:
    """A custom geometry's paths as one outline, each point a fraction of the shape's box (a path's own width
    and height, else the shape's `size` in EMU); None where a path draws an arc or names a guide, or says
    nothing."""
    outline: list[tuple[str, tuple[float, ...]]] = []
    for path in geometry.iterfind(f"{A}pathLst/{A}path"):
        width, height = (whole(path.get(side)) or size[n] for n, side in enumerate(("w", "h")))
        if width <= 0 or height <= 0:
            return None
        current: Point = (0.0, 0.0)
        for step in path:
            local = step.tag.rpartition("}")[2]
            if local == "close":
                outline.append(("Z", ()))
                continue
            kind, count = _STEPS.get(local, ("", 0))
            points = [_point(pt, width, height) for pt in step.iterfind(f"{A}pt")]
            if not kind or len(points) != count or None in points:
                return None  # an arc, or a point Word's guides compute
            known = [p for p in points if p is not None]
            outline.append(_step(kind, known, current))
            current = known[-1]
    return tuple(outline) or None


def _point(pt: Element, width: float, height: float) -> Point | None:
    x, y = whole(pt.get("x")), whole(pt.get("y"))
    return None if x is None or y is None else (x / width, y / height)


def _step(kind: str, points: list[Point], current: Point) -> tuple[str, tuple[float, ...]]:
    """One step of the outline: a move, a line or a cubic curve (a quadratic one raised to a cubic)."""
    if kind == "Q":
        (qx, qy), (ex, ey) = points
        (sx, sy) = current
        points = [(sx + 2 / 3 * (qx - sx), sy + 2 / 3 * (qy - sy)), (ex + 2 / 3 * (qx - ex), ey + 2 / 3 * (qy - ey)),
                  (ex, ey)]
        kind = "C"
    return kind, tuple(value for point in points for value in point)
