"""A letterhead logo that floats (Word: Wrap Text > In Front of Text, Position > top right; written as
wp:anchor), as most corporate templates place it: the PDF draws it where its anchor says, beside the header's
text rather than in its line, and it does not make the line taller. Before, it was drawn at the start of the
line, pushing the text right and the page's text down. Compared with LibreOffice's rendering of the DOCX."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.shared import Inches
from lxml import etree
from PIL import Image

from briefgen.render.house import read_house
from tests.helpers import built_under_reference, libreoffice_pdf, page_image, pdf_words

LOGO = (200, 30, 40)
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"


def _float(inline: etree._Element, horizontal: str, vertical: str) -> None:
    """Make the inline picture a floating one, in place, as Word writes it."""
    anchor = etree.Element(f"{{{WP}}}anchor", {
        "distT": "0", "distB": "0", "distL": "114300", "distR": "114300", "simplePos": "0",
        "relativeHeight": "251658240", "behindDoc": "0", "locked": "0", "layoutInCell": "1", "allowOverlap": "1"})
    etree.SubElement(anchor, f"{{{WP}}}simplePos", {"x": "0", "y": "0"})
    anchor.append(parse_xml(horizontal))
    anchor.append(parse_xml(vertical))
    children = list(inline)
    anchor.append(children[0])  # wp:extent
    anchor.append(children[1])  # wp:effectExtent (python-docx writes it)
    etree.SubElement(anchor, f"{{{WP}}}wrapNone")
    for child in children[2:]:  # docPr, cNvGraphicFramePr, graphic
        anchor.append(child)
    inline.getparent().replace(inline, anchor)


def _reference(path: Path) -> None:
    logo = path.with_suffix(".png")
    Image.new("RGB", (300, 100), LOGO).save(logo)
    reference = docx.Document()
    header = reference.sections[0].header.paragraphs[0]
    header.add_run("Northwind Analysis Unit")
    run = header.add_run()
    run.add_picture(str(logo), height=Inches(0.6))
    _float(run._r.find(f".//{{{WP}}}inline"),
           f'<wp:positionH xmlns:wp="{WP}" relativeFrom="margin"><wp:align>right</wp:align></wp:positionH>',
           f'<wp:positionV xmlns:wp="{WP}" relativeFrom="paragraph"><wp:posOffset>-127000</wp:posOffset>'
           "</wp:positionV>")
    reference.save(str(path))


def test_the_anchor_is_read(tmp_path: Path) -> None:
    _reference(tmp_path / "house.docx")
    pictures = [p for line in read_house(tmp_path / "house.docx").header for cell in line.cells for p in cell
                if p.image]
    assert len(pictures) == 1 and pictures[0].anchor is not None
    anchor = pictures[0].anchor
    assert (anchor.across, anchor.across_align, anchor.down, anchor.down_offset) == ("margin", "right",
                                                                                    "paragraph", -10.0)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_under_reference(tmp_path_factory.mktemp("floating"), _reference)


def _logo_box(pdf: Path, folder: Path, name: str) -> tuple[int, int, int, int]:
    image = page_image(pdf, folder / name)
    mask = Image.eval(image, lambda v: v)  # a copy
    hits = [(x, y) for y in range(0, image.height // 3) for x in range(image.width)
            if all(abs(a - b) < 30 for a, b in zip(mask.getpixel((x, y)), LOGO, strict=True))]  # type: ignore[arg-type]
    assert hits, name
    xs, ys = [x for x, _ in hits], [y for _, y in hits]
    return min(xs), min(ys), max(xs), max(ys)


def _word_top(pdf: Path, word: str) -> tuple[float, float]:
    found = next((w for w in pdf_words(pdf) if w.text == word), None)
    assert found is not None, word
    return found.left, found.top


def test_the_logo_floats_where_libreoffice_puts_it(built: Path, tmp_path: Path) -> None:
    ours, theirs = built / "executive.pdf", libreoffice_pdf(built / "executive.docx", tmp_path / "lo")
    box, their_box = _logo_box(ours, tmp_path, "ours"), _logo_box(theirs, tmp_path, "theirs")
    assert all(abs(a - b) <= 4 for a, b in zip(box, their_box, strict=True)), (box, their_box)
    for word in ("Northwind", "North"):  # the header's text at the margin, the title not pushed down
        assert all(abs(a - b) <= 6 for a, b in zip(_word_top(ours, word), _word_top(theirs, word), strict=True)), word


PAPER = (250, 236, 196)


def _letter_paper(path: Path) -> None:
    """A letterhead paper: a picture the size of the page, behind the text, placed against the page's corner."""
    picture = path.with_suffix(".png")
    Image.new("RGB", (85, 110), PAPER).save(picture)
    reference = docx.Document()
    run = reference.sections[0].header.paragraphs[0].add_run()
    run.add_picture(str(picture), width=Inches(8.5), height=Inches(11))
    _float(run._r.find(f".//{{{WP}}}inline"),
           f'<wp:positionH xmlns:wp="{WP}" relativeFrom="page"><wp:posOffset>0</wp:posOffset></wp:positionH>',
           f'<wp:positionV xmlns:wp="{WP}" relativeFrom="page"><wp:posOffset>0</wp:posOffset></wp:positionV>')
    run._r.find(f".//{{{WP}}}anchor").set("behindDoc", "1")
    reference.save(str(path))


def test_a_picture_behind_the_text_is_drawn_under_it(tmp_path: Path) -> None:
    """Before, a letterhead paper set behind the text was drawn over the page's text, hiding the brief."""
    built = built_under_reference(tmp_path / "paper", _letter_paper)
    pdf = built / "executive.pdf"
    page = page_image(pdf, tmp_path / "page")
    for corner in ((5, 5), (page.width - 5, page.height - 5)):  # the whole page, at the picture's own size
        assert all(abs(a - b) < 8 for a, b in zip(page.getpixel(corner), PAPER, strict=True))  # type: ignore[arg-type]
    left, top = _word_top(pdf, "North")
    dark = [page.getpixel((x, y)) for x in range(int(left), int(left) + 30) for y in range(int(top), int(top) + 20)]
    assert min(sum(pixel) for pixel in dark) < 300  # type: ignore[arg-type]  # the title's letters on top of it
    from tests.pdfua import check_pdf
    assert not check_pdf(pdf)  # an artifact under the tagged text
