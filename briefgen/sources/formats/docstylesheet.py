"""The list a Word 97-2003 document's paragraph styles number their paragraphs in ([MS-DOC] 2.9.271 STSH, 2.9.260
STD, 2.9.320 UpxPapx): Word numbers its headings, and a style of numbered paragraphs, through the style's own
properties, where the paragraph's own name no list (LibreOffice writes the list on both, Word on the style
only). Each paragraph style's list (sprmPIlfo) and level (sprmPIlvl), its own or those of the style it is based
on (istdBase), read from the style sheet in the table stream.
"""

from __future__ import annotations

import struct
from collections.abc import Callable

from briefgen.sources.formats.docfib import Fib

STYLES = 1  # FibRgFcLcb97's STSH
PARAGRAPH_STYLE = 1  # an STD's stk
MAX_BASES = 11  # styles based on styles: Word allows ten levels
Sprms = tuple[int | None, int | None]  # (ilfo, ilvl), None where the properties set none
Reader = Callable[[bytes], Sprms]


def style_lists(table: bytes, fib: Fib, sprms: Reader) -> dict[int, Sprms]:
    """Each paragraph style's (ilfo, ilvl) by istd, through the styles it is based on; {} for a damaged sheet."""
    start, length = fib.table(STYLES)
    sheet = table[start:start + length] if length else b""
    own: dict[int, tuple[int, Sprms]] = {}
    try:
        header = struct.unpack_from("<H", sheet)[0]
        count, base = struct.unpack_from("<HH", sheet, 2)
        at = 2 + header
        for istd in range(count):
            size = struct.unpack_from("<H", sheet, at)[0]
            if size:
                found = _style(sheet[at + 2:at + 2 + size], base, sprms)
                if found is not None:
                    own[istd] = found
            at += 2 + size
    except struct.error:
        pass  # a damaged style sheet: the styles read so far
    return {istd: _inherited(istd, own) for istd in own}


def _style(std: bytes, base: int, sprms: Reader) -> tuple[int, Sprms] | None:
    """(istdBase, the list properties of its paragraph properties) of a paragraph style's STD; None for another
    kind of style."""
    kind, cupx = struct.unpack_from("<HH", std, 2)
    if kind & 0xF != PARAGRAPH_STYLE or not cupx & 0xF:
        return None
    name = struct.unpack_from("<H", std, base)[0]
    at = base + 2 + 2 * name + 2  # the name (Xstz: its length, its characters, a terminating zero)
    size = struct.unpack_from("<H", std, at)[0]
    upx = std[at + 2:at + 2 + size]  # the first UPX, a paragraph style's UpxPapx: istd, then its properties
    return kind >> 4, sprms(upx[2:])


def _inherited(istd: int, own: dict[int, tuple[int, Sprms]]) -> Sprms:
    """A style's (ilfo, ilvl): each its own, else the nearest style it is based on that sets it."""
    ilfo = ilvl = None
    for _ in range(MAX_BASES):
        if istd not in own:
            break
        parent, (found_ilfo, found_ilvl) = own[istd]
        ilfo = found_ilfo if ilfo is None else ilfo
        ilvl = found_ilvl if ilvl is None else ilvl
        istd = parent
    return ilfo, ilvl
