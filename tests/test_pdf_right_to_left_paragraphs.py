"""English paragraphs going on in a Hebrew and an Arabic sentence, as pandoc's DOCX laid out by LibreOffice sets
them (made at test time): English prefixes of 4 to 21 words move the line breaks through the right-to-left
sentences. The Unicode bidi rules resolve a number's direction over the whole paragraph and reorder each line
alone, so a line ending "… staff המשרד דיווח על 27" is drawn "staff 27 [the Hebrew]" and the next line,
"רחפנים חדשים …", starts at the left; a stop ending the Hebrew sentence at a line's end is drawn left of it;
a line of Hebrew and Arabic alone, between two English lines of its paragraph, is still a left-to-right
paragraph's line. Before, the number was read at the wrong end of the run, the stop before the Hebrew, and a
paragraph whose lines change direction partway was read as two or three. The oracle is LibreOffice's text
export of the DOCX; pdftotext shows that the layout does break the lines so."""

from __future__ import annotations

import re

import pytest

from briefgen.sources.formats import FORMATS, extract
from tests.helpers import pdftotext
from tests.realdocs import SENTENCES, WORDS, Source, faults, office_pdfs, oracle

HEBREW, ARABIC = SENTENCES["hebrew"][0], SENTENCES["arabic"][0]
_RTL = "\u0590-\u08ff"
_EMBEDDED = "\u202b[^\u202c]*\u202c"  # pdftotext's right-to-left embedding around a run it reorders


def _paragraph(n: int) -> str:
    words = " ".join(WORDS[(n * 7 + k) % len(WORDS)] for k in range(n))
    return f"{words.capitalize()} {HEBREW} {ARABIC}"


def _item(n: int) -> str:
    words = " ".join(WORDS[(n * 5 + k) % len(WORDS)] for k in range(n))
    return f"{words.capitalize()} {HEBREW}"


@pytest.fixture(scope="module")
def laid_out(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, list[str], list[str], str]:
    """(the Markdown, briefgen's paragraphs of the PDF, the DOCX's text export, pdftotext's text)."""
    folder = tmp_path_factory.mktemp("rtl-paragraphs")
    items = "".join(f"- {_item(n)}\n" for n in range(6, 14)) + "\n"
    items += "".join(f"{n}. {_item(n)}\n" for n in range(6, 14))
    markdown = "# Numbers\n\n" + "\n\n".join(_paragraph(n) for n in range(4, 22)) + "\n\n" + items
    pdf = office_pdfs([Source("made", markdown)], folder)[0]
    read = list(extract(FORMATS[".pdf"], pdf.read_bytes()).paragraphs)
    return markdown, read, oracle(folder / "made.docx", folder), pdftotext(pdf)


def test_a_number_a_line_break_leaves_beside_a_right_to_left_run_reads_in_its_place(
        laid_out: tuple[str, list[str], list[str], str]) -> None:
    markdown, read, shown, text = laid_out
    lines = text.splitlines()
    assert any(re.search(f"[a-z] 27 {_EMBEDDED}$", line) for line in lines)  # "staff 27 [Hebrew]" ends a line
    assert any(re.search(f"[a-z] \\.{_EMBEDDED}", line) for line in lines)  # the Hebrew's stop, drawn before it
    assert all("על 27 רחפנים" in p and "عن ٣٤٥ طائرة" in p for p in read[1:19])  # as the source writes them
    assert read[1:19] == shown[1:19]
    assert faults(read, shown, markdown) == []


def test_a_paragraph_whose_lines_change_direction_reads_as_one(
        laid_out: tuple[str, list[str], list[str], str]) -> None:
    _, read, shown, text = laid_out
    latin = re.compile("[A-Za-z]")
    # a line of Hebrew and Arabic alone inside a paragraph that starts and ends its lines in English
    assert any(re.search(f"[{_RTL}]", line) and not latin.search(line) and not line.endswith(".")
               for line in text.splitlines())
    assert len(read) == len(shown) == 35
    assert all(latin.match(p) for p in read[1:19])


def test_a_list_items_line_flush_right_only_reads_left_to_right_from_its_marker(
        laid_out: tuple[str, list[str], list[str], str]) -> None:
    """An indented item's line, "• Drone … office 27 [the Hebrew]" filling its column, is flush with the right
    margin only and shows Latin at one end and Hebrew at the other: it was read as a right-to-left line (its
    Hebrew first, its bullet last). The marker drawn at its left says it is a left-to-right item."""
    markdown, read, shown, _ = laid_out
    assert [p[:2] for p in read[19:]] == ["• "] * 8 + [f"{n}." for n in range(6, 10)] + [f"{n}" for n in range(10, 14)]
    assert all(p.endswith(HEBREW) for p in read[19:])
    assert faults(read, shown, markdown) == []
