"""PDF text that runs sideways or upside down on the page a viewer shows is read as a reader turning the page
reads it: paragraphs of words in order, not a character a line. Real PDFs: reportlab draws them, pypdf sets
/Rotate."""

from __future__ import annotations

import io
import textwrap
from typing import Any

import pytest

from briefgen.sources.formats.pdfdoc import extract

PARAGRAPHS = ["The first paragraph says that the army fielded 1,200 drones in the spring, more than in any year "
              "before it, and that the factories kept pace.",
              "A second paragraph adds that the navy counted 14 ships on patrol, while the air force flew 300 "
              "sorties over the border in the same month."]


def _draw(page: Any, x: float, y: float, paragraphs: list[str] = PARAGRAPHS, measure: int = 60) -> None:
    for paragraph in paragraphs:
        for line in textwrap.wrap(paragraph, measure):
            page.drawString(x, y, line)
            y -= 14
        y -= 10


def _numbered(page: int) -> list[str]:
    """The paragraphs of page `page`, each page's own (and set to its own measure: lines repeated at one place on
    each page would be running furniture)."""
    return [f"On page {page}, {paragraph[0].lower()}{paragraph[1:]}" for paragraph in PARAGRAPHS]


def _rotated(rotate: int, pages: int = 1) -> bytes:
    """A document of `pages` pages of upright text, the middle page given /Rotate `rotate`, its content left as
    it is (a viewer shows its text sideways or upside down)."""
    from pypdf import PdfReader, PdfWriter
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out)
    for number in range(pages):
        _draw(page, 72, 760, _numbered(number + 1), 50 + 7 * number)
        page.showPage()
    page.save()
    writer = PdfWriter()
    for number, read in enumerate(PdfReader(io.BytesIO(out.getvalue())).pages):
        if number == pages // 2:
            read.rotate(rotate)
        writer.add_page(read)
    found = io.BytesIO()
    writer.write(found)
    return found.getvalue()


def _turned(angle: float, margin_note: str = "") -> bytes:
    """An unrotated page whose text is drawn turned by `angle` degrees (by the text matrix), or, with
    `margin_note`, upright text and that note drawn up the left margin."""
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.saveState()
    if margin_note:
        _draw(page, 72, 760)
        page.translate(30, 200)
        page.rotate(90)
        page.drawString(0, 0, margin_note)
    else:
        page.translate(300, 420)
        page.rotate(angle)
        _draw(page, -200, 100)
    page.restoreState()
    page.save()
    return out.getvalue()


@pytest.mark.parametrize("rotate", [90, 180, 270])
def test_a_rotated_page_whose_content_is_not_turned_back_reads_in_paragraphs(rotate: int) -> None:
    found = extract(_rotated(rotate, pages=3))
    assert list(found.paragraphs) == _numbered(1) + _numbered(2) + _numbered(3)
    assert found.pages == (1, 1, 2, 2, 3, 3)


@pytest.mark.parametrize("angle", [90, 180, 270, -90])
def test_text_turned_by_its_matrix_on_an_upright_page_reads_in_paragraphs(angle: int) -> None:
    assert list(extract(_turned(angle)).paragraphs) == PARAGRAPHS


def test_a_note_up_the_margin_is_read_whole_after_the_page() -> None:
    note = "Released under the open government licence, version 3."
    assert list(extract(_turned(0, margin_note=note)).paragraphs) == [*PARAGRAPHS, note]


def test_a_landscape_page_turned_back_by_its_content_still_reads_as_before() -> None:
    """The usual landscape page: /Rotate 90 and its content drawn turned the other way, upright on screen."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.add_page(PdfReader(io.BytesIO(_turned(90))).pages[0].rotate(90))
    out = io.BytesIO()
    writer.write(out)
    assert list(extract(out.getvalue()).paragraphs) == PARAGRAPHS


def test_text_off_the_crop_box_of_a_rotated_page_is_still_not_read() -> None:
    from pypdf import PdfReader, PdfWriter
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out)
    _draw(page, 72, 760)
    page.drawString(72, 100, "Cropped away: the army has 0 drones.")
    page.save()
    writer = PdfWriter()
    read = PdfReader(io.BytesIO(out.getvalue())).pages[0]
    read.cropbox.lower_left = (0, 400)
    writer.add_page(read.rotate(90))
    found = io.BytesIO()
    writer.write(found)
    assert list(extract(found.getvalue()).paragraphs) == PARAGRAPHS
