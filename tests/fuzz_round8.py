"""A seeded, time-bounded fuzz of what a process is started with (round 8): draws the cases of
tests/hostile_inputs8.py (standard streams closed, full or abandoned; SIGINT, SIGTERM, SIGHUP at random moments of
commands that write; odd locales, encodings, time zones, HOME, TMPDIR, umasks and variables; text that acts on a
terminal) and reports every rule broken: a traceback or internal error; an exit code other than 0, 1, 2 (usage),
141 (the reader gone) or 128 + the signal sent; an error without its hint; raw terminal controls printed; a failed
command that changed the published briefs; briefs that disagree with the build record; a staging folder or
temporary file left in output/ or seeds/; a forked child outliving the command; a next build that fails after a
signal; a file written outside the workspace; a hang.

    PYTHONPATH=. python -m tests.fuzz_round8 --seed 8 --seconds 300 [--family signals ...]

Signals are sent from 0.3 s on; tests/fuzz_round9.py sends them in the first 150 ms, while Python imports the
command line (see README, Limits). The classes it found are tests in tests/test_hostile_round8.py;
tests/test_hostile_round8.py also runs it for a few seconds."""

from __future__ import annotations

import contextlib
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import ExitStack
from pathlib import Path

from tests.conftest import ROOT
from tests.fuzz_round5 import TIMEOUT, drive, record_agrees, unhinted
from tests.helpers import fingerprint, published
from tests.hostile_inputs8 import FAMILIES, Case, Family

RAW = re.compile("[\x00\x1b\r\x9b\u202a-\u202e\u2066-\u2069]")  # what `text.shown` escapes, sent raw
LEFT = re.compile(r"\..+\.[a-z0-9_]{8}\.tmp|\.staging-.*|\.probe\..*")


