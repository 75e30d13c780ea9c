"""Text a PDF draws in form XObjects (a Do of a form, nested in another, each with its own /Matrix) reads where the
page shows it, its combining marks with their letters.

Before, the marks of a Thai line drawn in a form broke it into four paragraphs ('จำนวนโดรนเพิ', '่มขึ', …): marks
were put with their letters only among the page's own characters, not among a form's."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, FloatObject, NameObject
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from briefgen.sources.formats.pdfdoc import extract
from tests.helpers import page_image, pdftotext

THAI = "จำนวนโดรนเพิ่มขึ้นอย่างต่อเนื่อง"
FONT = Path("/usr/share/fonts/truetype/noto/NotoSansThai-Regular.ttf")


def _forms(path: Path, matrix: tuple[float, ...] | None, latin: float = 10) -> Path:
    """A page with a line before and after a form that draws a heading and a nested form, which draws a Thai
    line (a character at a time, its marks of no advance drawn from their letter's end) and a Latin one (at
    height `latin` in the form: below 0, outside the form's /BBox, which starts at 0); the nested form given
    `matrix`."""
    pdfmetrics.registerFont(TTFont("FormThai", str(FONT)))
    page = canvas.Canvas(str(path))
    page.beginForm("inner")
    x = 0.0
    for char in THAI:
        page.setFont("FormThai", 16)
        page.drawString(x, 40, char)
        x += pdfmetrics.stringWidth(char, "FormThai", 16)
    page.setFont("Helvetica", 12)
    page.drawString(0, latin, "Inner form line of Latin text.")
    page.endForm()
    page.beginForm("outer")
    page.setFont("Helvetica", 12)
    page.drawString(0, 100, "Outer form heading line.")
    page.saveState()
    page.translate(20, 0)
    page.doForm("inner")
    page.restoreState()
    page.endForm()
    page.setFont("Helvetica", 12)
    page.drawString(72, 760, "Page text before the forms.")
    page.saveState()
    page.translate(72, 560)
    page.doForm("outer")
    page.restoreState()
    page.drawString(72, 400, "Page text after the forms.")
    page.save()
    if matrix is not None:
        writer = PdfWriter(clone_from=PdfReader(path))
        outer = writer.pages[0]["/Resources"]["/XObject"]["/FormXob.outer"].get_object()
        inner = outer["/Resources"]["/XObject"]["/FormXob.inner"].get_object()
        inner[NameObject("/Matrix")] = ArrayObject([FloatObject(value) for value in matrix])
        writer.write(path)
    return path


def _shown(pdf: Path) -> list[str]:
    """The oracle: the page's lines as poppler lays them out."""
    return [line.strip() for line in pdftotext(pdf, "-layout").splitlines() if line.strip()]


def test_text_in_nested_forms_reads_whole(tmp_path: Path) -> None:
    pdf = _forms(tmp_path / "forms.pdf", None)
    expected = ["Page text before the forms.", "Outer form heading line.", THAI, "Inner form line of Latin text.",
                "Page text after the forms."]
    assert _shown(pdf) == expected
    assert extract(pdf.read_bytes()).paragraphs == tuple(expected)


def test_a_forms_matrix_places_its_text(tmp_path: Path) -> None:
    """The nested form scaled and moved below the page's last line by its /Matrix: read there."""
    pdf = _forms(tmp_path / "matrix.pdf", (0.8, 0, 0, 0.8, 0, -300))
    expected = ["Page text before the forms.", "Outer form heading line.", "Page text after the forms.", THAI,
                "Inner form line of Latin text."]
    assert _shown(pdf) == expected
    assert extract(pdf.read_bytes()).paragraphs == tuple(expected)


def test_text_outside_a_forms_bbox_is_not_read(tmp_path: Path) -> None:
    """A viewer clips a form to its /BBox: the Latin line drawn below it is not on the page, though pdftotext
    reads it (the oracle is the page as poppler draws it: white where the line would be)."""
    pdf = _forms(tmp_path / "clipped.pdf", None, latin=-30)
    assert "Inner form line of Latin text." in _shown(pdf)
    image = page_image(pdf, tmp_path / "clipped")  # 72 dpi: a pixel a point, from the top left
    top = round(image.height - (560 - 30) - 12)  # the line's baseline is at 560 - 30 on the page
    strip = [image.getpixel((x, y)) for x in range(92, 260) for y in range(top, top + 16)]
    assert min(min(pixel) for pixel in strip) > 200, "nothing drawn where the clipped line would be"
    assert extract(pdf.read_bytes()).paragraphs == (
        "Page text before the forms.", "Outer form heading line.", THAI, "Page text after the forms.")
