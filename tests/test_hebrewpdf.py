"""Right-to-left words set in the paragraph's own face are drawn in their order, with their spaces.

A face that covers a right-to-left script (Liberation Sans, Serif and Mono draw Hebrew; a house's own font, such
as a copy of DejaVu Sans, draws Arabic, Hebrew and N'Ko; a body face of Syriac or Thaana) drew a run of several such
words as one fragment: reportlab joins a line's shaped words of one style into one string, each word right to left
but the words in reading order. A quote "מחסור במים … 2027" was drawn with its first word at the far (left) end,
and a note's "דנה לוי, עדכון משבר המים" as "המים משברעדכון ,לוידנה": words in the wrong order, and a space lost
after a word that starts with the left-to-right mark a name is wrapped in (a zero-width glyph reportlab took for a
space). With a fallback face (Carlito's Hebrew in Noto Sans Hebrew) each word was a fragment of its own and right.

Each brief is built for real; each line of its PDF is read back glyph by glyph (pdfminer's positions), cut into
words at each space drawn (a lost space joins two words), and compared with ICU's visual order of the
text, word by word (a word as the multiset of its characters: shaping draws Arabic letters as other glyphs).
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import docx
import pytest
from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage

from bench.synth import make_scripts_workspace
from briefgen.document.coverage import FONT_DIR
from briefgen.document.quotes import marks
from tests.conftest import ROOT
from tests.helpers import edit, run

NAME, TITLE = "דנה לוי", "עדכון משבר המים"
SHORT = "מחסור במים לחקלאות יימשך לפחות עד אביב 2027"
LONG_HE = " ".join(["המים", "בעמק", "התחתון", "יספיקו", "רק", "לחודש", "אחד", "נוסף", "לפי", "הערכת", "הצוות"] * 4)
LONG_AR = " ".join(["ارتفعت", "الصادرات", "في", "الربع", "الثالث", "من", "العام", "بحسب", "تقرير", "الوزارة"] * 4)
NKO = " ".join(["ߒ", "ߞߊ߲", "ߓߍ߯", "ߞߎ߲߬", "ߘߐ߫", "ߟߊ߫", "ߡߊ߬ߞߐ߬ߣߐ߲߬", "ߘߌ߫"] * 5)
SYRIAC = " ".join(["ܫܠܡܐ", "ܥܠܡܐ", "ܟܬܒܐ", "ܚܕܬܐ", "ܡܝܐ", "ܒܝܬܐ"] * 4)
BRIEFS = {  # audience -> (how its body face is chosen, quotes (lang, speaker, text))
    "liberation": ("docx:Liberation Sans", [("he", NAME, SHORT), ("he", NAME, LONG_HE)]),
    "serif": ("docx:Times New Roman", [("he", NAME, SHORT)]),
    "dejavu": ("DejaVuSans.ttf", [("he", NAME, SHORT), ("ar", "وزارة المياه", LONG_AR), ("nqo", "ߒߞߏ ߞߊ߲", NKO)]),
    "syriac": ("NotoSansSyriac-Regular.ttf", [("syr", "ܡܠܟܐ ܪܒܐ", SYRIAC)]),
}


def _workspace(root: Path, audience: str) -> Path:
    face, quotes = BRIEFS[audience]
    ws = make_scripts_workspace(root / audience, quotes)
    edit(ws / "seeds" / "sources.yaml", "originator: Ministry", f"originator: {NAME}")
    edit(ws / "seeds" / "sources.yaml", "title: Statements", f"title: {TITLE}", count=2)
    (ws / "templates").mkdir()
    profile = (ROOT / "briefgen/templates/analyst.yaml").read_text(encoding="utf-8")
    if face.startswith("docx:"):
        reference = docx.Document()
        reference.styles["Normal"].font.name = face.removeprefix("docx:")
        reference.save(str(ws / "templates/house.docx"))
        look = "look: {reference_docx: house.docx}\n"
    else:
        shutil.copy(FONT_DIR / face, ws / "templates" / face)
        look = f"look: {{fonts: {{body: {face}}}}}\n"
    (ws / "templates" / f"{audience}.yaml").write_text(profile + look, encoding="utf-8")
    return ws


@pytest.fixture(scope="module", params=sorted(BRIEFS))
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    audience = request.param
    ws = _workspace(tmp_path_factory.mktemp("hebrewpdf"), audience)
    result = run(ws, "build", "-a", audience, "-f", "pdf")
    assert result.exit_code == 0, result.output
    return audience, ws / "output" / f"{audience}.pdf"


def _key(word: str) -> str:
    """A word as the multiset of its letters, digits and signs (no marks, joiners, format characters)."""
    kept = (c for c in unicodedata.normalize("NFKC", word) if unicodedata.category(c)[0] not in "MC")
    return "".join(sorted(kept))


def _chars(pdf: Path) -> list[tuple[int, list[LTChar]]]:
    """Each page's glyphs in the order they are drawn (no layout analysis, which regroups them)."""
    manager = PDFResourceManager()
    device = PDFPageAggregator(manager, laparams=None)
    interpreter = PDFPageInterpreter(manager, device)
    pages = []
    with pdf.open("rb") as handle:
        for number, page in enumerate(PDFPage.get_pages(handle)):
            interpreter.process_page(page)
            stack: list[Any] = [device.get_result()]
            found: list[LTChar] = []
            while stack:
                item = stack.pop(0)
                if isinstance(item, LTChar):
                    found.append(item)
                elif hasattr(item, "__iter__"):
                    stack[:0] = list(item)
            pages.append((number, found))
    return pages


