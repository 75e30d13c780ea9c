"""A page with right-to-left text is put in visual order row by row (pdfbidi.char_rows); a character whose box
is much taller than its row's (here a line in larger type in the left column, beside two lines of the right
column at other baselines: WeasyPrint's pages set so) made the row as tall as itself, the row took in the right
column's next line, and both lines read interleaved, letter by letter ("O ffi c e"). Made at test time with
reportlab; oracle: the lines as drawn."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from briefgen.sources.formats import FORMATS, extract

RIGHT = ["Efficient fleet drone reflex ministry.", "Shuffle affluent budget office staff."]


def test_a_tall_line_beside_two_short_ones_keeps_them_apart(tmp_path: Path) -> None:
    pdfmetrics.registerFont(TTFont("NotoNaskh13", "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf"))
    pdf = tmp_path / "rows.pdf"
    page = canvas.Canvas(str(pdf))
    page.setFont("Helvetica", 11)
    page.drawString(72, 700, "The office counted the drones again this year and reported them in March.")
    page.setFont("NotoNaskh13", 11)
    page.drawString(72, 680, "ةرازولا تنلعأ")  # Arabic on the page: its characters are put in visual order
    page.setFont("Helvetica", 18)
    page.drawString(72, 331, "Sorties")  # its box reaches from under the lower right line to over the upper
    page.setFont("Helvetica", 11)
    for k, text in enumerate(RIGHT):
        page.drawString(300, 341.6 - 15 * k, text)
    page.save()
    read = list(extract(FORMATS[".pdf"], pdf.read_bytes()).paragraphs)
    assert all(any(line in paragraph for paragraph in read) for line in RIGHT), read
