"""The redline in scripts written without spaces, and right to left (findings of the issue-18 attack round).

A one-word change in a Chinese or Japanese quote was tracked as the whole sentence deleted and inserted: the
redline cut text at spaces only. Now words are found with ICU's dictionaries (briefgen/text.py `words`), as
in Arabic and Hebrew they are found at spaces. Read back from the XML and through LibreOffice.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from briefgen.text import words
from tests.helpers import append_entry, built_workspace, model, run, save_model
from tests.lo_redline import lo_agrees
from tests.ooxml_order import violations
from tests.redlines import text_of

SEED = "intl.txt"
QUOTES = {  # language: (the quote as issued, the word changed, its replacement)
    "zh": ("我们必须加快发展人工智能无人机技术以保卫国家安全和人民的和平生活", "加快", "加速"),
    "ja": ("無人機の量産体制を早急に確立しなければならない", "早急", "直ち"),
    "ar": ("إن تطوير الطائرات المسيرة بالذكاء الاصطناعي يمثل أولوية قصوى لقواتنا المسلحة", "قصوى", "كبرى"),
    "he": ("פיתוח הרחפנים הוא בראש סדר העדיפויות של הצבא", "הצבא", "הצי"),
}


def _quote(ws: Path, changed: bool) -> None:
    """The seed quoting each line, and a model quoting it back (with the word changed, or not)."""
    texts = {lang: text.replace(old, new) if changed else text for lang, (text, old, new) in QUOTES.items()}
    (ws / "seeds" / SEED).write_text("Reactions abroad\n\n" + "\n\n".join(
        f"The outlet quoted “{text}” from the speech." for text in texts.values()) + "\n", encoding="utf-8")
    data = model(ws)
    data["quotes"] = [q for q in data["quotes"] if not q["id"].startswith("q-intl-")] + [
        {"id": f"q-intl-{lang}", "text": text, "lang": lang, "speaker": "An official", "context": "Foreign press.",
         "priority": 3, "evidence": [{"source": "intl-desk", "passage": text}]} for lang, text in texts.items()]
    save_model(ws, data)


@pytest.fixture(scope="module")
def redlined(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws = built_workspace(tmp_path_factory.mktemp("scripts"))
    append_entry(ws, "intl-desk", SEED, "Intl Desk")
    _quote(ws, changed=False)
    assert run(ws, "build", "-a", "analyst").exit_code == 0
    assert run(ws, "issue", "-a", "analyst").exit_code == 0
    _quote(ws, changed=True)
    result = run(ws, "build", "-a", "analyst")
    assert result.exit_code == 0, result.output
    return ws


def test_words_are_found_without_spaces_and_join_back() -> None:
    for text in ("我们必须加快发展", "ภาษาไทยไม่มีการเว้นวรรค", "Hello  world. AI技术 𠀀𠀁", "إن تطوير"):
        assert "".join(words(text)) == text
    assert "加快" in words("我们必须加快发展") and "world." in words("Hello world.")
    assert "world" in words("Hello world.", punctuation_apart=True)


def test_a_word_changed_in_a_quote_is_tracked_alone_in_every_script(redlined: Path) -> None:
    with zipfile.ZipFile(redlined / "output/analyst.redline.docx") as archive:
        body = archive.read("word/document.xml").decode()
    deleted = re.findall(r"<w:delText[^>]*>([^<]*)</w:delText>", body)
    inserted = re.findall(r"<w:ins [^>]*>(?:<w:r>(?:<w:rPr>(?:(?!</w:rPr>).)*</w:rPr>)?<w:t[^>]*>([^<]*)</w:t></w:r>)",
                          body)
    for lang, (text, old, new) in QUOTES.items():
        assert [d for d in deleted if old in d and len(d) < len(text) / 3], (lang, deleted)  # not the sentence
        assert [i for i in inserted if new in i and len(i) < len(text) / 3], (lang, inserted)


def test_the_script_redline_accepts_and_rejects_exactly_in_word_and_libreoffice(redlined: Path,
                                                                              tmp_path: Path) -> None:
    out = redlined / "output"
    redline, new, issued = out / "analyst.redline.docx", out / "analyst.docx", out / "issued/analyst-v1/analyst.docx"
    assert text_of(redline, accept=True) == text_of(new)
    assert text_of(redline, accept=False) == text_of(issued)
    assert violations(redline) == []  # every element where Word's schema puts it
    accepted, new_words, rejected, old_words = lo_agrees(redline, new, issued, tmp_path)
    assert accepted == new_words and rejected == old_words and accepted != rejected


def test_what_changed_quotes_the_words_around_the_change_in_chinese(redlined: Path) -> None:
    """`diff` printed the whole sentence on both sides, a reader left to find the one word (finding)."""
    lines = [line for line in run(redlined, "diff").output.splitlines() if "reworded:" in line]
    zh = next(line for line in lines if "加速" in line)
    assert "reworded: “我们必须加快发展人工智能…” → “我们必须加速发展人工智能…”" in zh, zh
