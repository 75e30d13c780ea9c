"""Regeneration as cron and a careless operator run it: folders mounted inside output/, Ctrl-C while
publishing, the exit codes a scheduler alerts on."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import built_workspace, copy_workspace, published, run, set_marker


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_workspace(tmp_path_factory.mktemp("operator"))


@contextlib.contextmanager
def mounted_over(folder: Path) -> Iterator[None]:
    """A tmpfs mounted on `folder`, holding what it held (skipping the test where none can be mounted)."""
    kept = folder.with_name(folder.name + ".kept")
    folder.mkdir(exist_ok=True)
    shutil.copytree(folder, kept)
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", str(folder)], capture_output=True,
                          check=False)
    if os.geteuid() != 0 or made.returncode != 0:
        pytest.skip("mounting a tmpfs needs root")
    try:
        shutil.copytree(kept, folder, dirs_exist_ok=True)
        yield
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


@pytest.mark.parametrize(("mount", "command"), [("issued", ("issue", "-a", "analyst")), (".builds", ("build",))])
def test_a_folder_mounted_inside_output_is_refused_before_anything_is_published(
        base: Path, tmp_path: Path, mount: str, command: tuple[str, ...]) -> None:
    """Publishing renames from output/.staging-…/: into a folder on another file system every rename failed
    (`Invalid cross-device link`, no hint), and only after the briefs were composed."""
    ws = copy_workspace(base, tmp_path)
    assert run(ws, "issue", "-a", "executive").exit_code == 0  # output/issued/ exists
    set_marker(ws, 1)
    if command[0] == "issue":
        assert run(ws, "build").exit_code == 0
    with mounted_over(ws / "output" / mount):
        before = published(ws)
        result = run(ws, *command)
        assert result.exit_code == 1, result.output
        assert f"output/{mount}: on another file system (a mount point) than output, which briefgen publishes " \
               "into it from: a file cannot be renamed across them" in result.output
        assert "hint: mount output as a whole instead" in result.output
        assert published(ws) == before
    assert run(ws, *command).exit_code == 0  # the same folder, unmounted


def test_history_mounted_inside_output_is_fine(base: Path, tmp_path: Path) -> None:
    """History is copied into (a hard link where it can be), never renamed into: another file system serves."""
    ws = copy_workspace(base, tmp_path)
    set_marker(ws, 1)
    with mounted_over(ws / "output/history"):
        result = run(ws, "build", "--keep-history", "1")
        assert result.exit_code == 0, result.output
        assert len(os.listdir(ws / "output/history")) == 1


INTERRUPTED = """
import os, signal, sys
from pathlib import Path
from briefgen.regen import publish
from briefgen.cli.main import main
real, calls, committed, at = os.replace, [], [], int(sys.argv[1])
real_commit = publish.commit
def commit(*args):
    real_commit(*args)
    committed.append(True)
def interrupted(source, dest):
    if not committed:
        return real(source, dest)
    calls.append(dest)
    if len(calls) == at:  # Ctrl-C in the middle of the renames
        raise KeyboardInterrupt
    if len(calls) == at + 1:  # and again while the renames made are put back
        os.kill(os.getpid(), signal.SIGINT)
    return real(source, dest)
publish.commit = commit
os.replace = interrupted
sys.argv = ["briefgen", "-C", sys.argv[2], "build"]
main()
"""


@pytest.mark.parametrize("k", [2, 5])
def test_ctrl_c_twice_while_publishing_leaves_the_old_briefs_whole(base: Path, tmp_path: Path, k: int) -> None:
    """The first Ctrl-C puts every rename made back; a second one during that put-back stopped it halfway,
    with the journal still there, so the next build rolled the rest forward: old and new briefs mixed."""
    ws = copy_workspace(base, tmp_path)
    before = published(ws)
    set_marker(ws, 1)
    done = subprocess.run([sys.executable, "-c", INTERRUPTED, str(k), str(ws)], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 130, done.stderr
    assert "Traceback" not in done.stderr
    assert published(ws) == before
    assert run(ws, "status").exit_code == 0
    assert published(ws) == before
    result = run(ws, "build", "--if-changed")
    assert result.exit_code == 0, result.output
    assert len([line for line in result.output.splitlines() if line.startswith("output/")]) == 6


def test_exit_codes_are_the_ones_the_readme_tells_a_scheduler(base: Path, tmp_path: Path) -> None:
    """0 nothing to do, 1 the data, 2 the command line, 130 interrupted, 143 and 129 stopped, 141 the reader gone:
    one row each in README's table (tests/test_hostile_round8.py provokes the last three)."""
    from tests.conftest import ROOT

    table = ROOT.joinpath("README.md").read_text(encoding="utf-8").split("### Exit codes", 1)[1].split("\n## ")[0]
    codes = {int(line.split("|")[1]) for line in table.splitlines() if line.startswith("| ") and
             line.split("|")[1].strip().isdigit()}
    assert codes == {0, 1, 2, 3, 129, 130, 141, 143}
    ws = copy_workspace(base, tmp_path)
    assert run(ws, "build", "--if-changed").exit_code == 0
    assert run(ws, "build", "--keep-history", "-1").exit_code == 2
    (ws / "seeds/summary.yaml").write_text("brief: [", encoding="utf-8")
    assert run(ws, "build", "--if-changed").exit_code == 1


def test_an_issue_the_clock_dates_before_the_last_version_is_refused(base: Path, tmp_path: Path) -> None:
    """Version 2 was issued "on 1 January 1970", superseding version 1 of 2026, in every brief it stamped."""
    import json

    ws = copy_workspace(base, tmp_path)
    assert run(ws, "issue", "-a", "analyst").exit_code == 0
    record = ws / "output/issued/issued.json"
    data = json.loads(record.read_text(encoding="utf-8"))
    data["audiences"]["analyst"][0]["at"] = "2999-01-01T00:00:00Z"  # the clock ran ahead, and was set back
    record.write_text(json.dumps(data), encoding="utf-8")
    set_marker(ws, 1)
    assert run(ws, "build").exit_code == 0
    before = published(ws)
    result = run(ws, "issue", "-a", "analyst")
    assert result.exit_code == 1, result.output
    assert "output/issued/issued.json: the clock dates this issue " in result.output
    assert "SOURCE_DATE_EPOCH=32472144000 issues this one at the same time" in result.output
    assert published(ws) == before
