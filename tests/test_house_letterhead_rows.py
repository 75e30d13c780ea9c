"""A letterhead table whose cell holds several paragraphs (an address block beside the organisation's name, a
logo above a line of text) is drawn as Word draws it: each paragraph on a line of its own in the cell, the
cells' first lines level at the row's top, a line too long for its column wrapped in it. Before, a cell's
paragraphs were run together on one line that overflowed into the next cell."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.shared import Inches

from tests.helpers import built_under_reference, libreoffice_pdf, pdf_words

ADDRESS = ("Harbour House, 12 Quay Street", "Portsmouth PO1 2AB", "switchboard +44 23 9200 0000")
LONG = "A unit of the Directorate of Strategic Assessment and its regional desks in four countries"


def _reference(path: Path) -> None:
    reference = docx.Document()
    table = reference.sections[0].header.add_table(1, 2, Inches(6))
    left, right = table.rows[0].cells
    left.text = "NORTHWIND"
    left.add_paragraph(LONG)
    right.text = ADDRESS[0]
    for line in ADDRESS[1:]:
        right.add_paragraph(line)
    reference.save(str(path))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_under_reference(tmp_path_factory.mktemp("rows"), _reference)


def _boxes(pdf: Path) -> dict[str, tuple[float, float, float]]:
    """Page 1's words: first occurrence -> (left, top, right)."""
    found: dict[str, tuple[float, float, float]] = {}
    for word in pdf_words(pdf):
        found.setdefault(word.text, (word.left, word.top, word.right))
    return found


def _layout(pdf: Path) -> dict[str, tuple[float, float, float]]:
    words = _boxes(pdf)
    return {name: words[name] for name in ("NORTHWIND", "Harbour", "Portsmouth", "switchboard", "Directorate",
                                           "countries")}


def _check(found: dict[str, tuple[float, float, float]]) -> None:
    tops = {name: top for name, (_, top, _) in found.items()}
    assert abs(tops["NORTHWIND"] - tops["Harbour"]) < 2  # both cells start at the row's top
    assert tops["Harbour"] < tops["Portsmouth"] < tops["switchboard"]  # the address, a line each
    assert tops["Directorate"] < tops["countries"]  # the long line wrapped in its column
    assert found["countries"][2] < found["Harbour"][0]  # and kept out of the next cell
    assert abs(found["Harbour"][0] - found["Portsmouth"][0]) < 1  # the address lines start at one edge


def test_a_cells_paragraphs_are_lines_of_their_own_in_the_pdf(built: Path) -> None:
    _check(_layout(built / "executive.pdf"))


def test_libreoffice_lays_the_docx_letterhead_out_alike(built: Path, tmp_path: Path) -> None:
    ours, theirs = _layout(built / "executive.pdf"), _layout(libreoffice_pdf(built / "executive.docx", tmp_path))
    _check(theirs)
    for name in ours:  # each word within a few points of where LibreOffice sets it
        assert abs(ours[name][0] - theirs[name][0]) < 6 and abs(ours[name][1] - theirs[name][1]) < 6, (
            name, ours[name], theirs[name])
