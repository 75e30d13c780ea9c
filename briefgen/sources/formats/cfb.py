"""The streams of an OLE compound file ([MS-CFB]: Word 97-2003's .doc keeps its text in one, an Outlook .msg each
property of the message), read from the file's bytes in memory by briefgen's own reader.

Every chain of sectors is followed with the sectors already visited in hand, so a chain that loops, points past
the file or outgrows the size its stream declares is refused, and no stream is read larger than the file holding
it: a damaged or hostile file costs at most a pass over its own bytes.
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from dataclasses import dataclass

from briefgen.sources.formats.plain import SeedError

SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
END = 0xFFFFFFFE  # the end of a chain (ENDOFCHAIN); FREESECT and the special sectors are above it
NO_ENTRY = 0xFFFFFFFF
HEADER_DIFAT = 109  # FAT sector numbers the header holds; the rest are in chained DIFAT sectors
STORAGE, STREAM, ROOT = 1, 2, 5


@dataclass(frozen=True)
class Entry:
    name: str
    kind: int
    left: int
    right: int
    child: int
    start: int
    size: int


class Compound:
    """A compound file's root storage: its streams by name (`stream`), each read whole and checked."""

    def __init__(self, raw: bytes, damaged: Callable[[str], SeedError]) -> None:
        self.raw, self.damaged = raw, damaged
        if not raw.startswith(SIGNATURE) or len(raw) < 512:
            raise damaged("it is not an OLE compound file")
        shift, mini_shift = struct.unpack_from("<HH", raw, 0x1E)
        if shift not in (9, 12) or mini_shift != 6:
            raise damaged(f"its sector size (2^{shift}) is not one a compound file has")
        self.size, self.mini_size = 1 << shift, 1 << mini_shift
        self.sectors = (len(raw) - self.size) // self.size if len(raw) > self.size else 0
        self.cutoff = struct.unpack_from("<I", raw, 0x38)[0]
        self.fat = self._fat()
        directory = self._chain(struct.unpack_from("<I", raw, 0x30)[0], self.fat, self._sector)
        wide = struct.unpack_from("<H", raw, 0x1A)[0] >= 4  # version 3 files leave a size's high half undefined
        self.entries = [_entry(directory, offset, wide) for offset in range(0, len(directory) - 127, 128)]
        if not self.entries or self.entries[0].kind != ROOT:
            raise damaged("its directory has no root entry")
        root = self.entries[0]
        self.mini_fat = self._chain(struct.unpack_from("<I", raw, 0x3C)[0], self.fat, self._sector)
        self.mini_stream = self._chain(root.start, self.fat, self._sector, root.size) if root.size else b""

    def names(self) -> dict[str, Entry]:
        """The root storage's own streams, by name (not those of the storages inside it: an embedded object's)."""
        return {name: entry for name, entry in self.children(self.entries[0]).items() if entry.kind == STREAM}

    def children(self, storage: Entry) -> dict[str, Entry]:
        """A storage's streams and storages, by name (the first of a name kept); its red-black tree is walked with
        the entries seen in hand, so a tree that loops or points past the directory ends there."""
        found: dict[str, Entry] = {}
        pending, seen = [storage.child], set()
        while pending:
            index = pending.pop()
            if index == NO_ENTRY or index in seen or index >= len(self.entries):
                continue
            seen.add(index)
            entry = self.entries[index]
            pending += [entry.left, entry.right]
            if entry.kind in (STREAM, STORAGE):
                found.setdefault(entry.name, entry)
        return found

    def find(self, path: str) -> Entry | None:
        """The stream or storage at a path of names from the root ("storage/stream"), None where there is none."""
        entry: Entry | None = self.entries[0]
        for name in path.split("/"):
            entry = None if entry is None or entry.kind == STREAM else self.children(entry).get(name)
        return entry

    def stream(self, entry: Entry) -> bytes:
        """A stream's bytes, from the mini stream when it is smaller than the cutoff (4096 bytes)."""
        if entry.size > len(self.raw):
            raise self.damaged(f"its stream {entry.name!r} declares {entry.size} bytes, more than the file holds")
        if entry.size < self.cutoff:
            fat = _table(self.mini_fat)
            return self._chain(entry.start, fat, self._mini_sector, entry.size)
        return self._chain(entry.start, self.fat, self._sector, entry.size)

    def _sector(self, number: int) -> bytes:
        if number >= self.sectors:
            raise self.damaged(f"a chain of sectors points past the file's end (sector {number})")
        start = (number + 1) * self.size
        return self.raw[start:start + self.size]

    def _mini_sector(self, number: int) -> bytes:
        start = number * self.mini_size
        if start + self.mini_size > len(self.mini_stream):
            raise self.damaged(f"a chain of mini sectors points past the mini stream's end (sector {number})")
        return self.mini_stream[start:start + self.mini_size]

    def _chain(self, start: int, fat: tuple[int, ...], read: Callable[[int], bytes], size: int = -1) -> bytes:
        """The sectors of the chain from `start`, joined (cut to `size` when one is given); a loop is refused."""
        parts, seen, number, total = [], set(), start, 0
        while number < END and (size < 0 or total < size):
            if number in seen or number >= len(fat):
                raise self.damaged("a chain of its sectors loops or leaves its table")
            seen.add(number)
            parts.append(read(number))
            total += len(parts[-1])
            number = fat[number]
        data = b"".join(parts)
        if size >= 0 and len(data) < size:
            raise self.damaged(f"a stream's chain of sectors ends before its {size} bytes")
        return data if size < 0 else data[:size]

    def _fat(self) -> tuple[int, ...]:
        """The file allocation table: the sectors the header's and the DIFAT chain's entries name, joined."""
        numbers = list(struct.unpack_from(f"<{HEADER_DIFAT}I", self.raw, 0x4C))
        difat, seen = struct.unpack_from("<I", self.raw, 0x44)[0], set()
        while difat < END:
            if difat in seen:
                raise self.damaged("its chain of DIFAT sectors loops")
            seen.add(difat)
            words = struct.unpack(f"<{self.size // 4}I", self._sector(difat))
            numbers += words[:-1]
            difat = words[-1]
        return _table(b"".join(self._sector(number) for number in numbers if number < END))


def _table(data: bytes) -> tuple[int, ...]:
    return struct.unpack(f"<{len(data) // 4}I", data[:len(data) // 4 * 4])


def _entry(directory: bytes, offset: int, wide: bool) -> Entry:
    length = min(struct.unpack_from("<H", directory, offset + 64)[0], 64)
    name = directory[offset:offset + max(length - 2, 0)].decode("utf-16-le", "replace")
    kind = directory[offset + 66]
    left, right, child = struct.unpack_from("<III", directory, offset + 68)
    start, size = struct.unpack_from("<IQ", directory, offset + 116)
    return Entry(name, kind, left, right, child, start, size if wide else size & 0xFFFFFFFF)
