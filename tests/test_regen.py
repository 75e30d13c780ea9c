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




@pytest.fixture(scope="module")
def built_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.helpers import built_workspace

    return built_workspace(tmp_path_factory.mktemp("regen"))


def _in_the_way(ws: Path, path: str, what: str) -> None:
    target = ws / "output" / path
    if target.is_dir():
        import shutil
        shutil.rmtree(target)
    elif target.exists():
        target.unlink()
    if what == "folder":
        target.mkdir()
        (target / "kept.txt").write_text("not briefgen's", encoding="utf-8")
    elif what == "file":
        target.write_text("not briefgen's", encoding="utf-8")
    else:
        (ws / "elsewhere.pdf").write_bytes(b"%PDF- not briefgen's")
        target.symlink_to(ws / "elsewhere.pdf")


IN_THE_WAY = [  # (path under output/, what stands there, the message after `output/<path>: `)
    ("public.pdf", "folder", "a folder is in the way of a file briefgen writes"),
    ("analyst.docx", "link", "a symbolic link is in the way"),
    ("executive.redline.docx", "folder", "a folder is in the way of a file briefgen writes"),
    ("briefgen.lock", "folder", "a folder is in the way of a file briefgen writes"),
    (".builds", "file", "a file is in the way: briefgen keeps a folder here"),
    (".builds/00002.json", "folder", "a folder is in the way of a file briefgen writes"),
    (".cache", "file", "a file is in the way: briefgen keeps a folder here"),
]


@pytest.mark.parametrize(("path", "what", "message"), IN_THE_WAY, ids=[f"{w}-at-{p}" for p, w, _ in IN_THE_WAY])
def test_a_build_with_something_in_the_way_of_any_target_publishes_nothing(
        built_once: Path, tmp_path: Path, path: str, what: str, message: str) -> None:
    """Findings 09 and 10: whatever stands where the build writes (a brief, a redline it retires, the build
    record, .builds/ and this build's record in it, the cache) is found before the first file is replaced,
    named at its own path, and nothing published changes (briefs, record, history, .builds/)."""
    from tests.helpers import copy_workspace, published, set_marker

    ws = copy_workspace(built_once, tmp_path)
    _in_the_way(ws, path, what)
    set_marker(ws, 1)  # every brief must be rewritten
    before = published(ws)
    result = run(ws, "build")
    assert result.exit_code == 1, result.output
    assert published(ws) == before
    assert f"output/{path}: {message}" in result.output
    assert "hint: nothing was published: move what is there elsewhere, then run the command again" in result.output
    assert not list((ws / "output").glob(".staging-*"))


def test_a_build_names_everything_in_the_way_at_once(built_once: Path, tmp_path: Path) -> None:
    from tests.helpers import copy_workspace, published, set_marker

    ws = copy_workspace(built_once, tmp_path)
    for path, what, _ in IN_THE_WAY[:2]:
        _in_the_way(ws, path, what)
    set_marker(ws, 1)
    before = published(ws)
    result = run(ws, "build")
    assert result.exit_code == 1
    assert "output/public.pdf: a folder is in the way" in result.output
    assert "output/analyst.docx: a symbolic link is in the way" in result.output
    assert published(ws) == before
    (ws / "output/analyst.docx").unlink()
    import shutil
    shutil.rmtree(ws / "output/public.pdf")
    again = run(ws, "build")
    assert again.exit_code == 0, again.output
    from tests.validate import brief_text, briefs
    assert len(briefs(ws / "output")) == 6 and all("Zqmark01" in brief_text(p) for p in briefs(ws / "output"))


def _reword(ws: Path) -> str:
    edit(ws / "seeds/summary.yaml", "unmanned weapons the lead priority of", "unmanned weapons the TOP priority of")
    return "TOPpriority"  # as brief_text reads it back (white space removed)


def _up_to_date(ws: Path) -> dict[str, bool]:
    state = json.loads(run(ws, "status", "--json").output)
    return {name: audience["up_to_date"] for name, audience in state["audiences"].items()}


