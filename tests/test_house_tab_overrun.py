"""A letterhead line whose left part reaches past where its centred part would begin ("Directorate of ...
Assessment<tab>BRIEFING<tab>Page 1"): Word, and LibreOffice with it, start the centred part where the left one
ends, and the right part after it. The PDF drew each part at its own tab stop, the centred word over the end of
the left text."""

from __future__ import annotations

import re
import subprocess
from itertools import pairwise
from pathlib import Path

import docx
import pytest

from tests.helpers import built_under_reference
from tests.tools import require

LEFT = "Directorate of Strategic Assessment, Europe Desk"


def _reference(path: Path) -> None:
    reference = docx.Document()
    reference.sections[0].header.paragraphs[0].text = f"{LEFT}\tBRIEFING\tRESTRICTED"
    reference.save(str(path))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_under_reference(tmp_path_factory.mktemp("taboverrun"), _reference)


def _header(pdf: Path) -> list[tuple[float, float, str]]:
    """Page 1's first line of words, left to right: (left, right, word); a part set straight after the one
    before it, with no space, reads as one word with it ("DeskBRIEFING")."""
    html = subprocess.run([require("pdftotext"), "-bbox", "-f", "1", "-l", "1", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    words = [(float(x0), float(y0), float(x1), word) for x0, y0, x1, word in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', html)]
    top = min(y for _, y, _, _ in words)
    return sorted((x0, x1, word) for x0, y, x1, word in words if abs(y - top) < 2)


def _check(line: list[tuple[float, float, str]]) -> None:
    assert " ".join(word for _, _, word in line) == LEFT.replace(" Desk", " DeskBRIEFING") + " RESTRICTED", line
    for (_, ends, _), (begins, _, word) in pairwise(line):
        assert begins >= ends - 0.5, (word, line)  # no word drawn over another


def test_a_centred_part_starts_where_the_left_part_ends(built: Path) -> None:
    _check(_header(built / "executive.pdf"))


def test_libreoffice_sets_the_docx_header_alike(built: Path, tmp_path: Path) -> None:
    """The right part is left out of the comparison: Word sets it at the Header style's own right tab stop,
    which the PDF does not read (it takes the text's right edge)."""
    soffice = require("soffice")
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(built / "executive.docx")],
                   check=True, capture_output=True, timeout=180)
    ours, theirs = _header(built / "executive.pdf"), _header(tmp_path / "executive.pdf")
    _check(theirs)
    for (x0, x1, word), (lo0, lo1, _) in zip(ours[:-1], theirs[:-1], strict=True):
        assert abs(x0 - lo0) < 3 and abs(x1 - lo1) < 3, (word, (x0, x1), (lo0, lo1))
