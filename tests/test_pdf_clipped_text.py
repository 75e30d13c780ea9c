"""Text a PDF draws outside its clipping path is not seed text: a viewer never shows it (a layout program's
overset text, a cell's overflow, a draft line kept under a clip). Real PDFs: reportlab clips with its canvas,
the clip saved and restored around it, and a form XObject draws inside the clip it is drawn in. The oracle is the
page as poppler draws it (white where the clipped line would be); pdftotext, which ignores clipping, reads it.

Before, pdfminer ignored clipping: "the draft said 9,999 drones" was seed text."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from briefgen.sources.formats.pdfdoc import extract
from tests.helpers import page_image, pdftotext

BEFORE = "The visible paragraph says the ministry counted 1,200 drones in March."
IN_BOX = "Inside the box the count stands."
CLIPPED = "Clipped away below the box the draft said 9,999 drones."
IN_FORM = "A form drawn under the clip says 40 tanks."
AFTER = "A closing paragraph stands after the clipped text, the clip restored."


def _clipped(page: Any, form: bool) -> None:
    """Inside a saved state: a clip to a box 60 points high at y 600, a line inside it and a line below it (or
    the form "clipped" holding that line)."""
    page.saveState()
    path = page.beginPath()
    path.rect(60, 600, 460, 60)
    page.clipPath(path, stroke=0, fill=0)
    page.drawString(72, 630, IN_BOX)
    if form:
        page.doForm("clipped")
    else:
        page.drawString(72, 500, CLIPPED)
    page.restoreState()


def _pdf(form: bool = False) -> bytes:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out)
    if form:
        page.beginForm("clipped")
        page.drawString(72, 500, IN_FORM)  # below the clip it is drawn in
        page.drawString(72, 615, CLIPPED.replace("below", "inside"))
        page.endForm()
    page.drawString(72, 760, BEFORE)
    _clipped(page, form)
    page.drawString(72, 400, AFTER)
    page.save()
    return out.getvalue()


def _blank(pdf: Path, stem: Path, baseline: float) -> bool:
    """Whether poppler draws nothing on page 1 where a line at `baseline` would be."""
    image = page_image(pdf, stem)  # 72 dpi: a pixel a point, from the top left
    top = round(image.height - baseline - 12)
    return min(min(image.getpixel((x, y))) for x in range(72, 300) for y in range(top, top + 16)) > 200


def test_text_outside_the_clip_is_not_read(tmp_path: Path) -> None:
    pdf = tmp_path / "clip.pdf"
    pdf.write_bytes(_pdf())
    assert CLIPPED in pdftotext(pdf) and _blank(pdf, tmp_path / "clip", 500)
    assert extract(pdf.read_bytes()).paragraphs == (BEFORE, IN_BOX, AFTER)


def test_a_form_draws_inside_the_clip_it_is_drawn_in(tmp_path: Path) -> None:
    pdf = tmp_path / "form.pdf"
    pdf.write_bytes(_pdf(form=True))
    assert IN_FORM in pdftotext(pdf) and _blank(pdf, tmp_path / "form", 500)
    assert extract(pdf.read_bytes()).paragraphs == (BEFORE, IN_BOX, CLIPPED.replace("below", "inside"), AFTER)
