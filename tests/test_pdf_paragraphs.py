"""PDF paragraphs as the page shows them: one document from four producers, read back paragraph by paragraph."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.sources.formats.pdfdoc import extract
from briefgen.sources.formats.pdflines import Line, Page, paragraphs
from briefgen.sources.seeds import Seed
from tests import pdf_producers as producers
from tests.tools import require


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("producers")
    require("pandoc")
    made = producers.libreoffice_pdfs(folder)
    made["typst"] = producers.typst_pdf(folder)
    made["reportlab"] = producers.reportlab_pdf(folder)
    return made


PRODUCERS = ["LibreOffice (ODT)", "Word-style DOCX via LibreOffice", "typst", "reportlab"]


@pytest.mark.parametrize("producer", PRODUCERS)
def test_every_paragraph_as_the_page_shows_it(pdfs: dict[str, Path], producer: str) -> None:
    found = extract(pdfs[producer].read_bytes())
    # measured before this reading: 18, 16, 18 and 17 of the 20 paragraphs, among 22 to 26 found
    assert [producers.unmarked(p) for p in found.paragraphs] == producers.PARAGRAPHS
    assert producers.agreement(list(found.paragraphs)) == (20, 20)
    assert len(set(found.pages or ())) == 2  # two pages, each with its running header and page number


@pytest.mark.parametrize("producer", PRODUCERS)
def test_list_items_are_paragraphs_with_their_markers(pdfs: dict[str, Path], producer: str) -> None:
    found = extract(pdfs[producer].read_bytes()).paragraphs
    assert found[2] == "1. The unit doubled its number of sorties between the two exercises."
    assert found[3].startswith("2. Spare parts came mostly from civilian suppliers abroad")
    assert found[3].endswith("according to the customs records the review obtained.")
    assert found[4] == "3. Training moved from the coast to two inland airfields."
    assert found[9] == "• Whether the new airfields are permanent."


@pytest.mark.parametrize("producer", PRODUCERS)
def test_running_header_and_page_numbers_are_not_paragraphs(pdfs: dict[str, Path], producer: str) -> None:
    found = extract(pdfs[producer].read_bytes()).paragraphs
    assert not any(producers.HEADER in p for p in found)
    assert not any(p.strip().isdigit() for p in found)


def test_a_passage_copied_from_a_list_item_is_found_at_its_item(pdfs: dict[str, Path]) -> None:
    found = extract(pdfs["LibreOffice (ODT)"].read_bytes())
    seed = Seed("x.pdf", "seeds/x.pdf", "\n".join(found.paragraphs), found.pages)
    number = seed.locate("which the sanctions had little effect on, according to the customs records")
    assert number == 4 and seed.pinpoint(number) == "p. 1, ¶4"
    assert seed.locate("Training moved from the coast") == 5


def line(text: str, x0: float, y0: float, x1: float = 500, size: float = 10) -> Line:
    return Line(text, x0, x1, y0, size)


def test_a_marker_drawn_apart_goes_back_in_front_of_its_item() -> None:
    blocks = [[line("1. First item ends here.", 90, 700), line("2.", 90, 686, x1=98)],
              [line("Second item starts here and goes", 108, 686), line("on to a second line.", 108, 672)]]
    found = list(paragraphs([Page(842, blocks)]))
    assert found == [(1, "1. First item ends here."), (1, "2. Second item starts here and goes on to a second line.")]


def test_repeated_lines_in_the_margins_are_furniture_but_not_in_the_body() -> None:
    def page(n: int) -> Page:
        return Page(842, [[line("Quarterly review", 72, 800)], [line(f"Body text of page {n}.", 72, 400)],
                          [line("Same sentence on both pages.", 72, 380)], [line(f"Page {n} of 2", 72, 30)]])

    found = [text for _, text in paragraphs([page(1), page(2)])]
    assert found == ["Body text of page 1.", "Same sentence on both pages.", "Body text of page 2.",
                     "Same sentence on both pages."]


def test_a_lone_page_number_is_dropped_from_a_one_page_document() -> None:
    found = [text for _, text in paragraphs([Page(842, [[line("Only text.", 72, 400)], [line("- 1 -", 290, 30)]])])]
    assert found == ["Only text."]
