"""Every script, as the source wrote it, in both formats: a brief quoting one statement per script is built
once, and its PDF and DOCX are read back (pdftotext, pdffonts, the DOCX's XML, LibreOffice's PDF of it)."""

from __future__ import annotations

import html
import io
import json
import re
import subprocess
import unicodedata
import zipfile
from pathlib import Path
from typing import Any

import pytest

from bench.synth import SCRIPT_QUOTES as QUOTES
from bench.synth import make_scripts_workspace
from briefgen.document.quotes import marks
from tests.helpers import edited, libreoffice_pdf, pdf_words, pdftotext, run
from tests.tools import require

RTL = ("ar", "fa", "he")
# pdftotext puts the words of a single-script line back in logical order; a right-to-left line that embeds
# Latin or digits it reorders by its own rules, so for those the test compares the words up to the first
# embedded run. Devanagari vowel signs drawn before their consonant read back in the source's order (the
# paragraph carries its text as /ActualText), so a Hindi quote is compared whole.
WHOLE = ("zh-Hans", "zh-Hant", "ja", "ko", "el", "ru", "hi", "bn", "ta", "th", "km", "am")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws = make_scripts_workspace(tmp_path_factory.mktemp("scripts") / "ws")
    result = run(ws, "build", "-a", "analyst")
    assert result.exit_code == 0, result.output
    assert "no font draws" not in result.output
    return ws / "output"


def _plain(text: str) -> str:
    """Compatibility-normalised (Arabic presentation forms back to letters), no bidi controls, one space."""
    text = "".join(c for c in unicodedata.normalize("NFKC", text) if unicodedata.category(c) not in ("Cf", "Co"))
    return re.sub(r"\s+", " ", text).strip()


def _pdftotext(pdf: Path) -> str:
    return _plain(pdftotext(pdf))


def _leading_words(text: str) -> str:
    """The quote up to its first Latin letter or digit (the part any reading order agrees on)."""
    return _plain(re.split(r"[A-Za-z]|\d", text, maxsplit=1)[0]).rsplit(" ", 1)[0]


@pytest.mark.parametrize("lang", sorted(QUOTES))
def test_pdf_text_reads_back_in_logical_order(built: Path, lang: str) -> None:
    text = _pdftotext(built / "analyst.pdf")
    quote = QUOTES[lang][1]
    if lang in WHOLE:
        assert _plain(quote) in text
    else:
        assert _leading_words(quote) in text, (_leading_words(quote), text)


def _words_on_page(pdf: Path) -> list[tuple[str, float, float]]:
    """(word, x, bottom) as poppler finds them; poppler gives a right-to-left word's letters in drawing
    order, so those are turned back (and compatibility-normalised)."""
    found = []
    for box in pdf_words(pdf, page=None):
        word = _plain(html.unescape(box.text))
        if re.search("[\u0590-\u06ff]", word) and not re.search("[A-Za-z]", word):
            word = word[::-1]
        found.append((word, box.left, box.bottom))
    return found


def test_mixed_direction_line_is_drawn_in_reading_order(built: Path) -> None:
    """On the Arabic quote's first line: Arabic words run right to left in the order written, the embedded
    English title left to right, and numbers and title sit where the sentence has them."""
    words = _words_on_page(built / "analyst.pdf")
    line = next(y for word, _, y in words if word == "Annual")
    # the bottoms of Naskh and Caladea words on one line differ by a few points; lines are 13 apart
    x = {word: left for word, left, y in words if abs(y - line) < 7}
    opec = next(word for word in x if "OPEC" in word)  # poppler glues the Arabic comma to its left to it
    assert x[opec] < x["Annual"] < x["Report"]
    arabic = [marks("ar")[0] + "قال", "المتحدث", "الصادرات", "ارتفعت", "بنسبة", "عام", "لتقرير"]
    assert [x[w] for w in arabic] == sorted((x[w] for w in arabic), reverse=True)
    assert x["لتقرير"] > x["Report"]  # the title comes after "report of", so to its left
    # "12.5%" after an Arabic word is an Arabic number (W2), its percent sign a neutral that takes the line's
    # direction: drawn "%12.5", as LibreOffice draws the DOCX and browsers the same text
    assert x["بنسبة"] > x["%12.5"] > x["عام"] > x["2024"] > x["لتقرير"]


