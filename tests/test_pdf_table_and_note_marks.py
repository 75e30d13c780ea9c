"""A page as LibreOffice lays out pandoc's DOCX of an analyst's note: a paragraph with a raised footnote number,
a table set tight (pdfminer gives a block for each column, its cells stacked, the first one running on into the
bulleted list under the table, whose bullets centre under the cell above), and a Hebrew line (so the page is
read in the order it shows its characters, pdfbidi.visual_order). Drawn with reportlab at LibreOffice's places."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from briefgen.sources.formats.pdfdoc import extract
from briefgen.sources.seeds import Seed

FONT = Path(__file__).resolve().parent.parent / "briefgen" / "fonts" / "DejaVuSans.ttf"
LINE = "The ministry said it had approved 412 sorties in March"
AFTER_MARK = " and called the programme a top"
TABLE = [("Region", "Sorties", "Source"), ("North", "1,200", "Ministry of Defence"), ("South", "340", "Air staff")]
ITEMS = ["First item with bold and italic text.", "Second item, with a link inside."]
CLOSING = "A closing paragraph after the list."


def _page(hebrew: bool) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVuTest", str(FONT)))
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=(612, 792))
    text = page.beginText(72, 700)
    text.setFont("DejaVuTest", 12)
    text.textOut(LINE)
    text.setFont("DejaVuTest", 7)
    text.setRise(4.5)
    text.textOut("1")
    text.setRise(0)
    text.setFont("DejaVuTest", 12)
    text.textOut(AFTER_MARK)
    page.drawText(text)
    page.setFont("DejaVuTest", 12)
    page.drawString(72, 686, "priority.")
    for row, cells in enumerate(TABLE):
        for x, cell in zip((72, 204, 336), cells, strict=True):
            page.drawString(x, 660 - 17.4 * row, cell)
    centre = 72 + pdfmetrics.stringWidth("South", "DejaVuTest", 12) / 2
    for k, item in enumerate(ITEMS):
        y = 660 - 17.4 * (len(TABLE) + k)
        page.drawString(centre - pdfmetrics.stringWidth("•", "DejaVuTest", 12) / 2, y, "•")
        page.drawString(108, y, item)
    page.drawString(72, 540, CLOSING)
    if hebrew:
        page.drawString(72, 500, "םולש רמא אבצה")  # drawn left to right, as producers draw it
    page.save()
    return out.getvalue()


@pytest.mark.parametrize("hebrew", [True, False])
def test_a_raised_note_number_stays_in_its_line_and_the_table_reads_row_by_row(hebrew: bool) -> None:
    """The "1" after "March" reads "March1 and", as a viewer copies the line (it was a paragraph of its own on
    a page with right-to-left text); the table's cells read row by row, before the list under it (they were
    read column by column, "North South" a paragraph, the list between the columns)."""
    found = list(extract(_page(hebrew)).paragraphs)
    assert found[:len(found) - hebrew] == [LINE + "1" + AFTER_MARK + " priority.",
                                           *(cell for row in TABLE for cell in row),
                                           *(f"• {item}" for item in ITEMS), CLOSING]
    assert found[len(found) - hebrew:] == (["הצבא אמר שלום"] if hebrew else [])


def test_passages_from_the_line_and_a_row_are_found() -> None:
    from briefgen.sources.locate import find

    seed = Seed("note.pdf", "seeds/note.pdf", "\n".join(extract(_page(True)).paragraphs))
    assert find(seed, "in March1 and called the programme").spans
    assert [(span.first, span.last) for span in find(seed, "North 1,200 Ministry of Defence").spans] == [(5, 7)]
