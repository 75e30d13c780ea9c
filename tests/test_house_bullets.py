"""A reference's own bullets (its List Bullet style numbered in a list of its own: a dark red "▪" from Word's
Bullet Library, in Wingdings, hung a quarter inch from text half an inch in) mark the brief's list items in both
formats, as Word shows them. Before, the DOCX pointed List Bullet at briefgen's own list and both formats drew
briefgen's round bullet at its own indents."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import nsdecls, qn
from pypdf import PdfReader

from briefgen.document.bullets import glyph, house_bullet
from briefgen.render.house import read_house
from tests.helpers import Word, built_under_reference, libreoffice_pdf, list_reference, page_image, pdf_words

RED = (0xC0, 0x00, 0x00)
# a bullet list as Word writes it from Define New Bullet > Symbol (Wingdings 167), Font Color dark red
LIST = (f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90"><w:multiLevelType w:val="hybridMultilevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0a7"/>'
        '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr>'
        '<w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings" w:hint="default"/><w:color w:val="C00000"/>'
        '</w:rPr></w:lvl></w:abstractNum>')


@pytest.mark.parametrize(("text", "font", "shown"), [
    ("\uf0b7", "Symbol", "•"),  # Word's default bullet
    ("\uf0a7", "Wingdings", "▪"),
    ("§", "Wingdings", "▪"),  # the font's code stored as it is
    ("\uf0d8", "Wingdings", "➢"),
    ("o", "Courier New", "o"),  # Word's second level: a letter of an ordinary font
    ("–", "Calibri", "–"),
    ("\uf0e8", "Wingdings", "•"),  # a symbol not known here: a round bullet
    ("\uf0b7", None, "•"),  # a symbol's code without its font
])
def test_a_bullet_shows_the_character_word_draws(text: str, font: str | None, shown: str) -> None:
    assert glyph(text, font) == shown


def _red_squares(path: Path) -> None:
    list_reference(path, LIST)


def _bullets(pdf: Path) -> list[tuple[int, Word, float]]:
    """Each list item's page, its bullet, and its first line's text's left edge."""
    found = []
    for page in range(1, len(PdfReader(pdf).pages) + 1):
        words = pdf_words(pdf, page=page)
        found += [(page, mark, next(w.left for w in words if abs(w.top - mark.top) < 4 and w.left > mark.right))
                  for mark in words if mark.text[:1] in ("▪", "•", "\uf0a7", "§")]
    return found


def test_the_references_bullets_mark_the_list_in_both_formats(tmp_path: Path) -> None:
    output = built_under_reference(tmp_path, _red_squares, "analyst")
    built = docx.Document(str(output / "analyst.docx"))
    said = built.styles["List Bullet"].element.pPr.find(qn("w:numPr")).find(qn("w:numId")).get(qn("w:val"))
    assert said == "90"  # the reference's own list, which Word draws
    margin = built.sections[0].left_margin.pt
    laid_out = libreoffice_pdf(output / "analyst.docx", tmp_path / "lo")
    for pdf, name in ((output / "analyst.pdf", "ours"), (laid_out, "word")):
        marks = _bullets(pdf)
        assert len(marks) >= 5, (name, marks)  # the information gaps, the sources
        for _, bullet, text in marks:  # the bullet a quarter inch in, the text half an inch, as the list says
            assert abs(bullet.left - (margin + 18)) < 1.5 and abs(text - (margin + 36)) < 1.5, (name, bullet, text)
        page, bullet, _ = marks[0]
        image = page_image(pdf, tmp_path / name, dpi=144, page=page)
        box = [image.getpixel((x, y)) for x in range(int(bullet.left * 2), int(bullet.right * 2) + 1)
               for y in range(int(bullet.top * 2), int(bullet.bottom * 2) + 1)]
        assert any(all(abs(a - b) <= 24 for a, b in zip(seen, RED, strict=True)) for seen in box), name


def _impossible_list(path: Path) -> None:
    """A bullet list indented 22 inches (Word takes it), its bullet 300 characters long."""
    _red_squares(path)
    reference = docx.Document(str(path))
    numbering = reference.part.numbering_part.element
    level = next(lvl for lvl in numbering.iter(qn("w:lvl")) if lvl.getparent().get(qn("w:abstractNumId")) == "90")
    level.find(qn("w:lvlText")).set(qn("w:val"), "\uf0a7" * 300)
    level.find(qn("w:pPr")).find(qn("w:ind")).set(qn("w:left"), "31680")
    reference.save(str(path))


def test_a_list_of_impossible_indents_still_sets_the_brief(tmp_path: Path) -> None:
    """The PDF keeps half the text's width for the items' lines (as for any house style's indents), its bullet
    four characters at most."""
    output = built_under_reference(tmp_path, _impossible_list, "analyst")
    marks = _bullets(output / "analyst.pdf")
    assert marks and all(text > bullet.left for _, bullet, text in marks)


def test_a_bullets_theme_colour_is_the_themes(tmp_path: Path) -> None:
    """A bullet coloured from the theme (Font Color > Accent 2) is the theme's Accent 2 (python-docx's template:
    C0504D), as Word draws it, whatever colour was saved beside it from an earlier theme."""
    _red_squares(tmp_path / "house.docx")
    reference = docx.Document(str(tmp_path / "house.docx"))
    colours = reference.part.numbering_part.element.iter(qn("w:color"))
    colour = next(c for c in colours if c.get(qn("w:val")) == "C00000")
    colour.set(qn("w:themeColor"), "accent2")
    reference.save(str(tmp_path / "house.docx"))
    own = house_bullet(read_house(tmp_path / "house.docx"))
    assert own is not None and own.glyph == "▪" and own.level.colour == "#C0504D" and own.num_id == "90"
    assert own.level.indent == (36.0, 0.0, -18.0)
