"""A house style or a profile that would hide the brief's text is refused where it says so; one that makes it
only faint is a `check` warning; what a reference's page says that the PDF does not draw (text columns, line
numbers, page borders, vertical text, right-to-left sections, a line grid) is not carried into the DOCX."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from briefgen.render.legibility import contrast
from tests.conftest import ROOT
from tests.helpers import name_reference, run


def _with_reference(workspace: Path, change: object) -> None:
    reference = docx.Document()
    change(reference)  # type: ignore[operator]
    reference.save(str(workspace / "templates/house.docx"))
    name_reference(workspace, "house.docx")


def _normal_run(reference: docx.document.Document, xml: str) -> None:
    reference.styles["Normal"].element.get_or_add_rPr().append(parse_xml(xml.replace("W", nsdecls("w"), 1)))


def test_contrast_is_wcag_s() -> None:
    assert contrast("#000000") == pytest.approx(21.0)
    assert contrast("#FFFFFF") == pytest.approx(1.0)
    assert round(contrast("#767676"), 2) == 4.54  # the lightest grey WCAG's 4.5:1 allows, as its tools give it
    assert contrast("#777777") < 4.5


@pytest.mark.parametrize(("xml", "said"), [
    ("<w:vanish W/>", "its styles 'Normal', 'Title', 'Heading 1'"),
    ('<w:color W w:val="FFFFFF"/>', "set text in #FFFFFF, which cannot be seen on the white page (contrast 1.0:1)"),
    ('<w:color W w:val="F4F4F4"/>', "set text in #F4F4F4, which cannot be seen on the white page"),
])
def test_a_reference_that_hides_the_text_is_refused_and_the_briefs_stay(workspace: Path, xml: str,
                                                                         said: str) -> None:
    """Before, both formats were built with the brief's text hidden in Word (Hidden) or white in both."""
    assert run(workspace, "build", "-a", "executive").exit_code == 0
    before = {p.name: p.read_bytes() for p in (workspace / "output").glob("executive.*")}
    _with_reference(workspace, lambda reference: _normal_run(reference, xml))
    for command in ("check", "build"):
        result = run(workspace, command)
        assert result.exit_code == 1, result.output
        assert "templates/executive.yaml:" in result.output and "look.reference_docx: " in result.output
        assert said in result.output and "hint: in Word, modify the style 'Normal'" in result.output
    assert {p.name: p.read_bytes() for p in (workspace / "output").glob("executive.*")} == before


def test_a_profile_colour_the_page_hides_is_refused_at_its_key(workspace: Path) -> None:
    profile = workspace / "templates/executive.yaml"
    text = (ROOT / "briefgen/templates/executive.yaml").read_text(encoding="utf-8")
    profile.write_text(text + "look: {accent: '#FAFAFA'}\n", encoding="utf-8")
    line = len(text.splitlines()) + 1
    result = run(workspace, "check")
    assert result.exit_code == 1
    assert f"templates/executive.yaml:{line}:" in result.output
    assert "look.accent: the accent #FAFAFA cannot be seen on the white page" in result.output


def test_a_pale_colour_is_a_warning_and_the_brief_is_built(workspace: Path) -> None:
    """A light blue Heading 1 (2.0:1) is legible, barely: check says so, the build goes ahead."""
    def light_headings(reference: docx.document.Document) -> None:
        reference.styles["Heading 1"].font.color.rgb = docx.shared.RGBColor(0x9D, 0xC3, 0xE6)

    _with_reference(workspace, light_headings)
    result = run(workspace, "check")
    assert result.exit_code == 0, result.output
    assert ("warning: look.reference_docx: its style 'Heading 1' sets text in #9DC3E6, which is pale against the "
            "white page (contrast 1.8:1)") in result.output
    assert run(workspace, "build", "-a", "executive").exit_code == 0


_SECTION = ('<w:pgBorders W><w:top w:val="single" w:sz="24" w:space="24" w:color="FF0000"/></w:pgBorders>',
            '<w:lnNumType W w:countBy="1"/>', '<w:vAlign W w:val="bottom"/>', '<w:textDirection W w:val="tbRl"/>',
            "<w:bidi W/>", "<w:rtlGutter W/>")


def test_what_the_pdf_does_not_draw_of_a_reference_page_stays_out_of_the_docx(workspace: Path) -> None:
    """A newsletter's two text columns put the brief in two columns in Word and one in the PDF; line numbers,
    a page border, vertical text, a right-to-left section or Normal paragraphs and a line grid likewise."""
    def everything(reference: docx.document.Document) -> None:
        section = reference.sections[0]._sectPr
        for xml in _SECTION:
            section.append(parse_xml(xml.replace("W", nsdecls("w"), 1)))
        section.find(qn("w:cols")).set(qn("w:num"), "2")
        section.find(qn("w:docGrid")).set(qn("w:type"), "lines")
        reference.styles["Normal"].element.get_or_add_pPr().append(parse_xml(f"<w:bidi {nsdecls('w')}/>"))

    _with_reference(workspace, everything)
    assert run(workspace, "build", "-a", "executive").exit_code == 0
    with zipfile.ZipFile(workspace / "output/executive.docx") as made:
        body, styles = made.read("word/document.xml"), made.read("word/styles.xml")
    for tag in (b"w:pgBorders", b"w:lnNumType", b"w:vAlign", b"w:textDirection", b"w:rtlGutter", b"w:num=",
                b'w:type="lines"'):
        assert tag not in body, tag
    assert b"<w:bidi/>" not in styles and b"<w:bidi/>" not in body  # the brief is English: no paragraph is RTL
