"""Where each key and value of a YAML text stands, found by reading its events only as far as a question needs.

A model read from the cache has no positions; a problem to report needs one. Composing the whole text again
(a node per value, ~1.3 s for a 3 MB model) to place one warning near the top is what this avoids: the events
(libyaml's, no nodes built) are read up to the path asked for, and reading resumes there for the next one.
The text has already been parsed once without error, so its events are well formed.

Lines and columns are the ones an editor shows (`Lines`), not libyaml's: libyaml also ends a line at U+0085,
U+2028 and U+2029, which an editor shows inside the line, so its count drifts after one."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import Any

import yaml

Key = tuple[str | int, ...]
Mark = tuple[int, int]


# line breaks to YAML 1.1 (and libyaml), not to an editor
YAML_ONLY_BREAKS = {"\x85": "NEXT LINE", "\u2028": "LINE SEPARATOR", "\u2029": "PARAGRAPH SEPARATOR"}
_EDITOR_BREAK = re.compile("\r\n|\r|\n")
_EDITOR_LINE = re.compile(rf"[^\r\n]*(?:{_EDITOR_BREAK.pattern})|[^\r\n]+\Z")  # a line with its break


def editor_lines(text: str) -> list[str]:
    """`text` as an editor's lines, each with its break (\n, \r\n or \r): as `Lines` numbers them."""
    return _EDITOR_LINE.findall(text)


class Lines:
    """Where a libyaml mark stands in `text` as an editor shows it: 1-based line and column (in characters),
    lines ending at \\n, \\r\\n or \\r only.

    libyaml's own line and column are that already unless the text holds a line break only YAML knows
    (U+0085, U+2028, U+2029), or the mark is the end of a text whose last line has no break (libyaml then
    counts a line more); for those the mark's index (in characters) is placed on the editor's lines instead."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._exact = not any(brk in text for brk in YAML_ONLY_BREAKS)
        self._starts: list[int] = []  # where each editor line starts, listed when first needed

    def place(self, mark: Any) -> Mark:
        """The editor's (line, column) of a libyaml mark; (0, 0) for none."""
        if mark is None:
            return (0, 0)
        if self._exact and mark.index < len(self._text):
            return (mark.line + 1, mark.column + 1)
        return self.at(mark.index)

    def at(self, index: int) -> Mark:
        """The editor's (line, column) of the character at `index` (the end of the text for len(text))."""
        if not self._starts:
            self._starts = [0, *(found.end() for found in _EDITOR_BREAK.finditer(self._text))]
        line = bisect_right(self._starts, index)
        return (line, index - self._starts[line - 1] + 1)

    @property
    def text(self) -> str:
        return self._text

    def line(self, number: int) -> str:
        """The text of the editor's line `number` (1-based), without its break; empty past the end."""
        lines = _EDITOR_BREAK.split(self._text)
        return lines[number - 1] if 0 < number <= len(lines) else ""


_ENDS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
_STARTS = (yaml.MappingStartEvent, yaml.SequenceStartEvent)


class Positions:
    """The line and column (1-based) of every value (`values`) and mapping key (`keys`) read so far."""

    def __init__(self, text: str, loader: Any) -> None:
        self.values: dict[Key, Mark] = {}
        self.keys: dict[Key, Mark] = {}
        self._closed: set[Key] = set()  # collections whose every entry has been read
        self._events: Iterator[yaml.Event] = yaml.parse(text, Loader=loader)
        self._place = Lines(text).place
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
        mark = self._place(event.start_mark)
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
