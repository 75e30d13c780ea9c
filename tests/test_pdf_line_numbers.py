"""A contract set as pleading paper: double-spaced clauses, each line numbered in the left margin on its
baseline (1, 2, 3 … down the page). The numbers are none of the clauses' text: a reader copying a clause does not
copy them. The earlier reading took each number and the line beside it for a table's row of cells, so the
clauses came out a line at a time, each after its number ("4 that agree contractor …"). The truth is the
document as built: each clause whole, no number left over."""

from __future__ import annotations

import io
import random

import pytest

from briefgen.sources.formats.pdfdoc import extract

_WORDS = "the parties agree that contractor shall deliver goods buyer within thirty days signed order invoice".split()


def _contract(step: int, right: bool) -> tuple[bytes, list[str]]:
    """Six clauses, every `step`th line numbered, in the left margin (or the right one when `right`)."""
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen import canvas

    pick = random.Random(4)
    clauses = [f"Clause {n}. The " + " ".join(pick.choice(_WORDS) for _ in range(50)) + "." for n in range(6)]
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=letter)
    y, number = 720.0, 1
    for clause in clauses:
        for k, line in enumerate(simpleSplit(clause, "Times-Roman", 12, 430)):
            page.setFont("Times-Roman", 12)
            page.drawString(108 + (36 if k == 0 else 0), y, line)
            page.setFont("Times-Roman", 10)
            if number % step == 0 or step == 1:
                (page.drawString(588, y, str(number)) if right else page.drawRightString(80, y, str(number)))
            number, y = number + 1, y - 24
    page.showPage()
    page.save()
    return out.getvalue(), clauses


@pytest.mark.parametrize(("step", "right"), [(1, False), (5, False), (1, True)])
def test_numbered_lines_read_as_whole_clauses_without_their_numbers(step: int, right: bool) -> None:
    raw, clauses = _contract(step, right)
    assert list(extract(raw).paragraphs) == clauses
