"""The redline keeps a word when only punctuation next to it changed (notes11, W2).

Retitling "…Meridian Basin" to "…Meridian Basin, late 2026" showed "Basin" deleted and "Basin, late 2026"
inserted: a token was all the text between two spaces, its punctuation glued to the word. Each case below
adds or changes punctuation only next to words that stay (Latin, quotes, Arabic, Hebrew, Devanagari, Chinese
and Japanese marks); the redline must delete nothing but what went and insert nothing but what came, and still
read back as the new brief accepted and the issued one rejected, in the XML and in LibreOffice.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from briefgen.text import without_controls, words
from tests.helpers import built_workspace, model, run, save_model
from tests.lo_redline import lo_agrees
from tests.redlines import parts, q, text_of

CASES = {  # where in the model: (as issued, as built now, the text deleted, the text inserted)
    "title": ("Drought in the Upper Meridian Basin", "Drought in the Upper Meridian Basin, late 2026", "",
              ", late 2026"),
    "gap-drone-performance": ("Zqa the storage of Meridian reservoirs is unknown.",
                              "Zqa the “storage” of Meridian (reservoirs) is unknown…", ".", "“”()…"),
    "gap-ai-base": ("Zqb القدرة الحقيقية غير معروفة", "Zqb القدرة الحقيقية، غير معروفة؟", "", "،؟"),
    "gap-overflights": ("Zqc הכוח האמיתי אינו ידוע", "Zqc \"הכוח\" האמיתי אינו ידוע.", "", "\"\"."),
    "gap-russian-transfers": ("Zqd 我们必须加快发展 and असली ताकत अज्ञात है",
                              "Zqd 「我们必须加快发展」。 and असली ताकत अज्ञात है।", "", "「」。।"),
}


def _set(ws: Path, which: int) -> None:
    data = model(ws)
    data["brief"]["title"] = CASES["title"][which]
    for gap in data["gaps"]:
        if gap["id"] in CASES:
            gap["statement"] = CASES[gap["id"]][which]
    save_model(ws, data)


@pytest.fixture(scope="module")
def redlined(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws = built_workspace(tmp_path_factory.mktemp("punct"))
    _set(ws, 0)
    assert run(ws, "build", "-a", "analyst").exit_code == 0
    assert run(ws, "issue", "-a", "analyst").exit_code == 0
    _set(ws, 1)
    result = run(ws, "build", "-a", "analyst")
    assert result.exit_code == 0, result.output
    return ws


def _changes(p: etree._Element) -> tuple[str, str]:
    """The text a paragraph's tracked changes delete, and the text they insert."""
    gone = "".join(t.text or "" for t in p.iter(q("delText")))
    came = "".join(t.text or "" for ins in p.iter(q("ins")) for t in ins.iter(q("t")))
    return gone, came


def test_punctuation_next_to_a_kept_word_is_tracked_alone(redlined: Path) -> None:
    document, _ = parts(redlined / "output/analyst.redline.docx")
    for key, (_old, new, gone, came) in CASES.items():
        marker = new.split()[0] if key != "title" else "Drought"
        found = [p for p in document.iter(q("p")) if marker in "".join(t.text or "" for t in p.iter(q("t")))]
        assert found, key
        assert _changes(found[0]) == (gone, came), key


def test_the_punctuation_redline_reads_back_as_either_brief(redlined: Path, tmp_path: Path) -> None:
    out = redlined / "output"
    redline, new, issued = out / "analyst.redline.docx", out / "analyst.docx", out / "issued/analyst-v1/analyst.docx"
    assert text_of(redline, accept=True) == text_of(new)
    assert text_of(redline, accept=False) == text_of(issued)
    accepted, new_words, rejected, old_words = lo_agrees(redline, new, issued, tmp_path)
    assert accepted == new_words and rejected == old_words and accepted != rejected


@pytest.mark.parametrize("text", ["Basin, late 2026", "«Basin» (late)", "مرحبا، عالم؟", "नमस्ते। दुनिया",
                                  "“AI’s” don't 1,234.5 — C++ 50% $5", "加快。「発展」"])
def test_words_with_punctuation_apart_join_back_and_keep_numbers_whole(text: str) -> None:
    found = words(text, punctuation_apart=True)
    assert "".join(found) == text
    assert all(len(w) == 1 or w.isspace() or any(c.isalnum() for c in w) for w in found), found
    assert all(w in found for w in ("Basin", "1,234.5", "don't", "AI’s", "مرحبا", "नमस्ते") if w in text.split())


def test_direction_marks_ride_with_a_word_not_alone() -> None:
    """A mark set apart would be a token of nothing once its marks are dropped: a redline showed it inserted."""
    text = "\u200eوزارة الخارجية\u200e: \u2067Basin\u2069,"
    found = words(text, punctuation_apart=True)
    assert "".join(found) == text
    assert all(without_controls(w) for w in found), found
