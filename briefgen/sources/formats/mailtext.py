"""A plain-text mail body (text/plain) as a mail client shows it, cut into paragraphs.

- A paragraph runs to a blank line: the lines a sender's mailer wrapped at 72 or 78 characters (hard-wrapped
  text) are joined again, as the sentence a reader copies runs across them; `unbroken` (plain.py) joins lines
  between two wide CJK characters without a space.
- `format=flowed` (RFC 3676): a line ending in a space is soft-broken, joined to the next of the same quote depth
  (its trailing space dropped too with `DelSp=yes`); the space a mailer stuffed before a line starting with a
  space, ">" or "From " is removed.
- A quoted reply's lines (`> `, `>> `, `> > `) are read as the client shows them, without the quote markers (a
  client that draws a bar beside the quote copies none); each change of quote depth starts a paragraph.
- The signature separator (a line of `-- `) starts a paragraph of the signature, which is read; the separator
  itself, a mark like the quote markers, is not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_QUOTED = re.compile(r"(?:>[ \t]?)+")  # the markers of a quoted line as mailers write them: ">", "> >", ">>"
_FLOWED_QUOTED = re.compile(r">+")  # RFC 3676: the quote depth is the number of ">" at the line's start
SIGNATURE = "-- "


def plain_paragraphs(text: str, flowed: bool = False, delsp: bool = False) -> list[str]:
    """The paragraphs of a text/plain body (its lines, each joined to the next, by "\\n", within one)."""
    paragraphs: list[str] = []
    current: list[str] = []
    depth = 0
    for level, line in _logical_lines(text, flowed, delsp):
        if not line.strip() or level != depth or line == SIGNATURE:
            if current:
                paragraphs.append("\n".join(current))
            current, depth = [], level
        if line.strip() and line != SIGNATURE:
            current.append(line)
    if current:
        paragraphs.append("\n".join(current))
    return paragraphs


def _logical_lines(text: str, flowed: bool, delsp: bool) -> Iterator[tuple[int, str]]:
    """Each line as shown: (its quote depth, its text without markers), soft-broken flowed lines joined."""
    pending: tuple[int, str] | None = None  # a flowed line ending in a soft break, waiting for its rest
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        level, line = _unquoted(raw, flowed)
        if pending is not None:
            if pending[0] == level:
                level, line = level, pending[1] + line
            else:
                yield pending
        pending = None
        if flowed and line.endswith(" ") and line != SIGNATURE:
            pending = (level, line[:-1] if delsp else line)
            continue
        yield level, line
    if pending is not None:
        yield pending


def _unquoted(raw: str, flowed: bool) -> tuple[int, str]:
    """A line's quote depth and its text after the quote markers (and, if flowed, its stuffed space)."""
    found = (_FLOWED_QUOTED if flowed else _QUOTED).match(raw)
    level = found.group().count(">") if found else 0
    line = raw[found.end():] if found else raw
    if flowed and line.startswith(" "):
        line = line[1:]
    return level, line
