"""The writer `watch` keeps standing by (regen/standby.py): forked once, it does a job for each rebuild."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from functools import partial
from pathlib import Path

import pytest

from briefgen.errors import BriefgenError
from briefgen.regen.build import build
from briefgen.regen.standby import Standby
from briefgen.regen.watch import standing_by
from briefgen.workspace import Workspace


def _ready() -> None:
    os.environ["STANDBY_READY"] = "yes"


def _answer(n: int) -> tuple[int, int, str | None]:
    return n, os.getpid(), os.environ.get("STANDBY_READY")


def _fails() -> int:
    raise BriefgenError("only the caller's own error is shown")


def test_one_child_prepares_once_then_does_a_job_for_every_turn() -> None:
    standby: Standby[tuple[int, int, str | None]] = Standby(_ready)
    with standby:
        answers = []
        for n in range(4):
            with standby.turn() as turn:
                assert turn.give(partial(_answer, n))
                answers.append(turn.result(partial(_answer, -1)))
    assert [a[0] for a in answers] == [0, 1, 2, 3]  # each turn's own job, not the one before
    assert {a[1] for a in answers} == {standby.pid} != {os.getpid()}  # one child did them all
    assert {a[2] for a in answers} == {"yes"} and "STANDBY_READY" not in os.environ


def test_a_failing_or_unpicklable_job_is_done_by_the_caller_and_the_child_serves_on() -> None:
    lock = threading.Lock()  # a closure over a lock cannot be pickled

    def unpicklable() -> int:
        with lock:
            return os.getpid()

    with Standby(_ready) as standby:
        with standby.turn() as turn:
            assert not turn.give(unpicklable)
            assert turn.result(unpicklable) == os.getpid()
        with standby.turn() as turn:
            assert turn.give(_fails)
            with pytest.raises(BriefgenError, match="caller's own error"):
                turn.result(_fails)
        with standby.turn() as turn:
            assert turn.give(partial(_answer, 5))
            assert turn.result(partial(_answer, -1))[0:2] == (5, standby.pid)
        assert standby.alive


def test_a_dead_child_leaves_every_later_job_to_the_caller() -> None:
    with Standby(_ready) as standby:
        with standby.turn() as turn:
            assert turn.give(partial(os._exit, 9))  # killed mid-job, as by the OOM killer
            assert turn.result(partial(int, "7")) == 7
        assert not standby.alive
        with standby.turn() as turn:
            assert not turn.give(partial(_answer, 1))
            assert turn.result(partial(_answer, 2))[0:2] == (2, os.getpid())


def test_leaving_a_turn_waits_for_the_job_given() -> None:
    with Standby(_ready) as standby:
        start = time.monotonic()
        with standby.turn() as turn:
            assert turn.give(partial(time.sleep, 0.5))
        assert time.monotonic() - start >= 0.45  # the child is done before the build moves on
        with standby.turn() as turn:  # and the next turn gets its own answer
            assert turn.give(partial(_answer, 3))
            assert turn.result(partial(_answer, -1))[0] == 3


def test_closing_ends_the_child(tmp_path: Path) -> None:
    standby: Standby[int] = Standby(_ready)
    pid = standby.pid
    standby.close()
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # ended and reaped
    assert not standby.alive


def test_rebuilds_with_a_writer_standing_by_write_what_one_process_writes(workspace: Path, tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    other = tmp_path / "other"
    shutil.copytree(workspace, other)
    seed = sorted((workspace / "seeds").glob("*.txt"))[0]
    original = seed.read_text(encoding="utf-8")
    space = Workspace.at(workspace)
    standby = standing_by(space, ("executive",))
    assert standby is not None
    with standby:
        for n in (1, 2):
            text = "Inserted line.\n" * n + original
            seed.write_text(text, encoding="utf-8")
            (other / "seeds" / seed.name).write_text(text, encoding="utf-8")
            report = build(space, ["executive"], if_changed=True, standby=standby)
            assert [w.fmt for w in report.written] == ["docx", "pdf"]
            alone = subprocess.run([sys.executable, "-m", "briefgen", "-C", str(other), "build", "-a", "executive"],
                                   capture_output=True, text=True, timeout=300,
                                   env={**os.environ, "BRIEFGEN_WORKERS": "1"})
            assert alone.returncode == 0, alone.stderr
            for name in ("executive.docx", "executive.pdf"):
                assert (workspace / "output" / name).read_bytes() == (other / "output" / name).read_bytes(), name
        assert standby.alive


def test_a_watch_over_several_audiences_keeps_no_writer_standing_by(workspace: Path) -> None:
    assert standing_by(Workspace.at(workspace), ()) is None  # the shipped workspace has three audiences


def test_the_watch_ends_its_standby_on_ctrl_c(workspace: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "briefgen", "-C", str(workspace), "watch", "-a", "executive"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert proc.stdout is not None
    for line in proc.stdout:
        if "watch: watching" in line:
            break
    children = _children(proc.pid)
    assert len(children) == 1, children  # the writer standing by
    proc.send_signal(signal.SIGINT)
    out, _ = proc.communicate(timeout=60)
    assert proc.returncode == 0 and "watch: stopped" in out and "Traceback" not in out, out
    time.sleep(0.2)
    assert not [pid for pid in children if Path(f"/proc/{pid}").exists()]


def _children(pid: int) -> list[int]:
    found = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in found.read_text().split()] if found.exists() else []
