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
from tests.helpers import page_image, pdftotext

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