def test_ligatures_keep_their_letters(built: Path) -> None:
    """Naskh draws lam-alef as one glyph: its ToUnicode entry gives both letters back."""
    text = _pdftotext(built / "analyst.pdf")
    assert "الإطلاق" in text and "سالانه" in text


def test_every_font_embedded_and_the_script_faces_used(built: Path) -> None:
    out = subprocess.run([require("pdffonts"), str(built / "analyst.pdf")], check=True, capture_output=True,
                         text=True).stdout
    rows = out.splitlines()[2:]
    for face in ("NotoNaskhArabic", "NotoSansHebrew", "NotoSansDevanagari", "DroidSansFallback", "NanumGothic"):
        assert any(face in row for row in rows), (face, out)
    assert all(row.split()[-5] == "yes" for row in rows), out


# script -> the letters (and joiners) of its face's runs, as briefgen.writers.pdf.fonts cuts them
_ARABIC_LETTERS = "[\u0600-\u065f\u066a-\u06ef\u06fa-\u06ff\u200c]+"  # not its digits: drawn left to right
SHAPED = {"ar": ("arabic", _ARABIC_LETTERS), "fa": ("arabic", _ARABIC_LETTERS),
          "he": ("hebrew", "[\u0590-\u05ff]+"), "hi": ("devanagari", "[\u0900-\u097f]+")}


def _drawn(pdf: Path, family: str) -> list[str]:
    """The outlines of the glyphs the PDF draws in `family`, in drawing order, read from the embedded subsets
    (a mark raised above its letter is drawn by an operator of its own, so words are not kept apart)."""
    from fontTools.ttLib import TTFont
    from pypdf import PdfReader
    from pypdf.generic import ContentStream

    reader = PdfReader(pdf)
    drawn: list[str] = []
    for page in reader.pages:
        fonts = {name: ref.get_object() for name, ref in page["/Resources"]["/Font"].items()}
        subsets = {name: TTFont(io.BytesIO(f["/FontDescriptor"]["/FontFile2"].get_data()))
                   for name, f in fonts.items() if family in str(f["/BaseFont"])}
        current = None
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"Tf":
                current = subsets.get(str(operands[0]))
            elif operator in (b"Tj", b"TJ") and current is not None:
                # TJ: strings with positioning numbers between them (HarfBuzz's offsets and kerning)
                parts = operands[0] if operator == b"TJ" else [operands[0]]
                codes = b"".join(_raw(part) for part in parts if not isinstance(part, int | float))
                cmap = current["cmap"].tables[0].cmap
                drawn.extend(_outline(current, cmap.get(code, ".notdef")) for code in codes)
    return drawn


def _raw(string: Any) -> bytes:
    return bytes(string.original_bytes if hasattr(string, "original_bytes") else string)


@pytest.mark.parametrize("lang", sorted(SHAPED))
def test_drawn_glyphs_are_the_ones_harfbuzz_chooses(built: Path, lang: str) -> None:
    """Each run of the quote in its script's face, shaped alone by HarfBuzz with the bundled font file, is
    drawn glyph for glyph (joining forms, ligatures, conjuncts, in HarfBuzz's visual order)."""
    import uharfbuzz as hb
    from fontTools.ttLib import TTFont

    from briefgen.document.typefaces import SCRIPT_FACES

    face = SCRIPT_FACES[SHAPED[lang][0]]
    font = hb.Font(hb.Face(hb.Blob.from_file_path(str(face.file()))))
    full = TTFont(str(face.file()))
    order = full.getGlyphOrder()
    drawn = "\n".join(_drawn(built / "analyst.pdf", face.family))
    pieces = re.findall(SHAPED[lang][1], QUOTES[lang][1])
    assert pieces
    for piece in pieces:
        buffer = hb.Buffer()
        buffer.add_str(piece)
        buffer.guess_segment_properties()
        hb.shape(font, buffer, {"kern": True, "liga": True, "dlig": True})
        wanted = "\n".join(_outline(full, order[info.codepoint]) for info in buffer.glyph_infos)
        assert wanted in drawn, piece


