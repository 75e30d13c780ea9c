"""A spreadsheet printed to PDF, as LibreOffice Calc draws one: a grid of one-line cells set close (text flush
left, numbers flush right, a gap of a few points between columns), a title over it, its first rows in the top
eighth of the page. pdfminer merges the cells into blocks a column (or a run of cells) at a time, and the header
row into one line across the columns. The earlier reading read the grid a column at a time, a column's cells in
one paragraph ("District 0 District 1 District 2 …"), dropped a number cell in the top eighth ("375") as a page
number, and ran a row's last cell on into the next row's first. A reader copies a row ("District 0 375 1265
Ministry of Defence", as pdftotext reads the page too): each row's cells in order, row after row, each cell a
paragraph, so a passage copied from a row is found across them. The truth is the grid as built."""

from __future__ import annotations

import io
import random

import pytest

from briefgen.sources.formats.pdfdoc import extract
from briefgen.sources.locate import find
from briefgen.sources.seeds import Seed

HEADER = ("Region", "Drones 2022", "Drones 2023", "Source")
SOURCES = ("Ministry of Defence", "Budget papers", "Customs")


def _rows(count: int) -> list[tuple[str, ...]]:
    pick = random.Random(5)
    return [(f"District {n}", str(pick.randint(100, 2000)), str(pick.randint(100, 2000)), pick.choice(SOURCES))
            for n in range(count)]


def _sheet(rows: list[tuple[str, ...]]) -> bytes:
    """The grid at Calc's places: columns at 57, 110 and 172 (numbers ending at 165 and 227), 235."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    page.setFont("Helvetica", 10)
    page.drawCentredString(A4[0] / 2, A4[1] - 57, "sheet")
    for k, row in enumerate([HEADER, *rows]):
        y = A4[1] - 88 - 12.75 * k
        page.drawString(57, y, row[0])
        for cell, left, right in ((row[1], 110, 165), (row[2], 172, 227)):
            (page.drawString(left, y, cell) if k == 0 else page.drawRightString(right, y, cell))
        page.drawString(235, y, row[3])
    page.showPage()
    page.save()
    return out.getvalue()


def test_a_spreadsheet_reads_row_by_row_each_paragraph_within_a_row() -> None:
    rows = _rows(40)
    found = extract(_sheet(rows))
    lines = [" ".join(row) for row in [HEADER, *rows]]
    assert " ".join(found.paragraphs) == " ".join(["sheet", *lines])  # row after row, cells in order
    assert all(any(paragraph in line for line in lines) for paragraph in found.paragraphs[1:])  # none spans two
    seed = Seed("sheet.pdf", "seeds/sheet.pdf", "\n".join(found.paragraphs), found.pages)
    for line in lines:
        assert find(seed, line).spans, line


def test_a_number_cell_in_the_top_eighth_is_no_page_number() -> None:
    rows = _rows(3)
    paragraphs = " ".join(extract(_sheet(rows)).paragraphs)
    assert all(f"{row[0]} {row[1]} {row[2]}" in paragraphs for row in rows)


NOTES = ("Sorties rose after the second exercise, with the inland airfields in use by June.", "Not checked.")


def _wrapped_sheet(rows: list[tuple[str, ...]], top: bool) -> bytes:
    """Rows of a region, a count and a note that wraps in a 150-point column, the note's lines set at the foot
    of its row as Calc sets them (over the row's baseline), or at its top as a word processor's table does."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    page.setFont("Helvetica", 10)
    y = A4[1] - 88
    for region, count, note in rows:
        lines = simpleSplit(note, "Helvetica", 10, 150)
        base = y - 12 * (len(lines) - 1) * (not top)
        page.drawString(57, base, region)
        page.drawRightString(160, base, count)
        for k, line in enumerate(lines):
            page.drawString(200, (base - 12 * k) if top else (base + 12 * (len(lines) - 1 - k)), line)
        y -= 12 * len(lines) + 4
    page.showPage()
    page.save()
    return out.getvalue()


@pytest.mark.parametrize("top", [False, True], ids=["at-the-foot", "at-the-top"])
def test_a_wrapped_cell_reads_whole_in_its_own_row(top: bool) -> None:
    pick = random.Random(9)
    rows = [(f"District {n}", str(pick.randint(100, 2000)), pick.choice(NOTES)) for n in range(12)]
    found = list(extract(_wrapped_sheet(rows, top)).paragraphs)
    assert found == [cell for row in rows for cell in row]
