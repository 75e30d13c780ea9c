"""Concurrency (issue 6): builds on one workspace are serialised by output/.build.lock; a build that waits
too long says so and exits 1; read-only commands never wait for the lock."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import build_as_a_process, copy_workspace, published, set_marker
from tests.validate import brief_text, briefs, our_temps, sha256, validate_output

BUSY = "another build is running"


def _finish(proc: subprocess.Popen[str]) -> tuple[int, str, str]:
    stdout, stderr = proc.communicate(timeout=300)
    return proc.returncode, stdout, stderr


def _briefgen(ws: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "briefgen", "-C", str(ws), *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, **(env or {})})


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.conftest import ROOT

    ws = tmp_path_factory.mktemp("concurrency") / "ws"
    shutil.copytree(ROOT / "seeds", ws / "seeds")
    (ws / "templates").mkdir()
    build_as_a_process(ws)
    return ws


@pytest.fixture
def workspace(built: Path, tmp_path: Path) -> Path:
    """A copy of a workspace already built once."""
    return copy_workspace(built, tmp_path)


@pytest.mark.parametrize("wait", ["", "0.2"], ids=["default wait", "0.2 s wait"])
def test_three_builds_at_once_finish_or_report_busy_and_none_overwrites_another(workspace: Path, wait: str) -> None:
    out = workspace / "output"
    before = validate_output(out)["build"]
    marker = set_marker(workspace, 1)
    procs = [_briefgen(workspace, "build", env={"BRIEFGEN_LOCK_SECONDS": wait}) for _ in range(3)]
    results = [_finish(p) for p in procs]
    for code, stdout, stderr in results:
        assert "Traceback" not in stdout + stderr and "internal error" not in stderr
        assert code == 0 or (code == 1 and BUSY in stderr), (code, stderr)
    succeeded = sum(code == 0 for code, _, _ in results)
    assert succeeded >= 1
    lock = validate_output(out)
    assert lock["build"] == before + succeeded  # one at a time: no build overwrote another's count
    for path in briefs(out):
        assert sha256(path) == lock["audiences"][path.stem]["outputs"][path.suffix[1:]]
        assert marker in brief_text(path)
    assert our_temps(out) == []
    print(f"\nthree builds at once, BRIEFGEN_LOCK_SECONDS={wait or 'unset (300)'}: {succeeded} succeeded, "
          f"{3 - succeeded} gave up waiting")


def test_read_only_commands_run_while_a_build_holds_the_lock(workspace: Path) -> None:
    from filelock import FileLock

    out = workspace / "output"
    set_marker(workspace, 2)
    before = published(workspace)
    with FileLock(str(out / ".build.lock"), timeout=5):  # as a running build holds it
        started = time.monotonic()
        check = _briefgen(workspace, "check")
        status = _briefgen(workspace, "status")
        waiting = _briefgen(workspace, "build", env={"BRIEFGEN_LOCK_SECONDS": "0.5"})
        check_code, check_out, _ = _finish(check)
        status_code, status_out, _ = _finish(status)
        build_code, _, build_err = _finish(waiting)
        took = time.monotonic() - started
    assert check_code == 0 and "OK" in check_out, check_out
    assert status_code == 0 and "summary.yaml" in status_out and "out of date" in status_out, status_out
    assert build_code == 1 and BUSY in build_err and "output/.build.lock" in build_err, build_err
    assert "Traceback" not in build_err
    assert took < 30
    assert published(workspace) == before


@pytest.mark.parametrize("value", ["soon", "-1", "nan"])
def test_a_bad_lock_wait_is_a_clear_error(value: str, workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.helpers import run

    monkeypatch.setenv("BRIEFGEN_LOCK_SECONDS", value)
    before = published(workspace)
    result = run(workspace, "build")
    assert result.exit_code == 1 and f"BRIEFGEN_LOCK_SECONDS: {value!r} is not a number of seconds" in result.output
    assert published(workspace) == before


def test_seeds_added_at_once_are_all_catalogued(workspace: Path, tmp_path: Path) -> None:
    """Each `seeds add` appends to the catalogue it read: unserialised, the last write would drop the others'
    entries while their documents stayed copied."""
    import yaml

    files = []
    for n in range(4):
        files.append(tmp_path / f"note-{n}.md")
        files[-1].write_text(f"# Note {n}\n\nThe unit counted {n + 10} drones on patrol this week.\n",
                             encoding="utf-8")
    procs = [_briefgen(workspace, "seeds", "add", str(path)) for path in files]
    results = [_finish(p) for p in procs]
    assert [code for code, _, _ in results] == [0] * 4, [err for _, _, err in results]
    catalogue = yaml.safe_load((workspace / "seeds/sources.yaml").read_text(encoding="utf-8"))
    catalogued = {entry["file"] for entry in catalogue["sources"]}
    assert {f"note-{n}.md" for n in range(4)} <= catalogued
    assert all((workspace / "seeds" / f"note-{n}.md").read_bytes() == files[n].read_bytes() for n in range(4))


def test_seeds_add_waits_for_another_and_says_so(workspace: Path, tmp_path: Path) -> None:
    from filelock import FileLock

    page = tmp_path / "late.md"
    page.write_text("# Late\n\nNothing to report.\n", encoding="utf-8")
    before = (workspace / "seeds/sources.yaml").read_bytes()
    with FileLock(str(workspace / "output" / ".seeds.lock"), timeout=5):
        code, _, err = _finish(_briefgen(workspace, "seeds", "add", str(page), env={"BRIEFGEN_LOCK_SECONDS": "0.3"}))
    assert code == 1 and "output/.seeds.lock: another 'briefgen seeds add' is running" in err, err
    assert "Traceback" not in err
    assert (workspace / "seeds/sources.yaml").read_bytes() == before and not (workspace / "seeds/late.md").exists()