def _outline(font: Any, glyph: str) -> str:
    """A glyph's outline with components drawn in, to recognise it in a subset whose glyph ids differ."""
    from fontTools.pens.recordingPen import DecomposingRecordingPen

    glyphs = font.getGlyphSet()
    pen = DecomposingRecordingPen(glyphs)
    glyphs[glyph].draw(pen)
    return repr(pen.value) + f"/{glyphs[glyph].width}"


def _document_xml(built: Path) -> str:
    with zipfile.ZipFile(built / "analyst.docx") as docx:
        return docx.read("word/document.xml").decode("utf-8")


def _quote_paragraph(xml: str, quote: str) -> str:
    first = re.escape(quote[:6])
    paragraphs = re.findall(r"<w:p>.*?</w:p>", xml, flags=re.S)
    return next(p for p in paragraphs if re.search(first, p) and 'w:val="Quote"' in p)


@pytest.mark.parametrize("lang", sorted(QUOTES))
def test_docx_runs_say_language_and_direction(built: Path, lang: str) -> None:
    paragraph = _quote_paragraph(_document_xml(built), QUOTES[lang][1])
    # Word's complex-script slot holds right-to-left and Brahmic text (Hindi to Khmer); Ethiopic takes the Latin one
    slot = {"ar": "bidi", "fa": "bidi", "he": "bidi", "hi": "bidi", "bn": "bidi", "ta": "bidi", "th": "bidi",
            "km": "bidi", "zh-Hans": "eastAsia", "zh-Hant": "eastAsia", "ja": "eastAsia", "ko": "eastAsia"}.get(
        lang, "val")
    assert f'w:lang w:{slot}="{lang}"' in paragraph, paragraph
    assert ("<w:bidi/>" in paragraph) == (lang in RTL)
    assert ("<w:rtl/>" in paragraph) == (lang in RTL)
    if slot == "eastAsia":
        assert 'w:hint="eastAsia"' in paragraph
    if slot == "bidi":
        assert "<w:cs/>" in paragraph and "w:cs=" in paragraph


def test_docx_keeps_the_spaces_where_a_run_is_split_by_script(built: Path) -> None:
    """Word and LibreOffice drop a w:t's edge spaces unless it says xml:space="preserve": splitting
    "لتقرير OPEC" or "发言人. Press" into runs by script must not glue the words together."""
    xml = _document_xml(built)
    edged = re.findall(r"<w:t( [^>]*)?>(\s[^<]*|[^<]*\s)</w:t>", xml)
    assert len(edged) >= 10, "the quotes and attributions split between scripts at a space"
    assert all('xml:space="preserve"' in (attributes or "") for attributes, _ in edged), edged


def test_libreoffice_reads_the_same_text_from_the_docx(built: Path, tmp_path: Path) -> None:
    text = _pdftotext(libreoffice_pdf(built / "analyst.docx", tmp_path, timeout=240))
    for lang in WHOLE:
        if lang in ("th", "km"):  # LibreOffice's own PDF of Thai and Khmer reads back with glyphs lost
            continue
        assert _plain(QUOTES[lang][1]) in text, lang
        if lang != "hi":  # pdftotext splits LibreOffice's "विदेश" before its vowel sign
            assert f"{QUOTES[lang][0]}. Press briefing" in text, lang  # the space between scripts kept
    # LibreOffice maps its lam-alef ligature glyph to alef, lam (drawing order): expect that
    for lang in RTL:
        assert _leading_words(QUOTES[lang][1]).replace("\u0644\u0627", "\u0627\u0644") in text, lang


