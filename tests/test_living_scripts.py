"""Quotes in the living scripts beyond the first table (Odia, Armenian, Georgian, Syriac, Thaana, N'Ko, Tibetan,
Mongolian, Cherokee, Canadian syllabics, Tifinagh, Javanese, Ol Chiki, Adlam, Vai, Yi) are drawn in a bundled face
of their own, embedded as a subset, and read back as written; the DOCX names a face Windows ships for each in
the slot Word takes it from, with its language, and LibreOffice draws it.

Before, the PDF drew them as boxes (DejaVu Sans drew Armenian, basic Georgian, N'Ko unjoined and part of the
syllabics in a sans face), `check` named every letter, and the DOCX tagged them as Latin text without a language."""

from __future__ import annotations

import re
import unicodedata
import zipfile
from pathlib import Path

import pytest
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTComponent
from pypdf import PdfReader

from bench.synth import make_scripts_workspace
from briefgen.document.quotes import marks
from tests.helpers import edited, libreoffice_pdf, pdftotext, run

# lang -> (script class, bundled face, the face Word is asked for, Word's slot, right to left, quote)
QUOTES = {
    "or": ("oriya", "NotoSansOriya", "Nirmala UI", "cs", False, "ଓଡ଼ିଶା ସରକାର ଏକ ବିବୃତ୍ତି ଜାରି କରିଛନ୍ତି।"),
    "hy": ("armenian", "NotoSansArmenian", "Sylfaen", "ascii", False,
           "Հայաստանի կառավարությունը հայտարարություն է տարածել։"),
    "ka": ("georgian", "NotoSansGeorgian", "Sylfaen", "ascii", False, "საქართველოს მთავრობამ განცხადება გაავრცელა."),
    "syr": ("syriac", "NotoSansSyriac", "Estrangelo Edessa", "cs", True, "ܠܫܢܐ ܣܘܪܝܝܐ ܥܬܝܩܐ"),
    "dv": ("thaana", "NotoSansThaana", "MV Boli", "cs", True, "ދިވެހިރާއްޖޭގެ ސަރުކާރު"),
    "nqo": ("nko", "NotoSansNKo", "Ebrima", "cs", True, "ߒߞߏ ߞߊ߲ ߘߐ߫"),
    "bo": ("tibetan", "NotoSerifTibetan", "Microsoft Himalaya", "cs", False, "བོད་ཀྱི་སྐད་ཡིག་ནི་སྐད་ཡིག་ཅིག་རེད།"),
    "mn-Mong": ("mongolian", "NotoSansMongolian", "Mongolian Baiti", "cs", False, "ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ"),
    "chr": ("cherokee", "NotoSansCherokee", "Gadugi", "ascii", False, "ᏣᎳᎩ ᎦᏬᏂᎯᏍᏗ ᎠᏂᏴᏫ"),
    "iu": ("canadian", "NotoSansCanadianAboriginal", "Gadugi", "ascii", False, "ᐃᓄᒃᑎᑐᑦ ᐅᖃᐅᓯᖅ ᓄᓇᕗᒻᒥ"),
    "zgh": ("tifinagh", "NotoSansTifinagh", "Ebrima", "ascii", False, "ⵜⴰⵎⴰⵣⵉⵖⵜ ⵜⴰⵏⴰⵡⴰⵢⵜ"),
    "jv-Java": ("javanese", "NotoSansJavanese", "Javanese Text", "cs", False, "ꦧꦱꦗꦮ ꦲꦏ꧀ꦱꦫ"),
    "sat": ("olchiki", "NotoSansOlChiki", "Nirmala UI", "ascii", False, "ᱥᱟᱱᱛᱟᱲᱤ ᱯᱟᱹᱨᱥᱤ"),
    "ff-Adlm": ("adlam", "NotoSansAdlam", "Ebrima", "cs", True, "𞤆𞤵𞤤𞤢𞥄𞤪 𞤊𞤵𞥅𞤼𞤢"),
    "vai": ("vai", "NotoSansVai", "Ebrima", "ascii", False, "ꕙꔤ ꕞꕌꔳ"),
    "ii": ("yi", "NotoSansYi", "Microsoft Yi Baiti", "eastAsia", False, "ꆈꌠꁱꂷ ꀉꂿ"),
}
LANG_ATTRIBUTE = {"cs": "bidi", "ascii": "val", "eastAsia": "eastAsia"}
# the scripts' own letters, as the fonts module cuts runs by script
LETTERS = re.compile("[\u0530-\u058f\u0700-\u07ff\u0b00-\u0b7f\u0f00-\u0fff\u10a0-\u10ff\u13a0-\u167f\u1800-\u18af"
                     "\u1c50-\u1c7f\u2d30-\u2d7f\ua000-\ua4cf\ua500-\ua63f\ua980-\ua9df\U0001e900-\U0001e95f]")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    quotes = [(lang, f"Speaker {n}", entry[5]) for n, (lang, entry) in enumerate(QUOTES.items())]
    ws = make_scripts_workspace(tmp_path_factory.mktemp("living") / "ws", quotes)
    result = run(ws, "build", "-a", "analyst")
    assert result.exit_code == 0, result.output
    assert "no font draws" not in result.output, result.output
    check = run(ws, "check")
    assert "no font draws" not in check.output, check.output
    return ws / "output"


