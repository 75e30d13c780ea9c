"""Audiences built by two processes (regen/workers.py), and one audience's DOCX written by a process forked
ahead: the same files, the same record and the same errors as one process, whatever share each process takes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from briefgen.document.nodes import WriteResult
from briefgen.errors import BriefgenError
from briefgen.forking import workers_for
from briefgen.regen.audience import _Early, _results
from briefgen.regen.publish import Stage
from briefgen.regen.workers import Ahead, _claims, _tickets, run

BRIEFS = ("analyst.docx", "analyst.pdf", "executive.docx", "executive.pdf", "public.docx", "public.pdf")


def _started(prepare: Callable[[], object]) -> Ahead[Any]:
    ahead = Ahead[Any].start(prepare)
    assert ahead is not None
    return ahead


def _build(ws: Path, workers: int, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BRIEFGEN_WORKERS": str(workers)}
    return subprocess.run([sys.executable, "-m", "briefgen", "-C", str(ws), "build", *args], capture_output=True,
                          text=True, timeout=300, env=env)


def test_two_workers_write_what_one_writes(workspace: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    subprocess.run(["cp", "-r", str(workspace), str(other)], check=True)
    one, two = _build(workspace, 1), _build(other, 2)
    assert one.returncode == two.returncode == 0, one.stderr + two.stderr
    assert one.stdout.replace(str(workspace), "") == two.stdout.replace(str(other), "")
    for name in BRIEFS:
        assert (workspace / "output" / name).read_bytes() == (other / "output" / name).read_bytes(), name
    records = [json.loads((ws / "output" / "briefgen.lock").read_text(encoding="utf-8")) for ws in (workspace, other)]
    for record in records:  # the copies' files differ only in their modification times
        record["inputs"] = {name: stamp[:2] for name, stamp in record["inputs"].items()}
    assert records[0] == records[1]


def test_an_error_in_any_worker_is_the_one_process_error_and_publishes_nothing(workspace: Path) -> None:
    assert _build(workspace, 2).returncode == 0
    before = {name: (workspace / "output" / name).read_bytes() for name in BRIEFS}
    # a public brief that cannot fit its one page: a fitted brief costs two, so the child builds public
    bundled = Path(__file__).resolve().parents[1] / "briefgen" / "templates" / "public.yaml"
    profile = bundled.read_text(encoding="utf-8").replace("public.xml.j2", "long.xml.j2")
    (workspace / "templates" / "public.yaml").write_text(profile + "max_pages: 1\n", encoding="utf-8")
    (workspace / "templates" / "long.xml.j2").write_text(
        '{% extends "public.xml.j2" %}{% block bluf %}<p>' + "A sentence that takes room. " * 900
        + "</p>{% endblock %}", encoding="utf-8")
    one, two = _build(workspace, 1), _build(workspace, 2)
    assert one.returncode == two.returncode == 1
    assert one.stderr == two.stderr and "public brief cannot fit" in one.stderr, one.stderr
    assert "Traceback" not in two.stderr
    assert {name: (workspace / "output" / name).read_bytes() for name in BRIEFS} == before


@pytest.mark.parametrize(("costs", "order"), [
    ((1, 2, 1), [1, 0, 2]),
    ((1, 1, 1, 1), [0, 1, 2, 3]),
    ((5, 1, 7, 1), [2, 0, 1, 3]),
])
def test_units_are_claimed_costliest_first(costs: tuple[int, ...], order: list[int]) -> None:
    tickets = _tickets(costs)
    try:
        assert list(_claims(tickets)) == order
    finally:
        os.close(tickets)


def test_a_process_busy_with_a_long_unit_leaves_the_rest_to_the_other(tmp_path: Path) -> None:
    """Unit 0 (the costliest) ends only once units 1, 2 and 3 are done: fixed shares (0 and 2 here, 1 and 3
    there) would wait for ever; claiming the next free unit lets the other process do all three."""
    def work(n: int) -> bool:
        if n:
            (tmp_path / str(n)).touch()
            return True
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if all((tmp_path / str(i)).exists() for i in (1, 2, 3)):
                return True
            time.sleep(0.01)
        return False

    assert run(list(range(4)), work, [2, 1, 1, 1], 2) == [True] * 4


def test_workers_follow_the_variable_and_never_exceed_the_units(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFGEN_WORKERS", "1")
    assert workers_for(3) == 1
    monkeypatch.setenv("BRIEFGEN_WORKERS", "8")
    assert workers_for(3) == 3
    assert workers_for(1) == 1
    monkeypatch.setenv("BRIEFGEN_WORKERS", "0")  # the default
    assert 1 <= workers_for(3) <= 2
    # not a number, or digits to str.isdigit that are not whole numbers in ASCII: refused as every BRIEFGEN_*
    # variable of the wrong kind is (they were taken silently for the default), not a crash
    for value in ("many", "²", "٣"):
        monkeypatch.setenv("BRIEFGEN_WORKERS", value)
        with pytest.raises(BriefgenError, match="is not a whole number of processes"):
            workers_for(3)


def _square(n: int) -> int:
    return n * n


def test_results_come_back_in_order_from_a_forked_child() -> None:
    parent = os.getpid()
    assert run(list(range(7)), _square, [1] * 7, 2) == [n * n for n in range(7)]
    assert os.getpid() == parent


class Failed(Exception):
    pass


def _fail_at(*bad: int) -> object:
    def work(n: int) -> int:
        if n in bad:
            raise Failed(n)
        return n

    return work


@pytest.mark.parametrize("bad", [(0,), (1,), (0, 1), (1, 2), (2, 3)])
def test_the_first_failing_unit_in_order_raises_whoever_computed_it(bad: tuple[int, ...]) -> None:
    # whichever process claims a failing unit, and whatever it claimed before
    with pytest.raises(Failed) as caught:
        run(list(range(4)), _fail_at(*bad), [1] * 4, 2)
    assert caught.value.args == (min(bad),)


def test_a_child_that_dies_has_its_share_done_here() -> None:
    parent = os.getpid()

    def work(n: int) -> int:
        if os.getpid() != parent:
            os._exit(9)  # killed mid-share, as by the OOM killer
        return n + 1

    assert run([10, 20, 30], work, [1, 1, 1], 2) == [11, 21, 31]


def test_a_process_running_other_threads_never_forks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFGEN_WORKERS", "2")
    assert workers_for(3) == 2
    stop = threading.Event()
    watcher = threading.Thread(target=stop.wait)
    watcher.start()
    try:
        assert workers_for(3) == 1
    finally:
        stop.set()
        watcher.join()


def test_one_audience_with_a_core_to_spare_writes_what_one_process_writes(workspace: Path, tmp_path: Path) -> None:
    """The DOCX written by a process forked ahead (regen.workers.Ahead) while this one writes the PDF."""
    other = tmp_path / "other"
    subprocess.run(["cp", "-r", str(workspace), str(other)], check=True)
    one, two = _build(workspace, 1, "-a", "executive"), _build(other, 2, "-a", "executive")
    assert one.returncode == two.returncode == 0, one.stderr + two.stderr
    assert one.stdout.replace(str(workspace), "") == two.stdout.replace(str(other), "")
    for name in ("executive.docx", "executive.pdf"):
        assert (workspace / "output" / name).read_bytes() == (other / "output" / name).read_bytes(), name


def _in_child_only() -> None:
    os.environ["AHEAD_PREPARED"] = "yes"


def _prepared_answer() -> tuple[int, str | None]:
    return os.getpid(), os.environ.get("AHEAD_PREPARED")


def test_a_process_forked_ahead_prepares_then_does_the_job_it_is_sent() -> None:
    with _started(_in_child_only) as ahead:
        assert ahead.give(_prepared_answer)
        pid, prepared = ahead.result(_prepared_answer)
    assert pid == ahead.pid != os.getpid() and prepared == "yes"
    assert "AHEAD_PREPARED" not in os.environ


def test_a_job_that_cannot_be_sent_or_whose_process_dies_is_done_here() -> None:
    parent = os.getpid()
    lock = threading.Lock()  # a closure over a lock cannot be pickled

    def unpicklable() -> int:
        with lock:
            return os.getpid()

    with _started(_in_child_only) as ahead:
        assert not ahead.give(unpicklable)
        assert ahead.result(unpicklable) == parent
    with _started(_in_child_only) as ahead:
        assert ahead.give(partial(os._exit, 9))  # killed mid-job, as by the OOM killer
        assert ahead.result(partial(int, "7")) == 7


def test_a_process_forked_ahead_and_given_nothing_is_stopped_not_waited_for() -> None:
    start = time.monotonic()
    with _started(partial(time.sleep, 60)):
        pass
    assert time.monotonic() - start < 10


class _Writers:
    """Writers that fail as told, recording which process ran each (the child inherits this object)."""

    def __init__(self, fail: set[str], tmp: Path) -> None:
        self.fail, self.tmp = fail, tmp

    def __call__(self, fmt: str) -> object:
        def write(document: object, path: Path, theme: object) -> WriteResult:
            if fmt in self.fail:
                raise BriefgenError(f"{fmt} failed {'in the child' if os.getpid() != PARENT else 'here'}")
            path.write_text(fmt, encoding="utf-8")
            return WriteResult(path, 1, 0)
        return write


PARENT = os.getpid()


@pytest.mark.parametrize(("fail", "raised"), [(set(), None), ({"pdf"}, "pdf"), ({"docx"}, "docx"),
                                              ({"docx", "pdf"}, "docx")])
def test_formats_written_in_two_processes_fail_as_in_one(fail: set[str], raised: str | None, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The first failing format in order is the error, whichever process wrote it, and a failure in the child
    is raised as writing it here raises it."""
    monkeypatch.setattr("briefgen.regen.audience.writer_for", _Writers(fail, tmp_path))
    plan = SimpleNamespace(audience="executive", formats=("docx", "pdf"), composed=SimpleNamespace(document="doc"),
                           theme="theme", profile=None)
    stage = Stage(tmp_path, tmp_path)
    with _started(_in_child_only) as ahead:
        early = _Early(ahead, stage, "executive")
        early.send("theme", "doc")  # type: ignore[arg-type]
        if raised is None:
            results = _results(plan, stage, early)  # type: ignore[arg-type]
            assert [r.path.read_text(encoding="utf-8") for r in results] == ["docx", "pdf"]
            return
        with pytest.raises(BriefgenError) as caught:
            _results(plan, stage, early)  # type: ignore[arg-type]
    assert str(caught.value).endswith(f"{raised} failed here")


