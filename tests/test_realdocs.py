"""The seed readers against documents the real tools write (tests/realdocs.py): pandoc's and LibreOffice's DOCX,
ODT, RTF, .doc, EPUB, HTML, Markdown and PDF of generated rich sources, Calc's XLSX and ODS, Impress's PPTX and
ODP, each read as the tool's own text view shows it.

`make test` runs REALDOCS_COUNT sources (default 1, every format: about a minute, most of it LibreOffice starting)
from REALDOCS_SEED (default 9); a wide run to find faults is
`REALDOCS_COUNT=40 REALDOCS_SEED=$RANDOM pytest tests/test_realdocs.py` (docs/development.md)."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from briefgen.sources.formats import FORMATS, extract
from briefgen.sources.textnorm import normalise
from tests.helpers import pdftotext
from tests.realdocs import Source, faults, office_pdfs, oracle, run, sources

# Korean and Thai text in LibreOffice's PDF: what still differs, and why (docs/development.md).
_KNOWN_IN_PDF = re.compile("[\u0e00-\u0e7f\uac00-\ud7af]")


def _pandoc_page(markdown: str, folder: Path, title: str = "Drone notes") -> tuple[list[str], list[str]]:
    """A standalone page pandoc writes from `markdown`: (briefgen's paragraphs, pandoc's own plain text)."""
    source, page = folder / "page.md", folder / "page.html"
    source.write_text(markdown, encoding="utf-8")
    subprocess.run(["pandoc", str(source), "-s", "--metadata", f"title={title}", "-o", str(page)], check=True)
    return list(extract(FORMATS[".html"], page.read_bytes()).paragraphs), oracle(page, folder)


def test_a_page_with_its_headings_loose_in_the_body_reads_them(tmp_path: Path) -> None:
    """pandoc's, LibreOffice's and Word's pages put headings straight in <body>, with no <main> or <article>:
    the extractor's fallback dropped every one of them."""
    markdown = ("# Findings\n\nThe fleet grew fast. Officials said so in March.\n\nBudget lines rose by 12 percent."
                "\n\n## Outlook\n\nMore drones are expected next year.\n")
    read, told = _pandoc_page(markdown, tmp_path)
    assert read == ["Findings", "The fleet grew fast. Officials said so in March.", "Budget lines rose by 12 percent.",
                    "Outlook", "More drones are expected next year."]
    assert faults(read, told, markdown) == []


def test_a_pages_notes_are_read_after_its_article(tmp_path: Path) -> None:
    """The extractor kept or dropped the list of notes at an article's end by its link density: this page's two
    notes (pandoc's `section.footnotes`, each with its ↩ link back) were not read at all."""
    made = sources(1, 3)[2]
    read, told = _pandoc_page(made.markdown, tmp_path, made.name)
    assert [p[:10] for p in read[-2:]] == ["1. Note 3:", "2. Note 6:"]
    assert faults(read, told, made.markdown) == []


def test_the_real_tools_documents_read_as_each_tool_shows_them(tmp_path: Path) -> None:
    seed, count = int(os.environ.get("REALDOCS_SEED", "9")), int(os.environ.get("REALDOCS_COUNT", "1"))
    tallies = run(seed, count, tmp_path)
    assert {label.split("-")[1] for label in tallies} == {"docx", "odt", "rtf", "doc", "epub", "html", "pdf", "md",
                                                          "xlsx", "ods", "pptx", "odp"}
    found = {label: [fault for fault in tally.faults if not (label.endswith("pdf") and _KNOWN_IN_PDF.search(fault))]
             for label, tally in tallies.items()}
    assert {label: listed for label, listed in found.items() if listed} == {}


def _libreoffice_pdf_of(made: Source, folder: Path) -> tuple[list[str], list[str]]:
    """`made` as pandoc's DOCX laid out by LibreOffice as a PDF: (briefgen's paragraphs of the PDF, LibreOffice's
    text export of the DOCX)."""
    pdf = office_pdfs([Source("made", made.markdown)], folder)[0]
    return list(extract(FORMATS[".pdf"], pdf.read_bytes()).paragraphs), oracle(folder / "made.docx", folder)


@pytest.fixture(scope="module")
def korean_and_arabic(tmp_path_factory: pytest.TempPathFactory) -> tuple[Source, Path, list[str], list[str]]:
    """A source whose LibreOffice PDF breaks a Korean word at a line's end and wraps English lines into Arabic:
    (the source, its folder, the PDF's reading, the DOCX's text export)."""
    made, folder = sources(2, 1)[0], tmp_path_factory.mktemp("korean-arabic")
    return made, folder, *_libreoffice_pdf_of(made, folder)


