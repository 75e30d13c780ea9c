"""The label LibreOffice draws before a list item of an OpenDocument text: its number in its level's format,
with the level's prefix and suffix and the numbers of the levels above it shows ("2.", "b)", "1.2.", "IV."),
or for a bullet of any glyph "•", "◦", "▪" by its level, as the DOCX reader reads one (docxnumbers.BULLETS).

A list (text:list) counts its items from its level's start value; an item with a start value of its own
(text:start-value) starts again from it; an item deeper in the list restarts each level below it. A list
continues the count of the list before it when it says so (text:continue-numbering), or of the list it names
(text:continue-list); else it starts its own. Only an item that begins with a paragraph or heading is counted:
one that only holds a deeper list is LibreOffice's way of writing a deeper item, and draws no number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefgen.sources.formats.docxnumbers import BULLETS
from briefgen.sources.formats.listmarks import TYPES, marker
from briefgen.sources.formats.odtstyles import Level

MAX_LEVEL = 10  # ODF's list levels
_PLACE = re.compile(r"%(\d{1,2})%")


@dataclass
class Counts:
    """The numbers a list and those continuing it have reached, by level (None: not started there)."""

    numbers: list[int | None] = field(default_factory=lambda: [None] * (MAX_LEVEL + 1))

    def count(self, level: int, start: int, own_start: int | None) -> None:
        """An item at `level` (1-10): its number, and the levels below it started again."""
        current = self.numbers[level]
        self.numbers[level] = own_start if own_start is not None else start if current is None else current + 1
        for deeper in range(level + 1, MAX_LEVEL + 1):
            self.numbers[deeper] = None


class Lists:
    """The counts of the document's lists, the last one and those named by their xml:id."""

    def __init__(self) -> None:
        self.last: Counts | None = None
        self.named: dict[str, Counts] = {}

    def begin(self, continues: bool, named: str | None, ident: str | None) -> Counts:
        """The counts a top-level list goes on with: those it continues, else new ones."""
        counts = self.named.get(named) if named else self.last if continues else None
        counts = counts if counts is not None else Counts()
        self.last = counts
        if ident:
            self.named[ident] = counts
        return counts


def label(levels: dict[int, Level], counts: Counts, level: int) -> str:
    """The label drawn before an item at `level` once it has been counted ("" for none)."""
    style = levels.get(level, Level())
    if style.bullet:
        return BULLETS[(level - 1) % len(BULLETS)]
    if not style.num_format:
        return ""
    if style.pattern is not None and "%" in style.pattern:
        return _PLACE.sub(lambda found: _number(levels, counts, int(found.group(1))), style.pattern)
    shown = [_number(levels, counts, above) for above in range(max(1, level - style.shown_levels + 1), level + 1)]
    return style.prefix + ".".join(shown) + style.suffix


def _number(levels: dict[int, Level], counts: Counts, level: int) -> str:
    """The number a level has reached, in its format; "" for a level with none."""
    if not 1 <= level <= MAX_LEVEL:
        return ""
    style = levels.get(level, Level())
    value = counts.numbers[level]
    value = style.start if value is None else value
    if not style.num_format or style.bullet:
        return ""
    kind = TYPES.get(style.num_format, "decimal")
    return marker(kind, value).removesuffix(".") if value > 0 or kind == "decimal" else str(value)
