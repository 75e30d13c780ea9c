"""Quotation marks by language: a quote's `lang` picks the marks it is wrapped in (document/quotes.py, from
CLDR), in both formats; a quote without one takes its script's language, else English."""

from __future__ import annotations

import re
import unicodedata
import zipfile
from pathlib import Path

import pytest
import yaml

from briefgen.document.quotes import NO_BREAK_SPACE, language_of, marks, quoted
from tests.helpers import pdf_words, pdftotext, run

# lang (None: no `lang` given) -> the quotation, and the marks CLDR gives that language
QUOTES: dict[str | None, tuple[str, str, str]] = {
    "de": ("Die Exporte sind deutlich gestiegen.", "\u201e", "\u201c"),  # „ “
    "fr": ("Les exportations ont nettement augmenté.", "\u00ab" + NO_BREAK_SPACE, NO_BREAK_SPACE + "\u00bb"),
    "ru": ("Экспорт заметно вырос.", "\u00ab", "\u00bb"),
    "ja": ("日本政府は輸出管理を強化すると発表した。", "\u300c", "\u300d"),  # 「 」
    "zh-Hant": ("中方堅決反對濫用出口管制措施。", "\u300c", "\u300d"),
    "zh-Hans": ("中方坚决反对滥用出口管制措施。", "\u201c", "\u201d"),
    "ar": ("قال المتحدث إن الصادرات ارتفعت بشكل ملحوظ.", "\u201d", "\u201c"),  # ” “, drawn right to left
    "fa": ("گزارش نشان می‌دهد که صادرات افزایش یافت.", "\u00ab", "\u00bb"),
    "he": ("הדובר אמר כי היצוא עלה באופן ניכר.", "\u201d", "\u201d"),
    None: ("Exports rose markedly this year.", "\u201c", "\u201d"),
}


def test_the_table_follows_cldr() -> None:
    assert marks("de-AT") == ("\u201e", "\u201c") and marks("en-GB") == ("\u201c", "\u201d")
    assert marks("zh-TW") == marks("zh-Hant-HK") == ("\u300c", "\u300d") and marks("zh-CN") == ("\u201c", "\u201d")
    assert marks("pt-BR") == ("\u201c", "\u201d") and marks("pt-PT") == marks("pt-AO") == ("\u00ab", "\u00bb")
    assert marks("ar-EG") == ("\u201d", "\u201c") and marks("pl") == ("\u201e", "\u201d")
    assert marks("xx") == ("\u201c", "\u201d")  # a language CLDR gives no marks of its own: the root's
    assert quoted("oui", "fr-CA") == "\u00ab\u00a0oui\u00a0\u00bb"


def test_a_quote_without_lang_takes_its_scripts_language() -> None:
    assert language_of("قال المتحدث", None, "en") == "ar"
    assert language_of("日本政府は発表", None, "en") == "ja"  # kana among the ideographs
    assert language_of("中方坚决反对", None, "en") == "zh"
    assert language_of("Exports rose", None, "en") == "en"
    assert language_of("Exports rose", "de", "en") == "de"


def _workspace(root: Path) -> Path:
    seeds = root / "seeds"
    seeds.mkdir(parents=True)
    lines = [text for text, _, _ in QUOTES.values()] + ["Officials said exports rose."]
    (seeds / "world.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    source = {"id": "world", "file": "world.txt", "originator": "Ministry", "title": "Statements",
              "short_title": "Statements", "published": "2025-09", "information_date": "2025-09-18",
              "accessed": "2026-12-03", "url": None, "kind": "statement", "descriptor": "Official statements."}
    quotes = [{"id": f"q-{(lang or 'none').lower()}", "text": text, "speaker": "A spokesperson",
               "context": "Press briefing.", "priority": 1, "evidence": [{"source": "world", "passage": text}],
               **({"lang": lang} if lang else {})} for lang, (text, _, _) in QUOTES.items()]
    summary = {"brief": {"title": "Quotation marks", "subject": "Quotes", "as_of": "2026-12-03",
                         "bluf": "Officials spoke in their own languages."},
               "judgments": [{"id": "kj", "statement": "Exports rose.", "confidence": "moderate", "priority": 1,
                              "evidence": [{"source": "world", "passage": "Officials said exports rose."}]}],
               "quotes": quotes}
    (seeds / "sources.yaml").write_text(yaml.safe_dump({"sources": [source]}, allow_unicode=True), "utf-8")
    (seeds / "summary.yaml").write_text(yaml.safe_dump(summary, allow_unicode=True, sort_keys=False), "utf-8")
    return root


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws = _workspace(tmp_path_factory.mktemp("marks") / "ws")
    result = run(ws, "build", "-a", "analyst")
    assert result.exit_code == 0, result.output
    return ws / "output"


