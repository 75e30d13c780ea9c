"""Property (issue 18): random edits to the model between an issue and a build; the changes list names exactly
the items edited, each with the verb and the words a reader needs, and no id.

The issued side is the shipped model's analyst snapshot; each example edits a random set of items (reword,
re-grade, re-label, re-value, re-attribute, drop, add), writes the model, verifies it for real (`run_check`)
and compares the audience's snapshot with the issued one, as the brief, `diff` and `status` do.
"""

from __future__ import annotations

import copy
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.regen.changes import changes
from briefgen.regen.snapshot import snapshot
from briefgen.render.profiles import load_profile
from briefgen.verify.check import run_check
from briefgen.workspace import Workspace
from tests.conftest import ROOT
from tests.helpers import model, save_model

Item = dict[str, Any]
Edit = Callable[[Item], str]  # edits the item in place; returns a word its change line must contain
CONFIDENCE = ("low", "moderate", "high")
LIKELY = ("likely", "very likely", "roughly even chance")


def _reword(key: str, said: str = "reworded: ") -> Edit:
    def edit(item: Item) -> str:
        item[key] = f"{item[key]} Newly added clause here."
        return said
    return edit


def _shorter_quote(item: Item) -> str:
    """A quote must stay word for word in its passage: quote less of it."""
    item["text"] = item["text"].rsplit(" ", 1)[0]
    return "reworded: "


def _confidence(item: Item) -> str:
    item["confidence"] = next(c for c in CONFIDENCE if c != item["confidence"])
    return f"confidence → {item['confidence']} confidence"[len("confidence "):]


def _likelihood(item: Item) -> str:
    item["likelihood"] = next(t for t in LIKELY if t != item.get("likelihood"))
    return f"→ {item['likelihood']}"


def _label(item: Item) -> str:
    item["label"] = f"{item['label']} (revised)"
    return "(revised)”"


def _value(item: Item) -> str:
    before = item["value"]
    item["value"] = f"reportedly {before}"
    return f"value {before} → reportedly {before}"


def _speaker(item: Item) -> str:
    item["speaker"] = f"{item['speaker']} (via aides)"
    return "speaker “"


EDITS: dict[str, list[Edit]] = {
    "judgments": [_reword("statement"), _confidence, _likelihood],
    "figures": [_label, _value],
    "quotes": [_shorter_quote, _speaker, _reword("context", "context “")],
    "gaps": [_reword("statement")],
}


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any], dict[str, Any]]:
    ws = tmp_path_factory.mktemp("prop") / "ws"
    shutil.copytree(ROOT / "seeds", ws / "seeds")
    (ws / "templates").mkdir()
    workspace = Workspace.at(ws)
    issued = snapshot(run_check(workspace), load_profile(workspace, "analyst"), "analyst")
    return ws, model(ws), issued


@st.composite
def plans(draw: st.DrawFn, data: dict[str, Any]) -> list[tuple[str, int, int | None]]:
    """(section, index, edit number or None to drop) for a random set of distinct items."""
    slots = [(s, i) for s in EDITS for i in range(len(data[s]))]
    chosen = draw(st.lists(st.sampled_from(slots), min_size=0, max_size=6, unique=True))
    return [(s, i, draw(st.none() | st.integers(0, len(EDITS[s]) - 1))) for s, i in chosen]


@settings(max_examples=25)
@given(st.data())
def test_the_changes_list_is_exactly_the_edits(base: tuple[Path, dict[str, Any], dict[str, Any]],
                                               data: st.DataObject) -> None:
    ws, original, issued = base
    edited = {s: [dict(i) for i in original[s]] for s in EDITS} | {"brief": original["brief"]}
    plan = data.draw(plans(original))
    expected: dict[str, tuple[str, str]] = {}
    for section, index, which in plan:
        item = edited[section][index]
        if which is None:
            expected[item["id"]] = ("Dropped", "")
            item["_drop"] = True
        else:
            expected[item["id"]] = ("Revised", EDITS[section][which](item))
    if data.draw(st.booleans(), label="add a judgment"):
        new = {**copy.deepcopy(original["judgments"][-1]), "id": "kj-added-later",
               "statement": "An entirely new judgment."}
        edited["judgments"].append(new)
        expected["kj-added-later"] = ("New", "“An entirely new judgment.”")
    save_model(ws, {k: [i for i in v if not i.get("_drop")] if k in EDITS else v for k, v in edited.items()})
    workspace = Workspace.at(ws)
    checked = run_check(workspace)
    assert not checked.verification.errors, [p.format() for p in checked.verification.errors]
    found = changes(issued, snapshot(checked, load_profile(workspace, "analyst"), "analyst"))
    assert {c["item"]: c["what"].split()[0] for c in found} == {k: v[0] for k, v in expected.items()}
    for change in found:
        line = f"{change['what']} {change['detail']}"
        assert expected[change["item"]][1] in line, line
        assert change["item"] not in line
