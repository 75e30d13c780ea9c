"""Text a viewer shows and copies whole, which pdfminer broke apart or lost, in PDFs LibreOffice and reportlab
make: letter-spaced text (a tracked heading, "Expanded" character spacing, a character spacing left set in the
text state) read "A N N U A L  R E V I E W"; a shadowed phrase (drawn twice, the shadow under it) split its
paragraph in two; outlined letters (a white fill stroked in black) were taken for white text on white and
dropped."""

from __future__ import annotations

import pytest

import briefgen.writers  # noqa: F401  (its bidi support goes in before reportlab is first imported)
from briefgen.sources.formats.pdfdoc import extract
from tests import helpers

FILLER = " The report adds that the units trained through the winter at two inland airfields near the coast."
_NS = " ".join(f'xmlns:{p}="urn:oasis:names:tc:opendocument:xmlns:{n}"' for p, n in (
    ("office", "office:1.0"), ("style", "style:1.0"), ("text", "text:1.0"), ("fo", "xsl-fo-compatible:1.0")))
_STYLES = {"Shadow": 'fo:text-shadow="1pt 1pt"', "Tracked": 'fo:letter-spacing="0.1cm" fo:font-weight="bold"',
           "Outline": 'style:text-outline="true"', "Expanded": 'fo:letter-spacing="0.05cm"'}
_BODY = [("", "Tracked", "ANNUAL SECURITY REVIEW 2025", ""),
         ("The heading says ", "Shadow", "shadowed words appear here", " in the line." + FILLER),
         ("An ", "Outline", "outlined phrase is drawn", " in this sentence." + FILLER),
         ("", "Expanded", "Expanded spacing says forty launchers." + FILLER, ""),
         ("Normal body text says the unit has forty launchers." + FILLER, "", "", "")]
FODT = (f'<?xml version="1.0" encoding="UTF-8"?><office:document {_NS} office:version="1.3" '
        'office:mimetype="application/vnd.oasis.opendocument.text"><office:automatic-styles>'
        '<style:style style:name="P" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.4cm"/>'
        "</style:style>"
        + "".join(f'<style:style style:name="{name}" style:family="text"><style:text-properties {props}/>'
                  "</style:style>" for name, props in _STYLES.items())
        + "</office:automatic-styles><office:body><office:text>"
        + "".join(f'<text:p text:style-name="P">{before}' + (f'<text:span text:style-name="{style}">{inside}'
                                                              "</text:span>" if style else "") + f"{after}</text:p>"
                  for before, style, inside, after in _BODY)
        + "</office:text></office:body></office:document>")
PARAGRAPHS = tuple(before + inside + after for before, _, inside, after in _BODY)


@pytest.fixture(scope="module")
def libreoffice_pdf(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    folder = tmp_path_factory.mktemp("spacing")
    (folder / "effects.fodt").write_text(FODT, encoding="utf-8")
    return helpers.libreoffice_pdf(folder / "effects.fodt", folder).read_bytes()


def test_libreoffice_text_effects_read_as_the_page_shows_them(libreoffice_pdf: bytes) -> None:
    assert extract(libreoffice_pdf).paragraphs == PARAGRAPHS


def test_reportlab_character_spacing_with_and_without_space_glyphs() -> None:
    import io

    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    text = page.beginText(72, 760)
    text.setFont("Helvetica-Bold", 14)
    text.setCharSpace(3)
    text.textLine("ANNUAL SECURITY REVIEW 2025")
    text.setFont("Helvetica", 11)
    text.setCharSpace(1.2)
    text.textLine("Letter-spaced subtitle on the drone programme")
    page.drawText(text)
    words = page.beginText(72, 700)  # words placed one by one, no space glyph between them (as TeX sets them)
    words.setFont("Helvetica", 11)
    words.setCharSpace(1.5)
    x = 72.0
    for word in "Positioned words without space glyphs".split():
        words.setTextOrigin(x, 700)
        words.textOut(word)
        x += page.stringWidth(word, "Helvetica", 11) + 1.5 * len(word) + 4
    page.drawText(words)
    page.showPage()
    page.save()
    assert extract(buffer.getvalue()).paragraphs == (
        "ANNUAL SECURITY REVIEW 2025", "Letter-spaced subtitle on the drone programme",
        "Positioned words without space glyphs")
