"""A letterhead's floating shapes other than rectangles and lines, as Word writes them (Insert > Shapes: a
wps:wsp in a wp:anchor): an ellipse, a rounded rectangle, a triangle and a freeform are painted in the PDF where
and as LibreOffice paints them in the DOCX (before, the PDF left them out without a word, and drew a rounded
rectangle square); a gradient fill is painted in the average of its colours, and a shape the PDF cannot draw (an
arrow) is named by `check`; a text box's own insets (wps:bodyPr lIns, tIns) place its text, where Word's
default insets were assumed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import built_under_reference, libreoffice_pdf, page_image, pdf_words, run
from tests.test_house_text_box import _floating_shape, _header_with, _text_box

EMU = 12700  # per point
TOP, HEIGHT, WIDTH = 3, 30, 100  # points: each shape's top, height and width, across the page's top edge


def _shape(left: int, geometry: str, fill: str) -> str:
    return _floating_shape(
        "1", (f'<wp:positionH relativeFrom="page"><wp:posOffset>{left * EMU}</wp:posOffset></wp:positionH>',
              f'<wp:positionV relativeFrom="page"><wp:posOffset>{TOP * EMU}</wp:posOffset></wp:positionV>'),
        (WIDTH * EMU, HEIGHT * EMU), f"<wps:cNvSpPr/><wps:spPr>{geometry}{fill}<a:ln><a:noFill/></a:ln></wps:spPr>"
        "<wps:bodyPr/>", '<v:rect style="position:absolute"/>')


def _solid(rgb: str) -> str:
    return f'<a:solidFill><a:srgbClr val="{rgb}"/></a:solidFill>'


_PRESET = '<a:prstGeom prst="{}"><a:avLst/></a:prstGeom>'
_FREEFORM = ('<a:custGeom><a:avLst/><a:gdLst/><a:rect l="0" t="0" r="r" b="b"/><a:pathLst><a:path w="100" h="100">'
             '<a:moveTo><a:pt x="0" y="0"/></a:moveTo><a:lnTo><a:pt x="100" y="0"/></a:lnTo><a:cubicBezTo>'
             '<a:pt x="60" y="40"/><a:pt x="40" y="60"/><a:pt x="0" y="100"/></a:cubicBezTo><a:close/></a:path>'
             "</a:pathLst></a:custGeom>")
_GRADIENT = ('<a:gradFill rotWithShape="1"><a:gsLst><a:gs pos="0"><a:srgbClr val="FF0000"/></a:gs><a:gs pos="100000">'
             '<a:srgbClr val="0000FF"/></a:gs></a:gsLst><a:lin ang="0" scaled="1"/></a:gradFill>')
SHAPES = (_shape(5, _PRESET.format("ellipse"), _solid("FF0000")),
          _shape(125, _PRESET.format("roundRect"), _solid("00A000")),
          _shape(245, _PRESET.format("triangle"), _solid("0000FF")),
          _shape(365, _FREEFORM, _solid("800080")),
          _shape(485, _PRESET.format("rect"), _GRADIENT),
          _shape(485, _PRESET.format("rightArrow"), _solid("000000")).replace(f"{TOP * EMU}<", f"{60 * EMU}<"))
# (x, y) in points, and whether the shape paints it: each shape's middle, and a corner its box holds but it leaves
PROBES = {"ellipse": ((55, 18, True), (7, 5, False)), "rounded": ((175, 18, True), (125, 3, False)),
          "triangle": ((295, 30, True), (250, 6, False)), "freeform": ((370, 6, True), (460, 30, False))}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_under_reference(tmp_path_factory.mktemp("shapes"), _header_with(*SHAPES))


def test_shapes_are_painted_as_libreoffice_paints_them(built: Path, tmp_path: Path) -> None:
    ours = page_image(built / "executive.pdf", tmp_path / "ours")
    theirs = page_image(libreoffice_pdf(built / "executive.docx", tmp_path), tmp_path / "theirs")
    for name, probes in PROBES.items():
        for x, y, painted in probes:
            mine, lo = ours.getpixel((x, y)), theirs.getpixel((x, y))
            assert all(abs(a - b) <= 40 for a, b in zip(mine, lo, strict=True)), (name, x, y, mine, lo)
            assert (sum(mine) < 600) is painted, (name, x, y, mine)


def test_a_gradient_is_painted_in_its_colours_average(built: Path, tmp_path: Path) -> None:
    theirs = page_image(libreoffice_pdf(built / "executive.docx", tmp_path), tmp_path / "theirs")
    ours = page_image(built / "executive.pdf", tmp_path / "ours")
    row = [theirs.getpixel((x, 18)) for x in range(490, 580)]
    mean = [sum(pixel[n] for pixel in row) / len(row) for n in range(3)]
    assert all(abs(a - b) <= 24 for a, b in zip(ours.getpixel((535, 18)), mean, strict=True)), (
        ours.getpixel((535, 18)), mean)


def test_check_names_what_the_pdf_draws_otherwise(built: Path) -> None:
    result = run(built.parent, "check")
    assert "the letterhead's shape 'rightArrow': the PDF leaves it out" in result.output, result.output
    assert "gradient fill: the PDF draws it in the average of its colours" in result.output, result.output


def test_a_text_box_sets_its_text_inside_its_own_insets(tmp_path: Path) -> None:
    """A box at the margin's right with 36 pt of inset on its left and 20 pt above (Word's default: 7.2 and
    3.6): its text where LibreOffice sets it, that far inside the box."""
    box = _text_box().replace('lIns="91440" tIns="45720" rIns="91440" bIns="45720"',
                              'lIns="457200" tIns="254000" rIns="0" bIns="0"')
    output = built_under_reference(tmp_path / "box", _header_with(box))
    theirs = {w.text: w for w in pdf_words(libreoffice_pdf(output / "executive.docx", tmp_path / "lo"))}
    ours = {w.text: w for w in pdf_words(output / "executive.pdf")}
    right_margin = 612 - 90  # python-docx's template: a Letter page, margins of 1.25 inches aside
    assert ours["Harbour"].left >= right_margin - 180 + 36 - 1  # the box is 180 pt wide
    for word in ("Harbour", "Quay"):
        assert abs(ours[word].left - theirs[word].left) <= 3, (ours[word], theirs[word])
        assert abs(ours[word].top - theirs[word].top) <= 6, (ours[word], theirs[word])


def test_a_text_box_centres_its_text_where_it_says_so(tmp_path: Path) -> None:
    """A text box anchored in the middle (wps:bodyPr anchor="ctr", Format Shape > Text box > Vertical
    alignment) sets its lines in the middle of the box, as LibreOffice does, not from its top."""
    output = built_under_reference(tmp_path / "box", _header_with(
        _text_box().replace('anchor="t"', 'anchor="ctr"').replace('cy="1143000"', 'cy="2286000"')))
    theirs = {w.text: w for w in pdf_words(libreoffice_pdf(output / "executive.docx", tmp_path / "lo"))}
    ours = {w.text: w for w in pdf_words(output / "executive.pdf")}
    for word in ("Harbour", "switchboard"):
        assert abs(ours[word].top - theirs[word].top) <= 4, (ours[word], theirs[word])
