"""A right-to-left line in the left column of a two-column page (tests/realdocs_pages.py: pandoc's DOCX of a
corpus source given two columns, a running header and a page footer, laid out by LibreOffice at test time).
Its edges were mirrored across the whole page, for its start to be its x0: it landed in the right column's
place, and was read after that column's text, away from the English lines of its paragraph. On a page of
mostly left-to-right lines, such a line is mirrored across its own column; a page of mostly right-to-left
lines is still mirrored whole, its columns read from the right (test_pdf_justified_arabic.py)."""

from __future__ import annotations

from pathlib import Path

from briefgen.sources.formats import FORMATS, extract
from briefgen.sources.textnorm import normalise
from tests.helpers import pdf_words
from tests.realdocs import oracle, sources
from tests.realdocs_pages import designed_pdfs


def test_a_paragraph_ending_in_arabic_in_the_left_column_reads_whole(tmp_path: Path) -> None:
    made = sources(404, 1)[0]
    pdf = designed_pdfs([made], tmp_path)[0]
    shown = oracle(tmp_path / f"{made.name}.docx", tmp_path)
    paragraph = next(line for line in shown if line.startswith("See the office report for Shuffle"))
    arabic = next(word for word in pdf_words(pdf) if word.text == "٣٤٥")  # the first Arabic line's
    assert arabic.left < 297  # the paragraph's Arabic line is in the left column (of an A4 page's 595 points)
    read = list(extract(FORMATS[".pdf"], pdf.read_bytes()).paragraphs)
    # read in order, one paragraph though its lines change direction (test_pdf_right_to_left_paragraphs.py)
    assert normalise(paragraph) in [normalise(p) for p in read]