def _plain(text: str) -> str:
    """Decomposed (a font maps Odia's ଡ + nukta glyph to the composed ଡ଼, U+0B5C, its canonical equal), no bidi
    controls, no spaces (pypdf puts some inside a word where a mark is drawn apart)."""
    text = unicodedata.normalize("NFD", text)
    return "".join(c for c in text if unicodedata.category(c) != "Cf" and not c.isspace())


@pytest.mark.parametrize("lang", sorted(QUOTES))
def test_pdf_text_reads_back_as_written(built: Path, lang: str) -> None:
    """pdftotext (poppler) gives each quote back in reading order; for Thaana, whose vowel marks poppler
    moves off their letters (as it does Arabic harakat), pypdf gives each word back."""
    quote = QUOTES[lang][5]
    if lang == "dv":
        text = _plain("".join(page.extract_text() for page in PdfReader(built / "analyst.pdf").pages))
        assert all(_plain(word) in text for word in quote.split())
    else:
        assert _plain(quote) in _plain(pdftotext(built / "analyst.pdf")), lang
    if not QUOTES[lang][4]:  # pypdf gives a left-to-right line in drawing order: the quote as written
        text = _plain("".join(page.extract_text() for page in PdfReader(built / "analyst.pdf").pages))
        assert _plain(quote) in text, lang


def _chars(pdf: Path) -> list[LTChar]:
    def walk(item: LTComponent) -> list[LTChar]:
        if isinstance(item, LTChar):
            return [item]
        return [found for child in getattr(item, "_objs", []) for found in walk(child)]

    return [char for page in extract_pages(str(pdf)) for char in walk(page)]


def test_each_script_is_drawn_in_its_face_embedded_as_a_subset(built: Path) -> None:
    chars = [c for c in _chars(built / "analyst.pdf") if LETTERS.match(c.get_text()[:1])]
    faces = {lang: {c.fontname for c in chars if c.get_text()[:1] in QUOTES[lang][5]} for lang in QUOTES}
    for lang, (_, face, *_rest) in QUOTES.items():
        assert faces[lang] and all(re.fullmatch(rf"[A-Z]{{6}}\+{face}-Regular", f) for f in faces[lang]), (lang, faces)
    reader = PdfReader(built / "analyst.pdf")
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            found = font.get_object()
            drawn = found["/DescendantFonts"][0].get_object() if "/DescendantFonts" in found else found
            assert "/FontFile2" in drawn["/FontDescriptor"], drawn["/BaseFont"]


def _letters(text: str) -> str:
    """The letters only (no marks: poppler and pdfminer place a mark by its own position)."""
    return "".join(c for c in text if unicodedata.category(c).startswith("L"))