def _write_who(document: object, path: Path, theme: object) -> WriteResult:
    """A writer that writes which document it was given, and in which process."""
    if document == "expected":
        time.sleep(0.5)  # still writing when the fit's choice is known
    path.write_text(f"{document} {os.getpid()}", encoding="utf-8")
    return WriteResult(path, 1, 0)


@pytest.mark.parametrize("sent", [None, "chosen", "expected"])
def test_the_docx_is_written_ahead_unless_it_was_sent_for_a_document_the_fit_did_not_choose(
        sent: str | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Sent nothing ahead (a cold build), the process forked ahead is given the chosen document's DOCX when the
    fit is done; sent the chosen one, it keeps it; sent another, it is stopped and the DOCX is written here."""
    monkeypatch.setattr("briefgen.regen.audience.writer_for", lambda fmt: _write_who)
    plan = SimpleNamespace(audience="executive", formats=("docx", "pdf"), composed=SimpleNamespace(document="chosen"),
                           theme="theme", profile=None)
    stage = Stage(tmp_path, tmp_path)
    with _started(_in_child_only) as ahead:
        early = _Early(ahead, stage, "executive")
        if sent:
            early.send("theme", sent)  # type: ignore[arg-type]
        _results(plan, stage, early)  # type: ignore[arg-type]
        time.sleep(0.7 if sent == "expected" else 0)  # had it not been stopped, it would have written by now
    writer = os.getpid() if sent == "expected" else ahead.pid
    assert (tmp_path / "executive.docx").read_text(encoding="utf-8") == f"chosen {writer}"
    assert (tmp_path / "executive.pdf").read_text(encoding="utf-8") == f"chosen {os.getpid()}"
    assert stage.names == ["executive.docx", "executive.pdf"]


def test_a_rebuild_whose_fit_chooses_another_selection_writes_what_one_process_writes(workspace: Path,
                                                                                     tmp_path: Path) -> None:
    """The DOCX is sent ahead as soon as the selection the last build chose is composed; when the fit then
    chooses another (here the page limit was raised, so nothing is left out), that DOCX is written here."""
    other = tmp_path / "other"
    subprocess.run(["cp", "-r", str(workspace), str(other)], check=True)
    firsts = _build(workspace, 2, "-a", "executive"), _build(other, 1, "-a", "executive")
    assert all("left out to fit" in first.stdout for first in firsts), firsts
    bundled = Path(__file__).parents[1] / "briefgen" / "templates" / "executive.yaml"
    for ws in (workspace, other):
        raised = bundled.read_text(encoding="utf-8").replace("max_pages: 1", "max_pages: 2")
        (ws / "templates" / "executive.yaml").write_text(raised, encoding="utf-8")
    two, one = _build(workspace, 2, "-a", "executive"), _build(other, 1, "-a", "executive")
    assert two.returncode == one.returncode == 0, two.stderr + one.stderr
    assert "left out" not in two.stdout and two.stdout.replace(str(workspace), "") == one.stdout.replace(
        str(other), "")
    for name in ("executive.docx", "executive.pdf"):
        assert (workspace / "output" / name).read_bytes() == (other / "output" / name).read_bytes(), name


_NO_FORK = """
import errno, os, sys
def refused():
    raise BlockingIOError(errno.EAGAIN, "Resource temporarily unavailable")
def no_pipe():
    raise OSError(errno.EMFILE, "Too many open files")
os.fork = refused
if os.environ.get("NO_PIPE"):
    os.pipe = no_pipe
import briefgen.regen.checkcache, briefgen.verify.halves
briefgen.regen.checkcache.STAMP_BESIDE_FROM = briefgen.verify.halves.SHARE_FROM = 1
from briefgen.cli.main import main
sys.argv = ["briefgen", *sys.argv[1:]]
main()
"""


@pytest.mark.parametrize("no_pipe", ["", "1"])
def test_when_no_child_can_be_made_the_work_is_done_here(workspace: Path, tmp_path: Path, no_pipe: str) -> None:
    """A busy machine refuses a fork (EAGAIN: the process limit, as under a crowded cron), or a pipe (EMFILE):
    every command that would share its work (a full build, one audience, a check) does it all in its own
    process instead."""
    other = tmp_path / "other"
    subprocess.run(["cp", "-r", str(workspace), str(other)], check=True)
    env = {**os.environ, "BRIEFGEN_WORKERS": "2", "NO_PIPE": no_pipe}
    for args in (["build"], ["build", "-a", "executive"], ["check", "--no-cache"], ["check"]):
        shared = subprocess.run([sys.executable, "-m", "briefgen", "-C", str(workspace), *args],
                                capture_output=True, text=True, timeout=300, env=env)
        alone = subprocess.run([sys.executable, "-c", _NO_FORK, "-C", str(other), *args], capture_output=True,
                               text=True, timeout=300, env=env)
        assert alone.returncode == shared.returncode == 0, alone.stderr
        assert alone.stdout.replace(str(other), "") == shared.stdout.replace(str(workspace), "")
        assert "Traceback" not in alone.stderr and "unavailable" not in alone.stderr
        for name in BRIEFS:
            assert (workspace / "output" / name).read_bytes() == (other / "output" / name).read_bytes(), name
