"""State files briefgen writes itself (the build record, caches, the issued register): read back never through
a link and never past a size limit, and whatever makes one unusable (garbage, the wrong shape, a format a newer
briefgen wrote, nesting built to exhaust a parser) told as one kind of failure, DamagedState, so every reader
warns or recomputes and carries on as if the file were absent."""

from __future__ import annotations

import json
import marshal
import os
import stat
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from briefgen.safeio import os_problem, read_regular

T = TypeVar("T")


def read_state(path: Path, limit: int) -> bytes | None:
    """A state file briefgen wrote itself (the build record, a cache): its bytes, or None when it is absent.
    Never read through a symbolic link; an OSError other than absence is left to the caller, which treats
    the file as damaged."""
    try:
        return read_regular(path, limit, follow=False)
    except FileNotFoundError:
        return None


MAX_STATE_DEPTH = 64  # a state file holds the model's items (YAML stops at 32 levels) a few levels down
# How parsing or shaping a state file can fail, besides an OSError: garbage (ValueError, EOFError), the wrong
# types or shape (TypeError, KeyError, IndexError, AttributeError), or input built to exhaust the parser
# (RecursionError from a deep JSON array, MemoryError).
_UNUSABLE = (ValueError, EOFError, TypeError, KeyError, IndexError, AttributeError, RecursionError, MemoryError)


class DamagedState(Exception):
    """A state file briefgen wrote cannot be used; the message says why, for the warning its reader gives. A
    JSON syntax error also says where (`at`: line, column), and `short` is then the reason without it."""

    def __init__(self, message: str, at: tuple[int, int] | None = None, short: str = "") -> None:
        super().__init__(message)
        self.at, self.short = at, short or message


class NewerState(DamagedState):
    """A state file a newer briefgen wrote: whole, but in a format this one cannot read. Kept, never taken
    for damage: the hint is to run that briefgen (an upgrade), not to restore a backup."""


def expect_format(data: Any, version: int, what: str) -> None:
    """Refuse parsed state whose `format` is not `version`: NewerState when a newer briefgen wrote it (a larger
    whole number), DamagedState for anything else (none, another type, an older number)."""
    found = data.get("format") if isinstance(data, dict) else None
    if type(found) is int and found == version:
        return
    if type(found) is int and found > version:
        raise NewerState(f"written by a newer briefgen (format {found}, where this one reads format {version})")
    raise DamagedState(f"not a {what} this briefgen wrote")


UPGRADE_HINT = "run the newer briefgen that wrote it (pip install --upgrade briefgen)"


def load_state(path: Path, limit: int, shape: Callable[[Any], T], *, kind: str = "json",
               depth: int = MAX_STATE_DEPTH, kinds: frozenset[type] | None = None) -> T | None:
    """The state file at `path` ("json" or "marshal" data) made into what `shape` builds from it; None when the
    file is absent. Any way the file fails (unreadable, a link, too large, not parsable, nested deeper than
    `depth`, holding a value of a type not in `kinds`, a shape `shape` refuses with any of the usual errors) is
    a DamagedState: one place decides what "damaged" means, so every reader warns, or recomputes, and carries
    on as if the file were absent."""
    try:
        if kind == "json" and not _opens_as_json(path):  # a huge file of garbage is never read whole
            raise DamagedState("not JSON: it does not begin as a JSON object or array")
        raw = read_state(path, limit)
    except OSError as exc:
        raise DamagedState(os_problem(exc).message) from None
    if raw is None:
        return None
    try:
        data = json.loads(raw) if kind == "json" else marshal.loads(raw)
    except _UNUSABLE as exc:
        what = f"not {'JSON' if kind == 'json' else 'marshal data'}"
        if isinstance(exc, json.JSONDecodeError):
            raise DamagedState(f"{what}: {_why(exc)}", (exc.lineno, exc.colno), f"{what}: {exc.msg}") from None
        raise DamagedState(f"{what}: {_why(exc)}") from None
    if too_deep(data, depth, kinds):
        raise DamagedState(f"nested more than {depth} levels deep, or holding what briefgen never writes")
    try:
        return shape(data)
    except _UNUSABLE:
        raise DamagedState("it has the wrong shape") from None


def _opens_as_json(path: Path) -> bool:
    """Does the file (if there: else True, for the full read to tell) begin, after white space, as JSON's
    objects and arrays do? Read from its first few kilobytes, never through a link (the full read names it)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | os.O_NOFOLLOW)
    except OSError:
        return True
    try:
        head = os.read(fd, 4096) if stat.S_ISREG(os.fstat(fd).st_mode) else b"{"
    finally:
        os.close(fd)
    first = head.lstrip()[:1]
    return first in (b"{", b"[") or (not first and len(head) < 4096)  # short and blank: the parser says so


def _why(exc: BaseException) -> str:
    """A short reason for a parse failure (a RecursionError's own text names the parser's internals)."""
    if isinstance(exc, RecursionError):
        return "nested too deeply to read"
    if isinstance(exc, MemoryError):
        return "too large to read"
    return str(exc)[:200] or type(exc).__name__


def too_deep(data: object, limit: int, kinds: frozenset[type] | None = None) -> bool:
    """Is `data` (dicts, lists, tuples and scalars) nested more than `limit` levels, or (with `kinds`) does it
    hold a value of a type not among `kinds`? Walked a level at a time, without recursion, so a value built to
    be deep cannot exhaust the stack here or in whoever walks it next."""
    level: list[Any] = [data] if type(data) in _CONTAINERS else []
    depth = 0
    if kinds is not None and type(data) not in kinds:
        return True
    while level:
        if depth > limit:
            return True
        below: list[Any] = []
        for value in level:
            children: Iterable[Any] = value.values() if type(value) is dict else value
            found = set(map(type, children))
            if kinds is not None and not found <= kinds:
                return True
            if not found.isdisjoint(_CONTAINERS):
                below += [child for child in children if type(child) in _CONTAINERS]
        level, depth = below, depth + 1
    return False


_CONTAINERS = frozenset({dict, list, tuple})
