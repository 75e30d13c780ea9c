"""Header and footer lines never run into each other: the handling line (banner) is centred between the texts at
the two ends of its line, or takes a line of its own above them where it would touch one (the analyst footer's
document-control text once ran under it in the PDF and glued to it in the DOCX). Read back from the PDF and from
LibreOffice's rendering of the DOCX, word boxes from `pdftotext -bbox`."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.helpers import libreoffice_convert, pdf_words, run

BAND = 60.0  # points from the top and bottom edges: where the header and footer lines sit
LONG_FOOTER = "Prepared for the joint committee by the regional analysis cell, with briefgen"


def _furniture_lines(pdf: Path) -> list[list[tuple[float, float, str]]]:
    """Each header or footer line of every page: its words as (left, right, text), left to right."""
    lines: list[list[tuple[float, float, str]]] = []
    for number, page in enumerate(PdfReader(pdf).pages, 1):
        height = float(page.mediabox.height)
        rows: dict[int, list[tuple[float, float, str]]] = {}
        for word in pdf_words(pdf, number):
            if word.top < BAND or word.top > height - BAND:
                rows.setdefault(round(word.top), []).append((word.left, word.right, word.text))
        lines += [sorted(row) for _, row in sorted(rows.items())]
    return lines


def _collisions(pdf: Path, banner_start: str) -> list[str]:
    return [found for line in _furniture_lines(pdf) for found in _line_collisions(line, banner_start)]


def _line_collisions(line: list[tuple[float, float, str]], banner_start: str) -> list[str]:
    """What runs together on a line that carries the handling line (portion marks "(TLP:…)" are body text)."""
    if not any(banner_start in word and not word.startswith("(") for *_, word in line):
        return []
    text = " ".join(word for *_, word in line)
    found = [f"overlap in {text!r}" for a, b in itertools.pairwise(line) if b[0] < a[1] - 0.5]
    found += [f"banner glued in {text!r}" for *_, word in line
              if banner_start in word and not word.startswith(banner_start)]
    found += [f"banner touches the text before it in {text!r}" for i, (*_, word) in enumerate(line)
              if i > 0 and word.startswith(banner_start) and line[i][0] - line[i - 1][1] < 4.0]
    return found


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped workspace, plus an audience whose footer and organisation are long."""
    from tests.helpers import built_workspace

    ws = built_workspace(tmp_path_factory.mktemp("furniture"))
    profile = (ws / "templates/analyst.yaml").read_text(encoding="utf-8")
    profile = profile.replace('footer: "Analyst brief prepared with briefgen"', f'footer: "{LONG_FOOTER}"')
    (ws / "templates/crowded.yaml").write_text(profile, encoding="utf-8")
    result = run(ws, "build", "-a", "crowded")
    assert result.exit_code == 0, result.output
    libreoffice_convert(sorted((ws / "output").glob("*.docx")), ws / "lo", timeout=300)
    return ws


@pytest.mark.parametrize("name", ["analyst", "executive", "public", "crowded"])
def test_the_handling_line_never_touches_the_header_or_footer_text(built: Path, name: str) -> None:
    for pdf in (built / "output" / f"{name}.pdf", built / "lo" / f"{name}.pdf"):
        lines = _furniture_lines(pdf)
        assert any(any(word.startswith("TLP:") for *_, word in line) for line in lines), pdf  # the test sees it
        assert _collisions(pdf, "TLP:") == [], pdf


def test_a_long_footer_puts_the_handling_line_above_it_in_both_formats(built: Path) -> None:
    for pdf in (built / "output/crowded.pdf", built / "lo/crowded.pdf"):
        lines = _furniture_lines(pdf)
        footer = next(i for i, line in enumerate(lines) if line[0][2] == LONG_FOOTER.split()[0])
        assert lines[footer - 1][0][2].startswith("TLP:"), pdf  # the line above the footer text is the banner
        assert not any(word.startswith("TLP:") for *_, word in lines[footer]), pdf


def test_the_checks_see_a_collision() -> None:
    """Each rule fires on a footer that ran together as the old PDF (overlap) and DOCX (glued) had it."""
    overlapped = [(51.0, 220.0, "version"), (210.0, 250.0, "TLP:CLEAR")]
    glued = [(190.0, 214.0, "version"), (215.9, 252.5, "1TLP:CLEAR")]
    close = [(190.0, 214.0, "version"), (215.0, 252.5, "TLP:CLEAR")]
    assert [len(_line_collisions(line, "TLP:")) for line in (overlapped, glued, close)] == [2, 1, 1]
