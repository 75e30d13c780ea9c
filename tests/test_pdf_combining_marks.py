"""A letter and its combining marks, as the source wrote them (decomposed, NFD, as macOS file names and some
exports have them; or several marks stacked on one letter), are drawn as one: in one font, the marks placed on
their letter by HarfBuzz (composed when the font has the accented letter), and copied back whole.

Before, such text was not shaped: a Vietnamese ư written u + U+031B had its horn drawn in another font beside the
u, and marks stacked on one letter were drawn on top of each other after it."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar
from pypdf import PdfReader

from bench.synth import make_scripts_workspace
from tests.helpers import run


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


QUOTES = [
    ("vi", "Người phát ngôn Bộ Ngoại giao Việt Nam nói rằng xuất khẩu tăng mạnh."),
    ("ru", "Экспорт вы́рос на 12% в 2024 году́, й ё."),
    ("el", "Οι εξαγωγές αυξήθηκαν κατά 12% το 2024 ᾅ ῷ."),
    ("yo", "Ọ̀rọ̀ àgbẹnusọ ìjọba Nàìjíríà."),
    ("en", "Stacked marks: a\u0301\u0302\u0303\u0304 o\u031b\u0300\u0323 q\u0307\u0323."),
]


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    quotes = [(lang, "Speaker", _nfd(text)) for lang, text in QUOTES]
    ws = make_scripts_workspace(tmp_path_factory.mktemp("marks") / "ws", quotes)
    result = run(ws, "build", "-a", "analyst", "-f", "pdf")
    assert result.exit_code == 0, result.output
    assert "no font draws" not in result.output
    return ws / "output" / "analyst.pdf"


def _chars(pdf: Path) -> list[LTChar]:
    found: list[LTChar] = []
    for page in extract_pages(str(pdf)):
        stack: list[object] = [page]
        while stack:
            item = stack.pop(0)
            if isinstance(item, LTChar):
                found.append(item)
            elif hasattr(item, "__iter__"):
                stack[:0] = list(item)
    return found


def _marks_with_letters(pdf: Path) -> list[tuple[LTChar, LTChar]]:
    """(letter, mark) for each combining mark drawn as a glyph of its own: the letter on its line whose advance
    holds the point the mark is drawn from."""
    chars = _chars(pdf)
    letters = [c for c in chars if unicodedata.category(c.get_text()[:1] or " ") != "Mn"]
    pairs = []
    for mark in chars:
        if unicodedata.category(mark.get_text()[:1] or " ") == "Mn":
            x, y = mark.matrix[4], mark.matrix[5]
            pairs.append((next(c for c in letters if abs(c.matrix[5] - y) < 1 and c.x0 <= x <= c.x1 + 0.01), mark))
    return pairs


def test_each_mark_is_drawn_in_its_letters_font(pdf: Path) -> None:
    pairs = _marks_with_letters(pdf)
    assert len(pairs) >= 6, "the stacked marks, and those the fonts have no accented letter for, are glyphs"
    for letter, mark in pairs:
        assert mark.fontname == letter.fontname, (letter.get_text(), mark.get_text())


def test_marks_stacked_on_a_letter_are_placed_on_it(pdf: Path) -> None:
    """HarfBuzz composes a + U+0301 to á and places the three marks above it, drawing each from a point
    over the letter (unshaped, each was drawn from the letter's right edge, one on top of the other)."""
    stacked = [(letter, mark) for letter, mark in _marks_with_letters(pdf) if letter.get_text() == "á"]
    assert len(stacked) == 3
    assert all(mark.matrix[4] < letter.x1 - 0.5 for letter, mark in stacked)


@pytest.mark.parametrize(("lang", "text"), QUOTES, ids=[lang for lang, _ in QUOTES])
def test_the_text_copies_back_whole(pdf: Path, lang: str, text: str) -> None:
    copied = unicodedata.normalize("NFC", " ".join(page.extract_text() for page in PdfReader(pdf).pages))
    assert unicodedata.normalize("NFC", text).replace(" ", "") in copied.replace(" ", "")
