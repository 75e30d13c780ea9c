"""PDF text no reader sees is not seed text: invisible text (render mode 3) unless over an image, as a scanned
page's OCR layer is, and white text with nothing under it; white text on a coloured banner is seen (as
pdftoppm draws the page: the text state's render mode is kept inside saveState/restoreState)."""

from __future__ import annotations

import io
from typing import Any

from briefgen.sources.formats.pdfdoc import extract


def _invisible(page: Any, y: float, line: str) -> None:
    """A line drawn in render mode 3 (neither filled nor stroked), the mode kept inside its own text state."""
    page.saveState()
    text = page.beginText(72, y)
    text.setTextRenderMode(3)
    text.textLine(line)
    page.drawText(text)
    page.restoreState()


def _pdf() -> bytes:
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.drawString(72, 760, "Visible line one says the army has 1,200 drones.")
    _invisible(page, 740, "Invisible line says 0 drones.")
    page.setFillColorRGB(1, 1, 1)
    page.drawString(72, 720, "White on white says 999 tanks.")
    page.setFillColorRGB(0.1, 0.2, 0.5)
    page.rect(60, 690, 400, 20, fill=1, stroke=0)
    page.setFillColorRGB(1, 1, 1)
    page.drawString(72, 695, "White on a blue banner says 12 ships.")
    scan = io.BytesIO()
    Image.new("RGB", (400, 60), (240, 240, 240)).save(scan, "PNG")
    scan.seek(0)
    page.drawImage(ImageReader(scan), 60, 600, 400, 60)
    _invisible(page, 620, "The OCR layer over the scan says 77 boats.")
    page.setFillColorRGB(0, 0, 0)
    page.drawString(72, 560, "Visible closing line.")
    page.save()
    return out.getvalue()


def test_only_text_a_reader_sees_is_read() -> None:
    assert list(extract(_pdf()).paragraphs) == [
        "Visible line one says the army has 1,200 drones.", "White on a blue banner says 12 ships.",
        "The OCR layer over the scan says 77 boats.", "Visible closing line."]


def test_text_drawn_off_the_page_or_outside_its_crop_box_is_not_read() -> None:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.setCropBox((0, 0, 400, 842))
    page.drawString(72, 700, "Visible text on the page.")
    page.drawString(-500, 680, "Off the page to the left 9.")
    page.drawString(72, 2000, "Above the page 8.")
    page.drawString(450, 660, "Outside the crop box 7.")
    page.save()
    assert list(extract(out.getvalue()).paragraphs) == ["Visible text on the page."]


def _in_a_form(page: Any, name: str, draw: Any) -> None:
    """What `draw` draws on `page`, as a form XObject `name` drawn on it (as ocrmypdf grafts a page's OCR text)."""
    page.beginForm(name)
    draw(page)
    page.endForm()
    page.doForm(name)


def test_text_in_a_form_is_seen_against_what_the_page_draws() -> None:
    """ocrmypdf puts a scan's OCR text (invisible) in a form XObject of its own, the scan drawn on the page: the
    text is read, as pdftotext reads it; invisible text in a form over nothing is not, and white text in a form
    is seen against a banner the page draws. Before, each form's text was judged against the form's own
    drawing only: ocrmypdf's output read as a PDF with no text layer."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out)
    scan = io.BytesIO()
    Image.new("RGB", (500, 100), (235, 235, 235)).save(scan, "PNG")
    scan.seek(0)
    page.drawImage(ImageReader(scan), 60, 650, 500, 100)
    _in_a_form(page, "ocr", lambda form: _invisible(form, 700, "The scanned letter says the garrison holds 3,000."))
    _in_a_form(page, "ghost", lambda form: _invisible(form, 500, "Invisible text over nothing says 0 troops."))
    page.setFillColorRGB(0.1, 0.2, 0.5)
    page.rect(60, 590, 400, 20, fill=1, stroke=0)

    def white(form: Any) -> None:
        form.setFillColorRGB(1, 1, 1)
        form.drawString(72, 595, "White on the page's banner says 12 ships.")

    _in_a_form(page, "white", white)
    page.save()
    assert list(extract(out.getvalue()).paragraphs) == [
        "The scanned letter says the garrison holds 3,000.", "White on the page's banner says 12 ships."]
