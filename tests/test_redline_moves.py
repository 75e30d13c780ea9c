"""The redline shows a paragraph that moved as Word's move (w:moveFrom / w:moveTo), not a deletion and an
insertion: a judgment the model reordered, a section the profile reordered, and a judgment moved and
reworded (the move carries the word changes inside it).

Checked on the XML (moves paired by name, each range closed, every revision id unique, the author and date
of the other revisions, valid against the schema: tests/ooxml_order.py), with every change accepted and
rejected by tests/redlines.py (which resolves the marks as ECMA-376 defines them) and as LibreOffice reads
the file.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from tests.helpers import built_workspace, copy_workspace, edit, model, run, save_model
from tests.ooxml_order import violations
from tests.redlines import parts, text_of

ANALYST = ("-a", "analyst")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
REVISIONS = ("ins", "del", "moveFrom", "moveTo", "moveFromRangeStart", "moveToRangeStart")


@pytest.fixture(scope="module")
def issued(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws = built_workspace(tmp_path_factory.mktemp("moves"))
    assert run(ws, "issue", *ANALYST).exit_code == 0
    return ws


def _reorder_judgments(ws: Path) -> tuple[str, str, str]:
    """The top judgment sent down to fourth place and the fourth brought to the top, reworded on the way (a
    word dropped, one added); the two statements as the new brief prints them, and the word dropped."""
    data = model(ws)
    top, fourth = data["judgments"][0], data["judgments"][3]
    top["priority"], fourth["priority"] = 5, 1
    words = fourth["statement"].split()
    fourth["statement"] = " ".join([*words[:2], "plainly", *words[2:5], *words[6:]])
    save_model(ws, data)
    return " ".join(top["statement"].split()), fourth["statement"], words[5]


def _text(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(f"{W}t", f"{W}delText"))


def _marked(document: etree._Element, kind: str) -> list[etree._Element]:
    return [p for p in document.iter(f"{W}p") if p.find(f"{W}pPr/{W}rPr/{W}{kind}") is not None]


def _well_paired(document: etree._Element) -> None:
    """Each move named at both ends, each range closed, ids unique, one author and date for every revision."""
    for kind in ("moveFrom", "moveTo"):
        starts = {s.get(f"{W}id"): s.get(f"{W}name") for s in document.iter(f"{W}{kind}RangeStart")}
        ends = [e.get(f"{W}id") for e in document.iter(f"{W}{kind}RangeEnd")]
        assert sorted(starts) == sorted(ends), kind
    names = Counter(s.get(f"{W}name") for k in ("moveFrom", "moveTo") for s in document.iter(f"{W}{k}RangeStart"))
    assert names and set(names.values()) == {2}, names  # each name once at each end
    marks = [m for k in REVISIONS for m in document.iter(f"{W}{k}") if m.get(f"{W}id") is not None]
    ids = Counter(m.get(f"{W}id") for m in marks)
    assert max(ids.values()) == 1, [i for i, n in ids.items() if n > 1]
    assert len({(m.get(f"{W}author"), m.get(f"{W}date")) for m in marks}) == 1


def test_a_reordered_judgment_is_a_move_and_a_reworded_one_carries_its_edits(issued: Path, tmp_path: Path) -> None:
    ws = copy_workspace(issued, tmp_path)
    went_down, came_up, lost = _reorder_judgments(ws)
    assert run(ws, "build", *ANALYST).exit_code == 0
    redline, new, old = (ws / "output/analyst.redline.docx", ws / "output/analyst.docx",
                         ws / "output/issued/analyst-v1/analyst.docx")
    document, _ = parts(redline)
    moved_from, moved_to = _marked(document, "moveFrom"), _marked(document, "moveTo")
    assert [p for p in moved_from if went_down in _text(p)] and [p for p in moved_to if went_down in _text(p)]
    assert not [p for p in _marked(document, "del") + _marked(document, "ins") if went_down[:40] in _text(p)]
    (arrived,) = [p for p in moved_to if "plainly" in _text(p)]
    assert "".join(t.text or "" for t in arrived.iter(f"{W}t") if t.getparent().getparent().tag == f"{W}ins") \
        == " plainly"
    assert arrived.find(f".//{W}del") is None  # what it lost is struck where it was
    (left,) = [p for p in moved_from if lost in _text(p) and came_up.split()[0] in _text(p)]
    assert [t.text for t in left.iter(f"{W}delText")] == [f" {lost}"]
    assert "plainly" not in _text(left)
    _well_paired(document)
    assert violations(redline) == []
    assert text_of(redline, accept=True) == text_of(new)
    assert text_of(redline, accept=False) == text_of(old)
    assert came_up.split()[0] in _text(arrived)


def test_a_reordered_section_moves_whole(issued: Path, tmp_path: Path) -> None:
    """The profile puts the information gaps before the quotes: the heading and every gap moved, nothing
    deleted or inserted but what the move itself changes (the version lines, what changed)."""
    from tests.lo_redline import lo_agrees

    ws = copy_workspace(issued, tmp_path)
    edit(ws / "templates/analyst.yaml", "quotes, gaps,", "gaps, quotes,")
    gaps = [" ".join(g["statement"].split()) for g in model(ws)["gaps"]]
    assert run(ws, "build", *ANALYST).exit_code == 0
    redline, new, old = (ws / "output/analyst.redline.docx", ws / "output/analyst.docx",
                         ws / "output/issued/analyst-v1/analyst.docx")
    document, _ = parts(redline)
    for kind in ("moveFrom", "moveTo"):
        texts = [_text(p) for p in _marked(document, kind)]
        assert "Information gaps" in texts or "Quotes" in texts, texts
        assert all(any(gap[:40] in t for t in texts) for gap in gaps) or "Quotes" in texts, texts
    assert not [p for p in _marked(document, "del") if any(gap[:40] in _text(p) for gap in gaps)]
    _well_paired(document)
    assert violations(redline) == []
    assert text_of(redline, accept=True) == text_of(new)
    assert text_of(redline, accept=False) == text_of(old)
    accepted, new_words, rejected, old_words = lo_agrees(redline, new, old, tmp_path)
    assert accepted == new_words and rejected == old_words


def test_libreoffice_accepts_and_rejects_a_moved_and_reworded_judgment(issued: Path, tmp_path: Path) -> None:
    from tests.lo_redline import lo_agrees

    ws = copy_workspace(issued, tmp_path)
    _reorder_judgments(ws)
    assert run(ws, "build", *ANALYST).exit_code == 0
    accepted, new_words, rejected, old_words = lo_agrees(
        ws / "output/analyst.redline.docx", ws / "output/analyst.docx", ws / "output/issued/analyst-v1/analyst.docx",
        tmp_path)
    assert accepted == new_words
    assert rejected == old_words


def test_a_dropped_judgment_is_deleted_whole_and_the_others_only_renumbered(issued: Path, tmp_path: Path) -> None:
    """The second judgment dropped: its heading ("2. moderate confidence · likely") was paired with the third's,
    renumbered ("2. high confidence"), and read "moderatehigh confidence · likely", the third's own old heading
    deleted; and the fourth's old heading was shown moved to where the fifth, renumbered "4.", now stands. Each
    judgment's paragraphs are now aligned with their own: the dropped one deleted whole (its paragraph marks
    too), every other heading only renumbered, and nothing moved."""
    ws = copy_workspace(issued, tmp_path)
    data = model(ws)
    dropped = data["judgments"].pop(1)
    save_model(ws, data)
    assert run(ws, "build", *ANALYST).exit_code == 0
    redline, new, old = (ws / "output/analyst.redline.docx", ws / "output/analyst.docx",
                         ws / "output/issued/analyst-v1/analyst.docx")
    document, _ = parts(redline)
    statement = " ".join(dropped["statement"].split())[:40]
    deleted = _marked(document, "del")
    assert [p for p in deleted if statement in _text(p)]  # the dropped statement's paragraph struck, mark and all
    assert not [p for k in ("moveFrom", "moveTo") for p in _marked(document, k)]
    headings = [p for p in document.iter(f"{W}p") if "confidence" in _text(p).lower() and len(_text(p)) < 60]
    for heading in headings:  # a heading either deleted whole or only its number changed
        inserted = "".join(t.text or "" for i in heading.iter(f"{W}ins") for t in i.iter(f"{W}t"))
        struck = "".join(t.text or "" for t in heading.iter(f"{W}delText"))
        assert heading in deleted or (inserted.strip(". ").isdigit() or not inserted), (_text(heading), inserted)
        assert heading in deleted or not struck or struck.strip(". ").isdigit(), (_text(heading), struck)
    assert text_of(redline, accept=True) == text_of(new)
    assert text_of(redline, accept=False) == text_of(old)
