"""The numbers a house style's list puts before its headings ("1", "2.1", "IV."), counted as Word counts the
paragraphs of a numbered style: each one the next number of its level, the deeper levels starting again."""

from __future__ import annotations

import re

from briefgen.document.house import House, ListLevel
from briefgen.document.wordnumbers import number_text

_PLACE = re.compile(r"%([1-9])")
_UNDRAWN = ("none", "bullet")  # no number (a bullet's glyph is in a symbol font the PDF does not have)


class Numbers:
    """Labels for the paragraphs of numbered house styles, in document order."""

    def __init__(self, house: House | None) -> None:
        self.lists = dict(house.lists) if house is not None else {}
        self.looks = dict(house.styles) if house is not None else {}
        self.counts: dict[str, list[int | None]] = {}

    def label(self, word_name: str) -> str:
        """The next label of a paragraph in style `word_name` ('' where the style is not numbered)."""
        look = self.looks.get(word_name.lower())
        levels = self.lists.get(look.numbered[0], ()) if look is not None and look.numbered else ()
        if look is None or look.numbered is None or not levels:
            return ""
        level = look.numbered[1]
        counts = self.counts.setdefault(look.numbered[0], [None] * len(levels))
        current = counts[level]
        counts[level] = levels[level].start if current is None else current + 1
        counts[level + 1:] = [None] * (len(levels) - level - 1)
        if levels[level].fmt in _UNDRAWN:
            return ""

        def number(found: re.Match[str]) -> str:
            at = int(found[1]) - 1
            if at >= len(levels):
                return ""
            count = counts[at]
            return _formatted(levels[at], levels[at].start if count is None else count)

        return _PLACE.sub(number, levels[level].text).strip()


def _formatted(level: ListLevel, n: int) -> str:
    return "" if level.fmt in _UNDRAWN else number_text(n, level.fmt)
