"""PDF running headers and footers (finding 06): a line near a page's edge is dropped only when it recurs there
as furniture does, word for word or with a number that counts with the pages; a line whose numbers are the
text's ("Week 1: … 400 drones", "Week 2: … 900 drones") stays, and a PDF with one such line a page has text."""

from __future__ import annotations

import hashlib
import io
import marshal
from collections.abc import Callable
from pathlib import Path

from briefgen import __version__
from briefgen.sources.formats import EXTRACTOR_VERSION, FORMATS
from briefgen.sources.formats import extract as cached_extract
from briefgen.sources.formats.pdfdoc import extract
from briefgen.sources.formats.pdflines import Line, Page, paragraphs

Draw = Callable[[object, int], None]  # draws on the canvas for the page numbered so (from 1)


def _pdf(pages: int, draw: Draw) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    for number in range(1, pages + 1):
        draw(page, number)
        page.showPage()
    page.save()
    return out.getvalue()


def _found(raw: bytes) -> list[tuple[int, str]]:
    found = extract(raw)
    return list(zip(found.pages or (), found.paragraphs, strict=True))


def _weekly(page: object, week: int) -> None:
    page.drawString(72, 780, f"Week {week}: the army moved {(400, 900)[week - 1]} drones to the border.")
    page.drawString(72, 500, f"Body text on page {week}.")


def test_a_numbered_line_at_the_top_of_each_page_is_the_text() -> None:
    assert _found(_pdf(2, _weekly)) == [(1, "Week 1: the army moved 400 drones to the border."),
                                     (1, "Body text on page 1."),
                                     (2, "Week 2: the army moved 900 drones to the border."),
                                     (2, "Body text on page 2.")]


def test_a_pdf_of_one_numbered_line_a_page_has_text() -> None:
    def draw(page: object, day: int) -> None:
        page.drawString(72, 780, f"Day {day}: {day * 37} drones were launched at the city.")

    assert _found(_pdf(3, draw)) == [(1, "Day 1: 37 drones were launched at the city."),
                                     (2, "Day 2: 74 drones were launched at the city."),
                                     (3, "Day 3: 111 drones were launched at the city.")]


def test_headers_and_footers_with_page_numbers_are_still_dropped() -> None:
    """A title, a header whose page number starts at 17, a section number that changes once, "Page N of 4"
    and "- N -" at the foot: all furniture; the body line of each page alone is text."""
    def draw(page: object, number: int) -> None:
        page.drawString(72, 800, "Drone programme review")
        page.drawString(400, 800, f"Annual report 2025, page {number + 16}")
        page.drawString(72, 785, f"Section {1 if number < 3 else 2} of 9 · {number}")
        page.drawString(72, 500, f"Body text on page {number}: 400 drones in 2025.")
        page.drawString(72, 40, f"Page {number} of 4")
        page.drawString(290, 25, f"- {number} -")

    assert _found(_pdf(4, draw)) == [(n, f"Body text on page {n}: 400 drones in 2025.") for n in range(1, 5)]


def _line(text: str, y0: float) -> Line:
    return Line(text, 72, 500, y0, 10)


def _texts(pages: list[Page]) -> list[str]:
    return [text for _, text in paragraphs(pages)]


def test_a_page_number_is_furniture_across_an_unnumbered_page_and_a_count_begun_again() -> None:
    numbers = [1, 2, 3, None, 4, 5, 1, 2, 3]  # a blank page the count skips; a second part numbered from 1
    pages = [Page(842, [[_line(f"Body {k}.", 400)]] + ([[_line(f"Report, page {n}", 30)]] if n else []))
             for k, n in enumerate(numbers, start=1)]
    assert _texts(pages) == [f"Body {k}." for k in range(1, 10)]