def test_a_character_no_font_draws_is_a_warning_and_strict_error(built: Path) -> None:
    ws = built.parent
    with edited(ws / "seeds" / "summary.yaml", "Exports rose.", "Exports rose \U00013000."):
        result = run(ws, "check")
        assert result.exit_code == 0
        assert "kj: statement has '\U00013000' (U+13000 EGYPTIAN HIEROGLYPH A001), which no font draws" \
            in result.output
        assert run(ws, "check", "--strict").exit_code == 1
        built_line = run(ws, "build", "-a", "analyst").output
        assert "analyst.pdf: " in built_line and "1 character no font draws" in built_line


def test_quote_language_must_be_a_bcp47_tag(built: Path) -> None:
    ws = built.parent
    summary = ws / "seeds" / "summary.yaml"
    original = summary.read_text(encoding="utf-8")
    summary.write_text(original.replace("lang: ar", "lang: Arabic!"), encoding="utf-8")
    try:
        result = run(ws, "check")
        assert result.exit_code == 1
        assert "is not a BCP 47 language tag" in result.output
    finally:
        summary.write_text(original, encoding="utf-8")


def test_coverage_table_is_what_each_bundled_font_maps() -> None:
    """briefgen/fonts/coverage.json (read instead of parsing fonts) lists exactly the characters each file's
    best cmap maps, as fontTools reads it; regenerate it when a font changes."""
    from fontTools.ttLib import TTFont

    from briefgen.document.coverage import COVERAGE_FILE, FONT_DIR, coverage

    files = sorted(FONT_DIR.glob("*.ttf"))
    assert {f.name for f in files} == set(json.loads(COVERAGE_FILE.read_text(encoding="utf-8")))
    for path in files:
        mapped, found = frozenset(TTFont(str(path), lazy=True).getBestCmap()), coverage(path)
        assert frozenset(found) == mapped, path.name  # type: ignore[call-overload]
        # asked one code at a time, as the choice of a face asks: each mapped code and its neighbours (the
        # edges of every range), the first and last code points
        asked = {c + step for c in mapped for step in (-1, 0, 1)} | {0, 0x10FFFF}
        assert {c for c in asked if c in found} == mapped, path.name


def test_bidi_module_orders_lines_by_uax9() -> None:
    """The rlbidi stand-in: a Hebrew word and a number in a right-to-left line with Latin words (hand-worked:
    read from the right, abc, then שלום, 12 and x), and brackets between a Latin and a Hebrew word, which stay
    unmirrored at the left-to-right level."""
    from briefgen.writers import bidi

    positions: list[int] = []
    assert bidi.log2vis("abc שלום 12 x", "RTL", positions_V_to_L=positions) == "x 12 םולש abc"
    assert positions == [12, 11, 9, 10, 8, 7, 6, 5, 4, 3, 0, 1, 2]
    assert bidi.log2vis("abc (שלום) def", "LTR") == "abc (םולש) def"
    assert bidi.log2vis("(שלום)", "RTL") == "(םולש)"  # mirrored at the right-to-left level: ")" drawn as "("


def test_a_byte_order_mark_in_latin_text_belongs_to_no_script() -> None:
    """U+FEFF ends the block of Arabic presentation forms but is no Arabic letter: Latin text holding one (pasted
    from a file that began with it) is laid out as Latin in both writers: no shaping, no right-to-left run."""
    from briefgen.document.scripts import pieces, script_of
    from briefgen.writers.pdf.shaping import has_rtl, reorders

    text = "Kim Jong Un \ufeffhas made drones a priority"
    assert not reorders(text) and not has_rtl(text)
    assert [found.name for found, _ in pieces(text)] == ["latin"]
    assert script_of("\ufeff") is None and script_of("\ufefc") is not None and script_of("\ufefc").name == "arabic"
