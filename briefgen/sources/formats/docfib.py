"""A Word 97-2003 document's File Information Block and piece table ([MS-DOC] 2.5, 2.9.177): where each story's
text is (the main document, footnotes, endnotes, text boxes: character positions), and where each run of
characters is stored in the WordDocument stream, one byte a character (cp1252) or two (UTF-16LE).

A piece or table pointing past its stream is refused, never read short: the file is damaged.
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from dataclasses import dataclass

from briefgen.sources.formats.plain import SeedError

WORD_MAGIC = 0xA5EC
WORD97 = 0xC1  # the nFib Word 97 and every later version write; Word 6.0/95 wrote 101-105, older Words less
ENCRYPTED, WHICH_TABLE, OBFUSCATED = 0x0100, 0x0200, 0x8000
# FibRgLw97's character counts (their index, 4 bytes each): the main text, footnotes, headers, macros (unused),
# comments, endnotes, text boxes; each story follows the one before it in the document's character positions
STORIES = ("text", "footnotes", "headers", "macros", "comments", "endnotes", "boxes")
FIRST_COUNT = 3
# FibRgFcLcb97's (offset, length) pairs read, by their index
FOOTNOTE_REFS, SECTIONS, CHARACTER_RUNS, CLX = 2, 6, 12, 33
COMPRESSED = 0x40000000
# Bytes 0x80-0x9F of a compressed piece, as the spec maps them: cp1252's characters; the five it leaves out (Word
# never writes them in a compressed piece) read as nothing, as LibreOffice reads them: NUL, which keeps the place
# of the character (a character position) and which doctext.py drops
_HIGH = bytes(range(0x80, 0xA0))
BYTE_TEXT = {byte: char.replace("\ufffd", "\x00") for byte, char in zip(_HIGH, _HIGH.decode("cp1252", "replace"),
                                                                        strict=True)}


@dataclass(frozen=True)
class Piece:
    cp: int  # the first character position it holds
    length: int  # characters
    offset: int  # where its first character is in the WordDocument stream
    width: int  # bytes a character: 1 (compressed) or 2
    properties: bytes = b""  # the character properties a fast save gave the whole piece (its Prm's grpprl)


@dataclass(frozen=True)
class Fib:
    flags: int
    version: int
    counts: dict[str, int]
    tables: tuple[tuple[int, int], ...]  # FibRgFcLcb's (offset, length) pairs, in the table stream

    @property
    def table_name(self) -> str:
        return "1Table" if self.flags & WHICH_TABLE else "0Table"

    def table(self, index: int) -> tuple[int, int]:
        return self.tables[index] if index < len(self.tables) else (0, 0)

    def start(self, story: str) -> int:
        """The character position of a story's first character."""
        return sum(self.counts[name] for name in STORIES[:STORIES.index(story)])


def read_fib(word: bytes, damaged: Callable[[str], SeedError]) -> Fib:
    """The FIB at the start of the WordDocument stream, its variable-length parts sized by their counts."""
    if len(word) < 0x22 or struct.unpack_from("<H", word, 0)[0] != WORD_MAGIC:
        raise damaged("its WordDocument stream does not begin as a Word document's does")
    version, flags = struct.unpack_from("<H", word, 2)[0], struct.unpack_from("<H", word, 0x0A)[0]
    at = 0x20
    words = _counted(word, at, 2, damaged)
    at += 2 + 2 * words
    longs = _counted(word, at, 4, damaged)
    counts = struct.unpack_from(f"<{longs}i", word, at + 2)
    at += 2 + 4 * longs
    pairs = _counted(word, at, 8, damaged)
    tables = struct.unpack_from(f"<{2 * pairs}I", word, at + 2)
    named = {name: max(counts[FIRST_COUNT + i], 0) if FIRST_COUNT + i < longs else 0
             for i, name in enumerate(STORIES)}
    return Fib(flags, version, named, tuple(zip(tables[::2], tables[1::2], strict=True)))


def _counted(word: bytes, at: int, size: int, damaged: Callable[[str], SeedError]) -> int:
    """The count of `size`-byte items stored at `at`, checked to fit in the stream."""
    count: int = struct.unpack_from("<H", word, at)[0] if at + 2 <= len(word) else len(word)
    if at + 2 + size * count > len(word):
        raise damaged("its File Information Block is cut short")
    return count


def pieces(table: bytes, fib: Fib, stored: int, damaged: Callable[[str], SeedError]) -> list[Piece]:
    """The piece table in the CLX: after any property runs (Prc, 0x01), the Pcdt (0x02) holding the PlcPcd;
    refused when its pieces hold more bytes than the `stored` bytes of the WordDocument stream (pieces that
    overlap, a thousand times the same megabyte, would make a small file gigabytes of text)."""
    start, length = fib.table(CLX)
    clx = table[start:start + length]
    if length == 0 or len(clx) < length:
        raise damaged("its piece table is missing or points past the table stream")
    grpprls, at = _property_runs(clx, damaged)
    if at + 5 > len(clx) or clx[at] != 2:
        raise damaged("its piece table is damaged")
    size = struct.unpack_from("<I", clx, at + 1)[0]
    plc = clx[at + 5:at + 5 + size]
    count = (len(plc) - 4) // 12
    if count < 1 or len(plc) < size:
        raise damaged("its piece table is damaged")
    cps = struct.unpack_from(f"<{count + 1}i", plc)
    found = []
    for index in range(count):
        fc, prm = struct.unpack_from("<IH", plc, 4 * (count + 1) + 8 * index + 2)
        compressed = bool(fc & COMPRESSED)
        offset = (fc & ~COMPRESSED) // 2 if compressed else fc
        properties = grpprls[prm >> 1] if prm & 1 and prm >> 1 < len(grpprls) else b""  # a Prm naming a Prc
        found.append(Piece(cps[index], max(cps[index + 1] - cps[index], 0), offset, 1 if compressed else 2,
                           properties))
    if sum(piece.length * piece.width for piece in found) > stored:
        raise damaged("its pieces of text hold more bytes than its WordDocument stream (they overlap, or the "
                      "stream is cut short)")
    return found


def _property_runs(clx: bytes, damaged: Callable[[str], SeedError]) -> tuple[list[bytes], int]:
    """The CLX's property runs (Prc: 0x01, a size, the grpprl), in order, and where the piece table begins."""
    at, grpprls = 0, []
    while at < len(clx) and clx[at] == 1:
        size = struct.unpack_from("<h", clx, at + 1)[0] if at + 3 <= len(clx) else len(clx)
        if size < 0:  # a property run of negative size would lead back to itself
            raise damaged("its piece table is damaged")
        grpprls.append(clx[at + 3:at + 3 + size])
        at += 3 + size
    return grpprls, at


def piece_text(word: bytes, piece: Piece, damaged: Callable[[str], SeedError]) -> str:
    """A piece's characters, one a UTF-16 code unit (as character positions count them: a character beyond U+FFFF
    is two, its surrogates, which doctext.py pairs again), else one a byte."""
    end = piece.offset + piece.length * piece.width
    if end > len(word):
        raise damaged(f"a piece of its text points past the WordDocument stream (byte {end})")
    data = word[piece.offset:end]
    if piece.width == 2:
        units = bytearray(2 * len(data))  # each code unit widened to UTF-32, so no pair is joined yet
        units[0::4], units[1::4] = data[0::2], data[1::2]
        return units.decode("utf-32-le", "surrogatepass")
    return data.decode("latin-1").translate(BYTE_TEXT)
