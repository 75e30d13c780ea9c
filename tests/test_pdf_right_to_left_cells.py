"""A table whose cells hold Arabic or Hebrew beside a number, as pandoc's DOCX laid out by LibreOffice sets it
(made at test time): the right-aligned number ends its cell so close to the next cell's text that pdfminer
makes one line of both, which was read as one right-to-left line, the number inside the Arabic ("أعلنت الوزارة
عن ٣٤٥ 94,942 طائرة"). LibreOffice draws every space of its text, and none in that gap: the cells are read
apart, each in its own direction, left to right, as its text export has them (the number, then the cell). A
passage from the Arabic cell is found, which the number inside it broke. A cell's Arabic or Hebrew paragraph of
two lines, which LibreOffice sets left to right (pandoc gives no direction), shows it by its last line's stop
alone, drawn at the right; its first line, right-to-left letters from end to end, was read as a right-to-left
line and the cell as two paragraphs: the stop's direction now holds for its paragraph's lines above it."""

from __future__ import annotations

from pathlib import Path

from briefgen.sources.formats import FORMATS, extract
from briefgen.sources.textnorm import normalise
from tests.realdocs import SENTENCES, Source, office_pdfs

ARABIC, HEBREW = SENTENCES["arabic"][0], SENTENCES["hebrew"][0]
ROWS = [("94,942", ARABIC), ("9,895", HEBREW), ("4,567", "המשרד דיווח"), ("88", "أعلنت الوزارة"),
        ("123", "Report drafted")]


def test_a_number_beside_a_right_to_left_cell_reads_before_it(tmp_path: Path) -> None:
    rows = "".join(f"| region {k} | {number} | {cell} |\n" for k, (number, cell) in enumerate(ROWS))
    markdown = f"# Table\n\nThe fleet grew.\n\n| Region | Count | Note |\n|---|---:|---|\n{rows}\nThe office rose.\n"
    pdf = office_pdfs([Source("cells", markdown)], tmp_path)[0]
    read = [normalise(p) for p in extract(FORMATS[".pdf"], pdf.read_bytes()).paragraphs]
    # the number, then its cell's text in the order it is written, whole, each row's apart from the next's
    assert [p for p in read if p[0].isdigit()] == [normalise(f"{number} {cell}") for number, cell in ROWS]


def test_a_tight_tables_one_line_rows_read_apart(tmp_path: Path) -> None:
    """A narrow table's rows, a right-aligned number then an Arabic or Hebrew cell, each one line, set close:
    pdfminer makes one block of them, and no stop ends any, so they were read as one paragraph (`0 המשרד דיווח
    1 أعلنت الوزارة 2 …`). A line of cells read apart is its row: the next row starts a paragraph; LibreOffice's
    text export has each cell apart."""
    cells = ["המשרד דיווח", "أعلنت الوزارة", "רחפנים חדשים", "طائرة مسيّرة", "בשנה זו", "في العام"]
    rows = "".join(f"| {k} | {cell} |\n" for k, cell in enumerate(cells))
    prose = "The office said the fleet grew again this year, and the ministry said so in March."  # spaces drawn
    pdf = office_pdfs([Source("tight", f"# Table\n\n{prose}\n\n| N | Cell |\n|--:|---|\n{rows}\nEnd.\n")], tmp_path)[0]
    read = [normalise(p) for p in extract(FORMATS[".pdf"], pdf.read_bytes()).paragraphs]
    assert [p for p in read if p[0].isdigit()] == [normalise(f"{k} {cell}") for k, cell in enumerate(cells)]
