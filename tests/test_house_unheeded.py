"""What a reference sets for its pages that the PDF draws none of (automatic hyphenation, a page colour, a page
border, line numbers, text columns, a line grid, vertical alignment or text) is left out of the DOCX too and
named by `check`. Before, the DOCX kept a reference's automatic hyphenation and page colour, so Word and
LibreOffice hyphenated the brief's lines on a coloured page while the PDF set them whole on white, and the
page border, line numbers and columns the DOCX dropped went unreported."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from briefgen.render.house import read_house
from tests.helpers import built_under_reference, libreoffice_pdf, name_reference, page_image, pdftotext, run

W = nsdecls("w")
# each as Word writes it (Layout > Hyphenation > Automatic; Design > Page Color; Design > Page Borders > Box;
# Layout > Line Numbers > Continuous; Layout > Columns > Two; an East Asian template's line grid)
SECTION = {
    "a page border": '<w:pgBorders w:offsetFrom="page"><w:top w:val="single" w:sz="4" w:space="24" w:color="auto"/>'
                     '<w:left w:val="single" w:sz="4" w:space="24" w:color="auto"/></w:pgBorders>',
    "line numbers": '<w:lnNumType w:countBy="1" w:restart="continuous"/>',
    "text columns": '<w:cols w:num="2" w:space="720"/>',
    "a line grid": '<w:docGrid w:type="lines" w:linePitch="312"/>',
    "vertical alignment": '<w:vAlign w:val="center"/>',
    "vertical text": '<w:textDirection w:val="tbRl"/>',
}
# what Word writes for an ordinary page: none of them on
PLAIN = ['<w:cols w:space="720"/>', '<w:docGrid w:linePitch="360"/>', '<w:vAlign w:val="top"/>',
         '<w:lnNumType w:countBy="0"/>', '<w:pgBorders><w:top w:val="nil"/></w:pgBorders>',
         '<w:textDirection w:val="lrTb"/>']


def _reference(path: Path, section: list[str], hyphenate: bool = False, colour: bool = False) -> Path:
    reference = docx.Document()
    sect = reference.sections[0]._sectPr
    for old in list(sect):
        if old.tag.rsplit("}", 1)[1] in ("cols", "docGrid"):
            sect.remove(old)
    for xml in section:
        sect.append(parse_xml(re.sub(r"^<(w:\w+)", rf"<\1 {W}", xml, count=1)))
    if hyphenate:
        reference.settings.element.append(parse_xml(f"<w:autoHyphenation {W}/>"))
    if colour:
        reference.element.insert(0, parse_xml(f'<w:background {W} w:color="FFF2CC"/>'))
    reference.save(str(path))
    return path


@pytest.mark.parametrize("words", list(SECTION))
def test_a_page_setting_the_brief_does_not_take_is_named(tmp_path: Path, words: str) -> None:
    assert read_house(_reference(tmp_path / "house.docx", [SECTION[words]])).unheeded == (words,)


def test_hyphenation_and_a_page_colour_are_named(tmp_path: Path) -> None:
    house = read_house(_reference(tmp_path / "house.docx", [], hyphenate=True, colour=True))
    assert house.unheeded == ("automatic hyphenation", "a page colour")


def test_an_ordinary_page_names_nothing(tmp_path: Path) -> None:
    assert read_house(_reference(tmp_path / "house.docx", PLAIN)).unheeded == ()


def _hyphenated_on_colour(path: Path) -> None:
    _reference(path, [SECTION["line numbers"]], hyphenate=True, colour=True)


def _broken_words(pdf: Path) -> set[str]:
    """The line ends where a word was hyphenated ("pri-"), its own hyphens ("Active-duty") aside."""
    return {line.split()[-1] for line in pdftotext(pdf).splitlines() if re.search(r"[a-z]-$", line)}


def test_the_brief_is_neither_hyphenated_nor_coloured_in_either_format(tmp_path: Path) -> None:
    output = built_under_reference(tmp_path, _hyphenated_on_colour, "analyst")
    with zipfile.ZipFile(output / "analyst.docx") as built:
        assert b"autoHyphenation" not in built.read("word/settings.xml")
        assert b"w:background" not in built.read("word/document.xml")
        assert b"lnNumType" not in built.read("word/document.xml")
    laid_out = libreoffice_pdf(output / "analyst.docx", tmp_path / "lo")
    assert _broken_words(laid_out) <= _broken_words(output / "analyst.pdf")  # LibreOffice hyphenated 26 lines
    for pdf, name in ((laid_out, "word"), (output / "analyst.pdf", "ours")):
        assert page_image(pdf, tmp_path / name).convert("RGB").getpixel((3, 3)) == (255, 255, 255), name


def test_check_names_what_the_brief_does_not_take(workspace: Path) -> None:
    _reference(workspace / "templates/house.docx", [SECTION["text columns"]], hyphenate=True)
    name_reference(workspace, "house.docx")
    result = run(workspace, "check")
    assert result.exit_code == 0, result.output
    assert ("warning: look.reference_docx: the brief does not take its automatic hyphenation and text columns: "
            "neither format has them") in result.output
