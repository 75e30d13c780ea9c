"""Numbers, signs and brackets inside right-to-left quotes are drawn where the Unicode bidi algorithm puts them,
as ICU orders the same text and LibreOffice draws the DOCX: a brief built with such quotes, each line of its PDF
read back glyph by glyph (pdfminer's positions), compared with ICU's visual order of the quote's text.

Before, the PDF drew a number written in Arabic-Indic digits next to an Arabic letter or sign (١٢٫٥٪, ٢٠٢٤م,
۳۵٪, ١٬٢٣٤٬٥٦٧) with its digits reversed: a misquotation, 12.5 % read as 5.21 %."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar

from bench.synth import make_scripts_workspace
from briefgen.document.quotes import marks
from briefgen.document.scripts import is_rtl_language
from tests.helpers import edit, run

QUOTES = [
    ("ar", "ارتفعت بنسبة ١٢٫٥٪ هذا العام."),
    ("ar", "في عام ٢٠٢٤م ارتفعت."),
    ("ar", "بنسبة 12.5% هذا العام."),
    ("ar", "نحو ١٬٢٣٤٬٥٦٧ دولار."),
    ("ar", "البند (٣) والمرجع [١] هنا."),
    ("ar", "التاريخ ٢٠٢٤/٠٥/٠١ هنا."),
    ("ar", "عام ١٤٤٥هـ الموافق ٢٠٢٣م."),
    ("ar", "نسبة ٤٥٪، ثم ٥٠٪."),
    ("ar", "قال OPEC Annual Report 2024 إن النمو 3.5% (تقديري)."),
    ("he", "המחיר ₪12.50 בלבד."),
    ("he", "לפי ISO 9001:2015 ו-RFC 2616."),
    ("fa", "صادرات به ۳۵٪ رسید و گزارش می‌دهد ۱۲٬۰۰۰ نفر."),
    ("fa", "تاریخ ۱۴۰۲/۰۵/۰۱ بود."),
    ("ur", "سال ۲۰۲۴ء میں۔"),
    ("en", "Rates rose ١٢٫٥٪ in the Gulf (قال الجيش ٣) today."),
    ("en", "He wrote ב-12% בשנת 2024 in Hebrew."),
    ("ar", "مرحبا بالعالم \U00018cd6 اليوم."),  # a code point unknown to Python: python-bidi failed
    ("en", "The spokesman \u2067قال الجيش ٣\u2069 said 12 things."),  # isolates: python-bidi failed
    ("he", "הדובר \u2066IMF 2024 \u2067שלום\u2069\u2069 אמר."),
]
ORIGINATOR = "وزارة الخارجية"
GAP = "لا نعرف عدد الطائرات الفعلي."


def _shape(text: str) -> str:
    """What a line shows, for comparing orders: each run of right-to-left letters as one 'a' (shaping draws
    them as other glyphs), digits, Latin letters and signs as they are; no marks, joiners or spaces."""
    out: list[str] = []
    for char in unicodedata.normalize("NFKC", text):
        if unicodedata.category(char) in ("Mn", "Me", "Cf") or char.isspace():
            continue
        letter = unicodedata.bidirectional(char) in ("R", "AL") and unicodedata.category(char).startswith("L")
        if not (letter and out and out[-1] == "a"):
            out.append("a" if letter else char)
    return "".join(out)


def _icu_visual(text: str, rtl: bool) -> str:
    import icu

    bidi = icu.Bidi()
    bidi.setPara(icu.UnicodeString(text), 1 if rtl else 0)
    return str(bidi.writeReordered(icu.Bidi.DO_MIRRORING))


def _drawn_lines(pdf: Path) -> list[str]:
    """Each line's characters left to right, as drawn (grouped by baseline; superscripts left out), the lines
    in reading order down each page."""
    rows: dict[tuple[int, int], list[LTChar]] = {}
    for page in extract_pages(str(pdf)):
        stack: list[object] = [page]
        while stack:
            item = stack.pop()
            if isinstance(item, LTChar):
                rows.setdefault((page.pageid, -round(item.matrix[5])), []).append(item)
            elif hasattr(item, "__iter__"):
                stack.extend(item)
    drawn = []
    for _, chars in sorted(rows.items()):  # page by page, top to bottom
        big = max(c.size for c in chars)
        drawn.append("".join(c.get_text() for c in sorted(chars, key=lambda c: c.x0) if c.size >= 0.9 * big))
    return drawn


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws = make_scripts_workspace(tmp_path_factory.mktemp("bidi") / "ws", [(lang, "Speaker", t) for lang, t in QUOTES])
    edit(ws / "seeds" / "sources.yaml", "originator: Ministry", f"originator: {ORIGINATOR}")
    edit(ws / "seeds" / "summary.yaml", "quotes:", f"gaps:\n- id: gap-1\n  statement: {GAP}\n  priority: 1\nquotes:")
    result = run(ws, "build", "-a", "analyst", "-f", "pdf")
    assert result.exit_code == 0, result.output
    return ws / "output" / "analyst.pdf"


@pytest.fixture(scope="module")
def drawn(pdf: Path) -> set[str]:
    return {_shape(line) for line in _drawn_lines(pdf)}


@pytest.mark.parametrize(("lang", "text"), QUOTES, ids=[f"{lang}-{i}" for i, (lang, _) in enumerate(QUOTES)])
def test_each_quote_is_drawn_in_the_order_icu_gives(drawn: set[str], lang: str, text: str) -> None:
    opening, closing = marks(lang)
    expected = _shape(_icu_visual(opening + text + closing, is_rtl_language(lang)))
    assert expected in drawn, (expected, sorted(d for d in drawn if sorted(d) == sorted(expected)))


def test_a_footnote_citing_an_arabic_originator_is_shaped_and_ordered(pdf: Path, drawn: set[str]) -> None:
    """Notes were drawn letter by letter, left to right, unjoined (ةيجراخلا ةرازو): now as any paragraph, in
    the brief's direction, with the note's number at its start, and joined as HarfBuzz joins the letters."""
    import uharfbuzz as hb
    from fontTools.ttLib import TTFont

    from briefgen.document.typefaces import SCRIPT_FACES
    from tests.test_scripts import _drawn, _outline

    for number in (2, 9, 16):
        expected = _shape(_icu_visual(f"{ORIGINATOR}, Statements, ¶{number}.", rtl=False))
        assert expected in drawn, expected
    face = SCRIPT_FACES["arabic"]
    font, full = hb.Font(hb.Face(hb.Blob.from_file_path(str(face.file())))), TTFont(str(face.file()))
    buffer = hb.Buffer()
    buffer.add_str(ORIGINATOR.split()[1])
    buffer.guess_segment_properties()
    hb.shape(font, buffer, {"kern": True, "liga": True})
    wanted = "\n".join(_outline(full, full.getGlyphOrder()[info.codepoint]) for info in buffer.glyph_infos)
    assert "\n".join(_drawn(pdf, face.family)).count(wanted) >= 17  # each note (the quotes have no such word)


def test_a_right_to_left_list_items_bullet_is_at_its_right_clear_of_its_text(pdf: Path) -> None:
    """The bullet of an Arabic list item (an information gap) was drawn over the item's first word."""
    chars = [c for page in extract_pages(str(pdf)) for c in _walk(page)]
    bullet = next(c for c in chars if c.get_text() == "•" and any(
        abs(o.matrix[5] - c.matrix[5]) < 1 and "\u0600" <= o.get_text()[:1] <= "\u06ff" for o in chars))
    line = [c for c in chars if abs(c.matrix[5] - bullet.matrix[5]) < 1 and c is not bullet]
    assert bullet.x0 > max(c.x1 for c in line) + 1


def _walk(item: object) -> list[LTChar]:
    if isinstance(item, LTChar):
        return [item]
    return [c for child in item for c in _walk(child)] if hasattr(item, "__iter__") else []
