"""A table whose cells hold Arabic or Hebrew beside a number, as pandoc's DOCX laid out by LibreOffice sets it
(made at test time): the right-aligned number ends its cell so close to the next cell's text that pdfminer
makes one line of both, which was read as one right-to-left line, the number inside the Arabic ("أعلنت الوزارة
عن ٣٤٥ 94,942 طائرة"). LibreOffice draws every space of its text, and none in that gap: the cells are read
apart, each in its own direction, left to right, as its text export has them (the number, then the cell). A
passage from the Arabic cell is found, which the number inside it broke."""

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
    read = " | ".join(normalise(p) for p in extract(FORMATS[".pdf"], pdf.read_bytes()).paragraphs)
    for number, cell in ROWS:  # the number, then its cell's text in the order it is written
        words = cell.split()
        assert normalise(f"{number} {cell if len(words) < 3 else ' '.join(words[:4])}") in read
    # a tight table's one-line rows still run together (`4,567 המשרד דיווח 88 أعلنت الوزارة`), as before
