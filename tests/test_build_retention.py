"""`--keep-history N` bounds output/.builds/ too: the records no kept history folder, issued version or recent
build needs are deleted, and what remains still answers `history`, `diff --since` and "what changed"."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import built_workspace, copy_workspace, run, set_marker


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_workspace(tmp_path_factory.mktemp("retention"))


def records(ws: Path) -> list[int]:
    return sorted(int(p.name[:-5]) for p in (ws / "output/.builds").iterdir())


def builds_of(ws: Path, steps: list[tuple[str, ...]]) -> None:
    for n, args in enumerate(steps, start=1):
        set_marker(ws, n)
        result = run(ws, *args)
        assert result.exit_code == 0, result.output


def answers(ws: Path, numbers: list[int]) -> dict[str, str]:
    """What every question a record answers prints now."""
    found = {f"since build{k} {who}": run(ws, "diff", *who.split(), "--since", f"build{k}").output
             for k in numbers for who in ("", "-a analyst", "-a public")}
    # status's changes since version 1, not whether each brief is up to date (a build changes that): status
    # shows every audience, naming those without a version 1 as problems
    status = [line for line in run(ws, "status", "--since", "v1").output.splitlines() if line.startswith(" ")]
    return {**found, "diff": run(ws, "diff", "-a", "analyst").output, "status": "\n".join(status)}


def test_keep_history_prunes_the_records_nothing_needs_and_what_remains_still_answers(
        base: Path, tmp_path: Path) -> None:
    ws = copy_workspace(base, tmp_path)  # build 1, every brief
    assert run(ws, "issue", "-a", "analyst").exit_code == 0  # version 1 from build 1; build 2 restamps it
    builds_of(ws, [("build", "-a", "public"), ("build",), ("build", "-a", "executive"),
                   ("build", "-a", "executive"), ("build", "-a", "executive")])  # builds 3 to 7
    assert records(ws) == [1, 2, 3, 4, 5, 6, 7]
    set_marker(ws, 9)
    before = answers(ws, [1, 4, 7])  # against the workspace as build 8 finds it
    result = run(ws, "build", "-a", "executive", "--keep-history", "1")  # build 8
    assert result.exit_code == 0, result.output
    # 8 the newest, with the one history folder kept; 7 the briefs that folder holds; 1 issued; 4 the last
    # build of analyst and public up to 7 and 8 (2, 3, 5 and 6 answer for no build kept):
    assert records(ws) == [1, 4, 7, 8]
    assert [p.name.rsplit("-build", 1)[1] for p in (ws / "output/history").iterdir()] == ["00008"]
    after = answers(ws, [1, 4, 7, 8])
    assert {k: v for k, v in after.items() if "build8" not in k} == before
    assert "no record of build 3" in run(ws, "diff", "--since", "build3").output
    lines = run(ws, "history").output.splitlines()
    assert [line.split()[1] for line in lines if line.startswith("build ")] == ["1", "4", "7", "8"]
    assert "build 7  " in lines[2] and "the briefs it replaced are no longer kept" in lines[2]
    assert "analyst version 1  issued" in lines[-1] and "from build 1" in lines[-1]
    assert run(ws, "diff", "-a", "analyst").output == before["diff"]


def test_keep_history_zero_keeps_the_newest_record_and_numbers_go_on(base: Path, tmp_path: Path) -> None:
    ws = copy_workspace(base, tmp_path)
    builds_of(ws, [("build",), ("build", "--keep-history", "0")])
    assert records(ws) == [3]
    assert not list((ws / "output/history").iterdir())
    builds_of(ws, [("build", "-a", "public", "--keep-history", "0")])
    assert records(ws) == [3, 4]  # 3 is still the analyst and executive briefs' last build
    since = run(ws, "diff", "-a", "executive", "--since", "build3")
    assert since.exit_code == 0 and "the executive brief, since build 3:" in since.output


def test_keep_history_does_not_prune_records_while_the_issued_record_is_unreadable(
        base: Path, tmp_path: Path) -> None:
    ws = copy_workspace(base, tmp_path)
    assert run(ws, "issue", "-a", "analyst").exit_code == 0
    (ws / "output/issued/issued.json").write_text("{garbage", encoding="utf-8")
    builds_of(ws, [("build",), ("build", "--keep-history", "0")])
    assert records(ws) == [1, 2, 3, 4]


def test_a_record_the_newest_reads_is_kept_past_build_99999(base: Path, tmp_path: Path) -> None:
    """Records sorted by name put 100000.json before 00001.json: the newest build was read as the oldest."""
    ws = copy_workspace(base, tmp_path)
    [folder] = [p for p in (ws / "output/.builds").iterdir()]
    data = json.loads(folder.read_text(encoding="utf-8"))
    data["build"] = 99999
    (ws / "output/.builds/99999.json").write_text(json.dumps(data), encoding="utf-8")
    builds_of(ws, [("build", "-a", "public"), ("build", "-a", "public", "--keep-history", "0")])
    assert records(ws) == [99999, 100001]  # 99999 is still analyst's and executive's last build
    since = run(ws, "diff", "-a", "analyst", "--since", "build99999")
    assert since.exit_code == 0 and "since build 99999:" in since.output
    assert run(ws, "history").output.splitlines()[-1].startswith("build 100001 ")


KILL_AT_SECOND = """
import os, signal, sys
from pathlib import Path
from briefgen.regen import retention
calls = []
def dying(*args, **kwargs):
    calls.append(args)
    if len(calls) == 2:
        os.kill(os.getpid(), signal.SIGKILL)
    return real(*args, **kwargs)
which = sys.argv[2]
if which == "records":
    retention.prune_history(Path(sys.argv[1]), 0)
    real = os.unlink
    retention.os.unlink = dying
    retention.prune_records(Path(sys.argv[1]), 0)
else:
    real = retention.shutil.rmtree
    retention.shutil.rmtree = dying
    retention.prune_history(Path(sys.argv[1]), 0)
"""


@pytest.mark.parametrize("which", ["records", "history"])
def test_a_prune_killed_midway_loses_nothing_needed_and_the_next_build_finishes_it(
        base: Path, tmp_path: Path, which: str) -> None:
    ws = copy_workspace(base, tmp_path)
    builds_of(ws, [("build",), ("build",), ("build",)])
    folders = sorted(p.name for p in (ws / "output/history").iterdir())
    done = subprocess.run([sys.executable, "-c", KILL_AT_SECOND, str(ws / "output"), which], check=False,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == -9, done.stderr
    left = records(ws)
    assert 4 in left and all(json.loads((ws / f"output/.builds/{n:05d}.json").read_text())["build"] == n
                             for n in left)
    lines = run(ws, "history").output
    assert "build 4 " in lines and "output/history/.pruned" not in lines
    if which == "history":  # the folder being deleted is out of every listing: no half folder is kept
        assert sorted(p.name for p in (ws / "output/history").iterdir() if not p.name.startswith(".")) == folders[1:]
        assert any(p.name.startswith(".pruned-") for p in (ws / "output/history").iterdir())
    set_marker(ws, 9)
    result = run(ws, "build", "--keep-history", "0")
    assert result.exit_code == 0, result.output
    assert records(ws) == [5] and os.listdir(ws / "output/history") == []
