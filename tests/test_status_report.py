"""`briefgen status` after a DOCX build: which audience is out of date, why, and which items a change affects."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from briefgen.regen import madefrom
from briefgen.regen import status as status_module
from tests.helpers import SEED_002, edit, model, run, save_model

AUDIENCES = ("analyst", "executive", "public")


def _build(ws: Path, *audiences: str) -> None:
    result = run(ws, "build", "-f", "docx", *(a for name in audiences for a in ("-a", name)))
    assert result.exit_code == 0, result.output


def _status(ws: Path) -> dict[str, Any]:
    result = run(ws, "status", "--json")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.output)
    for state in data["audiences"].values():  # the verdict and affected items: what these tests are about
        for key in set(state) - {"up_to_date", "reason", "affected_items"}:
            del state[key]
    return data


def test_status_says_never_built_for_audiences_the_build_left_out_once_a_seed_changed(workspace: Path) -> None:
    _build(workspace, "analyst")
    seed = workspace / SEED_002
    seed.write_text(seed.read_text(encoding="utf-8") + "\nA closing paragraph no item cites.\n", encoding="utf-8")
    state = _status(workspace)["audiences"]
    for name in ("executive", "public"):
        assert state[name] == {"up_to_date": False, "reason": "never built", "affected_items": []}, name
    assert state["analyst"] == {"up_to_date": True, "reason": "", "affected_items": []}
    text = run(workspace, "status").output
    assert "executive: out of date — never built\n" in text


def test_status_names_a_deleted_brief_as_missing_and_keeps_the_others_up_to_date(workspace: Path) -> None:
    _build(workspace)
    (workspace / "output/public.docx").unlink()
    state = _status(workspace)
    assert state["up_to_date"] is False and state["changed_inputs"] == []
    assert state["audiences"]["public"] == {"up_to_date": False, "reason": "an output file is missing",
                                            "affected_items": []}
    for name in ("analyst", "executive"):
        assert state["audiences"][name] == {"up_to_date": True, "reason": "", "affected_items": []}, name
    assert "public: out of date — an output file is missing\n" in run(workspace, "status").output


def test_status_names_the_edited_item_only_for_the_audiences_that_show_it(workspace: Path) -> None:
    # an id ending in a capital letter, kept whole in the report; shown to the analyst brief alone
    data = model(workspace)
    hidden = data["judgments"][-1]
    hidden["id"], hidden["audiences"] = "kj-last-judgment-X", ["analyst"]
    save_model(workspace, data)
    _build(workspace)
    edit(workspace / "seeds/summary.yaml", hidden["statement"][:40], "Reworded: " + hidden["statement"][:40])
    state = _status(workspace)
    assert state["changed_inputs"] == ["seeds/summary.yaml"]
    assert state["audiences"]["analyst"] == {"up_to_date": False, "reason": "its inputs changed",
                                             "affected_items": ["kj-last-judgment-X"]}
    for name in ("executive", "public"):
        assert state["audiences"][name] == {"up_to_date": True, "reason": "", "affected_items": []}, name
    text = run(workspace, "status").output  # status names items as the brief does: never by id
    assert "analyst: out of date — its inputs changed (affects “Reworded: The partnership with Russia" in text
    assert "executive: up to date\n" in text and "public: up to date\n" in text


def test_status_names_an_upgrade_of_briefgen_as_the_change(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _build(workspace)
    upgraded = "9.9.9+000000000000"  # the code that runs now is not the code that built the briefs
    for module in (status_module, madefrom):
        monkeypatch.setattr(module, "tool_version", lambda: upgraded)
    state = _status(workspace)
    assert state["changed_inputs"] == ["briefgen itself"]
    assert all(not s["up_to_date"] for s in state["audiences"].values())
    assert run(workspace, "status").output.startswith("changed: briefgen itself\n")


@pytest.mark.parametrize(("broken", "said"), [
    (("seeds/sources.yaml",), "seeds/sources.yaml does not load"),
    (("seeds/sources.yaml", "seeds/summary.yaml"), "seeds/sources.yaml and seeds/summary.yaml do not load"),
])
def test_status_names_the_files_that_do_not_load(workspace: Path, broken: tuple[str, ...], said: str) -> None:
    """A catalogue entry left unfilled after a build: status said "the model does not load", which sent the
    analyst to summary.yaml for a fault of sources.yaml; it names the file (or files) `check` reports."""
    _build(workspace, "executive")
    for name in broken:
        path = workspace / name
        path.write_text(path.read_text(encoding="utf-8") + "unknown_top_level_key: 1\n", encoding="utf-8")
    reported = run(workspace, "status", "--json")
    assert reported.exit_code == 1  # the problems that stop the model loading are reported with the state
    state = json.loads(reported.output)["audiences"]["executive"]
    assert (state["up_to_date"], state["reason"]) == (False, said)
    checked = run(workspace, "check").output
    assert all(f"{name}:" in checked for name in broken)
    assert f"executive: out of date — {said}\n" in run(workspace, "status").output
