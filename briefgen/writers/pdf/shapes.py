"""A letterhead's floating shape drawn as Word draws it (document/house.py Shape): a rectangle, rounded
rectangle, ellipse or outline filled and stroked, or a line across its box, a layout artifact under the text."""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from briefgen.document.house import Shape

Box = tuple[float, float, float, float]  # left, bottom, width, height, in points


def paint(canv: Canvas, shape: Shape, box: Box) -> None:
    """A floating shape's fill and outline in `box`, or its line across it."""
    x, y, width, height = box
    canv.saveState()
    if shape.stroke is not None:
        canv.setStrokeColor(HexColor(shape.stroke))
        canv.setLineWidth(shape.stroke_width)
    if shape.fill is not None:
        canv.setFillColor(HexColor(shape.fill))
    stroke, fill = int(shape.stroke is not None), int(shape.fill is not None and not shape.line)
    if shape.line:
        canv.line(x, y + height, x + width, y)
    elif shape.kind == "round":
        canv.roundRect(x, y, width, height, shape.corner * min(width, height), stroke=stroke, fill=fill)
    elif shape.kind == "ellipse":
        canv.ellipse(x, y, x + width, y + height, stroke=stroke, fill=fill)
    elif shape.kind == "path":
        _outline(canv, shape, box, stroke, fill)
    else:
        canv.rect(x, y, width, height, stroke=stroke, fill=fill)
    canv.restoreState()


def _outline(canv: Canvas, shape: Shape, box: Box, stroke: int, fill: int) -> None:
    """The shape's outline, its points fractions of the box from its top left corner."""
    x, y, width, height = box

    def at(values: tuple[float, ...]) -> list[float]:
        return [x + v * width if n % 2 == 0 else y + height - v * height for n, v in enumerate(values)]

    path = canv.beginPath()
    for step, values in shape.path:
        if step == "M":
            path.moveTo(*at(values))
        elif step == "L":
            path.lineTo(*at(values))
        elif step == "C":
            path.curveTo(*at(values))
        else:
            path.close()
    canv.drawPath(path, stroke=stroke, fill=fill, fillMode=0)
