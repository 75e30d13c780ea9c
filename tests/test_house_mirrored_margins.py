"""A reference set to Word's "mirror margins" (Layout > Margins > Mirrored, for printing both sides): its
inside margin is on the left of odd pages and on the right of even ones. Word and LibreOffice lay the DOCX out
so; the PDF now does the same (before, every page had the inside margin on the left), its links, notes and
letterhead moved with the text, and both formats put each page's text at the same place."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pikepdf
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Mm
from pypdf import PdfReader

from tests.helpers import WATERMARK, libreoffice_pdf, name_reference, pdf_words, pdftotext, run

INSIDE, OUTSIDE = 40, 15  # mm
PT_PER_MM = 72 / 25.4
LETTERHEAD = "Mirrored Margins Unit"


def _reference(path: Path) -> None:
    reference = docx.Document()
    section = reference.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(INSIDE), Mm(OUTSIDE)  # inside and outside, when mirrored
    section.header.paragraphs[0].add_run(LETTERHEAD)
    section.header._element.append(parse_xml(WATERMARK))
    reference.settings.element.append(parse_xml(f'<w:mirrorMargins {nsdecls("w")}/>'))
    reference.save(str(path))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import shutil

    from tests.conftest import ROOT
    ws = tmp_path_factory.mktemp("mirrored") / "ws"
    shutil.copytree(ROOT / "seeds", ws / "seeds")
    (ws / "templates").mkdir()
    _reference(ws / "templates/house.docx")
    name_reference(ws, "house.docx", "analyst")
    result = run(ws, "build", "-a", "analyst")
    assert result.exit_code == 0, result.output
    return ws / "output"


def _left_edges(pdf: Path) -> list[float]:
    """Each page's left text edge: where its leftmost line begins (pdftotext's line boxes)."""
    html = pdftotext(pdf, "-bbox-layout")
    edges = []
    for page in html.split("<page ")[1:]:
        edges.append(min(float(x) for x in re.findall(r'<line xMin="([\d.]+)"', page)))
    return edges


def _expected(page: int) -> float:
    return (INSIDE if page % 2 else OUTSIDE) * PT_PER_MM


def test_even_pages_of_the_pdf_have_the_inside_margin_on_the_right(built: Path) -> None:
    edges = _left_edges(built / "analyst.pdf")
    assert len(edges) >= 2
    for number, edge in enumerate(edges, 1):
        assert abs(edge - _expected(number)) < 2, (number, edges)


def test_links_and_letterhead_move_with_the_text(built: Path) -> None:
    reader = PdfReader(built / "analyst.pdf")
    width = float(reader.pages[0].mediabox.width)
    moved = 0
    for number, page in enumerate(reader.pages, 1):
        left = _expected(number)
        right = width - (OUTSIDE if number % 2 else INSIDE) * PT_PER_MM
        for annot in page.get("/Annots") or []:
            x0, _, x1, _ = (float(v) for v in annot.get_object()["/Rect"])
            assert left - 1 <= x0 <= x1 <= right + 1, (number, x0, x1)  # within that page's text column
            moved += number % 2 == 0
    assert moved  # the test saw links on an even page
    first = next((w for w in pdf_words(built / "analyst.pdf", 2) if w.text == LETTERHEAD.split()[0]), None)
    assert first is not None and abs(first.left - _expected(2)) < 2


def test_the_watermark_is_centred_on_each_page_s_text(built: Path) -> None:
    """The watermark is drawn first on the page, behind the text: on an even page after the move, not before."""
    shift = (OUTSIDE - INSIDE) * PT_PER_MM
    with pikepdf.open(built / "analyst.pdf") as pdf:
        for number, page in enumerate(pdf.pages, 1):
            stream = b"".join(part.read_bytes() for part in page.Contents) if isinstance(
                page.Contents, pikepdf.Array) else page.Contents.read_bytes()
            drawn = stream.find(b"(CONFIDENTIAL) Tj")
            moves = [float(m.group(1)) for m in re.finditer(rb"1 0 0 1 (-?[\d.]+) 0 cm", stream[:drawn])]
            assert drawn > 0
            assert [m for m in moves if m] == ([] if number % 2 else [pytest.approx(shift, abs=0.05)]), number


def test_the_docx_keeps_mirror_margins_and_lays_out_as_the_pdf(built: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(built / "analyst.docx") as archive:
        assert "<w:mirrorMargins/>" in archive.read("word/settings.xml").decode("utf-8")
    laid_out = _left_edges(libreoffice_pdf(built / "analyst.docx", tmp_path))
    assert len(laid_out) >= 2
    for number, edge in enumerate(laid_out[:2], 1):
        assert abs(edge - _expected(number)) < 2, (number, laid_out)
