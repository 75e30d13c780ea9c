"""A reference's watermark (Word's Design > Watermark: a WordArt shape in the header) is the house's in both
formats: before, a header holding only a watermark counted as empty, so both formats dropped it and briefgen's
own header and footer took its place; the PDF never drew one."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pikepdf
import pytest
from docx.oxml import parse_xml
from pypdf import PdfReader

from briefgen.render.house import read_house
from tests.helpers import WATERMARK, built_under_reference
from tests.pdfua import check_pdf


def _reference(path: Path, header_text: str = "") -> None:
    reference = docx.Document()
    header = reference.sections[0].header
    header.paragraphs[0].text = header_text
    header._element.append(parse_xml(WATERMARK))
    reference.save(str(path))


def test_the_watermark_is_read_as_word_draws_it(tmp_path: Path) -> None:
    _reference(tmp_path / "house.docx")
    mark = read_house(tmp_path / "house.docx").watermark
    assert mark is not None
    assert (mark.text, mark.colour, mark.opacity, mark.font) == ("CONFIDENTIAL", "#C0C0C0", 0.5, "Calibri")
    assert mark.angle == pytest.approx(45.0) and mark.width == pytest.approx(412.4)
    assert mark.height == pytest.approx(247.45)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_under_reference(tmp_path_factory.mktemp("watermark"), _reference)


def test_the_pdf_draws_it_behind_the_text_as_an_artifact(built: Path) -> None:
    with pikepdf.open(built / "executive.pdf") as pdf:
        stream = pdf.pages[0].Contents.read_bytes() if not isinstance(pdf.pages[0].Contents, pikepdf.Array) \
            else b"".join(part.read_bytes() for part in pdf.pages[0].Contents)
    drawn = stream.find(b"(CONFIDENTIAL) Tj")
    assert drawn >= 0
    before = stream[:drawn]
    assert before.count(b"/Artifact") == 1 and b"/MCID" not in before  # behind every piece of the brief
    assert re.search(rb"\.70711 \.70711 -\.70711 \.70711 0 0 cm|0?\.707107 0?\.707107", before)  # turned 45°
    assert not check_pdf(built / "executive.pdf")


def test_the_docx_keeps_the_reference_header_with_its_watermark(built: Path) -> None:
    with zipfile.ZipFile(built / "executive.docx") as made:
        headers = [made.read(n) for n in made.namelist() if re.fullmatch(r"word/header\d*\.xml", n)]
    assert any(b'string="CONFIDENTIAL"' in part for part in headers)
    assert "Open-source brief prepared with briefgen" not in PdfReader(built / "executive.pdf").pages[0].extract_text()
