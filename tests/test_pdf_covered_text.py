"""Text an opaque box is filled over is not seed text: a viewer shows the box (a redaction drawn over a name, a
correction pasted over a value in white, the new value written on it). A translucent highlighter, a frame (two
rectangles, the inner a hole), a shaded background drawn before its text and a strike-through line hide
nothing. Real PDFs: reportlab draws them. The oracles: pdftotext reads every line (it ignores what covers text),
the page as poppler draws it shows black where the redacted name is.

Before, the redacted name and the old value were seed text: a passage could be verified against what no reader
of the page sees."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from briefgen.sources.formats.pdfdoc import extract
from tests.helpers import page_image, pdf_words, pdftotext

FIRST = "The released memo says the army counted 1,200 drones in March."
NAMED = "The name of the source was Colonel Kim Dae-jung of the signals unit."
VALUE = "The budget line reads 450 million won for the year."
FRAMED = "A framed note says the figures are provisional."
SHADED = "A shaded line says the navy counted 14 ships."
STRUCK = "A struck line says the air force flew 300 sorties."
LAST = "A closing line stands below the redaction."


def _draw(page: Any) -> None:
    from reportlab.lib.colors import Color

    page.drawString(72, 760, FIRST)
    page.saveState()
    page.setFillColor(Color(1, 1, 0, alpha=0.4))
    page.rect(72, 756, 200, 14, fill=1, stroke=0)  # a translucent highlight over the first line
    page.restoreState()
    page.drawString(72, 730, NAMED)
    page.rect(210, 726, 170, 14, fill=1, stroke=0)  # a redaction over "as Colonel Kim Dae-jung of the"
    page.drawString(72, 700, VALUE)
    page.setFillColorRGB(1, 1, 1)
    page.rect(180, 696, 60, 14, fill=1, stroke=0)  # white over "450 million"
    page.setFillColorRGB(0, 0, 0)
    page.drawString(184, 700, "520 million")
    path = page.beginPath()
    path.rect(66, 664, 300, 22)
    path.rect(68, 666, 296, 18)
    page.drawPath(path, stroke=0, fill=1, fillMode=0)  # even-odd: a frame around the note
    page.drawString(72, 670, FRAMED)
    page.setFillColorRGB(0.85, 0.85, 0.85)
    page.rect(66, 636, 300, 18, fill=1, stroke=0)  # a shaded background, drawn before its line
    page.setFillColorRGB(0, 0, 0)
    page.drawString(72, 640, SHADED)
    page.drawString(72, 610, STRUCK)
    page.rect(72, 613, 240, 0.8, fill=1, stroke=0)  # a strike-through line
    page.drawString(72, 580, LAST)


def _pdf(path: Path) -> Path:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out)
    _draw(page)
    page.save()
    path.write_bytes(out.getvalue())
    return path


def test_text_under_an_opaque_box_is_not_read(tmp_path: Path) -> None:
    pdf = _pdf(tmp_path / "covered.pdf")
    shown = pdftotext(pdf)
    assert all(line in shown for line in (NAMED, FRAMED, SHADED, STRUCK)) and "450" in shown
    image = page_image(pdf, tmp_path / "covered")  # 72 dpi: a pixel a point, from the top left
    assert max(max(image.getpixel((x, image.height - 733))) for x in range(215, 375)) < 60  # black over the name
    found = extract(pdf.read_bytes()).paragraphs
    text = " ".join(found)
    assert "Kim" not in text and "Colonel" not in text and "450" not in text
    assert "The name of the source w" in text and "signals unit." in text and "520 million" in text
    for line in (FIRST, FRAMED, SHADED, STRUCK, LAST):
        assert line in text


def test_text_on_a_ground_of_its_own_colour_is_not_read(tmp_path: Path) -> None:
    """Word's way of blacking a name out, a black highlight on black text, as LibreOffice lays it out: the box is
    drawn first, the text on it in its colour, and neither a viewer nor poppler's page shows the words; a
    yellow highlight, and white text on a black one, are seen. Before, the blacked-out name was seed text."""
    from docx import Document
    from docx.enum.text import WD_COLOR_INDEX
    from docx.shared import RGBColor

    from tests.helpers import libreoffice_pdf

    document = Document()
    for before, marked, after, highlight, white in (
            ("The name of the source was ", "Colonel Kim Dae-jung", " of the signals unit.", "BLACK", False),
            ("A highlighted phrase reads ", "1,200 drones in March", " in the released copy.", "YELLOW", False),
            ("A banner reads ", "white on black", " and is seen.", "BLACK", True)):
        paragraph = document.add_paragraph(before)
        run = paragraph.add_run(marked)
        run.font.highlight_color = getattr(WD_COLOR_INDEX, highlight)
        if white:
            run.font.color.rgb = RGBColor(255, 255, 255)
        paragraph.add_run(after)
    document.save(str(tmp_path / "blacked.docx"))
    pdf = libreoffice_pdf(tmp_path / "blacked.docx", tmp_path)
    assert "Colonel Kim Dae-jung" in pdftotext(pdf)
    name = next(word for word in pdf_words(pdf) if word.text == "Kim")
    image = page_image(pdf, tmp_path / "blacked")  # 72 dpi: a pixel a point, from the top left
    assert max(max(image.getpixel((round(x), round((name.top + name.bottom) / 2))))
               for x in range(round(name.left), round(name.right))) < 60  # black all through the name
    text = " ".join(extract(pdf.read_bytes()).paragraphs)
    assert "Kim" not in text and "Colonel" not in text
    assert "1,200 drones in March" in text and "white on black" in text and "of the signals unit." in text
