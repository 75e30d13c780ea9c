"""A Word 97-2003 document's automatic list numbers, as Word draws them in front of a paragraph ("3. ", "1.2.a) ",
"• "): not in the text, but in the list tables ([MS-DOC] 2.9.147 PlfLst, 2.9.131 LVL; 2.9.148 PlfLfo) that a
paragraph's own properties name (sprmPIlfo, sprmPIlvl in the paragraph FKPs' PAPX), else its paragraph style's
(docstylesheet.py: Word numbers headings and list styles through their style only).

Paragraphs count in their list (its LSTF, by lsid: the count is the list's, whichever of its LFOs a paragraph
names, as the DOCX reader counts instances of one list), a level restarting after a paragraph of any level
above it; a level's text (xst) puts each level's number where it holds that level's index (0-8), in that
level's format (docxnumbers' number formats); a bullet reads "•", "◦" or "▪" by its level, as for `.docx`.
An LFO's overrides of a level's start, and the restart limits of a level (ilvlRestartLim) are not read.
"""

from __future__ import annotations

import bisect
import struct
from collections.abc import Iterator
from dataclasses import dataclass

from briefgen.document.wordnumbers import number_text
from briefgen.sources.formats.docfib import Fib
from briefgen.sources.formats.docstylesheet import Sprms
from briefgen.sources.formats.docxnumbers import BULLETS

PAPX_RUNS, LISTS, OVERRIDES = 13, 73, 74  # FibRgFcLcb97's PlcfBtePapx, PlfLst, PlfLfo
PAGE = 512
ILFO, ILVL = 0x460B, 0x260A
TABLE_DEFINITION = 0xD608  # sprmTDefTable: its operand's size in two bytes, not one
OPERAND = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}
FORMATS = {0: "decimal", 1: "upperRoman", 2: "lowerRoman", 3: "upperLetter", 4: "lowerLetter", 5: "ordinal",
           6: "cardinalText", 7: "ordinalText", 22: "decimalZero", 23: "bullet", 255: "none"}
FOLLOW = " "  # a tab, a space or nothing (ixchFollow) after the number: a space, as LibreOffice's text export has it


@dataclass(frozen=True)
class Level:
    start: int
    fmt: str
    text: str  # the xst: characters 0-8 stand for the numbers of those levels


class Lists:
    """The labels of a document's numbered paragraphs, given in order by where their marks are stored."""

    def __init__(self, word: bytes, table: bytes, fib: Fib, styles: dict[int, Sprms]) -> None:
        """`styles`: each paragraph style's list and level, by istd (docstylesheet.py)."""
        self.runs = sorted(_list_runs(paragraph_runs(word, table, fib), styles))
        self.starts = [start for start, _, _, _ in self.runs]
        self.levels, self.lists = _lists(table, fib)
        self.counts: dict[int, dict[int, int]] = {}

    def label(self, fc: int) -> str:
        """The label of the paragraph whose mark is stored at `fc`, counted ("" for one in no list)."""
        at = bisect.bisect_right(self.starts, fc) - 1
        if at < 0 or fc >= self.runs[at][1]:
            return ""
        _, _, ilfo, depth = self.runs[at]
        lsid = self.lists[ilfo - 1] if 0 < ilfo <= len(self.lists) else None
        levels = self.levels.get(lsid) if lsid is not None else None
        if not levels or depth >= len(levels):
            return ""
        counts = self.counts.setdefault(lsid or 0, {})
        counts[depth] = counts[depth] + 1 if depth in counts else levels[depth].start
        for deeper in [level for level in counts if level > depth]:
            del counts[deeper]
        return _text(levels, depth, counts)


def _text(levels: list[Level], depth: int, counts: dict[int, int]) -> str:
    this = levels[depth]
    if this.fmt == "none":
        return ""
    if this.fmt == "bullet":
        return BULLETS[depth % len(BULLETS)] + FOLLOW
    text = "".join(number_text(counts.get(ord(char), levels[ord(char)].start), levels[ord(char)].fmt)
                   if ord(char) < len(levels) else char for char in this.text)
    return text + FOLLOW if text.strip() else ""


def paragraph_runs(word: bytes, table: bytes, fib: Fib) -> Iterator[tuple[int, int, int, bytes]]:
    """(start, end, istd, properties) of each run of paragraph properties (PAPX) of the FKPs the bin table names:
    the paragraph's style and its own properties (grpprl)."""
    start, length = fib.table(PAPX_RUNS)
    plc = table[start:start + length]
    count = (len(plc) - 4) // 8 if len(plc) == length and length >= 12 else 0
    for page in dict.fromkeys(struct.unpack_from(f"<{count}I", plc, 4 * (count + 1)) if count else ()):
        fkp = word[(page & 0x3FFFFF) * PAGE:((page & 0x3FFFFF) + 1) * PAGE]
        if len(fkp) == PAGE and 4 * (fkp[-1] + 1) + 13 * fkp[-1] < PAGE:
            yield from _fkp_runs(fkp)


