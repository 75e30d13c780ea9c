"""A house style that shades a style's paragraphs (Format > Borders > Shading: white Title text on a navy band,
a grey Quote): the PDF draws the band behind the text as Word does, "automatic" text turns white on a dark
band as in Word, and the legibility check weighs the text against its band, not the white page. Before, the
PDF drew no band (white text vanished) and the check refused a white-on-navy Title as unreadable."""

from __future__ import annotations

import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from briefgen.render.house import read_house
from tests.helpers import colour_before, libreoffice_pdf, name_reference, near_colour, run
from tests.pdfua import check_pdf
from tests.tools import require

NAVY = (0x1F, 0x38, 0x64)


def _shade(path: Path, style: str, shading: str, colour: str | None = None) -> Path:
    reference = docx.Document()
    element = reference.styles[style].element
    element.get_or_add_pPr().append(parse_xml(shading.replace("<w:shd ", f"<w:shd {nsdecls('w')} ", 1)))
    rpr = element.get_or_add_rPr()
    for old in rpr.findall(f"{{{rpr.nsmap['w']}}}color"):
        rpr.remove(old)
    if colour is not None:
        rpr.append(parse_xml(f'<w:color {nsdecls("w")} w:val="{colour}"/>'))
    reference.save(str(path))
    return path


@pytest.mark.parametrize(("shading", "fill"), [
    ('<w:shd w:val="clear" w:color="auto" w:fill="1F3864"/>', "#1F3864"),
    ('<w:shd w:val="clear" w:color="auto" w:fill="000000" w:themeFill="accent1"/>', "#4F81BD"),  # theme's
    ('<w:shd w:val="solid" w:color="1F3864" w:fill="FFFFFF"/>', "#1F3864"),  # all of the pattern's colour
    ('<w:shd w:val="pct25" w:color="000000" w:fill="FFFFFF"/>', "#BFBFBF"),  # a quarter black on white
    ('<w:shd w:val="clear" w:color="auto" w:fill="auto"/>', None),  # no shading
])
def test_a_styles_shading_is_read_as_word_fills_it(tmp_path: Path, shading: str, fill: str | None) -> None:
    styles = dict(read_house(_shade(tmp_path / "house.docx", "Title", shading)).styles)
    assert styles["title"].fill == fill




@pytest.mark.parametrize("colour", ["FFFFFF", None])  # white, and "automatic", which Word turns white on navy
def test_white_on_a_navy_band_is_built_and_drawn_in_both_formats(workspace: Path, tmp_path: Path,
                                                                 colour: str | None) -> None:
    _shade(workspace / "templates/house.docx", "Title", '<w:shd w:val="clear" w:color="auto" w:fill="1F3864"/>',
           colour)
    name_reference(workspace, "house.docx")
    result = run(workspace, "build", "-a", "executive")
    assert result.exit_code == 0, result.output
    pdf = workspace / "output/executive.pdf"
    assert near_colour(colour_before(pdf, "Korea", tmp_path / "brief"), NAVY)  # the band behind the title's text
    content = subprocess.run([require("qpdf"), "--qdf", "--object-streams=disable", str(pdf), "-"],
                             check=True, capture_output=True).stdout.decode("latin-1")
    assert "1 1 1 rg" in content  # the title's white text
    assert not check_pdf(pdf)  # the band is a layout artifact: still PDF/UA-1
    laid_out = libreoffice_pdf(workspace / "output/executive.docx", tmp_path / "lo")
    assert near_colour(colour_before(laid_out, "Korea", tmp_path / "word"), NAVY)  # LibreOffice's too


def test_text_its_band_hides_is_refused_against_the_band(workspace: Path) -> None:
    _shade(workspace / "templates/house.docx", "Title", '<w:shd w:val="clear" w:color="auto" w:fill="1F3864"/>',
           "1F3A66")
    name_reference(workspace, "house.docx")
    result = run(workspace, "check")
    assert result.exit_code == 1, result.output
    assert "its style 'Title' sets text in #1F3A66, which cannot be seen on their shading #1F3864" in result.output
