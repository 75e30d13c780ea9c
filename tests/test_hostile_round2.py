"""Hostile input, round 2 (issue 13): containment, all or nothing, never exit 3, nothing hangs. The cases are in
tests/hostile_cases_round2.py (the error catalogue test uses them too)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import built_workspace, copy_workspace, edit, fingerprint, published
from tests.hostile_cases_round2 import CASES, make_decoy, number_case, run_cli


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_workspace(tmp_path_factory.mktemp("round2"))


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_case(name: str, built: Path, tmp_path: Path) -> None:
    case = CASES[name]
    ws = copy_workspace(built, tmp_path)
    decoy = make_decoy(tmp_path)
    outside = fingerprint(decoy)
    catalogue = (ws / "seeds/sources.yaml").read_bytes() if case.args[0] == "seeds" else b""
    case.mutate(ws, decoy)
    before = published(ws)  # after the case's own changes (a file where history goes, say)
    result = run_cli(ws, case.args, case.env)
    printed = result.stdout + result.stderr
    assert result.returncode == case.code, printed
    assert case.message in printed, printed
    assert f"\n    {case.hint}" in "\n" + printed if case.hint else True, printed
    assert "Traceback" not in printed and "internal error" not in printed
    assert fingerprint(decoy) == outside, "a file outside the workspace changed"
    if case.code == 1:
        assert published(ws) == before, "a published brief changed"
    if case.args[0] == "seeds" and not (ws / "seeds/sources.yaml").is_fifo():
        assert (ws / "seeds/sources.yaml").read_bytes() == catalogue


def test_pruning_keeps_folders_briefgen_did_not_make(built: Path, tmp_path: Path) -> None:
    ws = copy_workspace(built, tmp_path)
    decoy = make_decoy(tmp_path)
    outside = fingerprint(decoy)
    mine = ws / "output/history/my notes"
    mine.mkdir(parents=True)
    (mine / "draft.docx").write_bytes(b"the analyst's own file")
    (ws / "output/history/20240101T000000Z-build00001").symlink_to(decoy / "history/20250101T000000Z-build00001")
    for n in range(2):
        edit(ws / "seeds/summary.yaml", "bluf: ", f"bluf: Revision {n}. ")
        result = run_cli(ws, ("build", "--keep-history", "0"))
        assert result.returncode == 0, result.stderr
    left = sorted(p.name for p in (ws / "output/history").iterdir())
    assert left == ["20240101T000000Z-build00001", "my notes"]
    assert (mine / "draft.docx").read_bytes() == b"the analyst's own file"
    assert fingerprint(decoy) == outside


def test_a_failing_staged_check_publishes_nothing(built: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The seam between writing and publishing: a check on the staged files that refuses stops the build."""
    from briefgen.errors import BriefgenError
    from briefgen.regen import publish
    from tests.helpers import run

    seen: list[list[str]] = []

    def refuse(stage: publish.Stage) -> None:
        seen.append(sorted(p.name for p in stage.folder.iterdir()))
        raise BriefgenError("staged files refused")

    ws = copy_workspace(built, tmp_path)
    before = published(ws)
    edit(ws / "seeds/summary.yaml", "bluf: ", "bluf: Reworded. ")
    monkeypatch.setattr(publish, "STAGED_CHECKS", [refuse])
    result = run(ws, "build")
    assert result.exit_code == 1 and "staged files refused" in result.output
    assert seen == [sorted(["briefgen.lock", *(f"{a}.{f}" for a in ("analyst", "executive", "public")
                                               for f in ("docx", "pdf"))])]
    assert published(ws) == before
    assert not list((ws / "output").glob(".staging-*"))


def test_seeds_add_cleans_what_a_killed_run_left(built: Path, tmp_path: Path) -> None:
    ws = copy_workspace(built, tmp_path)
    stale = ws / "seeds/.note.md.k2x_9q0a.tmp"
    stale.write_bytes(b"half a document")
    (ws / "note.md").write_text("# Note\n\nThe unit counted 14 drones.\n", encoding="utf-8")
    result = run_cli(ws, ("seeds", "add", "note.md"))
    assert result.returncode == 0, result.stderr
    assert not stale.exists() and (ws / "seeds/note.md").is_file()


def test_watch_survives_a_non_finite_number_and_follows_a_templates_folder_made_again(built: Path,
                                                                                     tmp_path: Path) -> None:
    import shutil

    from pypdf import PdfReader

    from tests.helpers import wait_for_output

    ws = copy_workspace(built, tmp_path)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "briefgen", "-C", str(ws), "watch", "-a", "executive"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    try:
        wait_for_output(proc, "watch: watching", 90)
        number_case(".inf")(ws, tmp_path)
        wait_for_output(proc, "watch: build failed", 90)
        edit(ws / "seeds/summary.yaml", "number: .inf\n", "number: 1000000\n")
        wait_for_output(proc, "watch: nothing to rebuild", 90)
        shutil.move(ws / "templates", tmp_path / "templates-away")
        time.sleep(1)
        shutil.copytree(tmp_path / "templates-away", ws / "templates")
        edit(ws / "templates/executive.yaml", "banner:", 'banner: "Zqbanner made again"\nold_banner:')
        wait_for_output(proc, "watch: build failed", 90)  # the profile now has an unknown key: the new folder is read
        edit(ws / "templates/executive.yaml", "\nold_banner:", "\n# old banner:")
        wait_for_output(proc, "watch: rebuilt", 90)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    text = "".join(page.extract_text() for page in PdfReader(ws / "output/executive.pdf").pages)
    assert "zqbannermadeagain" in "".join(text.lower().split())


def test_seeds_folder_linked_within_the_workspace_is_read(built: Path, tmp_path: Path) -> None:
    """Only a link leading out is refused: seeds/ may be a link to a folder inside the workspace."""
    ws = copy_workspace(built, tmp_path)
    (ws / "data").mkdir()
    os.rename(ws / "seeds", ws / "data" / "seeds")
    (ws / "seeds").symlink_to(Path("data") / "seeds")
    result = run_cli(ws, ("check",))
    assert result.returncode == 0, result.stdout + result.stderr
