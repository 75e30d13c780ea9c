"""The rule a table's rows are read by, for every reader of tables (an Excel sheet, a CSV file): each non-empty
cell a paragraph, row by row, left to right, as the PDF reader reads a spreadsheet printed to PDF. A row an
analyst copies (Excel and Calc copy it with a tab between cells) is found across its cells, as a passage may
run over several paragraphs, and cited as their range; one cell's value is cited as its own paragraph."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence


def row_paragraphs(rows: Iterable[Sequence[str]]) -> Iterator[str]:
    """Each non-blank cell of each row, in order."""
    for row in rows:
        for cell in row:
            if cell.strip():
                yield cell
