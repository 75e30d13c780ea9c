"""A typst table with an Arabic cell, made at test time: typst sets a cell's first baseline by its font's cap
height, so the Arabic cell's text stands some points under the Latin cells of its row, on no baseline of theirs.
pdfminer joins the Latin cells of a row into one line (10 pt apart) but leaves the Arabic one a block of its own,
10 pt from the cell before it, less than the gutter the reading order parts columns at: the row was no row of
cells, and the table read column by column ("Region 1", "1,000", "Staff", then the Arabic cell). Oracle: the
source's cells, row by row."""

from __future__ import annotations

from pathlib import Path

import typst

from briefgen.sources.formats import FORMATS, extract
from tests.realdocs import SENTENCES
from tests.realdocs_typst import FONT_PATHS, FONTS, markup

PROSE = "The office said the fleet grew again this year, and the ministry said so in March."
ARABIC = "طائرة مسيّرة"


def test_a_row_with_an_arabic_cell_reads_in_its_row(tmp_path: Path) -> None:
    rows = [("Region 1", "1,000", ARABIC), ("Staff", "27", "Staff"), ("office", "5", SENTENCES["arabic"][0][:13])]
    body = "".join(f"| {a} | {b} | {c} |\n" for a, b, c in rows)
    markdown = f"# Table\n\n{PROSE}\n\n| Cell | Count | Note |\n|---|---:|---|\n{body}\n{PROSE}\n"
    fonts = ", ".join(f'"{font}"' for font in FONTS)
    pdf = tmp_path / "table.pdf"
    typst.compile((f'#set text(font: ({fonts}), size: 11pt, lang: "en")\n' + markup(markdown)).encode(),
                  output=str(pdf), font_paths=FONT_PATHS)
    read = list(extract(FORMATS[".pdf"], pdf.read_bytes()).paragraphs)
    at = read.index("Region 1")
    assert read[at:at + 6] == ["Region 1", "1,000", ARABIC, "Staff", "27 Staff", "office"]
