"""A table revised cell by cell when rows are added or dropped beside the revised ones: a figure whose value
changed next to a figure added was a whole row deleted and another inserted (rows were compared cell by cell
only when as many stood on each side), where the reader wants the one word that changed."""

from __future__ import annotations

import copy
from pathlib import Path

from tests.helpers import built_workspace, model, run, save_model
from tests.ooxml_order import violations
from tests.redlines import parts, text_of

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _row_text(row: object) -> str:
    return "".join(t.text or "" for t in row.iter(f"{W}t", f"{W}delText"))  # type: ignore[attr-defined]


def test_a_revised_figure_beside_a_new_one_is_revised_in_its_cell(tmp_path: Path) -> None:
    ws = built_workspace(tmp_path)
    assert run(ws, "issue", "-a", "analyst").exit_code == 0
    data = model(ws)
    revised = data["figures"][1]
    revised["value"] = "some " + revised["value"]
    added = copy.deepcopy(data["figures"][2])
    added.update(id="fig-added", label="A measure added since version 1")
    data["figures"].insert(2, added)
    save_model(ws, data)
    assert run(ws, "build", "-a", "analyst").exit_code == 0
    redline = ws / "output/analyst.redline.docx"
    document, _ = parts(redline)
    rows = [row for row in document.iter(f"{W}tr") if revised["label"][:25] in _row_text(row)]
    assert len(rows) == 1 and rows[0].find(f"{W}trPr/{W}del") is None and rows[0].find(f"{W}trPr/{W}ins") is None
    inserted = "".join(t.text or "" for mark in rows[0].iter(f"{W}ins") for t in mark.iter(f"{W}t"))
    assert "some" in inserted and revised["label"][:25] not in inserted
    (new_row,) = [row for row in document.iter(f"{W}tr") if "A measure added since version 1" in _row_text(row)]
    assert new_row.find(f"{W}trPr/{W}ins") is not None
    assert text_of(redline, accept=True) == text_of(ws / "output/analyst.docx")
    assert text_of(redline, accept=False) == text_of(ws / "output/issued/analyst-v1/analyst.docx")
    assert violations(redline) == []
