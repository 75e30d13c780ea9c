"""A list item's last line in Thai in a typst page of two columns reads in its item. The Thai line is taller than
the item's other lines (its font's), and pdfminer leaves it a block of its own: at the foot of the first column,
at the item's hanging indent, it was read as a running footer's piece after the second column (pdforder: a
piece of the page's bottom row that starts where a line of the column over it starts is that column's); under
an item of one line, the item's measure was taken as the page's (a header across both columns), so the item's
line was never full and the Thai line read as a paragraph of its own (pdflines._next_column: the next column's
lines are looked for a couple of lines over and under a short block too). A full line ending in Thai, cut
between two of its words, goes on in the next block at the distance the lines keep or closer, and the word that
did not fit is some characters wide (pdflines.continues, _full). The corpus's documents
(tests/realdocs_typst.py), made at test time with typst; oracle: the item's text as the source writes it."""

from __future__ import annotations

from pathlib import Path

import pytest
import typst

from briefgen.sources.formats import FORMATS, extract
from tests.realdocs import sources
from tests.realdocs_typst import FONT_PATHS, document

THAI = "กระทรวงกลาโหมแถลงว่ามีโดรน ๑๒๓ ลำ"


@pytest.mark.parametrize(("seed", "index", "item"), [
    (303, 11, "Reflex budget sorties office offline fleet"),  # its Thai line at the foot of the first column
    (303, 3, "office nested 1"),  # an item of one line, its Thai line under it
    (606, 6, "efficient nested 1"),
    (707, 11, "Staff reflex annex reflex"),
    # a full line ending in a Thai word cut, the next block at the hanging indent closer than the page's most
    # common distance (the taller lines with Thai)
    (404, 8, "Official coefficient affluent fleet envoy office figure workflow sorties staff"),
    (707, 9, "Budget annex annex official official reflex workflow shuffle coefficient"),
])
def test_an_items_thai_line_reads_in_the_item(tmp_path: Path, seed: int, index: int, item: str) -> None:
    src = sources(seed, index + 1)[index]
    pdf = tmp_path / "items.pdf"
    typst.compile(document(src, index).encode(), output=str(pdf), font_paths=FONT_PATHS)
    read = list(extract(FORMATS[".pdf"], pdf.read_bytes()).paragraphs)
    assert any(paragraph.endswith(f"{item} {THAI}") for paragraph in read), read
