"""A letterhead paragraph whose parts, set at their tab stops, run past the line's end goes on as many lines as
it needs, as Word and LibreOffice set it: a part that does not fit the rest of the line goes down with its tab
(taken again from the next line's start), a part too long for any line is broken at its spaces, and nothing is
drawn past the margin but at a tab stop set there. The PDF drew such a line in one row, off the page's edge.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from briefgen.document.house import LetterLine, Piece
from briefgen.writers.pdf.tabrows import broken
from tests.helpers import Word, built_under_reference, libreoffice_pdf, pdf_words

LONG_LEFT = "Directorate of Strategic Assessment, Europe and Central Asia Desk, Office of the Deputy Director"
LONG_MIDDLE = "Directorate of Strategic Assessment for the Region of Europe and Asia"
LINES = (f"{LONG_LEFT}\tBRIEFING\tRESTRICTED", f"Northwind Analysis\t{LONG_MIDDLE}\tRESTRICTED ANNEX",
         "A\tB\tC\tD\tE\tF")


def _reference(path: Path) -> None:
    reference = docx.Document()
    header = reference.sections[0].header
    header.paragraphs[0].text = LINES[0]
    for text in LINES[1:]:
        header.add_paragraph(text, style=header.paragraphs[0].style)
    reference.save(str(path))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_under_reference(tmp_path_factory.mktemp("taboverflow"), _reference)


def _header(pdf: Path) -> list[list[Word]]:
    """Page 1's header, line by line from the top, each line's words left to right (a part set straight after
    the one before it, with no space, reads as one word with it: "AnalysisDirectorate")."""
    words = pdf_words(pdf)
    body = next(w.top for w in words if w.text == "TLP:CLEAR")  # the brief's own first line, under the header
    rows: dict[int, list[Word]] = {}
    for word in words:
        if word.top < body - 1:
            rows.setdefault(round(word.top), []).append(word)
    return [sorted(rows[top]) for top in sorted(rows)]


def _text(rows: list[list[Word]]) -> list[str]:
    return [" ".join(w.text for w in row) for row in rows]


def test_every_word_on_the_page_in_order(built: Path) -> None:
    rows = _header(built / "executive.pdf")
    width = float(docx.Document(str(built / "executive.docx")).sections[0].page_width.pt)
    assert all(w.left >= 0 and w.right <= width for row in rows for w in row), _text(rows)
    said = " ".join(_text(rows)).split()
    assert said == " ".join(LINES).replace("Analysis\t", "Analysis").split(), said
    assert len(rows) == 7, _text(rows)  # each tabbed line on two (the letters' on three)


def test_libreoffice_sets_the_docx_header_alike(built: Path, tmp_path: Path) -> None:
    """The same lines, each word where LibreOffice sets it: BRIEFING down to the next line's centre stop with
    RESTRICTED at its right stop, RESTRICTED ANNEX down to the centre, the letters at the default stops."""
    ours, theirs = _header(built / "executive.pdf"), _header(libreoffice_pdf(built / "executive.docx", tmp_path))
    assert _text(ours) == _text(theirs)
    for mine, lo in zip(ours, theirs, strict=True):
        for word, other in zip(mine, lo, strict=True):
            assert abs(word.left - other.left) < 3 and abs(word.right - other.right) < 3, (word, other)


def _measure(text: str) -> float:
    return float(len(text.strip()))  # a point a character


def _rows(line: LetterLine, room: float = 40.0, reach: float = 0.0) -> list[list[str]]:
    return [["".join(p.text for p in cell) for cell in row.cells]
            for row in broken(line, room, _measure, 8.0, reach)]


def test_how_a_line_is_broken() -> None:
    stops = ((20.0, "center"), (40.0, "right"))

    def line(*parts: str, **kw: object) -> LetterLine:
        return LetterLine(cells=tuple((Piece(part),) for part in parts), stops=stops, **kw)  # type: ignore[arg-type]

    fits = line("Ref", "MID", "END")
    assert broken(fits, 40.0, _measure, 8.0, 0.0) == (fits,)  # a line that fits is the line itself
    assert _rows(line("a" * 36, "MIDDLE", "END")) == [["a" * 36], ["", "MIDDLE", "END"]]  # down with its tab
    assert _rows(line("Ref", "one two three four five six seven eight nine")) == [
        ["Ref", "one two three four five six seven"], ["eight nine"]]  # too long for any line: cut
    assert _rows(line("x" * 50)) == [["x" * 50]]  # a word wider than the line keeps a line of its own
    assert _rows(line("Ref", "MID", "END"), room=30.0, reach=15.0) == [["Ref", "MID", "END"]]  # to a stop
    # in the margin, but not past the line's end without the reach to that stop
    assert _rows(line("Ref", "MID", "END"), room=30.0) == [["Ref", "MID"], ["", "END"]]
    indented = LetterLine(cells=((Piece("aaa bbb ccc ddd eee fff ggg hhh"),),), indent=(4.0, 0.0, 12.0))
    assert _rows(indented, room=30.0) == [["aaa bbb ccc"], ["ddd eee fff ggg hhh"]]  # the first line in 30 - 16
    # points, the next ones in 30 - 4
    made = broken(indented, 30.0, _measure, 8.0, 0.0)
    assert [row.indent for row in made] == [(4.0, 0.0, 12.0), (4.0, 0.0, 0.0)]
    picture = Piece(image=b"png", width=45.0, height=5.0)
    assert _rows(LetterLine(cells=((Piece("Ref"),), (picture,)), stops=stops)) == [["Ref"], ["", ""]]
