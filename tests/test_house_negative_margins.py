"""A negative top or bottom margin (ST_SignedTwipsMeasure): Word keeps the margin's absolute value however tall
the header or footer grows, the letterhead then running over the text. Such a margin was not read at all: the
reference's page set-up fell back to briefgen's own margins in both formats, its left and right ones too, and the
text was moved down under the header.

The oracle is LibreOffice's layout of the DOCX briefgen writes: the text starts where it starts in the PDF.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.shared import Inches
from lxml import etree

from tests.helpers import built_under_reference, libreoffice_pdf, pdf_words
from tests.ooxml_order import violations
from tests.test_house_values import W, _edited, _section

LINES = 6  # letterhead lines, far taller than the margin


def _reference(side: str) -> object:
    def make(path: Path) -> None:
        document = docx.Document()
        section = document.sections[0]
        section.header_distance = section.footer_distance = Inches(0.3)
        furniture = section.header if side == "top" else section.footer
        for n in range(LINES):
            (furniture.paragraphs[0] if n == 0 else furniture.add_paragraph()).text = f"Letterhead line {n}"
        document.save(str(path))

        def edit(root: etree._Element) -> None:
            _section(root).find(f"{{{W}}}pgMar").set(f"{{{W}}}{side}", "-1080")
        _edited(path, "word/document.xml", edit)
    return make


def _margins(docx_file: Path) -> dict[str, str]:
    import zipfile

    with zipfile.ZipFile(docx_file) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    mar = _section(root).find(f"{{{W}}}pgMar")
    return {etree.QName(key).localname: value for key, value in mar.attrib.items()}


@pytest.mark.parametrize("side", ["top", "bottom"])
def test_a_negative_margin_is_kept_fixed_in_the_docx(tmp_path: Path, side: str) -> None:
    out = built_under_reference(tmp_path, _reference(side))  # type: ignore[arg-type]
    margins = _margins(out / "executive.docx")
    assert margins[side] == "-1080" and margins["left"] == "1800", margins  # python-docx's own left margin
    assert violations(out / "executive.docx") == []


def test_the_text_keeps_a_negative_top_margin_under_a_tall_header(tmp_path: Path) -> None:
    """Six header lines from 0.3 inch reach about 2 inches down; the text starts at 0.75 inch (54 pt) all the
    same, in the PDF as in LibreOffice's layout of the DOCX."""
    out = built_under_reference(tmp_path, _reference("top"))  # type: ignore[arg-type]
    laid = libreoffice_pdf(out / "executive.docx", tmp_path / "lo")
    starts = [next(w.top for w in pdf_words(pdf) if w.text.startswith("TLP:")) for pdf in (out / "executive.pdf", laid)]
    header_ends = [max(w.bottom for w in pdf_words(pdf) if w.text == str(LINES - 1)) for pdf in
                   (out / "executive.pdf", laid)]
    assert abs(starts[0] - starts[1]) <= 6, starts
    assert abs(starts[0] - 54) <= 8 and all(start < end for start, end in zip(starts, header_ends, strict=True))
