"""A right-to-left word longer than a line (an Arabic or Hebrew string with no space, an identifier, a run of
Arabic-Indic digits) is cut across lines in reading order, its first line holding its beginning, and the build
finishes. Read back line by line from the PDF (pdfminer's glyph order, turned back for a right-to-left line).

Before, the cut took HarfBuzz's glyphs in drawing order, so the first line held the word's end; and the
characters each piece stood for were taken as everything after its first cluster, which grew with every
cut: a 320-letter Hebrew word never finished building (killed after minutes)."""

from __future__ import annotations

import subprocess
import sys
import unicodedata

import pytest

from bench.synth import make_scripts_workspace
from tests.test_pdf_bidi_order import _drawn_lines

LONG = {"he": "מילה" * 80, "ar": "كلمة" * 80}


def _letters(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", text) if "\u0590" <= c <= "\u06ff")


@pytest.fixture(scope="module")
def lines(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    quotes = [(lang, "Speaker", f"x1 {word} x2") for lang, word in LONG.items()]
    ws = make_scripts_workspace(tmp_path_factory.mktemp("long") / "ws", quotes)
    done = subprocess.run([sys.executable, "-m", "briefgen", "-C", str(ws), "build", "-a", "analyst", "-f", "pdf"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    return _drawn_lines(ws / "output" / "analyst.pdf")


@pytest.mark.parametrize("lang", sorted(LONG))
def test_a_long_right_to_left_word_reads_in_order_across_its_lines(lines: list[str], lang: str) -> None:
    word = LONG[lang]
    mine = [_letters(line)[::-1] for line in lines if _letters(line) and _letters(line)[::-1] in _letters(word)]
    assert len(mine) >= 3, lines  # cut over several lines
    assert "".join(mine) == _letters(word)