def _rows(pdf: Path) -> tuple[list[list[LTChar]], set[int]]:
    """The glyphs of each baseline, the rows in reading order down each page; and the ids of the space glyphs
    that move the pen on (the zero-width glyph HarfBuzz draws for an invisible mark does not)."""
    rows: dict[tuple[int, int], list[LTChar]] = {}
    spaces: set[int] = set()
    for number, chars in _chars(pdf):
        for char, after in zip(chars, [*chars[1:], None], strict=True):
            rows.setdefault((number, -round(char.matrix[5])), []).append(char)
            if char.get_text().isspace() and (after is None or after.x0 - char.x0 >= 0.15 * char.size):
                spaces.add(id(char))
    return [chars for _, chars in sorted(rows.items())], spaces


def _words(chars: list[LTChar], spaces: set[int]) -> list[str]:
    """A row's words left to right as drawn (superscripts left out), cut at each space that moves the pen on:
    a lost space joins two words."""
    big = max(c.size for c in chars)
    words = [""]
    for char in sorted((c for c in chars if c.size >= 0.9 * big), key=lambda c: c.x0):
        if id(char) in spaces:
            words.append("")
        elif not char.get_text().isspace():
            words[-1] += char.get_text()
    return [_key(w) for w in words if _key(w)]


def _drawn_lines(pdf: Path) -> list[list[str]]:
    rows, spaces = _rows(pdf)
    return [_words(chars, spaces) for chars in rows]


def _icu_visual(text: str, rtl: bool) -> list[str]:
    import icu

    bidi = icu.Bidi()
    bidi.setPara(icu.UnicodeString(text), 1 if rtl else 0)
    return [_key(w) for w in str(bidi.writeReordered(icu.Bidi.DO_MIRRORING)).split() if _key(w)]


def _holds(line: list[str], words: list[str]) -> bool:
    return any(line[at:at + len(words)] == words for at in range(len(line) - len(words) + 1))


def test_a_short_right_to_left_quote_is_drawn_in_icu_order(built: tuple[str, Path]) -> None:
    """One line: the quote in its marks, the number where ICU puts it; so "מחסור" at the right end, and the
    note's raised number past the closing mark, at the left."""
    audience, pdf = built
    rows, spaces = _rows(pdf)
    for lang, _, text in BRIEFS[audience][1]:
        if text != SHORT:
            continue
        opening, closing = marks(lang)
        expected = _icu_visual(f"{opening}{text}{closing}", rtl=True)
        found = [chars for chars in rows if _holds(_words(chars, spaces), expected)]
        assert found, (expected, [_words(chars, spaces) for chars in rows if len(chars) > 20])
        size = max(c.size for c in found[0])
        left = min(c.x0 for c in found[0] if c.size >= 0.9 * size)
        raised = [c for c in found[0] if c.size < 0.9 * size]  # the note's number, on the same baseline
        assert raised and all(c.get_text().isdigit() and c.x1 <= left + 0.5 for c in raised), (left, raised)


def test_a_long_right_to_left_quote_reads_in_order_across_its_lines(built: tuple[str, Path]) -> None:
    """Several lines of words of one script: each line's words, read right to left, and the lines read down,
    give the quote's words in order (a lost space would join two of them)."""
    audience, pdf = built
    lines = _drawn_lines(pdf)
    for lang, _, text in BRIEFS[audience][1]:
        if text == SHORT:
            continue
        opening, closing = marks(lang)
        words = [_key(w) for w in f"{opening}{text}{closing}".split()]
        start = next(n for n, line in enumerate(lines) if line and line[-1] == words[0])
        read: list[str] = []
        for line in lines[start:]:
            read += line[::-1]
            if len(read) >= len(words):
                break
        assert read[:len(words)] == words, (audience, read[:len(words)], words)
        assert len(lines[start]) < len(words)  # it did take more than one line


def test_a_note_and_an_attribution_draw_the_hebrew_name_in_order_within_english(built: tuple[str, Path]) -> None:
    """Left-to-right paragraphs: the note's originator and (italic) title, each a run of Hebrew words between
    left-to-right marks, and the attribution's speaker."""
    audience, pdf = built
    lines = _drawn_lines(pdf)
    note = _icu_visual(f"\u200e{NAME}\u200e, \u200e{TITLE}\u200e,", rtl=False)
    assert any(_holds(line, note) for line in lines), (audience, note, [ln for ln in lines if len(ln) > 3][-8:])
    for _, speaker, _ in BRIEFS[audience][1]:
        said = _icu_visual(f"— \u200e{speaker}\u200e. Press", rtl=False)
        assert any(_holds(line, said) for line in lines), (audience, said)


def test_pdftotext_reads_the_note_back_with_its_spaces(built: tuple[str, Path]) -> None:
    """poppler puts the drawn words back in reading order: the note's name and title read as written."""
    audience, pdf = built
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    plain = "".join(c for c in text if unicodedata.category(c) != "Cf")
    assert f"{NAME}, {TITLE}, statement" in plain, (audience, [ln for ln in plain.splitlines() if "statement" in ln])


def test_nko_copies_as_written(built: tuple[str, Path]) -> None:
    """A N'Ko paragraph carries its text in reading order (/ActualText: readers do not reorder N'Ko); a line
    of several words in the body face gave the glyphs of each word in drawing order, its tone marks apart."""
    audience, pdf = built
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    for lang, _, quote in BRIEFS[audience][1]:
        if lang == "nqo":
            opening, closing = marks(lang)
            assert f"{opening}{quote}{closing}" in flat, [ln for ln in text.splitlines() if "ߒ" in ln]