@pytest.mark.parametrize("lang", [lang for lang, entry in QUOTES.items() if entry[4]])
def test_right_to_left_quotes_run_right_to_left(built: Path, lang: str) -> None:
    """On the quote's line, its letters read right to left (glyph positions, pdfminer) are the quote's letters
    in the order written."""
    wanted = _letters(QUOTES[lang][5])
    lines: dict[int, list[LTChar]] = {}
    for char in _chars(built / "analyst.pdf"):
        if char.get_text() and char.get_text()[0] in wanted:
            lines.setdefault(round(char.y0), []).append(char)
    drawn = ["".join(_letters(c.get_text()) for c in sorted(line, key=lambda c: -c.x0)) for line in lines.values()]
    assert any(wanted in line for line in drawn), (wanted, drawn)


def _quote_paragraph(xml: str, quote: str) -> str:
    paragraphs = re.findall(r"<w:p>.*?</w:p>", xml, flags=re.S)
    return next(p for p in paragraphs if quote.split()[0] in p and 'w:val="Quote"' in p)


@pytest.mark.parametrize("lang", sorted(QUOTES))
def test_docx_runs_name_a_windows_face_in_the_scripts_slot_and_its_language(built: Path, lang: str) -> None:
    _, _, word, slot, rtl, quote = QUOTES[lang]
    with zipfile.ZipFile(built / "analyst.docx") as docx:
        paragraph = _quote_paragraph(docx.read("word/document.xml").decode("utf-8"), quote)
    run_xml = next(r for r in re.findall(r"<w:r>.*?</w:r>", paragraph, flags=re.S) if quote.split()[0] in r)
    assert f'w:{slot}="{word}"' in run_xml, run_xml
    assert f'<w:lang w:{LANG_ATTRIBUTE[slot]}="{lang}"/>' in run_xml, run_xml
    assert ("<w:rtl/>" in run_xml) == rtl and ("<w:bidi/>" in paragraph) == rtl
    assert ("<w:cs/>" in run_xml) == (slot == "cs")
    if slot == "ascii":
        assert f'w:hAnsi="{word}"' in run_xml


def test_libreoffice_draws_the_docx_text(built: Path, tmp_path: Path) -> None:
    """LibreOffice, with the Noto faces installed in place of the Windows ones, draws every quote: its PDF
    reads back the left-to-right quotes whole, and every word of the right-to-left ones."""
    pdf = libreoffice_pdf(built / "analyst.docx", tmp_path, timeout=240)
    text = _plain(pdftotext(pdf))
    # poppler reads N'Ko and Adlam in drawing order and scatters Thaana's marks and letters over lines; pypdf
    # reads glyphs in drawing order: a right-to-left word's letters are in one of them, one way or the other
    letters = _letters(text) + " " + _letters("".join(page.extract_text() for page in PdfReader(pdf).pages))
    for lang, entry in QUOTES.items():
        if entry[4]:
            assert all(_letters(w) in letters or _letters(w)[::-1] in letters for w in entry[5].split()), lang
        else:  # poppler cuts LibreOffice's Tibetan and Odia lines at their marks: the letters, in order
            assert _plain(entry[5]) in text or _letters(entry[5]) in letters, lang


@pytest.mark.parametrize("lang", ["hy", "ka", "syr", "dv", "bo", "mn", "mn-Mong", "chr", "iu", "zgh", "kab", "jv",
                                  "sat", "ff-Adlm", "vai", "ii", "or", "nqo"])
def test_quotation_marks_are_cldrs(lang: str) -> None:
    """The marks of each new language, as ICU's CLDR data gives them."""
    icu = pytest.importorskip("icu")
    data = icu.LocaleData(lang.replace("-", "_"))
    kind = icu.ULocaleDataDelimiterType
    assert marks(lang) == (data.getDelimiter(kind.QUOTATION_START), data.getDelimiter(kind.QUOTATION_END))