def _streams(case: Case, stack: ExitStack, folder: Path) -> dict[str, object]:
    """The Popen arguments that give the command the standard streams `case.stream` names."""
    chosen: dict[str, object] = {"stdin": subprocess.DEVNULL, "stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
    kind, _, which = case.stream.partition("-")
    name = {"in": "stdin", "out": "stdout", "err": "stderr"}.get(which)
    if kind == "closed" and name:
        chosen[name] = None  # inherited, then closed by _prepare
    elif kind == "full" and name:
        chosen[name] = stack.enter_context(open("/dev/full", "wb"))  # noqa: SIM115
    elif kind == "gone":
        read, write = os.pipe()
        os.close(read)
        chosen[name or "stdout"] = write
        stack.callback(os.close, write)
    return chosen


def _prepare(case: Case) -> None:
    """In the child, before briefgen starts: the umask, and the descriptor the case closes."""
    if case.umask is not None:
        os.umask(case.umask)
    kind, _, which = case.stream.partition("-")
    if kind == "closed":
        os.close({"in": 0, "out": 1, "err": 2}[which])


def run(ws: Path, case: Case) -> tuple[int | None, str]:
    """The exit code (None: hung) and everything printed that could be read."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "BRIEFGEN_LOCK_SECONDS": "2", **case.env}
    with ExitStack() as stack:
        proc = subprocess.Popen([sys.executable, "-m", "briefgen", "-C", str(ws), *case.args], env=env,
                                preexec_fn=lambda: _prepare(case), start_new_session=case.group,
                                **_streams(case, stack, ws.parent))  # type: ignore[call-overload]
        stack.close()  # the parent's copies: a reader gone is gone for good
        if case.signum is not None:
            time.sleep(case.delay)
            with contextlib.suppress(ProcessLookupError):  # the group may have ended already
                if case.group:
                    os.killpg(proc.pid, case.signum)
                else:
                    proc.send_signal(case.signum)
        try:
            out, err = proc.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            return None, "HANG"
    return proc.returncode, ((out or b"") + b"\n--- stderr ---\n" + (err or b"")).decode("utf-8", "replace")


def _left(ws: Path) -> list[str]:
    places = [ws / "output", ws / "output/history", ws / "seeds", ws.parent / "new" / "seeds"]
    return [str(p) for place in places if place.is_dir() for p in place.iterdir() if LEFT.fullmatch(p.name)]


def _children(ws: Path) -> Iterator[str]:
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                line = (proc / "cmdline").read_bytes()
            except OSError:
                continue
            if str(ws).encode() in line:
                yield proc.name


def _before_main(text: str) -> bool:
    """Ctrl-C while Python still imports briefgen, before its entry point runs: Python's own KeyboardInterrupt
    and traceback, a limit README's Limits table states (nothing was read or written yet)."""
    return text.rstrip().endswith("KeyboardInterrupt") and ", in main\n" not in text


def _codes(case: Case) -> set[int]:
    """The exit codes a case may end with: a signal may also come while Python still imports briefgen, before
    its handlers are set (under load, past 0.3 s), and end the process as killed: nothing was read or written."""
    codes = {0, 1, 2}
    if case.stream.startswith("gone"):  # a reader gone (of standard error: a warning it could not show)
        codes.add(141)
    if case.signum is not None:
        codes |= {128 + case.signum, -case.signum}
    return codes


def broken(ws: Path, case: Case, code: int | None, text: str, before: dict[str, tuple[str, int]]) -> list[str]:
    """The rules this run broke."""
    if code is None:
        return ["hang"]
    faults = [f"exit {code}"] if code not in _codes(case) else []
    traced = "Traceback (most recent call last)" in text or "briefgen: internal error" in text or "Fatal Python" in text
    if traced and not _before_main(text):
        faults.append(f"traceback or internal error: {text[-1500:]}")
    if code == 1 and (missing := unhinted(text)):
        faults.append(f"no hint: {missing[0][:160]}")
    if raw := RAW.search(text):
        faults.append(f"raw terminal control {raw.group()!r} printed")
    if code != 0 and not case.changes_briefs and published(ws) != before:
        faults.append("a failed command changed what was published")
    faults += [f"record disagrees: {name}" for name in record_agrees(ws)]
    faults += [f"left behind: {name}" for name in _left(ws)]
    faults += [f"child outlived the command: pid {pid}" for pid in _children(ws)]
    if case.signum is not None and not (case.args[0] == "seeds" and code == 0):  # an added seed's entry to fill in
        again, said = run(ws, Case(("build",)))
        if again != 0:
            faults.append(f"the build after a signal: exit {again}: {said[-300:]}")
    return faults


Judge = Callable[[Path, Case, int | None, str, dict[str, tuple[str, int]]], list[str]]


def attempt(rng: random.Random, family: Family, base: Path, folder: Path, judge: Judge) -> tuple[Case, list[str]]:
    """Draw one case of `family` in a fresh copy of `base` under `folder`, a decoy folder beside it, and run it;
    the case and the rules it broke: `judge`'s (given the workspace, the case, its exit code and output, and
    what was published before), and writing outside the workspace."""
    ws = folder / "ws"
    shutil.copytree(base, ws, symlinks=True)
    decoy = folder / "decoy"
    decoy.mkdir()
    (decoy / "secret.txt").write_text("outside the workspace\n", encoding="utf-8")
    case = family(rng, ws)
    before, beside, outside = published(ws), set(os.listdir(folder)), fingerprint(decoy)
    code, text = run(ws, case)
    faults = judge(ws, case, code, text, before)
    if fingerprint(decoy) != outside or not set(os.listdir(folder)) <= beside | {"new"}:
        faults.append("wrote outside the workspace")
    return case, faults


def one(rng: random.Random, family: Family, base: Path, folder: Path) -> tuple[str, list[str]]:
    """Draw one case of `family` in a fresh copy of `base` under `folder`; the rules it broke."""
    case, faults = attempt(rng, family, base, folder, broken)
    label = (f"{' '.join(case.args)!r} env={case.env} stream={case.stream} signal={case.signum}@{case.delay:.2f}"
             f"{' to the group' if case.group else ''}")
    return f"{label} umask={case.umask}", faults


def main(families: Mapping[str, Family] = FAMILIES, seconds: float = 300, seed: int = 8,
         argv: list[str] | None = None) -> int:
    """Draw cases until the time is up; print every rule broken (exit 1 when any was)."""
    return drive(lambda rng, name, base, folder: one(rng, families[name], base, folder), sorted(families),
                 __doc__ or "", seed, seconds, argv)


if __name__ == "__main__":
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    sys.exit(main())