def test_a_korean_word_a_pdf_line_end_breaks_is_read_whole(
        korean_and_arabic: tuple[Source, Path, list[str], list[str]]) -> None:
    """LibreOffice breaks a Korean line between any two syllables, inside a word, and draws no hyphen: "무" at
    one line's end and "인기" at the next's read "무 인기", where the document shows 무인기 (and writes it whole
    on other lines). Every 무인기 of its text export is in the PDF's reading."""
    _, folder, read, shown = korean_and_arabic
    assert "무\n인기" in pdftotext(folder / "made.pdf")  # the layout does break the word at a line's end
    assert " ".join(read).count("무인기") == " ".join(shown).count("무인기") >= 3


def test_an_english_line_going_on_in_arabic_reads_in_its_paragraphs_direction(
        korean_and_arabic: tuple[Source, Path, list[str], list[str]]) -> None:
    """A list item's line "• Figure drone … sorties أعلنت الوزارة عن ٣٤٥ طائرة مسيّرة" whose sentence ends in
    Arabic on the next line: Latin at one end, Arabic at the other, flush with the right margin only (the item
    is indented), it was read as a right-to-left line, its Arabic before its English. Such a line takes the
    direction its paragraph's other lines show."""
    made, _, read, shown = korean_and_arabic
    arabic = re.compile("[\u0600-\u06ff]")
    assert len([line for line in shown if arabic.search(line)]) >= 5
    assert [fault for fault in faults(read, shown, made.markdown) if arabic.search(fault)] == []


@pytest.mark.parametrize(("seed", "index", "break_"), [(3, 11, "‘negotiate’\nagain,”"), (4, 4, "ministry\n“We")])
def test_a_list_items_next_line_goes_on_in_its_paragraph(tmp_path: Path, seed: int, index: int, break_: str) -> None:
    """A list item's line, full, then its next line at the item's hanging indent: read as a paragraph of its own
    where the line ended “We will not ‘negotiate’ (a closing quotation mark after a letter, taken for a
    sentence's end), and where the next line started further in than the column's edge (taken for a new
    paragraph's indent, though the line before stopped mid-sentence)."""
    read, shown = _libreoffice_pdf_of(sources(seed, index + 1)[index], tmp_path)
    assert break_ in pdftotext(tmp_path / "made.pdf")  # the item's line does end there
    item = [normalise(line.lstrip("•\t ")) for line in shown if "negotiate" in line]
    assert [normalise(p.lstrip("• ")) for p in read if "negotiate" in p] == item


@pytest.mark.parametrize(("seed", "heading"), [(17, "Section 3 — fleet"), (20, "Section 8 — office")])
def test_a_heading_under_a_table_is_not_read_into_its_last_row(tmp_path: Path, seed: int, heading: str) -> None:
    """A heading set under a table's first column, beside nothing, was read into the table's last row as the
    cell's second line ("envoy 2 Section 8 — office"): the text export has the cell and then the heading as a
    paragraph of its own, and so must the reading."""
    made = sources(seed, 1)[0]
    read, shown = _libreoffice_pdf_of(made, tmp_path)
    assert heading in shown
    cell = shown[shown.index(heading) - 3]  # the first column's last cell, over the heading
    assert cell.endswith(" 2") and heading in read and not any(cell in p and heading in p for p in read)
    assert [fault for fault in faults(read, shown, made.markdown) if "Section" in fault] == []


def test_a_list_items_line_over_a_table_is_read_before_the_table(tmp_path: Path) -> None:
    """A nested list item's line, indented past the table's first column, set over the table: pdfminer made one
    block of it and the header's second cell under it ("Count"), which the table's first cell ("Region"), beside
    that cell, was read before, the item after it. The text export has the item, then the table row by row."""
    item = "reflex nested 3 The ministry said the fleet was efficient and affluent today."
    markdown = ("# Report\n\n- Drone fleet office envoy drone annex staff figure official budget\n\n    - " + item +
                "\n\n| Region | Count | Date |\n|---|---:|---|\n| workflow 0 | 94,942 | 2026-01-10 |\n"
                "| staff 1 | 9,895 | 2026-02-11 |\n\nThe office rose.\n")
    read, shown = _libreoffice_pdf_of(Source("over", markdown), tmp_path)
    assert [line.strip().lstrip("◦• ") for line in shown[2:5]] == [item, "Region", "Count"]
    assert [k for k, p in enumerate(read) if item in p] == [read.index("Region") - 1]
    assert faults(read, shown, markdown) == []
