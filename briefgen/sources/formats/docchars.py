"""Which characters of a Word 97-2003 document Word does not show: the runs whose direct character properties
(the CHPX of the character bin table's FKP pages, [MS-DOC] 2.9.41) make them hidden (sprmCFVanish) or a tracked
deletion (sprmCFRMarkDel), as byte ranges of the WordDocument stream.

Only the properties a run sets itself are read: a character style that hides its text is not (its toggle, 0x80
"as the style says", reads as shown; 0x81 "the opposite of the style" as hidden, the style being taken as shown).
"""

from __future__ import annotations

import bisect
import struct
from collections.abc import Callable, Iterator

from briefgen.sources.formats.docfib import CHARACTER_RUNS, Fib
from briefgen.sources.formats.plain import SeedError

PAGE = 512  # an FKP's size
VANISH, DELETED = 0x083C, 0x0800
SHOWN_BY = (0, 0x80)  # toggle operands leaving the text shown
# Operand sizes by a sprm's spra (its top three bits); 6 is variable, its size in its first byte
OPERAND = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}


class Unshown:
    """The byte ranges holding characters Word does not show, sorted and merged."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        merged: list[tuple[int, int]] = []
        for start, end in sorted(ranges):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        self.starts = [start for start, _ in merged]
        self.ranges = merged

    def shown(self, text: str, offset: int, width: int) -> str:
        """`text`, stored from `offset` `width` bytes a character, its unshown characters made NUL (so each
        character keeps its position)."""
        end = offset + len(text) * width
        first = max(bisect.bisect_right(self.starts, offset) - 1, 0)
        chars = None
        for start, stop in self.ranges[first:bisect.bisect_left(self.starts, end)]:
            low, high = -(-(max(start, offset) - offset) // width), -(-(min(stop, end) - offset) // width)
            if low < high:
                chars = chars if chars is not None else list(text)
                chars[low:high] = "\x00" * (high - low)
        return text if chars is None else "".join(chars)


def unshown(word: bytes, table: bytes, fib: Fib, damaged: Callable[[str], SeedError]) -> Unshown:
    """The unshown runs of every CHPX FKP the bin table names (a page past the stream: the file is damaged)."""
    start, length = fib.table(CHARACTER_RUNS)
    plc = table[start:start + length]
    count = (len(plc) - 4) // 8 if len(plc) == length else 0
    pages = struct.unpack_from(f"<{count}I", plc, 4 * (count + 1)) if count > 0 else ()
    ranges: list[tuple[int, int]] = []
    for number in dict.fromkeys(page & 0x3FFFFF for page in pages):
        fkp = word[number * PAGE:(number + 1) * PAGE]
        if len(fkp) < PAGE:
            raise damaged(f"its character properties point past the WordDocument stream (page {number})")
        ranges += _runs(fkp)
    return Unshown(ranges)


def _runs(fkp: bytes) -> Iterator[tuple[int, int]]:
    """The byte ranges of one FKP's runs that are hidden or deleted."""
    runs = fkp[-1]
    if 4 * (runs + 1) + runs > PAGE - 1:
        return
    fcs = struct.unpack_from(f"<{runs + 1}I", fkp)
    for index in range(runs):
        at = 2 * fkp[4 * (runs + 1) + index]
        if at and at < PAGE - 1 and _hides(fkp[at + 1:at + 1 + fkp[at]]):
            yield fcs[index], fcs[index + 1]


def _hides(grpprl: bytes) -> bool:
    """Whether a run's properties make it hidden or deleted (the last setting of each counts)."""
    found: dict[int, int] = {}
    at = 0
    while at + 2 <= len(grpprl):
        sprm = struct.unpack_from("<H", grpprl, at)[0]
        at += 2
        size = OPERAND.get(sprm >> 13, 0) or (1 + grpprl[at] if at < len(grpprl) else 1)
        if sprm in (VANISH, DELETED) and at < len(grpprl):
            found[sprm] = grpprl[at]
        at += size
    return any(value not in SHOWN_BY for value in found.values())
