"""Fault classes found by an eighth hostile round (tests/fuzz_round8.py draws the cases): what a process is started
with, not what the workspace holds. Standard streams closed, full or abandoned by their reader; SIGTERM and SIGHUP
at any moment; the umask; BRIEFGEN_* variables of the wrong kind. Each runs briefgen as a process, as a shell or a
scheduler runs it, so the descriptors, signals and exit codes are the real ones."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.fuzz_round5 import record_agrees
from tests.helpers import published, set_marker
from tests.test_fuzz_round import built, refused, ws
from tests.validate import our_temps, validate_output

__all__ = ["built", "ws"]  # the fixtures, shared with tests/test_fuzz_round.py

READERS = [("status",), ("schema",), ("check",), ("audiences",), ("history",), ("--help",),
           ("seeds", "show", "gsw-ai-arms-race")]


def start(ws: Path, *args: str, before: Callable[[], None] | None = None, **streams: object) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    chosen = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **streams}
    return subprocess.Popen([sys.executable, "-m", "briefgen", "-C", str(ws), *args], env=env, preexec_fn=before,
                            **chosen)  # type: ignore[call-overload]


def _closing(fd: int) -> Callable[[], None]:
    return lambda: os.close(fd)


# A standard descriptor closed by the caller (`>&-`, `2>&-`, `<&-`, as cron and daemons leave them): Python set the
# stream to None, and the command ended in "internal error: AttributeError(... 'isatty')" and a traceback from
# flushing None. Closed descriptors are now opened on /dev/null at start, as git does.

@pytest.mark.parametrize("fd", [0, 1, 2], ids=["stdin", "stdout", "stderr"])
@pytest.mark.parametrize("command", READERS, ids=" ".join)
def test_a_closed_standard_descriptor_ends_the_command_as_usual(ws: Path, fd: int, command: tuple[str, ...]) -> None:
    streams = {"stdout" if fd == 1 else "stderr": None}
    done = start(ws, *command, before=_closing(fd), **streams)
    out, err = done.communicate(timeout=120)
    printed = (out or b"") + (err or b"")
    assert done.returncode == 0, printed.decode()
    assert b"Traceback (most recent call last)" not in printed and b"briefgen: internal error" not in printed


def test_a_build_with_its_output_closed_publishes_whole_briefs(ws: Path) -> None:
    """Closed, descriptor 1 went to the first file briefgen opened: anything printed could land in it."""
    set_marker(ws, 81)
    done = start(ws, "build", before=_closing(1), stdout=None)
    _, err = done.communicate(timeout=300)
    assert done.returncode == 0, err.decode()
    validate_output(ws / "output")
    assert record_agrees(ws) == []


# The reader of standard output gone (`briefgen schema | head -1`): "briefgen: Broken pipe" and exit 1, or a
# traceback. Now quiet, with 141, as git and the shell's tools (killed by SIGPIPE) end.

@pytest.mark.parametrize("command", [("schema",), ("status",), ("--help",), ("seeds", "show", "gsw-ai-arms-race")],
                         ids=" ".join)
def test_a_reader_gone_ends_the_command_quietly(ws: Path, command: tuple[str, ...]) -> None:
    read, write = os.pipe()
    os.close(read)  # the reader is gone before the command prints anything
    done = start(ws, *command, stdout=write)
    os.close(write)
    _, err = done.communicate(timeout=120)
    assert (done.returncode, err) == (141, b"")


def test_a_full_output_device_is_said_on_stderr(ws: Path) -> None:
    with open("/dev/full", "wb") as full:
        done = start(ws, "schema", stdout=full)
        _, err = done.communicate(timeout=120)
    lines = err.decode().splitlines()
    assert done.returncode == 1, lines
    assert lines == ["standard output: cannot be written: no space left on the device",
                     "    hint: what the command did is done; only what it printed is lost: send it where there is "
                     "room"]


# Standard output left non-blocking by the caller (as some CI runners and event loops pass a pipe): once the pipe
# was full, the rest of a long report was lost with exit 0; with the streams guarded, a "could not complete
# without blocking" error. A write now waits until the reader drains the pipe.

def test_a_long_report_into_a_non_blocking_pipe_arrives_whole(ws: Path) -> None:
    paragraphs = [f"Paragraph {n} of a long seed, with words enough to fill a line of the report." for n in range(4000)]
    (ws / "seeds/002_828a4c93c67805e5.txt").write_text("\n\n".join(paragraphs), encoding="utf-8")
    read, write = os.pipe()
    os.set_blocking(write, False)
    proc = start(ws, "seeds", "show", "ai-digest-top-priority", stdout=write)
    os.close(write)
    time.sleep(1.5)  # the pipe's 64 KB fill up long before the reader starts
    with os.fdopen(read, "rb") as pipe:
        shown = pipe.read().decode("utf-8").splitlines()
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err.decode()
    assert [line.lstrip().split("  ", 1)[1] for line in shown] == paragraphs


# SIGTERM (a scheduler's timeout, `kill`, systemd) or SIGHUP (the terminal closed) during a build killed it where it
# stood: its staging folder and temporary files stayed in output/ until the next build, the exit code was -15.
# They now stop it as Ctrl-C does: everything staged removed, the briefs the old set or, past the last rename,
# the new one, and 128 + the signal's number.

def _staging_appears(out: Path, proc: subprocess.Popen[bytes], limit: float = 120) -> None:
    deadline = time.monotonic() + limit
    while proc.poll() is None and time.monotonic() < deadline:
        if any(p.is_dir() and any(p.iterdir()) for p in out.glob(".staging-*")):
            return
        time.sleep(0.002)
    raise AssertionError("the build never staged a file")


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=lambda s: signal.Signals(s).name)
def test_a_polite_signal_while_a_build_stages_leaves_nothing_behind(ws: Path, signum: int) -> None:
    before = published(ws)
    set_marker(ws, 82)
    proc = start(ws, "build", "--keep-history", "1")
    _staging_appears(ws / "output", proc)
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 128 + signum, err.decode()
    assert b"Traceback (most recent call last)" not in err
    assert our_temps(ws / "output") == []
    assert published(ws) == before
    assert start(ws, "build").wait(timeout=300) == 0


def test_a_hang_up_ignored_by_the_caller_stays_ignored(ws: Path) -> None:
    """Under nohup, SIGHUP is ignored, and a build must go on."""
    set_marker(ws, 83)
    proc = start(ws, "build", before=lambda: signal.signal(signal.SIGHUP, signal.SIG_IGN))
    _staging_appears(ws / "output", proc)
    proc.send_signal(signal.SIGHUP)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err.decode()
    assert record_agrees(ws) == []


def test_watch_stopped_by_sigterm_ends_with_143(ws: Path) -> None:
    """watch took any signal for Ctrl-C (its watcher turns them all into KeyboardInterrupt) and exited 0."""
    proc = start(ws, "watch")
    assert proc.stdout is not None
    while b"watch: watching" not in proc.stdout.readline():
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 143, err.decode()


def test_an_init_interrupted_midway_leaves_a_folder_the_next_init_takes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C (or SIGTERM) after seeds/sources.yaml was written: it stayed, and the next init refused the folder
    as "a workspace already exists here". The interrupt is raised where the schemas are written, after both
    model files."""
    from briefgen.authoring import scaffold

    def interrupted(folder: Path) -> list[Path]:
        raise KeyboardInterrupt

    monkeypatch.setattr(scaffold, "write_schemas", interrupted)
    with pytest.raises(KeyboardInterrupt):
        scaffold.init_workspace(tmp_path / "new")
    assert sorted(p.name for p in (tmp_path / "new").rglob("*") if p.is_file()) == []
    monkeypatch.undo()
    assert (tmp_path / "new/seeds/summary.yaml") in scaffold.init_workspace(tmp_path / "new")