def test_a_script_without_a_face_is_still_named(built: Path) -> None:
    ws = built.parent
    with edited(ws / "seeds" / "summary.yaml", "Exports rose.", "Exports rose \U00013000 \U00010000."):
        output = run(ws, "check").output
        assert "has 2 characters, \U00013000 \U00010000 (the first is U+13000 EGYPTIAN HIEROGLYPH A001), which no " \
            "font draws" in output, output


def test_a_one_script_face_draws_no_other_scripts_characters() -> None:
    """Every character a new face maps outside its own script (⁉, ⸨ ⸩, combining marks below, U+202E…) is drawn
    by the face that drew it before, not by the script's face: a Latin brief's odd sign keeps its look."""
    from briefgen.document.coverage import coverage
    from briefgen.document.scripts import script_of
    from briefgen.document.typefaces import SCRIPT_FACES, runs

    own = {SCRIPT_FACES[entry[0]].family: entry[0] for entry in QUOTES.values()}
    for family, script in own.items():
        strays = [chr(code) for code in coverage(SCRIPT_FACES[script].file())
                  if code > 0x7f and not chr(code).isspace()
                  and getattr(script_of(chr(code)), "name", None) != script]
        for char in strays:  # (Georgian's face has the Armenian full stop: Armenian's draws it)
            theirs = getattr(script_of(char), "name", None)
            assert all(own.get(face, theirs) == theirs for face, _ in runs(f"a{char}", "Caladea")), hex(ord(char))
        # and the script's own letters are its face's
        letter = next(c for c in QUOTES[next(k for k, e in QUOTES.items() if e[0] == script)][5] if c.isalpha())
        assert runs(letter, "Caladea") == [(family, letter)]


def test_a_long_tibetan_line_ends_after_a_syllable(tmp_path: Path) -> None:
    """Tibetan writes no spaces between words: a line ends after a syllable's tsheg (་) or a shad (།), where
    ICU's line breaking (UAX #14) allows, as LibreOffice breaks it, not between two glyphs of a syllable."""
    from briefgen.document.nodes import Document, Meta, Paragraph, Span, Theme
    from briefgen.writers.pdf.writer import write as write_pdf

    text = QUOTES["bo"][5] * 8
    write_pdf(Document(Meta("Tibetan", date="2025-09-19"), (Paragraph((Span(text),)),)), tmp_path / "b.pdf", Theme())
    lines: dict[int, list[LTChar]] = {}
    for char in _chars(tmp_path / "b.pdf"):
        if "\u0f00" <= char.get_text()[:1] <= "\u0fff":
            lines.setdefault(round(char.y0), []).append(char)
    assert len(lines) >= 2
    for line in list(lines.values())[:-1]:
        last = max(line, key=lambda c: c.x1).get_text()
        assert last in ("\u0f0b", "\u0f0d"), [c.get_text() for c in sorted(line, key=lambda c: c.x0)][-6:]


def test_a_tatweel_inside_a_syriac_word_is_shaped_with_it(tmp_path: Path) -> None:
    """The Arabic tatweel, which Syriac and Adlam also stretch words with, is drawn in the word's own face (in
    Noto Naskh, the Arabic face before them, it cut the word in two runs that HarfBuzz shaped apart, unjoined)."""
    from briefgen.document.nodes import Document, Meta, Paragraph, Span, Theme
    from briefgen.writers.pdf.writer import write as write_pdf
    from tests.helpers import pdf_fonts

    for word in ("ܡܫܝܚ\u0640ܐ", "𞤆\u0640𞤵𞤤𞤢𞥄𞤪"):
        write_pdf(Document(Meta("Tatweel", date="2025-09-19"), (Paragraph((Span(word),)),)), tmp_path / "b.pdf",
                  Theme())
        assert not any("Naskh" in font for font in pdf_fonts(tmp_path / "b.pdf")), pdf_fonts(tmp_path / "b.pdf")
        if "\u0700" <= word[0] <= "\u074f":  # poppler takes a tatweel for Arabic, and reorders an Adlam line by it
            assert _plain(word) in _plain(pdftotext(tmp_path / "b.pdf"))
