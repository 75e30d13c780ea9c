"""What verifying one passage against one seed finds (a `Tie`), and the remembered ties of the last check.

A tie is a pure function of the seed's content (its bytes, its file's kind and how it is read), the passage,
the item's own words (they choose among several places) and the code that finds passages. So a check keeps
each tie keyed by exactly those, and the next check reads and searches only the seeds whose bytes changed
(or that a new passage cites): after one seed of 10,000 changes, one seed is read. The whole store is dropped
when `version` (briefgen's code, normalisation included) differs; entries no check asked for are not kept.
Light to import: `check` with nothing changed reads none of it."""

from __future__ import annotations

import contextlib
import marshal
import os
from collections.abc import Hashable
from pathlib import Path
from typing import NamedTuple

from briefgen.atomic import cache_put
from briefgen.safeio import read_state

STORE_NAME = "ties.marshal"
MAX_STORE_BYTES = 256 * 1024 * 1024


class Tie(NamedTuple):
    """Where a passage is in a seed: the place cited (`first`…`last`, printed as `where`; `page`/`nth` in a
    PDF), every place's pinpoint when there are several (`places`, `chosen` among them, `decided` by the item's
    words), or for a miss (`first` 0) the hint that says what is closest. A tuple: 20,000 are made and stored
    in a large check."""

    first: int
    last: int = 0
    page: int | None = None
    nth: int | None = None
    where: str = ""
    places: tuple[str, ...] = ()
    chosen: int = 0
    decided: bool = True
    miss_hint: str = ""

    @property
    def found(self) -> bool:
        return self.first > 0


def content_key(digest: str, file: str, reading: str) -> tuple[str, str, str]:
    """What a seed's text is a function of: its bytes' hash, its kind (the file name's suffix) and its reading."""
    return digest, os.path.splitext(file)[1].lower(), reading


class TieStore:
    """The ties (and quote verdicts) of the last check, keyed by (content key, question); marshal (plain data,
    runs no code) in output/.cache. A damaged or older store is an empty one: a cache only recomputes."""

    def __init__(self, path: Path, version: str) -> None:
        self.path, self.version = path, version
        self._old: dict[Hashable, tuple[object, ...]] = {}
        self._used: dict[Hashable, tuple[object, ...]] = {}
        self._added = False

    def load(self) -> TieStore:
        try:
            stored = marshal.loads(read_state(self.path, MAX_STORE_BYTES) or b"")
        except (OSError, EOFError, ValueError, TypeError):
            return self
        if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == self.version and isinstance(
                stored[1], dict):
            self._old = stored[1]
        return self

    def knows(self, key: Hashable) -> bool:
        return key in self._old or key in self._used

    def tie(self, key: Hashable) -> Tie | None:
        raw = self._take(key)
        if raw is None or len(raw) != len(Tie._fields) or not isinstance(raw[0], int):  # absent, or damaged
            return None
        return Tie._make(raw)

    def flag(self, key: Hashable) -> bool | None:
        raw = self._take(key)
        return raw[0] if raw is not None and len(raw) == 1 and isinstance(raw[0], bool) else None

    def put_tie(self, key: Hashable, tie: Tie) -> None:
        self._put(key, tuple(tie))

    def put_flag(self, key: Hashable, value: bool) -> None:
        self._put(key, (value,))

    def _take(self, key: Hashable) -> tuple[object, ...] | None:
        raw = self._used.get(key)
        if raw is None and (raw := self._old.get(key)) is not None:
            self._used[key] = raw
        return raw if isinstance(raw, tuple) else None

    def _put(self, key: Hashable, raw: tuple[object, ...]) -> None:
        self._used[key] = raw
        self._added = True

    def save(self) -> None:
        """Keep the entries this check used (best effort: a cache); unchanged, nothing is written."""
        if self._added or len(self._used) != len(self._old):
            with contextlib.suppress(ValueError):  # marshal refuses nothing it wrote; cache_put swallows OSError
                cache_put(self.path, marshal.dumps((self.version, self._used)))
