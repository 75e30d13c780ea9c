"""A reference that leaves the text's font and size to the application: Word sets such text in its built-in
defaults, Times New Roman at 10 pt (document/house.py WORD_DEFAULTS), where LibreOffice, left to itself, sets
Calibri at 11 pt. The house style is Word's in both formats, and the DOCX states it, so LibreOffice lays it out
in the fonts the PDF draws (Liberation Serif, Times New Roman's metric twin)."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from lxml import etree
from pypdf import PdfReader

from briefgen.render.house import read_house
from tests.helpers import built_under_reference, libreoffice_pdf, pdf_fonts

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
HEADER = "Ministry of Examples, house letterhead"


def _rewritten(path: Path, change: Callable[[str, bytes], bytes | None]) -> None:
    """The package at `path` with each part passed through `change` (None: the part left out)."""
    with zipfile.ZipFile(path) as archive:
        parts = [(info, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in parts:
            changed = change(info.filename, data)
            if changed is not None:
                archive.writestr(info, changed)


def _without_styles(name: str, data: bytes) -> bytes | None:
    """No styles part (nor Word 2010's copy of it): the parts, their relationships and content types gone."""
    gone = ("word/styles.xml", "word/stylesWithEffects.xml")
    if name in gone:
        return None
    if name in ("word/_rels/document.xml.rels", "[Content_Types].xml"):
        root = etree.fromstring(data)
        for entry in list(root):
            target = entry.get("PartName", "").lstrip("/") or "word/" + entry.get("Target", "")
            if target in gone:
                root.remove(entry)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return data


def _nothing_said(name: str, data: bytes) -> bytes | None:
    """A styles part whose document defaults name a language only, and whose Normal says nothing of fonts."""
    if name != "word/styles.xml":
        return data
    root = etree.fromstring(data)
    rpr = root.find(f"{{{W}}}docDefaults/{{{W}}}rPrDefault/{{{W}}}rPr")
    for child in list(rpr):
        if child.tag != f"{{{W}}}lang":
            rpr.remove(child)
    for style in root.iter(f"{{{W}}}style"):
        for child in style.findall(f"{{{W}}}rPr"):
            style.remove(child)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _reference(change: Callable[[str, bytes], bytes | None]) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        reference = docx.Document()
        reference.sections[0].header.paragraphs[0].text = HEADER
        reference.save(str(path))
        _rewritten(path, change)
    return make


@pytest.mark.parametrize("change", [_without_styles, _nothing_said], ids=["no styles part", "no font said"])
def test_text_whose_font_nothing_says_is_words_default_in_both_formats(tmp_path: Path,
                                                                      change: Callable[[str, bytes], bytes | None],
                                                                      ) -> None:
    output = built_under_reference(tmp_path, _reference(change))
    house = read_house(tmp_path / "ws/templates/house.docx")
    assert (house.style("Normal").font, house.style("Normal").size) == ("Times New Roman", 10.0)
    ours = output / "executive.pdf"
    theirs = libreoffice_pdf(output / "executive.docx", tmp_path / "lo")
    assert "LiberationSerif" in pdf_fonts(ours)
    assert pdf_fonts(theirs) == pdf_fonts(ours)  # LibreOffice sets the DOCX in the fonts the PDF draws
    assert len(PdfReader(theirs).pages) == len(PdfReader(ours).pages) == 1
    with zipfile.ZipFile(output / "executive.docx") as archive:
        assert HEADER in archive.read("word/header1.xml").decode()
