"""A heading set in a size above its text with no stop at its end, nearly as wide as the page, is no paragraph
that a page break cuts: the text under it is not held as its footnotes, and a paragraph that runs over the
next page break goes on in itself, not in the heading. A Word bullet (a Symbol-font glyph) that pdfminer reads
alone on its line, apart from its item's text, still starts the item. Both made by LibreOffice from Word
documents and read back against the documents as built."""

from __future__ import annotations

from pathlib import Path

from briefgen.sources.formats.pdfdoc import extract
from tests.helpers import libreoffice_pdf, pdf_words

HEADING = "Annual report on the national defence procurement"
BODY = ("The ministry said the programme would grow across the northern regions next year and that the state "
        "manufacturer would deliver the first vehicles in spring, officials confirmed on Monday. ")
ITEMS = ["Drones delivered across the northern border regions by the state manufacturer: 1,200 units in total.",
         "training completed for the operators of the unmanned aerial vehicles, 340 people in all this year."]


def test_a_paragraph_over_a_page_break_goes_on_in_itself_not_in_the_heading_above(tmp_path: Path) -> None:
    from docx import Document
    from docx.shared import Pt

    document = Document()
    document.add_paragraph().add_run(HEADING).font.size = Pt(18)
    texts = [f"Paragraph {k}. " + (BODY * 3).strip() for k in range(1, 10)]
    for text in texts:
        document.add_paragraph(text)
    document.save(str(tmp_path / "report.docx"))
    pdf = libreoffice_pdf(tmp_path / "report.docx", tmp_path)
    heading = [word for word in pdf_words(pdf) if word.bottom - word.top > 20]
    assert len({word.top for word in heading}) == 1 and heading[-1].right > 612 - 90 - 3 * 18  # one line, nearly full
    assert max(extract(pdf.read_bytes()).pages) == 2  # a paragraph runs over the page break
    assert list(extract(pdf.read_bytes()).paragraphs) == [HEADING, *texts]


def test_a_symbol_bullet_read_apart_from_its_item_still_starts_it(tmp_path: Path) -> None:
    from docx import Document

    document = Document()
    document.add_paragraph("The ministry said the programme would grow across the northern regions next year.")
    for text in ITEMS:
        document.add_paragraph(text, style="List Bullet")
    document.add_paragraph("The auditors found that documentation was incomplete for a third of the transactions.")
    document.save(str(tmp_path / "list.docx"))
    found = extract(libreoffice_pdf(tmp_path / "list.docx", tmp_path).read_bytes()).paragraphs
    assert found[1:3] == tuple(f"• {text}" for text in ITEMS)
