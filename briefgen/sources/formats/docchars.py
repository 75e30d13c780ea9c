"""What a Word 97-2003 document's character properties change in its text as Word shows it, from the runs' direct
properties (the CHPX of the character bin table's FKP pages, [MS-DOC] 2.9.41), as byte ranges of the WordDocument
stream: characters hidden (sprmCFVanish) or tracked as deleted (sprmCFRMarkDel) are not shown; a symbol Word's
Insert > Symbol put (sprmCSymbol: a font and a character) and text typed in a symbol font (sprmCRgFtc0 naming
Symbol, Wingdings…, by the font table SttbfFfn) read as the characters drawn, as the DOCX reader reads them
(docxsym.py: Wingdings' `ü` is `✓`, Symbol's `a` is `α`).

A piece of text a fast save formatted whole (its Prm naming a property run of the CLX) reads with those properties.
Only the properties a run sets itself are read: a character style that hides its text or sets its font is not (its
toggle, 0x80 "as the style says", reads as shown; 0x81 "the opposite of the style" as hidden, the style being taken
as shown).
"""

from __future__ import annotations

import bisect
import struct
from collections.abc import Callable, Iterator

from briefgen.sources.formats.docfib import CHARACTER_RUNS, Fib
from briefgen.sources.formats.docxsym import font_text, sym_char, symbol_font
from briefgen.sources.formats.plain import SeedError

PAGE = 512  # an FKP's size
VANISH, DELETED, SYMBOL, FONT = 0x083C, 0x0800, 0x6A09, 0x4A4F
FONTS = 15  # FibRgFcLcb97's SttbfFfn
FONT_NAME = 39  # where an FFN's name begins, after its family, weight, character set, panose and signature
SHOWN_BY = (0, 0x80)  # toggle operands leaving the text shown
# Operand sizes by a sprm's spra (its top three bits); 6 is variable, its size in its first byte
OPERAND = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}
Change = Callable[[str], str]  # what a run's properties make of its characters


class Runs:
    """The byte ranges whose characters read otherwise than stored, sorted: each with what it makes of them."""

    def __init__(self, ranges: list[tuple[int, int, Change]], fonts: list[str]) -> None:
        self.fonts = fonts  # the font table's names, by index
        self.ranges = sorted(ranges, key=lambda found: found[:2])
        self.starts = [start for start, _, _ in self.ranges]
        self.longest = max((end - start for start, end, _ in self.ranges), default=0)

    def shown(self, text: str, offset: int, width: int, properties: bytes = b"") -> str:
        """`text`, stored from `offset` `width` bytes a character, as Word shows it: its unshown characters made
        NUL and its symbols the characters drawn, one for one (so each character keeps its position); with the
        `properties` a fast save gave the whole piece over its runs'."""
        whole = _change(_sprms(properties), self.fonts) if properties else None
        if whole is not None:
            return "".join(map(whole, text))
        end = offset + len(text) * width
        first = bisect.bisect_left(self.starts, offset - self.longest)
        chars = None
        for start, stop, change in self.ranges[first:bisect.bisect_left(self.starts, end)]:
            low, high = -(-(max(start, offset) - offset) // width), -(-(min(stop, end) - offset) // width)
            if low < high:
                chars = chars if chars is not None else list(text)
                chars[low:high] = [change(char) for char in chars[low:high]]
        return text if chars is None else "".join(chars)


def character_runs(word: bytes, table: bytes, fib: Fib, damaged: Callable[[str], SeedError]) -> Runs:
    """The runs of every CHPX FKP the bin table names that change their text (a page past the stream: the file
    is damaged)."""
    start, length = fib.table(CHARACTER_RUNS)
    plc = table[start:start + length]
    count = (len(plc) - 4) // 8 if len(plc) == length else 0
    pages = struct.unpack_from(f"<{count}I", plc, 4 * (count + 1)) if count > 0 else ()
    fonts = _font_names(table, fib)
    ranges: list[tuple[int, int, Change]] = []
    for number in dict.fromkeys(page & 0x3FFFFF for page in pages):
        fkp = word[number * PAGE:(number + 1) * PAGE]
        if len(fkp) < PAGE:
            raise damaged(f"its character properties point past the WordDocument stream (page {number})")
        ranges += [(start, end, change) for start, end, grpprl in _runs(fkp)
                   if (change := _change(_sprms(grpprl), fonts)) is not None]
    return Runs(ranges, fonts)


def _runs(fkp: bytes) -> Iterator[tuple[int, int, bytes]]:
    """The byte ranges of one FKP's runs that have properties, and their properties (grpprl)."""
    runs = fkp[-1]
    if 4 * (runs + 1) + runs > PAGE - 1:
        return
    fcs = struct.unpack_from(f"<{runs + 1}I", fkp)
    for index in range(runs):
        at = 2 * fkp[4 * (runs + 1) + index]
        if at and at < PAGE - 1:
            yield fcs[index], fcs[index + 1], fkp[at + 1:at + 1 + fkp[at]]


def _sprms(grpprl: bytes) -> dict[int, bytes]:
    """The operands of the properties read, by sprm (the last setting of each counts)."""
    found: dict[int, bytes] = {}
    at = 0
    while at + 2 <= len(grpprl):
        sprm = struct.unpack_from("<H", grpprl, at)[0]
        at += 2
        size = OPERAND.get(sprm >> 13, 0) or (1 + grpprl[at] if at < len(grpprl) else 1)
        if sprm in (VANISH, DELETED, SYMBOL, FONT):
            found[sprm] = grpprl[at:at + size]
        at += size
    return found


def _change(sprms: dict[int, bytes], fonts: list[str]) -> Change | None:
    """What a run's properties make of its characters: NUL for hidden or deleted ones, a symbol's character."""
    if any(sprms.get(sprm, b"\x00")[:1] not in (b"", *map(bytes, ([shown] for shown in SHOWN_BY)))
           for sprm in (VANISH, DELETED)):
        return lambda char: "\x00"
    if len(sprms.get(SYMBOL, b"")) == 4:
        font, code = struct.unpack("<HH", sprms[SYMBOL])
        drawn = sym_char(fonts[font] if font < len(fonts) else None, f"{code:x}")
        return lambda char: drawn
    if len(sprms.get(FONT, b"")) == 2:
        font = struct.unpack("<H", sprms[FONT])[0]
        name = fonts[font] if font < len(fonts) else None
        if symbol_font(name) is not None:
            return lambda char: font_text(name, char) if char >= " " else char
    return None


def _font_names(table: bytes, fib: Fib) -> list[str]:
    """The font table's names, by their index (SttbfFfn: a count, then each FFN after its size byte)."""
    start, length = fib.table(FONTS)
    data = table[start:start + length]
    count = struct.unpack_from("<H", data)[0] if len(data) >= 4 else 0
    names, at = [], 4
    for _ in range(count):
        if at >= len(data):
            break
        size = data[at]
        name = data[at + 1 + FONT_NAME:at + 1 + size].decode("utf-16-le", "replace")
        names.append(name.split("\x00")[0])
        at += 1 + size
    return names
