"""Word 97-2003 documents built by hand from [MS-DOC]'s and [MS-CFB]'s structures, for what LibreOffice never
writes (several pieces, one-byte pieces, fast-saved order) and for damaged and hostile files: a compound file of
512-byte sectors holding a WordDocument stream (its FIB, its pieces' bytes, character FKPs) and a 1Table stream
(the piece table, the character bin table)."""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

SECTOR = 512
END, FREE, FAT_SECTOR, NO_ENTRY = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
TEXT_AT = 0x400  # where the pieces' bytes begin in the WordDocument stream, after the FIB
CLX, CHARACTER_RUNS, FOOTNOTE_REFS = 33, 12, 2


@dataclass
class Piece:
    text: str
    compressed: bool = False  # one cp1252 byte a character, else UTF-16LE
    hidden: tuple[str, ...] = ()  # passages of the piece made hidden (each where it first occurs)
    deleted: tuple[str, ...] = ()  # passages made a tracked deletion
    properties: bytes = b""  # character properties a fast save gave the whole piece (a Prc its Prm names)


@dataclass
class WordDoc:
    pieces: list[Piece]
    footnotes: str = ""
    endnotes: str = ""
    flags: int = 0x0200  # fWhichTblStm: the table stream is 1Table
    version: int = 0xC1
    stored_order: list[int] = field(default_factory=list)  # the order the pieces' bytes are stored in
    shared: bool = False  # every piece points at the first one's bytes (overlapping pieces)
    prc: bytes = b""  # property runs (Prc) before the piece table in the CLX

    def streams(self) -> dict[str, bytes]:
        """The WordDocument and 1Table streams."""
        units = [len(piece.text.encode("utf-16-le")) // 2 for piece in self.pieces]
        main = sum(units) - len(self.footnotes) - len(self.endnotes)
        data, offsets = bytearray(), {}
        for index in self.stored_order or range(len(self.pieces)):
            piece = self.pieces[index]
            offsets[index] = TEXT_AT + (0 if self.shared else len(data))
            if self.shared and index:
                continue
            data += _one_byte(piece.text) if piece.compressed else piece.text.encode("utf-16-le")
        cps = [sum(units[:i]) for i in range(len(self.pieces) + 1)]
        grpprls = [piece.properties for piece in self.pieces if piece.properties]
        prc = b"".join(b"\x01" + struct.pack("<h", len(grpprl)) + grpprl for grpprl in grpprls)
        pcds = b"".join(struct.pack("<HIH", 0, offsets[i] * 2 | 0x40000000 if p.compressed else offsets[i],
                                    grpprls.index(p.properties) << 1 | 1 if p.properties else 0)
                        for i, p in enumerate(self.pieces))
        plc = struct.pack(f"<{len(cps)}i", *cps) + pcds
        clx = self.prc + prc + b"\x02" + struct.pack("<I", len(plc)) + plc
        runs = self._runs(offsets)
        fkp_page = -(-(TEXT_AT + len(data)) // SECTOR)
        text = "".join(piece.text for piece in self.pieces).encode("utf-16-le")
        refs = [at // 2 for at in range(0, 2 * main, 2) if text[at:at + 2] == b"\x02\x00"] if self.footnotes else []
        notes = struct.pack(f"<{len(refs) + 1}i{len(refs)}h", *refs, main, *[1] * len(refs)) if refs else b""
        word = bytearray(self._fib(main, len(clx), 12 if runs else 0, len(notes)))
        word += bytes(TEXT_AT - len(word)) + data
        word += bytes(fkp_page * SECTOR - len(word))
        table = clx + (struct.pack("<3I", runs[0][0], runs[-1][1], fkp_page) if runs else b"") + notes
        if runs:
            word += _fkp(runs)
        return {"WordDocument": _padded(bytes(word)), "1Table": _padded(table)}

    def _fib(self, main: int, clx_size: int, runs_size: int, notes_size: int) -> bytes:
        counts = [0] * 22
        counts[3:9] = [main, len(self.footnotes), 0, 0, 0, len(self.endnotes)]
        pairs = [0] * (2 * 93)
        pairs[2 * CLX:2 * CLX + 2] = [0, clx_size]
        pairs[2 * CHARACTER_RUNS:2 * CHARACTER_RUNS + 2] = [clx_size, runs_size]
        pairs[2 * FOOTNOTE_REFS:2 * FOOTNOTE_REFS + 2] = [clx_size + runs_size, notes_size]
        base = struct.pack("<HHHHHH", 0xA5EC, self.version, 0, 0x0409, 0, self.flags) + bytes(20)
        return base + struct.pack("<H", 14) + bytes(28) + struct.pack("<H22i", 22, *counts) + \
            struct.pack("<H186I", 93, *pairs) + struct.pack("<H", 0)

    def _runs(self, offsets: dict[int, int]) -> list[tuple[int, int, bytes]]:
        """Byte ranges of the stream and their properties: hidden (sprmCFVanish), deleted (sprmCFRMarkDel)."""
        found = []
        for index, piece in enumerate(self.pieces):
            width = 1 if piece.compressed else 2
            for passages, sprm in ((piece.hidden, 0x083C), (piece.deleted, 0x0800)):
                for passage in passages:
                    start = len(piece.text[:piece.text.index(passage)].encode("utf-16-le")) // 2
                    end = start + len(passage.encode("utf-16-le")) // 2
                    found.append((offsets[index] + start * width, offsets[index] + end * width,
                                  struct.pack("<HB", sprm, 1)))
        found.sort()
        filled, at = [], found[0][0] if found else 0
        for start, end, grpprl in found:  # the gaps between them: runs of no properties
            if start > at:
                filled.append((at, start, b""))
            filled.append((start, end, grpprl))
            at = end
        return filled


def _one_byte(text: str) -> bytes:
    """A compressed piece's bytes: cp1252, and the five bytes 0x80-0x9F it leaves out as themselves."""
    return b"".join(char.encode("cp1252") if char.encode("cp1252", "ignore") else char.encode("latin-1")
                    for char in text)


def _fkp(runs: list[tuple[int, int, bytes]]) -> bytes:
    page = bytearray(SECTOR)
    count = len(runs)
    struct.pack_into(f"<{count + 1}I", page, 0, *[start for start, _, _ in runs], runs[-1][1])
    at = SECTOR - 2
    for index, (_, _, grpprl) in enumerate(runs):
        if grpprl:
            at = (at - len(grpprl) - 1) & ~1
            page[at] = len(grpprl)
            page[at + 1:at + 1 + len(grpprl)] = grpprl
            page[4 * (count + 1) + index] = at // 2
    page[-1] = count
    return bytes(page)


def _padded(data: bytes) -> bytes:
    """At least the 4096 bytes below which a stream would live in the mini stream (not written here)."""
    return data + bytes(max(0, 4096 - len(data)))


def compound(streams: dict[str, bytes], loop: bool = False, declared: dict[str, int] | None = None) -> bytes:
    """A version 3 compound file of `streams` at the root; `loop`: the first stream's chain loops back on itself
    before its end;
    `declared`: sizes its directory states instead of the true ones."""
    sectors, fat, entries = [], [FAT_SECTOR, END], []
    for index, (name, data) in enumerate(streams.items()):
        first, count = 2 + len(sectors), -(-len(data) // SECTOR)
        sectors += [data[i * SECTOR:(i + 1) * SECTOR].ljust(SECTOR, b"\0") for i in range(count)]
        fat += [first + i + 1 for i in range(count - 1)] + [END]
        if loop and index == 0:
            fat[first + 1] = first  # its second sector leads back to its first
        entries.append(_entry(name, 2, first, (declared or {}).get(name, len(data)),
                              right=index + 2 if index + 1 < len(streams) else NO_ENTRY))
    assert len(fat) <= SECTOR // 4, "one FAT sector holds this builder's files"
    directory = _entry("Root Entry", 5, END, 0, child=1) + b"".join(entries)
    directory = directory.ljust(-(-len(directory) // SECTOR) * SECTOR, b"\0")
    assert len(directory) == SECTOR, "one directory sector"
    header = bytearray(SECTOR)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIII", header, 0x2C, 1, 1, 0, 4096, END, 0, END, 0)
    struct.pack_into("<109I", header, 0x4C, 0, *[FREE] * 108)
    table = struct.pack(f"<{len(fat)}I", *fat) + struct.pack("<I", FREE) * (SECTOR // 4 - len(fat))
    return bytes(header) + table + directory + b"".join(sectors)


def _entry(name: str, kind: int, start: int, size: int, child: int = NO_ENTRY, right: int = NO_ENTRY) -> bytes:
    encoded = (name + "\0").encode("utf-16-le")
    return encoded.ljust(64, b"\0") + struct.pack("<HBBIII", len(encoded), kind, 1, NO_ENTRY, right, child) + \
        bytes(36) + struct.pack("<IQ", start, size)


def word_file(document: WordDoc, loop: bool = False, declared: dict[str, int] | None = None) -> bytes:
    return compound(document.streams(), loop, declared)
