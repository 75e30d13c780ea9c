"""Letters a producer draws in a fallback font (a second font, for a few characters the first lacks) read in
their line, in their place, whichever order the producer draws them in.

Before, LibreOffice's PDF of "the name Ŋgoŋ and ℵ aleph ⟶ long arrow" read "ℵ⟶ aleph long arrow": LibreOffice
draws a line's glyphs font by font, leaving holes where the fallback font's go, and pdfminer, which makes a
line of characters drawn one after the other, read the line as pieces on one baseline, out of order."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from briefgen.sources.formats.pdfdoc import extract
from tests.helpers import libreoffice_convert, pdftotext

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
# Each paragraph has characters Liberation Serif lacks: LibreOffice draws them in DejaVu, a math font, Noto.
PARAGRAPHS = [
    "The ministry bought 120 units of the 無人機 type in 2023, and the → arrow marks ∑ sums ≥ limits; the name "
    "Ŋgoŋ and ℵ aleph ⟶ long arrow appear in the text again and again so that the line wraps twice over.",
    "Second paragraph with ✓ check and ☐ box and ★ star, and Ꭰ Cherokee and ᚠ rune, written to wrap as well "
    "across the page width here.",
    "A short one: ⟶ ℵ ⟶ ℵ ends it.",
]


@pytest.fixture(scope="module")
def libreoffice(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from docx import Document
    from docx.oxml.ns import qn

    folder = tmp_path_factory.mktemp("fallback")
    document = Document()
    for text in PARAGRAPHS:
        run = document.add_paragraph().add_run(text)
        fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
        for side in ("ascii", "hAnsi", "eastAsia", "cs"):
            fonts.set(qn(f"w:{side}"), "Liberation Serif")
    document.save(str(folder / "fallback.docx"))
    return libreoffice_convert([folder / "fallback.docx"], folder)[0]


def _squashed(text: str) -> str:
    return "".join(text.split())


def test_libreoffice_fallback_letters_read_in_their_lines(libreoffice: Path) -> None:
    shown = _squashed(pdftotext(libreoffice))  # the oracle: what poppler reads the page as
    assert all(_squashed(text) in shown for text in PARAGRAPHS)
    assert extract(libreoffice.read_bytes()).paragraphs == tuple(PARAGRAPHS)


def _drawn_in_two_passes(path: Path, words: list[tuple[str, str]]) -> Path:
    """`words` ((font file, word), a space between them) set on one line, drawn as a producer that draws a
    line font by font does: the first font's words, then the others', each at its place."""
    page = canvas.Canvas(str(path))
    x, placed = 72.0, []
    for font, word in words:
        name = Path(font).stem
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, font))
        placed.append((font != words[0][0], x, name, word))
        x += pdfmetrics.stringWidth(word + " ", name, 12)
    for _, at, name, word in sorted(placed, key=lambda p: p[0]):
        page.setFont(name, 12)
        page.drawString(at, 700, word)
    page.save()
    return path


def test_letters_drawn_after_their_line_read_in_place(tmp_path: Path) -> None:
    sans, symbols = str(DEJAVU / "DejaVuSerif.ttf"), str(DEJAVU / "DejaVuSans.ttf")
    words = [(sans, "Ticked"), (symbols, "✓"), (sans, "items"), (sans, "and"), (symbols, "★"), (sans, "an"),
             (symbols, "✓"), (sans, "starred.")]
    pdf = _drawn_in_two_passes(tmp_path / "two-passes.pdf", words)
    text = " ".join(word for _, word in words)
    assert pdftotext(pdf, "-layout").strip() == text
    assert extract(pdf.read_bytes()).paragraphs == (text,)
