"""A chart in the DOCX: the shared plan painted as a PNG with Pillow, placed inline at the plan's size in points
(the size the PDF draws it, so the page measured for the PDF holds for the DOCX), with alt text.

The PNG is deterministic: Pillow's basic text layout (not raqm, whose presence varies between installs), the
bundled fonts, no time or text chunks; only the resolution is recorded.
"""

from __future__ import annotations

from functools import cache
from io import BytesIO
from pathlib import Path

from docx.blkcntnr import BlockItemContainer
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Pt
from docx.text.paragraph import Paragraph
from PIL import Image, ImageDraw, ImageFont

from briefgen.document.nodes import Chart, Theme
from briefgen.document.typefaces import face_file
from briefgen.writers import bidi, chart
from briefgen.writers.docx import access
from briefgen.writers.docx.ooxml import el, sub

DPI = 200
FIRST_SHAPE_ID = 1000  # clear of the ids python-docx gives pictures in headers (the logo)


def add(container: BlockItemContainer, block: Chart, theme: Theme, width: float, number: int) -> Paragraph:
    """A paragraph holding the chart picture, kept with the caption that follows; returns it."""
    plan = chart.plan(block, width, theme)
    paragraph = container.add_paragraph()
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(el("w:keepNext"))
    ppr.append(el("w:spacing", before="0", after="0", line="240", lineRule="auto"))
    _tiny(sub(ppr, "w:rPr"))
    run = paragraph.add_run()
    _tiny(run._r.get_or_add_rPr())
    shape = run.add_picture(BytesIO(png(plan)), width=Pt(plan.width), height=Pt(plan.height))
    for side in ("distT", "distB", "distL", "distR"):  # absent, LibreOffice puts 9 pt either side
        shape._inline.set(side, "0")
    doc_pr = shape._inline.docPr
    doc_pr.set("id", str(FIRST_SHAPE_ID + number))
    doc_pr.set("name", f"Chart {number}")
    access.describe(doc_pr, block.title or f"Chart {number}", block.alt_text())
    return paragraph


def _tiny(rpr: BaseOxmlElement) -> None:
    """1-point text: the picture's line is as tall as the picture, with no text descent below it."""
    sub(rpr, "w:sz", val="2")
    sub(rpr, "w:szCs", val="2")


def png(plan: chart.Plan, dpi: int = DPI) -> bytes:
    """The plan painted at `dpi` on white, as PNG bytes."""
    scale = dpi / 72
    image = Image.new("RGB", (round(plan.width * scale), round(plan.height * scale)), "white")
    draw = ImageDraw.Draw(image)
    flip = plan.height
    for shape in plan.shapes:
        if isinstance(shape, chart.Rect):
            left, right = round(shape.x * scale), round((shape.x + shape.width) * scale) - 1
            top, bottom = round((flip - shape.y - shape.height) * scale), round((flip - shape.y) * scale) - 1
            if right >= left and bottom >= top:
                draw.rectangle((left, top, right, bottom), fill=shape.fill)
        elif isinstance(shape, chart.Line):
            points = [(shape.x1 * scale, (flip - shape.y1) * scale), (shape.x2 * scale, (flip - shape.y2) * scale)]
            draw.line(points, fill=shape.colour, width=max(1, round(shape.width * scale)))
        else:
            _text(draw, shape, scale, flip)
    out = BytesIO()
    image.save(out, "PNG", dpi=(dpi, dpi))
    return out.getvalue()


def _text(draw: ImageDraw.ImageDraw, text: chart.Text, scale: float, flip: float) -> None:
    """Each character where the PDF puts it (Pillow's hinted advances run up to 2 % wider); a shaped run whole,
    laid out by HarfBuzz through Pillow's raqm layout in its direction."""
    x, y = text.left(), (flip - text.y) * scale
    for run in text.runs:
        if run.shaped:
            draw.text((x * scale, y), run.text, fill=text.colour, font=_font(run.family, run.bold, text.size * scale,
                                                                             shaped=True),
                      anchor="ls", direction="rtl" if run.rtl else "ltr", features=["kern", "liga"])
            x += run.width
            continue
        font = _font(run.family, run.bold, text.size * scale)
        chars, advances = (bidi.mirrored(run.text), run.advances[::-1]) if run.rtl else (run.text, run.advances)
        for char, advance in zip(chars, advances, strict=True):
            if not char.isspace():
                draw.text((x * scale, y), char, fill=text.colour, font=font, anchor="ls")
            x += advance


@cache
def _font(family: str, bold: bool, size: float, shaped: bool = False) -> ImageFont.FreeTypeFont:
    """A bundled face loaded by FreeType once per process (the files never change while it runs); with the raqm
    layout (HarfBuzz, FriBidi) for text that needs shaping."""
    engine = ImageFont.Layout.RAQM if shaped else ImageFont.Layout.BASIC
    return ImageFont.truetype(str(_file(family, bold)), size, layout_engine=engine)


def _file(family: str, bold: bool) -> Path:
    return face_file(family, bold)
