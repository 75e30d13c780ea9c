"""What verifying one passage against one seed finds (a `Tie`), and the remembered ties of the last check.

A tie is a pure function of the seed's content (its bytes, its file's kind and how it is read), the passage,
the item's own words (they choose among several places) and the code that finds passages. So a check keeps
each tie keyed by exactly those, and the next check reads and searches only the seeds whose bytes changed
(or that a new passage cites): after one seed of 10,000 changes, one seed is read. The whole store is dropped
when `version` (briefgen's code, normalisation included) differs; entries no check asked for are not kept, so
the entries of one content are every question the last check asked about it (regen/cutoff.py relies on that,
and on the store's `token`, new each time it is written, to know the store is the one its verdict was made with).
Light to import: `check` with nothing changed reads none of it."""

from __future__ import annotations

import contextlib
import marshal
import os
import secrets
from collections.abc import Hashable
from pathlib import Path
from typing import NamedTuple

from briefgen.atomic import cache_put
from briefgen.statefile import DamagedState, load_state

STORE_NAME = "ties.marshal"
MAX_STORE_BYTES = 256 * 1024 * 1024
STORE_DEPTH = 4  # (version, token, {key: (answer fields, (places…))})
Stored = tuple[str, str, dict[Hashable, tuple[object, ...]]]


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


Content = tuple[str, str, str]


def content_key(digest: str, file: str, reading: str) -> Content:
    """What a seed's text is a function of: its bytes' hash, its kind (the file name's suffix) and its reading."""
    return digest, os.path.splitext(file)[1].lower(), reading


# The questions a check asks about one seed's content, as store keys.
def tie_key(content: Content, passage: str, words: str) -> Hashable:
    """Where is `passage` (cited by an item saying `words`)? Answered by a Tie."""
    return content, passage, words


def quoted_key(content: Content, paragraph: int, text: str) -> Hashable:
    """Does paragraph `paragraph` put `text` in quotation marks? Answered by a flag."""
    return content, "quoted", paragraph, text


def readable_key(content: Content) -> Hashable:
    """Was this content read without trouble? Answered by a flag (True)."""
    return content, "readable"


_TIE_TYPES: tuple[type | tuple[type, ...], ...] = (int, int, (int, type(None)), (int, type(None)), str, tuple,
                                                  int, bool, str)


def _tie_like(raw: tuple[object, ...]) -> bool:
    """Does a stored answer have a Tie's field types (its places all text)? A damaged one is not used."""
    return all(isinstance(value, kind) for value, kind in zip(raw, _TIE_TYPES, strict=True)) and all(
        isinstance(place, str) for place in raw[5])  # type: ignore[attr-defined]


def _store_of(data: object) -> Stored:
    """The stored (version, token, entries), else a damaged store (TypeError)."""
    if not (isinstance(data, tuple) and len(data) == 3 and isinstance(data[0], str) and isinstance(data[1], str)
            and isinstance(data[2], dict)):
        raise TypeError("not a tie store")
    return data


class TieStore:
    """The ties (and quote verdicts) of the last check, keyed by (content key, question); marshal (plain data,
    runs no code) in output/.cache. A damaged or older store is an empty one: a cache only recomputes."""

    def __init__(self, path: Path, version: str) -> None:
        self.path, self.version = path, version
        self._old: dict[Hashable, tuple[object, ...]] = {}
        self._used: dict[Hashable, tuple[object, ...]] = {}
        self._added = False
        self.token = ""  # names the store as last written ("" when there is none)

    def load(self) -> TieStore:
        try:
            stored = load_state(self.path, MAX_STORE_BYTES, _store_of, kind="marshal", depth=STORE_DEPTH)
        except DamagedState:  # a cache: an empty store only means verifying again
            return self
        if stored is not None and stored[0] == self.version:
            self.token, self._old = stored[1], stored[2]
        return self

    def knows(self, key: Hashable) -> bool:
        return key in self._old or key in self._used

    def tie(self, key: Hashable) -> Tie | None:
        raw = self._take(key)
        if raw is None or len(raw) != len(Tie._fields) or not _tie_like(raw):  # absent, or damaged
            return None
        return Tie._make(raw)

    def flag(self, key: Hashable) -> bool | None:
        raw = self._take(key)
        return raw[0] if raw is not None and len(raw) == 1 and isinstance(raw[0], bool) else None

    def put_tie(self, key: Hashable, tie: Tie) -> None:
        self.put(key, tuple(tie))

    def put_flag(self, key: Hashable, value: bool) -> None:
        self.put(key, (value,))

    def about(self, contents: set[Content]) -> dict[Content, list[tuple[tuple[object, ...], tuple[object, ...]]]]:
        """Every stored question about each of `contents` (key, raw answer), in the order the last check asked
        them; one pass over the store, however many contents."""
        found: dict[Content, list[tuple[tuple[object, ...], tuple[object, ...]]]] = {c: [] for c in contents}
        for key, raw in self._old.items():
            if isinstance(key, tuple) and key and key[0] in found and isinstance(raw, tuple):
                found[key[0]].append((key, raw))
        return found

    def carry(self, dropped: set[Content]) -> None:
        """Keep every stored entry but those about `dropped` contents, as a check that asked the same
        questions of every other seed would."""
        kept = {k: v for k, v in self._old.items() if not (isinstance(k, tuple) and k and k[0] in dropped)}
        self._used = {**kept, **self._used}
        self._added = True

    def _take(self, key: Hashable) -> tuple[object, ...] | None:
        raw = self._used.get(key)
        if raw is None and (raw := self._old.get(key)) is not None:
            self._used[key] = raw
        return raw if isinstance(raw, tuple) else None

    def put(self, key: Hashable, raw: tuple[object, ...]) -> None:
        self._used[key] = raw
        self._added = True

    def save(self) -> str:
        """Keep the entries this check used (best effort: a cache; unchanged, nothing is written); the token
        of the store as written (a token that names no store on disk only turns a later cutoff down)."""
        if self._added or len(self._used) != len(self._old):
            self.token = secrets.token_hex(8)
            with contextlib.suppress(ValueError):  # marshal refuses nothing it wrote; cache_put swallows OSError
                cache_put(self.path, marshal.dumps((self.version, self.token, self._used)))
        return self.token
