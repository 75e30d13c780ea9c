"""The record of issued versions edited by hand, and an audience retired after it was issued (findings of the
issue-18 attack round): a record with a time that is no time made `issue` fail with exit 3, and versions
numbered twice, negative or `true`, notes with control characters or files outside the version's folder were
believed; `diff` refused to run at all once an issued audience's profile was deleted."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import built_workspace, copy_workspace, published, run

RECORD = "output/issued/issued.json"
Entry = dict[str, Any]


@pytest.fixture(scope="module")
def issued(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws = built_workspace(tmp_path_factory.mktemp("record"))
    assert run(ws, "issue", "-a", "analyst").exit_code == 0
    return ws


def _first(record: dict[str, Any]) -> Entry:
    return record["audiences"]["analyst"][0]  # type: ignore[no-any-return]


EDITS: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "a time that is no time": (lambda r: _first(r).update(at="yesterday"),
                               "analyst version 1 has a date or time briefgen never writes"),
    "a version numbered 0": (lambda r: _first(r).update(version=0), "analyst version 0: a field is not what"),
    "a version numbered true": (lambda r: _first(r).update(version=True), "analyst version True: a field is not what"),
    "a version twice": (lambda r: r["audiences"]["analyst"].append(dict(_first(r))),
                        "the analyst versions are not each once, oldest first: [1, 1]"),
    "a control character in a note": (lambda r: _first(r).update(note="weekly\x07"),
                                      "analyst version 1 has a control character in its note"),
    "a file outside the version": (lambda r: _first(r)["files"].update({"../../seeds/summary.yaml": "0"}),
                                   "analyst version 1 lists a file that is not one of its briefs"),
    "an audience that is no name": (lambda r: r["audiences"].update({"../x": []}), "'../x' is not an audience name"),
}


@pytest.mark.parametrize("case", sorted(EDITS))
def test_a_record_edited_by_hand_is_damaged_never_half_believed(issued: Path, tmp_path: Path, case: str) -> None:
    ws = copy_workspace(issued, tmp_path)
    record = json.loads((ws / RECORD).read_text(encoding="utf-8"))
    change, reason = EDITS[case]
    change(record)
    (ws / RECORD).write_text(json.dumps(record), encoding="utf-8")
    before = published(ws)
    refused = run(ws, "issue", "-a", "analyst")
    assert refused.exit_code == 1, refused.output
    assert refused.output.startswith(f"{RECORD}: the record of issued versions is damaged ({reason}")
    assert "hint: restore it from a backup" in refused.output and published(ws) == before
    outputs = ""
    for command in (("status",), ("diff",), ("history",)):
        result = run(ws, *command)
        assert result.exit_code in (0, 1) and "Traceback" not in result.output
        outputs += result.output
    assert f"damaged ({reason}" in outputs and "it is ignored, as if nothing had been issued" in outputs


def test_diff_compares_the_audiences_still_profiled_and_names_the_retired_one(issued: Path, tmp_path: Path) -> None:
    ws = copy_workspace(issued, tmp_path)
    assert run(ws, "audiences", "new", "board", "--from", "executive").exit_code == 0
    assert run(ws, "build", "-a", "board").exit_code == 0
    assert run(ws, "issue", "-a", "board").exit_code == 0
    (ws / "templates/board.yaml").unlink()
    result = run(ws, "diff")
    assert result.exit_code == 0, result.output
    assert "the analyst brief: no changes since version 1 of " in result.output
    assert (f"{RECORD}: warning: the board brief was issued (last as version 1) but has no profile now, so it is "
            "not compared") in result.output
    assert "hint: put templates/board.yaml back to compare it" in result.output


def test_a_record_broken_as_json_is_named_at_its_line_and_column(issued: Path, tmp_path: Path) -> None:
    """A record cut or mistyped by hand was named as a file only, its place buried in the parser's words
    ("Expecting value: line 340 column 4 (char 10690)"): the place now leads, as every other file:line:col
    does. The place is known independently: a quotation mark of line 5 replaced by '@'."""
    ws = copy_workspace(issued, tmp_path)
    lines = (ws / RECORD).read_text(encoding="utf-8").splitlines()
    col = lines[4].index('"') + 1
    lines[4] = lines[4].replace('"', "@", 1)
    (ws / RECORD).write_text("\n".join(lines), encoding="utf-8")
    before = published(ws)
    refused = run(ws, "issue", "-a", "analyst")
    assert refused.exit_code == 1
    assert refused.output.startswith(f"{RECORD}:5:{col}: the record of issued versions is damaged (not JSON: ")
    assert "line 5" not in refused.output and published(ws) == before
    warned = run(ws, "diff")
    assert f"{RECORD}:5:{col}: warning: the record of issued versions is damaged" in warned.output