# Every published file was chmod-ed to 0o644 whatever the umask: under umask 077 a private workspace's briefs,
# build records and kept history became readable by everyone. Now 0o666 less the umask, the owner's read and
# write always kept (briefgen reads back what it writes).

@pytest.mark.parametrize(("umask", "mode"), [(0o077, 0o600), (0o022, 0o644), (0o777, 0o600), (0o002, 0o664)])
def test_published_files_get_the_permissions_the_umask_gives(ws: Path, umask: int, mode: int) -> None:
    set_marker(ws, 84)
    proc = start(ws, "build", before=lambda: os.umask(umask) and None)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err.decode()
    rewritten = [p for p in (ws / "output").iterdir() if p.suffix in (".pdf", ".docx") or p.name == "briefgen.lock"]
    assert len(rewritten) == 7
    assert {p.name: oct(stat.S_IMODE(p.stat().st_mode)) for p in rewritten} == {p.name: oct(mode) for p in rewritten}


# BRIEFGEN_WORKERS that is no whole number ("two", "-1", "1.5") was silently taken for the default.

@pytest.mark.parametrize("value", ["two", "-1", "1.5", "²"])
def test_a_worker_count_that_is_no_whole_number_is_refused(ws: Path, value: str,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFGEN_WORKERS", value)
    set_marker(ws, 85)
    refused(ws, ("build",), f"BRIEFGEN_WORKERS: {value!r} is not a whole number of processes",
            "unset it (or give 0) for one process a core, at most 2; or give a whole number: 1 keeps all work in "
            "one process")


def test_a_short_seeded_fuzz_of_the_process_environment_breaks_no_rule(capsys: pytest.CaptureFixture[str]) -> None:
    """tests/fuzz_round8.py for a few seconds (a fixed seed: the cases it draws first, each family in turn)."""
    from tests import fuzz_round8

    assert fuzz_round8.main(seconds=20, argv=[]) == 0, capsys.readouterr().out


# A library that swallows every exception (reportlab's bare `except:` clauses, while the PDF writer or the font
# registration runs) swallowed what the first signal raised; later signals were ignored as the cleanup's, so a
# watch hit while warming up ran on, and no SIGTERM stopped it. Now a signal after the first's grace period ends
# the process as if no handler were set, and watch asks after every turn whether a signal came.

SWALLOWER = """
import sys, time
from briefgen.cli.process import stop_politely
stop_politely(calm=compile("", "<nothing>", "exec"))
print("ready", flush=True)
while True:
    try:
        time.sleep(0.05)
    except BaseException:
        pass  # what a bare `except:` in a library does
"""


def test_a_signal_after_a_swallowed_one_still_ends_the_process() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", SWALLOWER], stdout=subprocess.PIPE, env=env)
    assert proc.stdout is not None and proc.stdout.readline() == b"ready\n"
    time.sleep(0.3)  # inside the loop, where every exception is swallowed
    proc.send_signal(signal.SIGTERM)
    time.sleep(0.5)
    proc.send_signal(signal.SIGTERM)  # within the grace period: the cleanup's time, ignored
    time.sleep(0.5)
    assert proc.poll() is None
    time.sleep(2)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=10) == -signal.SIGTERM


