"""The ceilings on one template render: wall-clock time and the size of what it produces.

A render gets a Budget (per thread). On the main thread of a Unix process an interval timer (SIGALRM) stops
a template stuck in a loop that neither calls nor prints anything; everywhere, the sandbox's hooks (calls,
output chunks, buffers) check the same deadline, so a render on another thread stops too once it does either.
The timer only ever raises inside the template's own code, where an exception cannot leave jinja's caches or
any library half-updated; if the template is inside a library call, it retries a moment later.
"""

from __future__ import annotations

import contextlib
import signal
import threading
import time
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from types import FrameType

from briefgen.environment import env_number
from briefgen.errors import Unplaced

RENDER_SECONDS = 10.0
RENDER_CHARS = 20_000_000  # ~2,000 times the analyst brief of the example workspace (11,000 characters)
_RETRY_SECONDS = 0.01  # the timer fired outside template code: look again this soon
_GRACE_SECONDS = 2.0  # ... but past the deadline by this much, stop wherever the render is


class RenderLimit(Unplaced):
    """A render went past its time or size ceiling."""


@dataclass
class Budget:
    seconds: float
    chars: int
    deadline: float

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise self.timeout()

    def timeout(self) -> RenderLimit:
        return RenderLimit(f"the template ran for more than {self.seconds:g} s and was stopped",
                           "look for a loop that never ends or runs far too often; the ceiling is "
                           f"{self.seconds:g} s (BRIEFGEN_RENDER_SECONDS sets it; default {RENDER_SECONDS:g} s)")

    def check_size(self, size: int, what: str = "the rendered markup") -> None:
        if size > self.chars:
            raise RenderLimit(f"{what} would exceed {self.chars:,} characters",
                              "a brief's markup is a few thousand characters: look for a loop or a repetition "
                              "that produces far too much (BRIEFGEN_RENDER_CHARS overrides the ceiling)")


_state = threading.local()


def current() -> Budget:
    """The budget of the render running on this thread (outside a render: the default ceilings, no deadline)."""
    budget: Budget | None = getattr(_state, "budget", None)
    return budget or Budget(float("inf"), render_chars(), float("inf"))


def render_seconds() -> float:
    return env_number("BRIEFGEN_RENDER_SECONDS", RENDER_SECONDS, 0, 3600, low_inclusive=False, unit="seconds")


def render_chars() -> int:
    return int(env_number("BRIEFGEN_RENDER_CHARS", RENDER_CHARS, 0, 1e9, low_inclusive=False, unit="characters",
                          whole=True))


@contextlib.contextmanager
def bounded(env_class: type) -> Iterator[Budget]:
    """Run one render under a fresh budget (and, on the main thread, the interval timer).

    `env_class`: the environment class whose compiled templates' frames the timer may interrupt."""
    seconds = render_seconds()
    budget = Budget(seconds, render_chars(), time.monotonic() + seconds)
    outer, _state.budget = getattr(_state, "budget", None), budget
    try:
        with _alarm(budget, env_class):
            yield budget
    finally:
        _state.budget = outer


@contextlib.contextmanager
def _alarm(budget: Budget, env_class: type) -> Iterator[None]:
    usable = (hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
              and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0))  # never disturb a timer someone else set
    if not usable:
        yield
        return
    armed = [True]

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        if not armed[0]:
            return
        if _in_template(frame, env_class) or time.monotonic() > budget.deadline + _GRACE_SECONDS:
            raise budget.timeout()
        signal.setitimer(signal.ITIMER_REAL, _RETRY_SECONDS)

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, budget.seconds)
    try:
        yield
    finally:
        armed[0] = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _in_template(frame: FrameType | None, env_class: type) -> bool:
    """Is this the code jinja compiled from a template (its globals hold the environment)?"""
    return frame is not None and isinstance(frame.f_globals.get("environment"), env_class)


def collect(chunks: Iterator[str], budget: Budget) -> str:
    """Join a template's output stream, stopping it (inside the template, so the error has its line) when
    it runs past the deadline or the size ceiling."""
    parts: list[str] = []
    size = 0
    try:
        for chunk in chunks:
            size += len(chunk)
            parts.append(chunk)
            try:
                budget.check_size(size)
                budget.check_time()
            except RenderLimit as limit:
                if isinstance(chunks, Generator):
                    chunks.throw(limit)  # jinja re-raises it with the template's file and line
                raise
    finally:
        if isinstance(chunks, Generator):
            chunks.close()
    return "".join(parts)