def test_notes_at_the_foot_of_the_page_are_the_text() -> None:
    """Numbered notes in the bottom band look alike from page to page ("6 Source, ¶11."), but a page holds
    several: a page has one page number."""
    pages = [Page(842, [[_line(f"Body {n}.", 400)], [_line(f"{2 * n - 1} Agency report, ¶{n + 10}.", 60)],
                        [_line(f"{2 * n} Agency report, ¶{n + 20}.", 48)]]) for n in (1, 2)]
    assert _texts(pages) == ["Body 1.", "1 Agency report, ¶11.", "2 Agency report, ¶21.",
                             "Body 2.", "3 Agency report, ¶12.", "4 Agency report, ¶22."]


def test_a_line_whose_numbers_all_count_with_the_pages_is_the_text() -> None:
    pages = [Page(842, [[_line(f"Page {n} text: the army has {n} drones.", 800)]]) for n in (1, 2, 3)]
    assert _texts(pages) == [f"Page {n} text: the army has {n} drones." for n in (1, 2, 3)]


def test_an_extraction_cached_before_this_reading_is_not_reused(tmp_path: Path) -> None:
    raw = _pdf(2, _weekly)
    digest = hashlib.sha256(raw).hexdigest()
    for version in range(1, int(EXTRACTOR_VERSION)):  # what an earlier reader may have left in output/.cache
        entry = tmp_path / f"seed-pdf-{__version__}-{version}-{digest}.marshal"
        entry.write_bytes(marshal.dumps((["Body text on page 1.", "Body text on page 2."], [1, 2])))
    assert len(cached_extract(FORMATS[".pdf"], raw, str(tmp_path)).paragraphs) == 4
    assert int(EXTRACTOR_VERSION) >= 5  # 5: numbered lines near a page's edge kept, CJK line breaks add no space


def test_a_heading_whose_number_happens_to_count_with_the_pages_is_the_text() -> None:
    """"Week 1" heads page 1, "Week 2" page 2, at the same place: the number is the week's, not the page's."""
    def draw(page: object, week: int) -> None:
        page.drawString(72, 780, f"Week {week}")
        page.drawString(72, 700, f"The army moved more drones to the border in week {week}.")

    assert _found(_pdf(3, draw)) == [(n, text) for n in (1, 2, 3) for text in
                                     (f"Week {n}", f"The army moved more drones to the border in week {n}.")]


def test_page_numbers_written_as_such_are_furniture() -> None:
    def draw(page: object, number: int) -> None:
        page.drawString(72, 810, f"Drone review | {number}")
        page.drawString(72, 795, f"p. {number}")
        page.drawString(72, 500, f"Body text on page {number}.")
        page.drawString(72, 40, f"{number} · Annex B")
        page.drawString(400, 40, f"{number}/3")

    assert _found(_pdf(3, draw)) == [(n, f"Body text on page {n}.") for n in (1, 2, 3)]


def test_a_counted_line_that_moves_on_the_page_is_the_text() -> None:
    def draw(page: object, number: int) -> None:
        page.drawString(72, 760 + 10 * number, f"Report · {number}")
        page.drawString(72, 500, f"Body text on page {number}.")

    assert _found(_pdf(3, draw)) == [(n, text) for n in (1, 2, 3) for text in
                                     (f"Report · {n}", f"Body text on page {n}.")]


def test_page_numbers_in_other_languages_are_furniture() -> None:
    for header in ("第 {n} 页", "Seite {n} von 3", "Página {n}", "стр. {n}", "{n} ページ"):
        pages = [Page(842, [[_line(header.format(n=n), 800)], [_line(f"Body {n}.", 400)]]) for n in (1, 2, 3)]
        assert _texts(pages) == ["Body 1.", "Body 2.", "Body 3."], header


def test_a_word_that_recurs_near_the_edge_in_other_places_is_the_text() -> None:
    """A running header is drawn at the same place on each page; a word that a justified line's wide spaces
    leave alone near the top of two pages, at other places, is the text."""
    pages = [Page(842, [[Line("Drone review", 72, 140, 800, 10)],
                        [Line("regarding", 72 + 60 * n, 120 + 60 * n, 780, 10)],
                        [Line(f"Body {n}.", 72, 300, 400, 10)]]) for n in (1, 2)]
    assert _texts(pages) == ["regarding", "Body 1.", "regarding", "Body 2."]