def _docx_paragraphs(path: Path) -> list[tuple[str, str]]:
    """(paragraph XML, its text) for each paragraph of the DOCX body."""
    with zipfile.ZipFile(path) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    return [(p, "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p)))
            for p in re.findall(r"<w:p[ >].*?</w:p>", body, re.S)]


@pytest.mark.parametrize("lang", list(QUOTES), ids=lambda lang: lang or "no-lang")
def test_docx_wraps_each_quote_in_its_languages_marks(built: Path, lang: str | None) -> None:
    text, opening, closing = QUOTES[lang]
    found = [(xml, shown) for xml, shown in _docx_paragraphs(built / "analyst.docx") if text in shown]
    assert len(found) == 1, found
    xml, shown = found[0]
    assert opening + text + closing in shown, shown  # in logical order, opening mark first
    if lang in ("ar", "fa", "he"):
        assert "<w:bidi/>" in xml  # a right-to-left paragraph: the opening mark is drawn at its right edge
        # the marks are in the right-to-left runs, beside the text they wrap, so Word places them as the text
        runs = re.findall(r"<w:r>(.*?)</w:r>", xml, re.S)
        first = next(r for r in runs if opening in r)
        assert "<w:rtl/>" in first


def _pdftotext(pdf: Path) -> str:
    return unicodedata.normalize("NFKC", pdftotext(pdf))


@pytest.mark.parametrize("lang", ["de", "fr", "ru", "ja", "zh-Hant", "zh-Hans", None],
                         ids=lambda lang: lang or "no-lang")
def test_pdf_draws_each_left_to_right_quote_in_its_marks(built: Path, lang: str | None) -> None:
    text, opening, closing = QUOTES[lang]
    extracted = re.sub(r"\s+", " ", _pdftotext(built / "analyst.pdf").replace(NO_BREAK_SPACE, " "))
    wanted = (opening + text + closing).replace(NO_BREAK_SPACE, " ")
    assert wanted in extracted, (wanted, extracted)


@pytest.mark.parametrize("lang", ["ar", "fa", "he"])
def test_pdf_draws_right_to_left_marks_at_the_edges_a_reader_expects(built: Path, lang: str) -> None:
    """The opening mark is the rightmost glyph of the quote's line and the closing one the leftmost (before the
    note number); Persian's guillemets are mirrored, so they point outwards as they do in print."""
    text, opening, closing = QUOTES[lang]
    words = [(w.left, w.top, w.text) for w in pdf_words(built / "analyst.pdf", page=None)]
    first_word = text.split()[0]
    line_y = next(y for _, y, w in words if first_word[1:] in unicodedata.normalize("NFKC", w)[::-1]
                  or first_word[1:] in unicodedata.normalize("NFKC", w))
    line = sorted((x, w) for x, y, w in words if abs(y - line_y) < 3)
    drawn = "".join(w for _, w in line)
    mirror = {"\u00ab": "\u00bb", "\u00bb": "\u00ab"}
    assert drawn.rstrip().endswith(mirror.get(opening, opening)), drawn  # the rightmost glyph: the opening mark
    leftmost = re.sub(r"^\d+", "", drawn)  # the note number, drawn at the line's left end
    assert leftmost.startswith(mirror.get(closing, closing)), drawn
