"""A chart drawn natively in the PDF: the shared plan as a reportlab Drawing (vector shapes, real text)."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib.attrmap import AttrMap, AttrMapValue
from reportlab.lib.colors import HexColor

from briefgen.writers import chart
from briefgen.writers.pdf import fonts, oneline
from briefgen.writers.pdf.tags import Tagged


class Picture(Tagged, Drawing):  # type: ignore[misc]
    """The chart, marked as its Figure (a Drawing accepts only the attributes its map names)."""

    _attrMap = AttrMap(BASE=Drawing, tag=AttrMapValue(None), _drawn_by=AttrMapValue(None))


def drawing(plan: chart.Plan, font: str) -> Picture:
    """A flowable Drawing of the plan, exactly plan.width × plan.height points. `font` (an embedded face) is
    the drawing's initial font: reportlab's default, Helvetica, would be named in the file without being
    embedded, although no text is drawn in it."""
    canvas = Picture(plan.width, plan.height)
    canvas.initialFontName = font
    for shape in plan.shapes:
        if isinstance(shape, chart.Rect):
            canvas.add(Rect(shape.x, shape.y, shape.width, shape.height, fillColor=HexColor(shape.fill),
                            strokeColor=None, strokeWidth=0))
        elif isinstance(shape, chart.Line):
            canvas.add(Line(shape.x1, shape.y1, shape.x2, shape.y2, strokeColor=HexColor(shape.colour),
                            strokeWidth=shape.width))
        else:
            _text(canvas, shape)
    return canvas


def _text(canvas: Drawing, text: chart.Text) -> None:
    """One String per run (a run is in the face that has its glyphs), placed from the text's left edge; a run
    that is shaped or right to left as the canvas's lines are (oneline.py)."""
    x = text.left()
    for run in text.runs:
        name = fonts.registered(run.family, run.bold)
        drawn = oneline.drawn(name, run.text, int(run.rtl), text.size) if run.shaped or run.rtl else [
            (name, run.text)]
        at = x
        for font, piece in drawn:
            canvas.add(String(at, text.y, piece, fontName=font, fontSize=text.size, fillColor=HexColor(text.colour)))
            at += oneline.width([(font, piece)], text.size)
        x += run.width
