"""A PDF distilled again by Ghostscript (`gs -sDEVICE=pdfwrite`, as print-to-PDF pipelines and PDF/A converters
do): its ToUnicode maps are rewritten, and those of ligatures garbled ("ﬁ" reads "昀椀" in poppler, the
lam-alef "ل䐣"). The seed reads the ligatures' letters, as the PDF before Ghostscript gives them."""

from __future__ import annotations

import subprocess
from pathlib import Path

from briefgen.sources.formats.pdfdoc import extract
from briefgen.sources.formats.pdffonts import unscramble
from tests.helpers import libreoffice_pdf, pdftotext, require

TEXTS = ["The officials confirmed the first figures: the staff affirmed that the fleet flew fifty flights.",
         "قال الجيش إن الاستثمارات الأجنبية بلغت مستويات قياسية خلال العام الأول."]


def test_ligatures_read_as_their_letters_after_ghostscript(tmp_path: Path) -> None:
    from docx import Document
    from docx.oxml.ns import qn

    document = Document()
    for text in TEXTS:
        paragraph = document.add_paragraph()
        paragraph.add_run(text).font.name = "DejaVu Serif"
        if not text.isascii():  # the Arabic paragraph runs right to left
            properties = paragraph._p.get_or_add_pPr()
            properties.append(properties.makeelement(qn("w:bidi"), {}))
    document.save(str(tmp_path / "ligatures.docx"))
    before = libreoffice_pdf(tmp_path / "ligatures.docx", tmp_path)
    after = tmp_path / "distilled.pdf"
    subprocess.run([require("gs"), "-q", "-o", str(after), "-sDEVICE=pdfwrite", str(before)], check=True,
                   timeout=120)
    garbled = pdftotext(after)
    assert "\u6600" in garbled or "\u4423" in garbled  # Ghostscript garbled a ligature's map
    assert extract(after.read_bytes()).paragraphs == extract(before.read_bytes()).paragraphs == tuple(TEXTS)


def test_only_a_garbled_ligature_is_unscrambled() -> None:
    latin = {1: "a", 2: "\u6600\u6900", 3: "\u0644\u4423", 4: "fl", 5: "\u0644\u0627", 6: "a\u4e00"}
    unscramble(latin)
    assert latin == {1: "a", 2: "fi", 3: "\u0644\u0623", 4: "fl", 5: "\u0644\u0627", 6: "a\u4e00"}
    chinese = {1: "\u4e00", 2: "\u4e00\u4e00", 3: "\u6600\u6900"}  # a Chinese font's "one by one" stays
    unscramble(chinese)
    assert chinese == {1: "\u4e00", 2: "\u4e00\u4e00", 3: "\u6600\u6900"}
