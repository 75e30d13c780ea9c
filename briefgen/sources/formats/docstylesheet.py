"""What a Word 97-2003 document's styles say that its paragraphs and runs do not say themselves ([MS-DOC] 2.9.271
STSH, 2.9.260 STD, 2.9.320 UpxPapx, 2.9.319 UpxChpx), read from the style sheet in the table stream, each
style's setting its own or that of the style it is based on (istdBase):

- the list a paragraph style numbers its paragraphs in (sprmPIlfo) and its level (sprmPIlvl): Word numbers its
  headings, and a style of numbered paragraphs, through the style only, where LibreOffice also writes the list on
  each paragraph;
- whether a paragraph or character style hides its text (sprmCFVanish in its character properties): LibreOffice
  and Word write a hidden style's setting on the style only.
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from briefgen.sources.formats.docfib import Fib

T = TypeVar("T")
STYLES = 1  # FibRgFcLcb97's STSH
PARAGRAPH_STYLE, CHARACTER_STYLE = 1, 2  # an STD's stk
MAX_BASES = 11  # styles based on styles: Word allows ten levels
Sprms = tuple[int | None, int | None]  # (ilfo, ilvl), None where the properties set none
ListReader = Callable[[bytes], Sprms]  # a paragraph's properties' list and level
VanishReader = Callable[[bytes], bool | None]  # whether character properties hide text (None: they say nothing)


@dataclass
class StyleSheet:
    """Each style's list (paragraph styles) and hiding (paragraph and character styles), by istd, inherited."""

    lists: dict[int, Sprms] = field(default_factory=dict)
    hidden: dict[int, bool] = field(default_factory=dict)


def style_sheet(table: bytes, fib: Fib, lists: ListReader, vanish: VanishReader) -> StyleSheet:
    """The style sheet's settings, each style's own else its base's; empty for a damaged sheet (the styles read
    before the damage kept)."""
    bases: dict[int, int] = {}
    own_lists: dict[int, Sprms] = {}
    own_hidden: dict[int, bool | None] = {}
    for istd, kind, base, upxs in _styles(table, fib):
        bases[istd] = base
        chpx = upxs[1] if kind == PARAGRAPH_STYLE and len(upxs) > 1 else upxs[0] if kind == CHARACTER_STYLE else b""
        own_hidden[istd] = vanish(chpx) if chpx else None
        if kind == PARAGRAPH_STYLE and upxs:
            own_lists[istd] = lists(upxs[0][2:])  # a paragraph style's UpxPapx: istd, then its properties
    found = StyleSheet()
    for istd in bases:
        ilfo = _inherited(istd, bases, {n: sprms[0] for n, sprms in own_lists.items()})
        ilvl = _inherited(istd, bases, {n: sprms[1] for n, sprms in own_lists.items()})
        if ilfo is not None or ilvl is not None:
            found.lists[istd] = (ilfo, ilvl)
        hidden = _inherited(istd, bases, own_hidden)
        if hidden is not None:
            found.hidden[istd] = hidden
    return found


def _styles(table: bytes, fib: Fib) -> Iterator[tuple[int, int, int, list[bytes]]]:
    """(istd, kind, istdBase, its UPXs) of each paragraph and character style of the sheet."""
    start, length = fib.table(STYLES)
    sheet = table[start:start + length] if length else b""
    try:
        header = struct.unpack_from("<H", sheet)[0]
        count, base = struct.unpack_from("<HH", sheet, 2)
        at = 2 + header
        for istd in range(count):
            size = struct.unpack_from("<H", sheet, at)[0]
            std = sheet[at + 2:at + 2 + size]
            at += 2 + size
            if size:
                kind, cupx = struct.unpack_from("<HH", std, 2)
                if kind & 0xF in (PARAGRAPH_STYLE, CHARACTER_STYLE):
                    yield istd, kind & 0xF, kind >> 4, _upxs(std, base, cupx & 0xF)
    except struct.error:
        return  # a damaged style sheet: the styles read so far


def _upxs(std: bytes, base: int, count: int) -> list[bytes]:
    """An STD's UPXs, after its base (cbSTDBaseInFile bytes) and its name (Xstz: its length, its characters, a
    terminating zero), each padded to an even length."""
    name = struct.unpack_from("<H", std, base)[0]
    at, found = base + 2 + 2 * name + 2, []
    for _ in range(count):
        size = struct.unpack_from("<H", std, at)[0]
        found.append(std[at + 2:at + 2 + size])
        at += 2 + size + (size & 1)
    return found


def _inherited(istd: int, bases: dict[int, int], own: Mapping[int, T | None]) -> T | None:
    """A style's setting: its own, else that of the nearest style it is based on that sets it."""
    for _ in range(MAX_BASES):
        found = own.get(istd)
        if found is not None or istd not in bases:
            return found
        istd = bases[istd]
    return None
