"""A writer kept standing by for a process that lives on (`watch`, issue 20 target 5).

A one-audience build forks a process at its start to write the DOCX beside the PDF (workers.Ahead). In `watch`,
a fork per rebuild costs more than it saves: the warm process is large, and both sides then pay for copying
the pages either one writes. A `Standby` is forked once, when the watch is warm; it readies itself, then does
job after job sent to it, each rebuild's `turn()` sending one. The rules are Ahead's: a job's result is the
same whoever computes it, and anything that goes wrong on the child's side (a failing job, a job or result
that cannot be pickled, a child that died) leaves the job to the caller; a dead child is not used again.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import struct
from collections.abc import Callable
from functools import partial
from typing import Generic, TypeVar

from briefgen.regen.workers import fork_child

R = TypeVar("R")
_LENGTH = struct.Struct("<Q")  # every message is its length, then a pickle (an empty one: "do it yourself")


class Standby(Generic[R]):
    """A child forked now that runs `prepare`, then each job sent to it, until this process closes it (or
    dies: the child is killed with it). Use as a context manager, or call `close`."""

    def __init__(self, prepare: Callable[[], object]) -> None:
        jobs, self._jobs = os.pipe()
        self.pid, self._answers = fork_child(partial(_serve, prepare, jobs), self._jobs)
        os.close(jobs)
        self.alive, self._closed = True, False

    def turn(self) -> Turn[R]:
        """This rebuild's use of the child: at most one job."""
        return Turn(self)

    def send(self, job: Callable[[], R]) -> bool:
        if not self.alive:
            return False
        try:
            data = pickle.dumps(job, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # a job that cannot be pickled is done by the caller
            return False
        try:
            _write(self._jobs, data)
        except OSError:
            self.alive = False
            return False
        return True

    def answer(self) -> tuple[bool, R | None]:
        """The answer to the job sent last: (True, its result), or (False, None) if the caller must do it."""
        try:
            data = _read(self._answers)
        except OSError:
            data = None
        if data is None:
            self.alive = False
            return False, None
        try:
            return (True, pickle.loads(data)) if data else (False, None)
        except Exception:
            return False, None

    def close(self) -> None:
        """End the child (it reads the end of its jobs and leaves) and wait for it."""
        if self._closed:
            return
        self._closed, self.alive = True, False
        for fd in (self._jobs, self._answers):
            with contextlib.suppress(OSError):
                os.close(fd)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)

    def __enter__(self) -> Standby[R]:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


class Turn(Generic[R]):
    """One build's use of a Standby, with Ahead's interface (`give`, `result`); leaving it waits for the answer
    to a job given, so the child never writes into a staging folder once the build has moved on."""

    def __init__(self, standby: Standby[R]) -> None:
        self._standby = standby
        self._given = False
        self._answer: tuple[bool, R | None] | None = None

    def give(self, job: Callable[[], R]) -> bool:
        self._given = self._given or self._standby.send(job)
        return self._given

    def result(self, job: Callable[[], R]) -> R:
        done, value = self._wait()
        return value if done else job()  # type: ignore[return-value]

    def _wait(self) -> tuple[bool, R | None]:
        if self._answer is None:
            self._answer = self._standby.answer() if self._given else (False, None)
        return self._answer

    def __enter__(self) -> Turn[R]:
        return self

    def __exit__(self, *_: object) -> None:
        self._wait()


def _serve(prepare: Callable[[], object], jobs: int, answers: int) -> None:
    """The child: ready itself, then read each job, do it and answer (a job that fails is answered with
    nothing) until the jobs' pipe ends."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the watch, which then closes this
    prepare()
    while (data := _read(jobs)) is not None:
        try:
            answer = pickle.dumps(pickle.loads(data)(), protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:
            answer = b""
        _write(answers, answer)


def _write(fd: int, data: bytes) -> None:
    view = memoryview(_LENGTH.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view):]


def _read(fd: int) -> bytes | None:
    """One message, or None at the end of the pipe (the other side closed it, or died)."""
    head = _exactly(fd, _LENGTH.size)
    if head is None:
        return None
    return _exactly(fd, _LENGTH.unpack(head)[0])


def _exactly(fd: int, size: int) -> bytes | None:
    parts, left = [], size
    while left:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            return None
        parts.append(chunk)
        left -= len(chunk)
    return b"".join(parts)
