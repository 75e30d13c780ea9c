"""Scheduled regeneration (issue 5): lock, --if-changed, stale claims, history, status, diff, watch."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.helpers import (
    SEED_002,
    drop_lines_containing,
    edit,
    fingerprint,
    items_citing,
    model,
    run,
    save_model,
    wait_for_output,
)

BRIEFS = [f"{a}.{f}" for a in ("analyst", "executive", "public") for f in ("docx", "pdf")]


@pytest.fixture
def built(workspace: Path) -> Path:
    result = run(workspace, "build")
    assert result.exit_code == 0, result.output
    return workspace


def published(ws: Path) -> dict[str, tuple[str, int]]:
    return {k: v for k, v in fingerprint(ws / "output").items() if k in BRIEFS}


def test_if_changed_after_build_touches_nothing(built: Path) -> None:
    before = fingerprint(built / "output")
    result = run(built, "build", "--if-changed")
    assert result.exit_code == 0
    assert "up to date" in result.output
    assert fingerprint(built / "output") == before


def test_quiet_if_changed_prints_nothing(built: Path) -> None:
    result = run(built, "build", "--if-changed", "--quiet")
    assert result.exit_code == 0 and result.output == ""


def test_uncited_paragraph_is_seen_by_status_and_builds(built: Path) -> None:
    seed = built / SEED_002
    seed.write_text(seed.read_text(encoding="utf-8") + "\nA new closing paragraph nobody cites.\n", encoding="utf-8")
    status = run(built, "status")
    assert f"changed: {SEED_002}" in status.output
    result = run(built, "build", "--if-changed")
    assert result.exit_code == 0, result.output
    assert "up to date" in result.output  # nothing any brief shows moved
    assert json.loads(run(built, "status", "--json").output)["up_to_date"] is True


def test_editing_a_judgment_rebuilds_only_audiences_showing_it(built: Path) -> None:
    data = model(built)
    hidden = dict(data["judgments"][-1])
    hidden["audiences"] = ["analyst"]
    hidden["statement"] = hidden["statement"].rstrip(".") + ", as the record now shows."
    data["judgments"][-1] = hidden
    save_model(built, data)
    before = published(built)
    result = run(built, "build", "--if-changed")
    assert result.exit_code == 0, result.output
    after = published(built)
    changed = {name for name in BRIEFS if before[name] != after[name]}
    assert {"analyst.docx", "analyst.pdf"} <= changed
    assert "executive.pdf" not in changed and "executive.docx" not in changed
    kept = {hashlib.sha256(p.read_bytes()).hexdigest() for p in (built / "output/history").rglob("analyst.*")}
    assert before["analyst.pdf"][0] in kept and before["analyst.docx"][0] in kept


def test_deleting_the_457_million_line_fails_and_keeps_briefs(built: Path) -> None:
    affected = items_citing(built, "$457 million")
    assert affected
    before = published(built)
    drop_lines_containing(built / SEED_002, "$457 million")
    result = run(built, "build", "--if-changed")
    assert result.exit_code == 1
    for item_id in affected:
        assert item_id in result.output
    assert "closest text" in result.output
    assert published(built) == before


def test_status_names_items_touched_by_a_seed_edit(built: Path) -> None:
    edit(built / SEED_002, "$457 million", "$457 millions")
    state = json.loads(run(built, "status", "--json").output)
    assert SEED_002 in state["changed_inputs"]
    assert state["up_to_date"] is False
    catalogue = yaml.safe_load((built / "seeds/sources.yaml").read_text(encoding="utf-8"))
    source = next(s["id"] for s in catalogue["sources"] if f"seeds/{s['file']}" == SEED_002)
    data = model(built)
    citing = {item["id"] for section in ("judgments", "figures", "quotes", "gaps") for item in data[section]
              if any(ev["source"] == source for ev in item.get("evidence", []))}
    if any(ev["source"] == source for ev in data["brief"].get("bluf_evidence", [])):
        citing.add("bluf")
    assert citing
    for name in ("analyst", "executive", "public"):
        assert set(state["audiences"][name]["affected_items"]) == citing, name


def test_diff_reports_a_revised_figure(built: Path) -> None:
    data = model(built)
    data["figures"][0]["label"] = data["figures"][0]["label"] + " (revised)"
    save_model(built, data)
    result = run(built, "diff")
    assert result.exit_code == 0
    assert result.output.startswith("the model, since the last build:")
    assert f"Revised figure “{data['figures'][0]['label']}”: label “" in result.output
    assert data["figures"][0]["id"] not in result.output  # named as the brief names it


def test_analyst_brief_shows_what_changed(built: Path) -> None:
    from pypdf import PdfReader
    first = "".join(p.extract_text() for p in PdfReader(built / "output/analyst.pdf").pages)
    assert "WHAT CHANGED SINCE THE LAST BRIEF" not in first.upper()
    data = model(built)
    data["figures"][0]["label"] = data["figures"][0]["label"] + " (revised)"
    save_model(built, data)
    assert run(built, "build").exit_code == 0
    second = "".join(p.extract_text() for p in PdfReader(built / "output/analyst.pdf").pages)
    assert "WHAT CHANGED SINCE THE LAST BRIEF" in second.upper()
    assert "(revised)" in second


def test_keep_history_prunes_only_when_asked(built: Path) -> None:
    for n in range(3):
        data = model(built)
        data["brief"]["bluf"] = data["brief"]["bluf"] + f" Update {n}."
        save_model(built, data)
        assert run(built, "build").exit_code == 0
    assert len(list((built / "output/history").iterdir())) == 3
    data = model(built)
    data["brief"]["bluf"] += " Final."
    save_model(built, data)
    assert run(built, "build", "--keep-history", "2").exit_code == 0
    assert len(list((built / "output/history").iterdir())) == 2


def test_watch_rebuilds_and_survives_a_broken_edit(built: Path) -> None:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "briefgen", "-C", str(built), "watch", "-a", "executive"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    try:
        wait_for_output(proc, "watch: watching")
        summary = built / "seeds/summary.yaml"
        good = summary.read_text(encoding="utf-8")
        summary.write_text(good.replace("brief:", "brief: [", 1), encoding="utf-8")
        wait_for_output(proc, "build failed")
        data = model_from(good)
        data["brief"]["title"] = data["brief"]["title"] + " — watched"
        save_model(built, data)
        seen = wait_for_output(proc, "watch: rebuilt")  # the rebuild's speed is measured by `make bench`, not here
        assert "output/executive.pdf" in seen
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def model_from(text: str) -> dict[str, object]:
    import yaml
    return yaml.safe_load(text)  # type: ignore[no-any-return]


