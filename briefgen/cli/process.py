"""How the command-line process meets what it was started with: its three standard descriptors (any of them
closed by the caller), and the signals a terminal, a shell or a scheduler sends it.

A closed descriptor is opened on the null device, as git does, so the first file briefgen opens never takes its
number (and nothing printed can land in a brief being written). SIGTERM and SIGHUP stop a command as Ctrl-C
does: raised as an exception where the command runs, so every cleanup (a staging folder, a temporary file, the
renames of a publish put back) runs before the process ends with 128 + the signal's number, as shells expect."""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from types import CodeType, FrameType

# SIGINT, then the polite ways to ask a process to stop; a signal the caller ignores (nohup's SIGHUP) stays ignored
POLITE = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
_RECEIVED: list[int] = []  # the first of them that arrived
_RECEIVED_AT: list[float] = []  # when (time.monotonic)
GRACE_SECONDS = 2.0  # after the first signal, the time the next is ignored in: the cleanup's, a few ms
_CALM: list[CodeType] = []
_DEFAULTS = (signal.SIG_DFL, signal.default_int_handler)  # a handler briefgen may replace (not SIG_IGN, not a host's)


class Stopped(BaseException):
    """SIGTERM or SIGHUP asked the process to stop (a BaseException, as KeyboardInterrupt: no `except
    Exception` of a command swallows it, and every `finally` runs). What stopped it is kept here, not in the
    exception, which a library may make again from a message as it passes it on (reportlab's
    annotateException: `Stopped("... 15")`, whose number then was a string)."""


def stopped_code() -> int:
    """The exit code of a process stopped by a signal: 128 + its number, as shells give (130 for Ctrl-C)."""
    return 128 + (_RECEIVED[0] if _RECEIVED else signal.SIGINT)


def ready_descriptors() -> None:
    """Descriptors 0, 1 and 2 open, each closed one on the null device; standard streams Python left as None
    (because their descriptor was closed at start) made again on them."""
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            opened = os.open(os.devnull, os.O_RDWR)  # the lowest free number: `fd` itself, the lower ones open
            if opened != fd:
                os.dup2(opened, fd)
                os.close(opened)
    if sys.stdin is None:
        sys.stdin = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115 - the process's own, never closed
    if sys.stdout is None:
        sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    if sys.stderr is None:
        sys.stderr = open(2, "w", encoding="utf-8", errors="backslashreplace", closefd=False)  # noqa: SIM115


def stop_politely(calm: CodeType) -> None:
    """SIGTERM and SIGHUP raise Stopped, SIGINT KeyboardInterrupt, where the command runs; once one has, the
    process is on its way out, and the next is ignored for GRACE_SECONDS, so a second signal cannot cut the
    cleanup short; after them a signal ends the process as it would without a handler (a library that swallowed
    the first exception, as reportlab's bare `except:` clauses do, must not make a process no signal stops). One
    landing in the lines of `calm` (the entry point's own, around the command) is only kept for the exit code:
    raised there, nothing would catch it."""
    _CALM.append(calm)
    for signum in POLITE:
        if signal.getsignal(signum) in (*_DEFAULTS, _hold):
            signal.signal(signum, _stop)


def hold_at_start() -> None:
    """Until `stop_politely`, SIGINT, SIGTERM and SIGHUP are only kept: the entry point sets this before it imports
    the command line (click and the rest, ~0.1 s), where Ctrl-C printed Python's traceback of KeyboardInterrupt
    and SIGTERM killed the process; `raise_held` raises the one kept once a command can clean up after it."""
    for signum in POLITE:
        if signal.getsignal(signum) in _DEFAULTS:
            signal.signal(signum, _hold)


def raise_held() -> None:
    """The signal kept while the command line was imported, or landing in the entry point's calm lines, raised
    now (KeyboardInterrupt for SIGINT, Stopped for the others), before the command reads or writes anything."""
    if _RECEIVED:
        raise KeyboardInterrupt if _RECEIVED[0] == signal.SIGINT else Stopped


def _hold(signum: int, frame: FrameType | None) -> None:
    if not _RECEIVED:
        _RECEIVED.append(signum)
        _RECEIVED_AT.append(time.monotonic())


def received() -> int | None:
    """SIGTERM's or SIGHUP's number, if one arrived: a command that took it for Ctrl-C and returned (watch, whose
    watcher turns any signal into KeyboardInterrupt) still ends as stopped by it."""
    return next((s for s in _RECEIVED if s != signal.SIGINT), None)


def asked_to_stop() -> bool:
    """Whether a signal asked the process to stop: a loop that must end (watch's) asks, in case a library
    swallowed what the signal raised (reportlab and others catch everything in places)."""
    return bool(_RECEIVED)


def _stop(signum: int, frame: FrameType | None) -> None:
    if _RECEIVED:
        if time.monotonic() - _RECEIVED_AT[0] > GRACE_SECONDS:  # the first was swallowed, or cleaning up hangs:
            signal.signal(signum, signal.SIG_DFL)  # this one ends the process as if no handler were set
            os.kill(os.getpid(), signum)
        return
    if frame is not None and _importing(frame):  # raised there, a C extension's start-up may abort the process
        threading.Timer(0.05, os.kill, (os.getpid(), signum)).start()  # sent again once the import is done
        return
    _RECEIVED.append(signum)
    _RECEIVED_AT.append(time.monotonic())
    if frame is not None and frame.f_code in _CALM:
        return
    if signum == signal.SIGINT:
        raise KeyboardInterrupt
    raise Stopped


def _importing(frame: FrameType) -> bool:
    """Whether a module is being imported where the signal landed: pikepdf's start-up (pybind11) calls Python code,
    and an exception raised there aborted the whole process (SIGABRT, its staging folder left behind)."""
    found: FrameType | None = frame
    while found is not None:
        if found.f_code.co_filename.startswith("<frozen importlib"):
            return True
        found = found.f_back
    return False
