"""Where each key and value of a YAML text stands, found by reading its events only as far as a question needs.

A model read from the cache has no positions; a problem to report needs one. Composing the whole text again
(a node per value, ~1.3 s for a 3 MB model) to place one warning near the top is what this avoids: the events
(libyaml's, no nodes built) are read up to the path asked for, and reading resumes there for the next one.
The text has already been parsed once without error, so its events are well formed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import yaml

Key = tuple[str | int, ...]
Mark = tuple[int, int]


_ENDS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
_STARTS = (yaml.MappingStartEvent, yaml.SequenceStartEvent)


class Positions:
    """The line and column (1-based) of every value (`values`) and mapping key (`keys`) read so far."""

    def __init__(self, text: str, loader: Any) -> None:
        self.values: dict[Key, Mark] = {}
        self.keys: dict[Key, Mark] = {}
        self._closed: set[Key] = set()  # collections whose every entry has been read
        self._events: Iterator[yaml.Event] = yaml.parse(text, Loader=loader)
        # each open collection: its path, and the next index (a sequence) or the key read, None before it
        self._open: list[tuple[Key, list[Any]]] = []
        self._done = False

    def read_to(self, path: Key) -> None:
        """Read on until `path` is placed, or it is certain that it is not in the text (a collection holding it
        has ended)."""
        prefixes = {path[:end] for end in range(len(path))}
        if self._done or path in self.values or not prefixes.isdisjoint(self._closed):
            return
        for event in self._events:
            if isinstance(event, _ENDS):
                ended = self._open.pop()[0]
                self._closed.add(ended)
                if ended in prefixes:
                    return
            elif isinstance(event, yaml.NodeEvent) and self._record(event) == path:
                return
        self._done = True

    def _record(self, event: yaml.NodeEvent) -> Key | None:
        """Place the value or key `event` starts; the value's path (None for a key)."""
        start = event.start_mark
        mark = (start.line + 1, start.column + 1) if start is not None else (0, 0)
        if not self._open:
            path: Key = ()
        else:
            parent, state = self._open[-1]
            at = state[0]
            if at is None:  # a mapping awaiting a key: its value comes next
                key = str(getattr(event, "value", ""))
                state[0] = (key,)
                self.keys[(*parent, key)] = mark
                return None
            state[0] = at + 1 if isinstance(at, int) else None
            path = (*parent, at if isinstance(at, int) else at[0])
        self.values[path] = mark
        if isinstance(event, _STARTS):
            self._open.append((path, [0 if isinstance(event, yaml.SequenceStartEvent) else None]))
        return path
