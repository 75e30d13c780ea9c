"""A build or an issue killed between two of its publishing renames never leaves a mix of old and new briefs
behind: the next run that takes the build lock finishes the renames from the journal before anything else
(regen/journal.py), even when that run then fails (a cited passage gone), so the briefs published are always
one whole set, the one the build record names.

The kill is real: `briefgen` runs as its own process and sends itself SIGKILL right after its k-th publishing
rename, for every k."""

from __future__ import annotations

import hashlib
import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import SEED_000, built_workspace, copy_workspace, edit, run, set_marker
from tests.validate import brief_text, briefs, history_files, sha256

# Runs briefgen's CLI, killing the process with SIGKILL just after its k-th rename out of a staging folder.
_KILLER = """
import os, signal, sys
real, seen, k = os.replace, [0], int(sys.argv[1])
def replace(src, dst, **kw):
    real(src, dst, **kw)
    if ".staging-" in str(src) and ".staging-" not in str(dst):
        seen[0] += 1
        if seen[0] == k:
            os.kill(os.getpid(), signal.SIGKILL)
os.replace = replace
from briefgen.cli.main import cli
cli(sys.argv[2:])
"""


def _killed_after(ws: Path, k: int, *args: str) -> bool:
    """Run `briefgen args` killed after its k-th publishing rename: whether the kill came (else it finished)."""
    done = subprocess.run([sys.executable, "-c", _KILLER, str(k), "-C", str(ws), *args], capture_output=True,
                          text=True, timeout=120, check=False)
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode == -signal.SIGKILL


def _whole_set(out: Path) -> dict[str, object]:
    """Every published brief is the one the build record names; no staging folder is left; the record."""
    lock = json.loads((out / "briefgen.lock").read_text(encoding="utf-8"))
    for path in briefs(out):
        assert sha256(path) == lock["audiences"][path.stem]["outputs"][path.suffix[1:]], path.name
    assert not list(out.glob(".staging-*"))
    return lock  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_workspace(tmp_path_factory.mktemp("journal"))


def test_a_build_killed_between_renames_is_finished_by_the_next_run_even_a_failing_one(
        base: Path, tmp_path: Path) -> None:
    k = 0
    while True:
        k += 1
        ws = copy_workspace(base, tmp_path / f"k{k}")
        old = {sha256(p) for p in briefs(ws / "output")}
        set_marker(ws, 1)
        if not _killed_after(ws, k, "build"):
            break
        edit(ws / SEED_000, "more than a million active troops", "more than a thousand active troops")  # cited: gone
        failed = run(ws, "build")
        assert failed.exit_code == 1, failed.output
        lock = _whole_set(ws / "output")
        assert lock["build"] == 2, k
        assert all("Zqmark01" in brief_text(p) for p in briefs(ws / "output")), k
        assert old <= {sha256(p) for p in history_files(ws / "output")}, "a replaced brief was lost"
    assert k > 8, k  # six briefs, .builds/00002.json and the lock: a kill after each


def test_an_issue_killed_between_renames_is_finished_by_the_next_run(base: Path, tmp_path: Path) -> None:
    k = 0
    while True:
        k += 1
        ws = copy_workspace(base, tmp_path / f"k{k}")
        if not _killed_after(ws, k, "issue", "-a", "analyst"):
            break
        result = run(ws, "build", "--if-changed")
        assert result.exit_code == 0, result.output
        out = ws / "output"
        _whole_set(out)
        [entry] = json.loads((out / "issued/issued.json").read_text(encoding="utf-8"))["audiences"]["analyst"]
        assert entry["version"] == 1, k
        for name, digest in entry["files"].items():
            assert hashlib.sha256((out / "issued/analyst-v1" / name).read_bytes()).hexdigest() == digest
            assert sha256(out / name) == digest, k
        assert "Version1,issued" in brief_text(out / "analyst.pdf"), k
        assert run(ws, "issue", "-a", "analyst").exit_code == 1  # already issued: the same content
    assert k > 5, k


def test_status_tells_of_a_publishing_left_half_done(base: Path, tmp_path: Path) -> None:
    ws = copy_workspace(base, tmp_path / "ws")
    set_marker(ws, 1)
    assert _killed_after(ws, 2, "build")
    result = run(ws, "status")
    assert result.exit_code == 1
    assert "a build was killed while publishing: some briefs are new and some old" in result.output
    assert run(ws, "build", "--if-changed").exit_code == 0
    assert run(ws, "status").exit_code == 0


def test_status_is_quiet_about_a_publishing_killed_after_its_last_rename(base: Path, tmp_path: Path) -> None:
    """Every rename made, the process killed before it removed its staging folder: nothing is half done."""
    ws = copy_workspace(base, tmp_path / "ws")
    set_marker(ws, 1)
    assert _killed_after(ws, 8, "build")  # six briefs, .builds/00002.json, the lock: the last rename
    assert list((ws / "output").glob(".staging-*"))
    result = run(ws, "status")
    assert "killed while publishing" not in result.output, result.output
