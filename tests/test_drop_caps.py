"""Drop capitals read back into their words, as a reader reads the paragraph: in LibreOffice's PDF of a document
with drop caps ("T" and "he ministry said" were read "T A he ministry…", the second paragraph losing its "A"),
in a Word document's drop-cap frame (a paragraph of its own, "T", before "he ministry said"), and in
LibreOffice's PDF of that Word document."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest

from briefgen.sources.formats import FORMATS, extract
from briefgen.sources.formats.pdfdropcaps import with_drop_caps
from briefgen.sources.formats.pdfpage import Line
from tests.helpers import libreoffice_pdf

REST = ("said on Tuesday that the drone programme had become the army's top priority for the coming year, and "
        "that the northern units would receive the first of the new aircraft by the spring. Officials declined to "
        "say how many aircraft had been ordered, but the budget papers suggest a large purchase.")
PARAGRAPHS = (f"The ministry {REST}", f"A spokesman {REST}", f"The ministry {REST}")
_NS = " ".join(f'xmlns:{p}="urn:oasis:names:tc:opendocument:xmlns:{n}"' for p, n in (
    ("office", "office:1.0"), ("style", "style:1.0"), ("text", "text:1.0"), ("fo", "xsl-fo-compatible:1.0")))
FODT = (f'<?xml version="1.0" encoding="UTF-8"?><office:document {_NS} office:version="1.3" '
        'office:mimetype="application/vnd.oasis.opendocument.text"><office:automatic-styles>'
        '<style:style style:name="Drop" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.4cm">'
        '<style:drop-cap style:lines="3" style:length="1" style:distance="0.1cm"/></style:paragraph-properties>'
        '</style:style><style:style style:name="P" style:family="paragraph"><style:paragraph-properties '
        'fo:margin-bottom="0.4cm"/></style:style></office:automatic-styles><office:body><office:text>'
        + "".join(f'<text:p text:style-name="{style}">{text}</text:p>'
                  for style, text in zip(("Drop", "Drop", "P"), PARAGRAPHS, strict=True))
        + "</office:text></office:body></office:document>")
FRAME = ('<w:framePr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:dropCap="{kind}" '
         'w:lines="3" w:wrap="around" w:vAnchor="text" w:hAnchor="text"/>')


def _word_document() -> bytes:
    import docx
    from docx.oxml import parse_xml
    from docx.shared import Pt

    document = docx.Document()
    for letter, rest, kind in (("T", f"he ministry {REST}", "drop"), ("A", f" spokesman {REST}", "margin")):
        frame = document.add_paragraph()
        frame.add_run(letter).font.size = Pt(44)
        frame._p.get_or_add_pPr().insert(0, parse_xml(FRAME.format(kind=kind)))
        document.add_paragraph(rest)
    document.add_paragraph(PARAGRAPHS[2])
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_libreoffice_drop_caps_in_pdf(tmp_path: Path) -> None:
    (tmp_path / "drops.fodt").write_text(FODT, encoding="utf-8")
    found = extract(FORMATS[".pdf"], libreoffice_pdf(tmp_path / "drops.fodt", tmp_path).read_bytes()).paragraphs
    assert found == PARAGRAPHS


def test_word_drop_cap_frames_in_docx() -> None:
    assert extract(FORMATS[".docx"], _word_document()).paragraphs == PARAGRAPHS


def test_word_drop_caps_in_libreoffice_pdf(tmp_path: Path) -> None:
    (tmp_path / "word.docx").write_bytes(_word_document())
    found = extract(FORMATS[".pdf"], libreoffice_pdf(tmp_path / "word.docx", tmp_path).read_bytes()).paragraphs
    assert found[:2] == PARAGRAPHS[:2]


@pytest.mark.parametrize(("big", "joined"), [("T", "The ministry said"), ("A", "A spokesman said"),
                                              ("3", None), ("Tx4", None)])
def test_what_is_a_drop_cap(big: str, joined: str | None) -> None:
    first = "he ministry said" if big == "T" else "spokesman said" if big == "A" else "findings of the review"
    drop = Line(big, 72, 100, 650, 48)
    lines = [Line(first, 102, 500, 686, 11), Line("and so on for the next line", 102, 500, 672, 11)]
    found = with_drop_caps([[drop], lines], {"the", "he", "ministry", "said", "spokesman"})
    assert found == ([[replace(lines[0], text=joined), lines[1]]] if joined else [[drop], lines])
