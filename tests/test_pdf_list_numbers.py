"""A numbered list whose items end in no stop, one of them filling the line (a slide's timeline, as LibreOffice
Impress exports pandoc's slides; a report's list of dates): the earlier reading started an item at "3." only
after a line that ended a sentence or stopped short, and ran "2. June: second exercise … sorties" and
"3. September: …" together. A line numbered next after the item above it ("2." then "3.", "b)" then "c)")
starts a new item. A number that does not follow ("from 2019 to\\n 3. …") still does not. The truth is the page
as drawn."""

from __future__ import annotations

import pytest

from briefgen.sources.formats.pdfdoc import extract
from tests.helpers import lines_pdf


def _page(lines: list[str]) -> bytes:
    return lines_pdf(lines, "Helvetica")


@pytest.mark.parametrize("marks", [("1.", "2.", "3."), ("a)", "b)", "c)"), ("(1)", "(2)", "(3)")])
def test_each_numbered_item_is_a_paragraph_though_the_one_before_fills_the_line(marks: tuple[str, ...]) -> None:
    items = [f"{marks[0]} March: first exercise",
             f"{marks[1]} June: the second exercise with twice the sorties of the first and two more airfields",
             f"{marks[2]} September: the airfields open"]
    assert list(extract(_page(items)).paragraphs) == items


def test_a_number_that_does_not_follow_runs_on() -> None:
    lines = ["1. The count rose in the two years after the first exercise of the northern units from",
             "3. to 5 sorties a week, the ministry said in its annual report."]
    assert list(extract(_page(lines)).paragraphs) == [" ".join(lines)]