def test_watch_stops_when_asked_even_if_no_interrupt_reached_it(ws: Path) -> None:
    from briefgen.regen.watch import watch
    from briefgen.workspace import Workspace

    said: list[str] = []
    watch(Workspace.at(ws), (), None, said.append, said.append, stopping=lambda: True)
    assert said[-1] == "watch: stopped"


# SIGTERM to a build's group at about 1.2 s landed while pikepdf was being imported: its start-up (pybind11)
# calls Python code, the exception raised there became a C++ one, and the process aborted (SIGABRT, -6) with a
# traceback and its staging folder left. A signal landing in an import is now sent again once the import is done.

IMPORTER = """
import sys, time
sys.path.insert(0, sys.argv[1])
from briefgen.cli.process import Stopped, stop_politely
stop_politely(calm=compile("", "<nothing>", "exec"))
print("ready", flush=True)
try:
    import slow_module
    time.sleep(5)
except Stopped:
    print("after" if getattr(sys.modules.get("slow_module"), "DONE", False) else "inside")
"""


def test_a_signal_landing_in_an_import_is_raised_once_it_is_done(tmp_path: Path) -> None:
    (tmp_path / "slow_module.py").write_text("import time\ntime.sleep(1)\nDONE = True\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", IMPORTER, str(tmp_path)], stdout=subprocess.PIPE, env=env)
    assert proc.stdout is not None and proc.stdout.readline() == b"ready\n"
    time.sleep(0.4)  # inside the module's import
    proc.send_signal(signal.SIGTERM)
    out, _ = proc.communicate(timeout=30)
    assert out == b"after\n"
