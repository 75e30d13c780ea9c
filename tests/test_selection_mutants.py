"""Which items an audience sees: a profile's filters and limits, read back from the judgments in its DOCX brief.

Each test writes a `probe` audience (the analyst profile and template with one rule changed) and works out the
expected judgments from seeds/summary.yaml itself: ids, priorities, tags and audiences."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

from tests.conftest import ROOT
from tests.helpers import model, run
from tests.readback import read_docx

BUNDLED = ROOT / "briefgen/templates"


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).replace("’", "'").strip()


def _probe_judgments(ws: Path, rules: str) -> list[str]:
    """Build the probe audience with `rules` added to the analyst profile; the ids of the judgments its DOCX
    prints, in the order it prints them."""
    profile = (BUNDLED / "analyst.yaml").read_text(encoding="utf-8").replace("analyst.xml.j2", "probe.xml.j2")
    (ws / "templates/probe.yaml").write_text(profile + rules + "\n", encoding="utf-8")
    shutil.copy(BUNDLED / "analyst.xml.j2", ws / "templates/probe.xml.j2")
    result = run(ws, "build", "-a", "probe", "-f", "docx")
    assert result.exit_code == 0, result.output
    text = _squash(" ".join(read_docx(ws / "output/probe.docx").paragraphs))
    at = {j["id"]: text.find(_squash(j["statement"])[:60]) for j in _judgments(ws)}
    return sorted((i for i, pos in at.items() if pos >= 0), key=at.__getitem__)


def _judgments(ws: Path) -> list[dict[str, Any]]:
    return model(ws)["judgments"]  # type: ignore[no-any-return]


def _for_everyone(ws: Path) -> list[dict[str, Any]]:
    """The judgments with no `audiences` list (the probe is in no item's list), in priority order."""
    return sorted((j for j in _judgments(ws) if "audiences" not in j), key=lambda j: j["priority"])


def test_every_judgment_for_all_audiences_is_shown_in_priority_order_and_the_others_are_not(
        workspace: Path) -> None:
    expected = [j["id"] for j in _for_everyone(workspace)]
    assert 0 < len(expected) < len(_judgments(workspace))
    assert _probe_judgments(workspace, "") == expected


def test_a_judgment_limit_keeps_the_most_important_judgments(workspace: Path) -> None:
    assert _probe_judgments(workspace, "limits: {judgments: 3}") == [j["id"] for j in _for_everyone(workspace)][:3]


def test_filters_exclude_include_and_max_priority_decide_the_judgments_shown(workspace: Path) -> None:
    """`include` brings back a judgment that max_priority leaves out, never one whose own audiences list
    leaves the audience out (that list is the analyst's word on who may see it)."""
    judgments = _judgments(workspace)
    first, listed = judgments[0]["id"], judgments[-1]["id"]
    assert "audiences" in judgments[-1] and "probe" not in judgments[-1]["audiences"]
    below = next(j["id"] for j in _for_everyone(workspace) if j["priority"] > 3)
    expected = [j["id"] for j in _for_everyone(workspace) if j["priority"] <= 3 and j["id"] != first] + [below]
    rules = f"filters: {{max_priority: 3, exclude: [{first}], include: [{below}, {listed}]}}"
    assert _probe_judgments(workspace, rules) == expected
    warned = run(workspace, "check").output
    assert re.search(rf"templates/probe\.yaml:\d+:\d+: warning: filters\.include\[1\]: '{listed}' is for "
                     r"audiences analyst, public only \(its audiences list\), so the probe brief leaves it out",
                     warned), warned


def test_a_tag_filter_shows_only_judgments_carrying_one_of_the_tags(workspace: Path) -> None:
    expected = [j["id"] for j in _for_everyone(workspace) if {"china", "drones"} & set(j.get("tags", []))]
    assert 0 < len(expected) < len(_for_everyone(workspace))
    assert _probe_judgments(workspace, "filters: {tags: [china, drones]}") == expected
