"""Units of work shared between this process and forked children, results in the units' order (issue 20).

A build's audiences are independent once the model is verified: each is composed, fitted and written into the
staging folder on its own. On a machine with two cores, a child forked after verification builds audiences
beside this process, each taking the next one left when it is free (the costliest first); a child inherits
everything already imported and loaded, and pays only for what its audiences need.

What makes the result the same whatever the number of workers:
- a unit's output depends only on its inputs (the writers are deterministic, tests/test_build_workers.py);
- results come back in the units' order, and a unit's side effects on shared objects are returned as data
  (the caller applies them in order), never made in the child's copy of memory;
- a child that fails in any way (an error, a crash, a kill, a result that cannot be sent back) has its units
  done again here, so the error the user sees is the one a single process would raise, for the first
  failing unit in order.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import struct
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from typing import Any, Generic, TypeVar

from briefgen.forking import collect, fork

T = TypeVar("T")
R = TypeVar("R")


def _tickets(costs: Sequence[float]) -> int:
    """A pipe holding every unit's index, costliest first (ties in the units' order), its writing end closed:
    the read end, from which each process claims the next unit. A pipe's read of a ticket's few bytes is
    atomic, so no unit is claimed twice; a process that ends its unit early takes the next one, whoever
    started what (a guess at costs decides only the order)."""
    order = sorted(range(len(costs)), key=lambda i: (-costs[i], i))
    read, write = os.pipe()
    try:
        os.write(write, b"".join(_TICKET.pack(i) for i in order))  # a pipe's buffer holds 16,384 tickets
    except OSError:
        os.close(read)
        raise
    finally:
        os.close(write)
    return read


_TICKET = struct.Struct("<I")


def _claims(tickets: int) -> Iterator[int]:
    """The units this process claims, one at a time, until none is left."""
    while ticket := os.read(tickets, _TICKET.size):
        yield _TICKET.unpack(ticket)[0]


def _collect(pid: int, read: int) -> tuple[bool, Any]:
    """What a forked child sent, once it has ended: (True, the value) if it ended well and sent a readable
    pickle, else (False, None)."""
    data = collect(pid, read)
    if data is None:
        return False, None
    try:
        return True, pickle.loads(data)
    except Exception:  # a truncated or unreadable answer counts as none
        return False, None


class _Child(Generic[R]):
    """A forked child claiming units until none is left; its results, with their units' indices, arrive
    pickled through a pipe when it ends. A unit that fails ends the child with nothing sent: the parent
    computes what it did again."""

    def __init__(self, tickets: int, compute: Callable[[int], R]) -> None:
        self.forked = fork(lambda: pickle.dumps({index: compute(index) for index in _claims(tickets)},
                                                protocol=pickle.HIGHEST_PROTOCOL))

    def results(self) -> dict[int, R]:
        """The units the child computed, by index: none if it did not end well, or could not be forked (the
        caller computes them)."""
        if self.forked is None:
            return {}
        done, found = _collect(*self.forked)
        return found if done and isinstance(found, dict) else {}


def run(units: Sequence[T], work: Callable[[T], R], costs: Sequence[float], workers: int) -> list[R]:
    """work(unit) for every unit, in the units' order, shared among `workers` processes, each claiming the next
    unit (costliest first) when it is free. An error is the one a single process would raise: that of the
    first failing unit in order."""
    if workers <= 1 or len(units) <= 1:
        return [work(unit) for unit in units]

    def compute(index: int) -> R:
        return work(units[index])

    try:
        tickets = _tickets(costs)
    except OSError:  # no pipe to be had (the open-file limit reached): one process does every unit
        return [work(unit) for unit in units]
    try:
        children = [_Child(tickets, compute) for _ in range(workers - 1)]
        results: dict[int, R] = {}
        stopped: tuple[int, Exception] | None = None
        try:
            for index in _claims(tickets):
                try:
                    results[index] = compute(index)
                except Exception as exc:
                    stopped = (index, exc)
                    break
        finally:  # whatever happens here, every child is waited for: none may outlive the staging folder
            answers = [child.results() for child in children]
    finally:
        os.close(tickets)
    for answer in answers:
        results.update(answer)
    for index in (i for i in range(len(units)) if i not in results):
        if stopped is not None and index > stopped[0]:
            break
        results[index] = compute(index)  # a failed child's unit again, here: it raises what it raised there
    if stopped is not None:
        raise stopped[1]
    return [results[index] for index in range(len(units))]


class Ahead(Generic[R]):
    """A child forked now that readies itself (`prepare`: imports, say) while this process goes on, then does
    one job it is sent, pickled, and sends back the result. The job's result is the same whoever computes it:
    a child that fails in any way (or a job that cannot be pickled) leaves the job to the caller.

    Use as a context manager: on leaving, a child never given a job is stopped, and every child is waited
    for, so none outlives what its job writes into."""

    def __init__(self, job_read: int, job: int, forked: tuple[int, int]) -> None:
        os.close(job_read)
        self._job = job
        self.pid, self._read = forked
        self._given = False
        self._answer: tuple[bool, R | None] | None = None

    @classmethod
    def start(cls, prepare: Callable[[], object]) -> Ahead[R] | None:
        """The child, forked now; None when none can be made (the caller does the job itself)."""
        try:
            job_read, job = os.pipe()
        except OSError:
            return None
        forked = fork(partial(_sent_job, job_read, prepare), job)
        if forked is None:
            os.close(job_read)
            os.close(job)
            return None
        return cls(job_read, job, forked)

    def __enter__(self) -> Ahead[R]:
        return self

    def __exit__(self, *_: object) -> None:
        if not self._given:
            with contextlib.suppress(OSError):
                os.kill(self.pid, signal.SIGKILL)
        self._wait()

    def cancel(self) -> None:
        """Stop the child whatever it is doing (its job is no longer wanted) and wait for it: once this returns,
        nothing it did is still going on. A child already waited for is not signalled (its pid may be reused)."""
        if self._answer is None:
            with contextlib.suppress(OSError):
                os.kill(self.pid, signal.SIGKILL)
        self._wait()

    def give(self, job: Callable[[], R]) -> bool:
        """Send the job; False if it could not be (the caller does it)."""
        try:
            data = pickle.dumps(job, protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(self._job, "wb") as pipe:
                self._job = -1
                pipe.write(data)
        except Exception:
            return False
        self._given = True
        return True

    def result(self, job: Callable[[], R]) -> R:
        """The job's result: the child's, or, if the child did not send one, computed here."""
        if not self._given:
            self.__exit__()
        done, value = self._wait()
        return value if done else job()  # type: ignore[return-value]

    def _wait(self) -> tuple[bool, R | None]:
        if self._answer is None:
            if self._job >= 0:
                os.close(self._job)
                self._job = -1
            self._answer = _collect(self.pid, self._read)
        return self._answer


def _sent_job(job_read: int, prepare: Callable[[], object]) -> bytes:
    """In the child: prepare, wait for the job, do it; its result pickled (nothing if no job was sent)."""
    prepare()
    with os.fdopen(job_read, "rb") as pipe:
        sent = pipe.read()
    return pickle.dumps(pickle.loads(sent)(), protocol=pickle.HIGHEST_PROTOCOL) if sent else b""