def _fkp_runs(fkp: bytes) -> Iterator[tuple[int, int, int, bytes]]:
    runs = fkp[-1]
    fcs = struct.unpack_from(f"<{runs + 1}I", fkp)
    for index in range(runs):
        at = 2 * fkp[4 * (runs + 1) + 13 * index]
        if not at or at >= PAGE - 2:
            continue
        size, at = (2 * fkp[at] - 1, at + 1) if fkp[at] else (2 * fkp[at + 1], at + 2)
        istd = struct.unpack_from("<H", fkp, at)[0]  # the paragraph's style, then its own properties
        yield fcs[index], fcs[index + 1], istd, fkp[at + 2:at + size]


def _list_runs(runs: Iterator[tuple[int, int, int, bytes]], styles: dict[int, Sprms]
               ) -> Iterator[tuple[int, int, int, int]]:
    """(start, end, ilfo, ilvl) of each paragraph run in a list: the list its own properties name, even none,
    else its style's."""
    for start, end, istd, grpprl in runs:
        ilfo, ilvl = list_sprms(grpprl)
        style_ilfo, style_ilvl = styles.get(istd, (None, None))
        ilfo = style_ilfo if ilfo is None else ilfo
        if ilfo and ilfo < 0x7FF:
            yield start, end, ilfo, min(next(n for n in (ilvl, style_ilvl, 0) if n is not None), 8)


def list_sprms(grpprl: bytes) -> Sprms:
    """(ilfo, ilvl) a PAPX's properties set, None for each they do not."""
    ilfo = ilvl = None
    at = 0
    while at + 2 <= len(grpprl):
        sprm = struct.unpack_from("<H", grpprl, at)[0]
        at += 2
        if sprm == ILFO and at + 2 <= len(grpprl):
            ilfo = struct.unpack_from("<H", grpprl, at)[0]
        elif sprm == ILVL and at < len(grpprl):
            ilvl = grpprl[at]
        at += _operand(sprm, grpprl, at)
    return ilfo, ilvl


def _operand(sprm: int, grpprl: bytes, at: int) -> int:
    if sprm == TABLE_DEFINITION and at + 2 <= len(grpprl):
        length: int = struct.unpack_from("<H", grpprl, at)[0]
        return 1 + length
    size = OPERAND.get(sprm >> 13)
    return size if size is not None else 1 + (grpprl[at] if at < len(grpprl) else 0)


def _lists(table: bytes, fib: Fib) -> tuple[dict[int, list[Level]], list[int]]:
    """The lists' levels by lsid (PlfLst: the LSTFs; their LVLs follow it in the table stream, in order) and
    each LFO's lsid (PlfLfo)."""
    start, length = fib.table(LISTS)
    data = table[start:] if length else b""
    levels: dict[int, list[Level]] = {}
    try:
        count = struct.unpack_from("<h", data)[0]
        at = 2 + 28 * count
        for index in range(max(count, 0)):
            lsid = struct.unpack_from("<i", data, 2 + 28 * index)[0]
            simple = data[2 + 28 * index + 26] & 1
            levels[lsid] = []
            for _ in range(1 if simple else 9):
                level, at = _level(data, at)
                levels[lsid].append(level)
    except (struct.error, IndexError):
        pass  # a damaged list table: the lists read so far
    start, length = fib.table(OVERRIDES)
    data = table[start:start + length]
    lfos = struct.unpack_from("<i", data)[0] if len(data) >= 4 else 0
    lsids = [struct.unpack_from("<i", data, 4 + 16 * i)[0] for i in range(max(0, min(lfos, (len(data) - 4) // 16)))]
    return levels, lsids


def _level(data: bytes, at: int) -> tuple[Level, int]:
    """One LVL: its LVLF (28 bytes), its paragraph and character properties, then its number text (xst)."""
    start, nfc = struct.unpack_from("<iB", data, at)
    chpx, papx = data[at + 24], data[at + 25]
    at += 28 + papx + chpx
    size = struct.unpack_from("<H", data, at)[0]
    text = data[at + 2:at + 2 + 2 * size].decode("utf-16-le", "replace")
    if len(text) < size:
        raise IndexError("a level's text past the table")
    return Level(start, FORMATS.get(nfc, "decimal"), text), at + 2 + 2 * size
