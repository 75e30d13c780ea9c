"""A letterhead text box as Word writes it (Insert > Text Box, set in front of text at the top right: a
wp:anchor holding a wps:txbx, with its VML twin as mc:Fallback), the way templates set an address block: the
PDF draws its paragraphs inside the box where its anchor places it, each in its own style, as LibreOffice lays
the DOCX out. Before, a floating text box's words were left out of the PDF altogether."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml

from tests.helpers import built_under_reference, libreoffice_pdf, page_image, pdf_words, pdftotext

ADDRESS = ("Harbour House", "12 Quay Street, Portsmouth", "switchboard +44 23 9200 0000")
_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
       'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
       'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
       'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
       'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
       'xmlns:v="urn:schemas-microsoft-com:vml"')


def _floating_shape(behind: str, place: tuple[str, str], size: tuple[int, int], shape: str, fallback: str) -> str:
    """A floating shape as Word writes it (a wp:anchor holding a wps:wsp, its VML twin as mc:Fallback): behind
    text or not, placed by its positionH and positionV, `size` in EMUs, the shape's properties and content."""
    return (
        f'<w:r {_NS}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="251659264" '
        f'behindDoc="{behind}" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        f'{place[0]}{place[1]}<wp:extent cx="{size[0]}" cy="{size[1]}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        '<wp:wrapNone/><wp:docPr id="7" name="Shape 7"/><wp:cNvGraphicFramePr/><a:graphic>'
        '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
        f"{shape}</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict>{fallback}</w:pict></mc:Fallback></mc:AlternateContent></w:r>")


def _text_box() -> str:
    paragraphs = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in ADDRESS)
    return _floating_shape(
        "0", ('<wp:positionH relativeFrom="margin"><wp:align>right</wp:align></wp:positionH>',
              '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'),
        (2286000, 1143000),
        '<wps:cNvSpPr txBox="1"/><wps:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln>'
        f"<a:noFill/></a:ln></wps:spPr><wps:txbx><w:txbxContent>{paragraphs}</w:txbxContent></wps:txbx>"
        '<wps:bodyPr lIns="91440" tIns="45720" rIns="91440" bIns="45720" anchor="t"/>',
        f"<v:shape><v:textbox><w:txbxContent>{paragraphs}</w:txbxContent></v:textbox></v:shape>")


def _header_with(*drawings: str) -> Callable[[Path], None]:
    """A reference whose header line holds the unit's name and `drawings` (each a floating shape's XML)."""
    def make(path: Path) -> None:
        reference = docx.Document()
        header = reference.sections[0].header.paragraphs[0]
        header.add_run("Northwind Analysis Unit")
        for drawing in drawings:
            header._p.append(parse_xml(drawing))
        reference.save(str(path))
    return make


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_under_reference(tmp_path_factory.mktemp("box"), _header_with(_text_box()))


def _words(pdf: Path) -> dict[str, tuple[float, float]]:
    found: dict[str, tuple[float, float]] = {}
    for word in pdf_words(pdf):
        found.setdefault(word.text, (word.left, word.top))
    return found


def test_the_text_box_is_drawn_where_libreoffice_puts_it(built: Path, tmp_path: Path) -> None:
    ours, theirs = _words(built / "executive.pdf"), _words(libreoffice_pdf(built / "executive.docx", tmp_path))
    names = ("Northwind", "Harbour", "Quay", "switchboard", "North")
    assert all(name in ours for name in names), ours.keys()  # every word of the box is in the PDF, once
    assert ours["Harbour"][1] < ours["Quay"][1] < ours["switchboard"][1]  # a line each, top down
    assert ours["Harbour"][0] > ours["Northwind"][0] + 200  # at the right, not in the header's line
    for name in names:
        assert all(abs(a - b) <= 6 for a, b in zip(ours[name], theirs[name], strict=True)), (
            name, ours[name], theirs[name])
    text = pdftotext(built / "executive.pdf")
    assert text.count("Harbour House") == 1  # not again from the VML twin


def _band() -> str:
    """A rectangle across the page's top, behind the text, in Accent 1 darker 25 % and no outline, as Word
    writes Insert > Shapes > Rectangle so set (python-docx's theme: Accent 1 is 4F81BD)."""
    return _floating_shape(
        "1", ('<wp:positionH relativeFrom="page"><wp:posOffset>0</wp:posOffset></wp:positionH>',
              '<wp:positionV relativeFrom="page"><wp:posOffset>0</wp:posOffset></wp:positionV>'),
        (7772400, 365760),
        '<wps:cNvSpPr/><wps:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:schemeClr '
        'val="accent1"><a:lumMod val="75000"/></a:schemeClr></a:solidFill><a:ln><a:noFill/></a:ln></wps:spPr>'
        '<wps:style><a:lnRef idx="2"><a:schemeClr val="accent1"><a:shade val="50000"/></a:schemeClr></a:lnRef>'
        '<a:fillRef idx="1"><a:schemeClr val="accent1"/></a:fillRef><a:effectRef idx="0"><a:schemeClr '
        'val="accent1"/></a:effectRef><a:fontRef idx="minor"><a:schemeClr val="lt1"/></a:fontRef></wps:style>'
        "<wps:bodyPr/>",
        '<v:rect style="position:absolute" fillcolor="#365f91" stroked="f"/>')


def test_a_coloured_band_is_painted_where_libreoffice_paints_it(tmp_path: Path) -> None:
    """Before, a letterhead's shapes were left out of the PDF (Word and LibreOffice draw them)."""
    output = built_under_reference(tmp_path / "band", _header_with(_band()))
    theirs_pdf = libreoffice_pdf(output / "executive.docx", tmp_path / "lo")
    pixels = []
    for name, pdf in (("ours", output / "executive.pdf"), ("theirs", theirs_pdf)):
        page = page_image(pdf, tmp_path / name)
        pixels.append([page.getpixel((x, y)) for x, y in ((300, 12), (5, 5), (600, 20), (300, 40))])
    ours, theirs = pixels
    assert all(abs(a - b) <= 12 for p, q in zip(ours, theirs, strict=True) for a, b in zip(p, q, strict=True)), (
        ours, theirs)
    # Accent 1 darker 25 %: Word writes its VML twin as #365F91 (4F81BD at 75 % of its lightness)
    assert all(abs(a - b) <= 6 for a, b in zip(ours[0], (0x36, 0x5F, 0x91), strict=True)), ours[0]
    assert sum(ours[3]) > 700  # white again below the band
