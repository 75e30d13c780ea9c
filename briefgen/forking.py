"""Forked children that compute beside this process and send their answer back through a pipe (issue 20).

Low in the package: a build shares its audiences with a child (regen/workers.py), a large verification its
seeds (verify/halves.py). A child inherits everything already imported and loaded; it writes nothing of its
own but its answer (after the record of any standard stream it could not write), and ends without running this
process's exit handlers. Whatever goes wrong in a child (an error, a crash, a kill, an answer cut short), the
parent sees no answer and does that work itself."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable

from briefgen import streamloss
from briefgen.errors import BriefgenError, Problem

MAX_WORKERS = 2  # measured on 2 cores; more processes than cores only add memory and start-up
WORKERS_VARIABLE = "BRIEFGEN_WORKERS"  # a number: 1 keeps all work in this process


def workers_for(units: int) -> int:
    """How many processes share `units` units: never more than units, cores or MAX_WORKERS, or as
    BRIEFGEN_WORKERS says (a number from 1); one where the system cannot fork, or where this process runs
    other threads (`watch`'s observer: a child forked beside a thread may inherit a lock it holds)."""
    if not hasattr(os, "fork") or threading.active_count() > 1:
        return 1
    asked = os.environ.get(WORKERS_VARIABLE, "").strip()
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    counted = asked.isascii() and asked.isdigit()  # str.isdigit is true of "²" too, which int() refuses
    if asked and not counted:  # "-1", "two", "1.5" were taken silently for the default
        raise BriefgenError(Problem(WORKERS_VARIABLE, f"{asked[:40]!r} is not a whole number of processes", hint=(
            "unset it (or give 0) for one process a core, at most 2; or give a whole number: 1 keeps all work in "
            "one process")))
    if counted and len(asked) > 9:  # more than any system has (and int() refuses numbers of 4,300 digits)
        return max(1, units)
    wanted = int(asked) if counted and int(asked) > 0 else min(cores, MAX_WORKERS)
    return max(1, min(units, wanted))


def fork(produce: Callable[[], bytes], *parents_only: int) -> tuple[int, int] | None:
    """Fork a child that sends what `produce` makes through a pipe and ends, without running the parent's exit
    handlers (with nothing sent and a failing status if `produce` fails in any way); the child's pid and the
    pipe's read end. `parents_only`: descriptors the child closes first. None when no child can be made (the
    system's process or file limit reached, as under a busy cron): the caller then does the work itself."""
    for stream in (sys.stdout, sys.stderr):  # nothing buffered may be written twice
        stream.flush()
    try:
        read, write = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:
        os.close(read)
        os.close(write)
        return None
    if pid == 0:  # the child: never returns
        code = 1
        with contextlib.suppress(BaseException):
            for fd in (read, *parents_only):
                os.close(fd)
            _die_with_parent()
            data = produce()
            with os.fdopen(write, "wb") as pipe:
                pipe.write(streamloss.packed() + data)  # first what it could not print: lost in the parent too
            code = 0
        os._exit(code)
    os.close(write)
    return pid, read


def collect(pid: int, read: int) -> bytes | None:
    """What a forked child sent, once it has ended: None unless it ended well and sent something. A standard
    stream the child could not write (a warning on a full device) counts as one this process could not: the
    command's exit code says so whichever process warned."""
    with os.fdopen(read, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    if len(data) >= streamloss.RECORD_SIZE:
        streamloss.unpacked(data[:streamloss.RECORD_SIZE])
    data = data[streamloss.RECORD_SIZE:]
    if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0 or not data:
        return None
    return data


def stop(pid: int, read: int) -> None:
    """Kill a child whose answer is no longer wanted, and wait for it."""
    with contextlib.suppress(OSError):
        os.kill(pid, signal.SIGKILL)
    os.close(read)
    os.waitpid(pid, 0)


def _die_with_parent() -> None:
    """Linux: the child is killed when its parent dies, so nothing it does outlives the command (a build's
    staging folder, say; elsewhere the child ends by itself within its share's time)."""
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGKILL))  # PR_SET_PDEATHSIG
