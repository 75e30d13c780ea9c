"""What a Word 97-2003 document's character properties change in its text as Word shows it, from the runs' direct
properties (the CHPX of the character bin table's FKP pages, [MS-DOC] 2.9.41), as byte ranges of the WordDocument
stream: characters hidden (sprmCFVanish) or tracked as deleted (sprmCFRMarkDel) are not shown; a symbol Word's
Insert > Symbol put (sprmCSymbol: a font and a character) and text typed in a symbol font (sprmCRgFtc0 naming
Symbol, Wingdings…, by the font table SttbfFfn) read as the characters drawn, as the DOCX reader reads them
(docxsym.py: Wingdings' `ü` is `✓`, Symbol's `a` is `α`).

Text a style hides is not shown either: a run's own setting (0 shown, 1 hidden; 0x80 "as the style says", 0x81
"the opposite of the style") over its character style's (sprmCIstd), over its paragraph style's (the PAPX's
istd), each its own or its base style's (docstylesheet.py), as the DOCX reader decides it. A piece of text a fast
save formatted whole (its Prm naming a property run of the CLX) reads with those properties, its styles taken as
showing it. A character style's font is not read.
"""

from __future__ import annotations

import bisect
import struct
from collections.abc import Callable, Iterator

from briefgen.sources.formats.docfib import CHARACTER_RUNS, Fib
from briefgen.sources.formats.doclists import paragraph_runs
from briefgen.sources.formats.docxsym import font_text, sym_char, symbol_font
from briefgen.sources.formats.plain import SeedError

PAGE = 512  # an FKP's size
VANISH, DELETED, SYMBOL, FONT, CHARACTER_STYLE = 0x083C, 0x0800, 0x6A09, 0x4A4F, 0x4A30
FONTS = 15  # FibRgFcLcb97's SttbfFfn
FONT_NAME = 39  # where an FFN's name begins, after its family, weight, character set, panose and signature
AS_STYLE, AGAINST_STYLE = 0x80, 0x81  # a toggle's operands: as the style says, the opposite of the style
# Operand sizes by a sprm's spra (its top three bits); 6 is variable, its size in its first byte
OPERAND = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}
Change = Callable[[str], str]  # what a run's properties make of its characters
Span = tuple[int, int]


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


def character_runs(word: bytes, table: bytes, fib: Fib, damaged: Callable[[str], SeedError],
                   hidden_styles: dict[int, bool] | None = None) -> Runs:
    """The runs of every CHPX FKP the bin table names that change their text (a page past the stream: the file
    is damaged); `hidden_styles`: whether each style that says so hides its text, by istd (docstylesheet.py)."""
    start, length = fib.table(CHARACTER_RUNS)
    plc = table[start:start + length]
    count = (len(plc) - 4) // 8 if len(plc) == length else 0
    pages = struct.unpack_from(f"<{count}I", plc, 4 * (count + 1)) if count > 0 else ()
    fonts, styles = _font_names(table, fib), hidden_styles or {}
    hiding = _merged([(start, end) for start, end, istd, _ in paragraph_runs(word, table, fib)
                      if styles.get(istd)]) if any(styles.values()) else []
    ranges: list[tuple[int, int, Change]] = []
    for number in dict.fromkeys(page & 0x3FFFFF for page in pages):
        fkp = word[number * PAGE:(number + 1) * PAGE]
        if len(fkp) < PAGE:
            raise damaged(f"its character properties point past the WordDocument stream (page {number})")
        for start, end, grpprl in _runs(fkp):
            ranges += _run_changes(start, end, _sprms(grpprl), fonts, styles, hiding)
    return Runs(ranges, fonts)


def _run_changes(start: int, end: int, sprms: dict[int, bytes], fonts: list[str], styles: dict[int, bool],
                 hiding: list[Span]) -> Iterator[tuple[int, int, Change]]:
    """What a run's properties make of its bytes, in pieces: those in paragraphs whose style hides their text
    and the others."""
    character = sprms.get(CHARACTER_STYLE, b"")
    by_character = styles.get(struct.unpack("<H", character)[0]) if len(character) == 2 else None
    for low, high, in_hidden in _split(start, end, hiding):
        change = _change(sprms, fonts, in_hidden if by_character is None else by_character)
        if change is not None:
            yield low, high, change


def _merged(spans: list[Span]) -> list[Span]:
    """`spans` sorted, those that overlap or meet made one."""
    found: list[Span] = []
    for start, end in sorted(spans):
        if found and start <= found[-1][1]:
            found[-1] = (found[-1][0], max(end, found[-1][1]))
        else:
            found.append((start, end))
    return found


def _split(start: int, end: int, spans: list[Span]) -> Iterator[tuple[int, int, bool]]:
    """[start, end) in pieces, each with whether it lies in one of `spans` (sorted, apart)."""
    at, index = start, max(bisect.bisect_right(spans, (start, start)) - 1, 0)
    while at < end:
        while index < len(spans) and spans[index][1] <= at:
            index += 1
        if index == len(spans) or spans[index][0] >= end:
            yield at, end, False
            return
        low, high = spans[index]
        stop = low if low > at else min(high, end)
        yield at, stop, low <= at
        at = stop


def _runs(fkp: bytes) -> Iterator[tuple[int, int, bytes]]:
    """The byte ranges of one FKP's runs and their properties (grpprl; none for a run of the defaults)."""
    runs = fkp[-1]
    if 4 * (runs + 1) + runs > PAGE - 1:
        return
    fcs = struct.unpack_from(f"<{runs + 1}I", fkp)
    for index in range(runs):
        at = 2 * fkp[4 * (runs + 1) + index]
        yield fcs[index], fcs[index + 1], fkp[at + 1:at + 1 + fkp[at]] if at and at < PAGE - 1 else b""


def _sprms(grpprl: bytes) -> dict[int, bytes]:
    """The operands of the properties read, by sprm (the last setting of each counts)."""
    found: dict[int, bytes] = {}
    at = 0
    while at + 2 <= len(grpprl):
        sprm = struct.unpack_from("<H", grpprl, at)[0]
        at += 2
        size = OPERAND.get(sprm >> 13, 0) or (1 + grpprl[at] if at < len(grpprl) else 1)
        if sprm in (VANISH, DELETED, SYMBOL, FONT, CHARACTER_STYLE):
            found[sprm] = grpprl[at:at + size]
        at += size
    return found


def style_vanish(grpprl: bytes) -> bool | None:
    """Whether a style's character properties hide its text (None where they say nothing of it)."""
    operand = _sprms(grpprl).get(VANISH, b"")[:1]
    return None if not operand or operand[0] == AS_STYLE else operand[0] != 0


def _hidden(sprms: dict[int, bytes], by_style: bool) -> bool:
    """Whether a run's text is not shown: hidden (its own setting over its styles', `by_style`) or deleted."""
    operand = sprms.get(VANISH, b"")[:1]
    vanish = by_style if not operand or operand[0] == AS_STYLE else \
        (not by_style if operand[0] == AGAINST_STYLE else operand[0] != 0)
    return vanish or sprms.get(DELETED, b"")[:1] not in (b"", b"\x00", bytes([AS_STYLE]))


def _change(sprms: dict[int, bytes], fonts: list[str], by_style: bool = False) -> Change | None:
    """What a run's properties make of its characters: NUL for hidden or deleted ones, a symbol's character."""
    if _hidden(sprms, by_style):
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