def test_a_build_of_one_audience_leaves_the_others_out_of_date(built_once: Path, tmp_path: Path) -> None:
    """Finding 18: after `build -a executive`, status, diff and `build --if-changed` still see analyst and
    public as made from the old model, and --if-changed rebuilds exactly them."""
    from tests.helpers import copy_workspace
    from tests.validate import brief_text

    ws = copy_workspace(built_once, tmp_path)
    words = _reword(ws)
    assert run(ws, "build", "-a", "executive").exit_code == 0
    assert _up_to_date(ws) == {"analyst": False, "executive": True, "public": False}
    assert "analyst: out of date — its inputs changed" in run(ws, "status").output
    diff = run(ws, "diff").output
    assert diff.startswith("the model, since build 1, the last to bring every brief up to date:"), diff
    assert "TOP priority" in diff
    assert words not in brief_text(ws / "output/analyst.docx")
    rebuilt = run(ws, "build", "--if-changed")
    assert rebuilt.exit_code == 0, rebuilt.output
    assert sorted(line.split(":")[0] for line in rebuilt.output.splitlines()) == [
        "output/analyst.docx", "output/analyst.pdf", "output/public.docx", "output/public.pdf"]
    assert all(words in brief_text(ws / f"output/{n}") for n in ("analyst.docx", "analyst.pdf"))
    assert _up_to_date(ws) == {"analyst": True, "executive": True, "public": True}
    assert run(ws, "diff").output == "the model: no changes since the last build\n"
    assert "up to date" in run(ws, "build", "--if-changed").output


def test_a_build_of_one_format_leaves_the_other_out_of_date(built_once: Path, tmp_path: Path) -> None:
    """Finding 19, second half: after `build -f pdf` the DOCX briefs still hold the old model; status says so
    and --if-changed rebuilds the DOCX files only."""
    from tests.helpers import copy_workspace
    from tests.validate import brief_text

    ws = copy_workspace(built_once, tmp_path)
    words = _reword(ws)
    assert run(ws, "build", "-f", "pdf").exit_code == 0
    assert _up_to_date(ws) == {"analyst": False, "executive": False, "public": False}
    assert "analyst: out of date — its inputs changed since analyst.docx was built" in run(ws, "status").output
    rebuilt = run(ws, "build", "--if-changed")
    assert rebuilt.exit_code == 0, rebuilt.output
    assert sorted(line.split(":")[0] for line in rebuilt.output.splitlines()) == [
        "output/analyst.docx", "output/executive.docx", "output/public.docx"]
    assert words in brief_text(ws / "output/analyst.docx")
    assert _up_to_date(ws) == {"analyst": True, "executive": True, "public": True}


def test_a_judgment_marked_red_leaves_the_public_brief_after_a_build_of_another(built_once: Path,
                                                                               tmp_path: Path) -> None:
    """Finding 19: a judgment re-marked TLP:RED, then `build -a executive`: the scheduled --if-changed must
    still rebuild the public brief (ceiling TLP:CLEAR), which then no longer prints it."""
    from tests.helpers import copy_workspace
    from tests.validate import brief_text

    ws = copy_workspace(built_once, tmp_path)
    shown = "".join("now come first".split())
    assert shown in brief_text(ws / "output/public.pdf")
    edit(ws / "seeds/summary.yaml", "    confidence: high\n    priority: 1\n",
         "    confidence: high\n    marking: TLP:RED\n    priority: 1\n")
    assert run(ws, "build", "-a", "executive").exit_code == 0
    assert _up_to_date(ws)["public"] is False
    assert run(ws, "build", "--if-changed").exit_code == 0
    assert shown not in brief_text(ws / "output/public.pdf") and shown not in brief_text(ws / "output/public.docx")


def test_a_record_from_before_per_format_inputs_counts_as_unknown(built_once: Path, tmp_path: Path) -> None:
    """A build record written before briefgen kept what each format was made from is read without complaint:
    every brief counts as out of date until `build --if-changed` writes them again."""
    from tests.helpers import copy_workspace

    ws = copy_workspace(built_once, tmp_path)
    path = ws / "output/briefgen.lock"
    lock = json.loads(path.read_text(encoding="utf-8"))
    for key in ("earlier", "model_build"):
        del lock[key]
    for record in lock["audiences"].values():
        del record["made_from"], record["offered"]
    path.write_text(json.dumps(lock), encoding="utf-8")
    status = run(ws, "status")
    assert status.exit_code == 0 and "warning" not in status.output, status.output
    assert _up_to_date(ws) == {"analyst": False, "executive": False, "public": False}
    assert run(ws, "diff").output == "the model: no changes since the last build\n"
    assert run(ws, "build", "--if-changed").exit_code == 0
    assert _up_to_date(ws) == {"analyst": True, "executive": True, "public": True}
