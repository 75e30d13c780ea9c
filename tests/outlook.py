"""Outlook .msg files for the tests: a minimal OLE compound file writer (version 3, 512-byte sectors, streams under
4096 bytes in the mini stream, as [MS-CFB] lays them out) and the
message properties [MS-OXMSG] puts in it."""

from __future__ import annotations

import datetime as dt
import struct

from briefgen.sources.formats.lzfu import PREAMBLE

SECTOR, MINI, CUTOFF = 512, 64, 4096
FREE, END, FAT_SECTOR, DIFAT_SECTOR = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFC
HEADER_DIFAT = 109  # the FAT sectors the header names
NONE = 0xFFFFFFFF


def _chain(fat: list[int], start: int, count: int) -> None:
    for i in range(count):
        fat[start + i] = start + i + 1 if i < count - 1 else END


def _sectors(data: bytes, size: int) -> int:
    return (len(data) + size - 1) // size


class _Entry:
    def __init__(self, name: str, kind: int, data: bytes = b"") -> None:
        self.name, self.kind, self.data = name, kind, data
        self.children: list[_Entry] = []
        self.left = self.right = self.child = NONE
        self.start, self.size, self.sid = END, len(data), 0


def _tree(streams: dict[str, bytes]) -> list[_Entry]:
    root = _Entry("Root Entry", 5)
    entries = [root]
    storages = {"": root}
    for path, data in streams.items():
        parts = path.split("/")
        for depth in range(1, len(parts)):
            key = "/".join(parts[:depth])
            if key not in storages:
                storages[key] = _Entry(parts[depth - 1], 1)
                storages["/".join(parts[:depth - 1])].children.append(storages[key])
                entries.append(storages[key])
        entry = _Entry(parts[-1], 2, data)
        storages["/".join(parts[:-1])].children.append(entry)
        entries.append(entry)
    for sid, entry in enumerate(entries):
        entry.sid = sid
    for entry in entries:
        entry.child = _balanced(sorted(entry.children, key=lambda e: (len(e.name), e.name.upper())))
    return entries


def _balanced(ordered: list[_Entry]) -> int:
    """The id of the middle entry, its left and right the balanced trees of the entries before and after it."""
    if not ordered:
        return NONE
    middle = len(ordered) // 2
    top = ordered[middle]
    top.left, top.right = _balanced(ordered[:middle]), _balanced(ordered[middle + 1:])
    return top.sid


def _directory(entries: list[_Entry]) -> bytes:
    out = bytearray()
    for entry in entries:
        name = entry.name.encode("utf-16-le")[:62]
        out += name.ljust(64, b"\0") + struct.pack("<HBBIII", len(name) + 2, entry.kind, 1, entry.left,
                                                    entry.right, entry.child)
        out += bytes(16 + 4 + 16) + struct.pack("<IQ", entry.start, entry.size)
    return bytes(out.ljust(_sectors(out, SECTOR) * SECTOR, b"\0"))


def compound_file(streams: dict[str, bytes]) -> bytes:
    """A compound file holding each stream at its path ("storage/stream")."""
    entries = _tree(streams)
    mini = bytearray()
    minifat: list[int] = []
    for entry in entries[1:]:
        if entry.kind == 2 and 0 < entry.size < CUTOFF:
            entry.start = len(mini) // MINI
            count = _sectors(entry.data, MINI)
            minifat += [0] * count
            _chain(minifat, entry.start, count)
            mini += entry.data.ljust(count * MINI, b"\0")
    entries[0].data, entries[0].size = bytes(mini), len(mini)
    big = [entry for entry in entries if (entry.kind == 2 and entry.size >= CUTOFF) or (entry.kind == 5 and mini)]
    minifat_bytes = b"".join(struct.pack("<I", v) for v in minifat)
    minifat_bytes = minifat_bytes.ljust(_sectors(minifat_bytes, SECTOR) * SECTOR, b"\xff")
    dir_count = _sectors(bytes(len(entries) * 128), SECTOR)
    data_count = sum(_sectors(entry.data, SECTOR) for entry in big)
    body_count = dir_count + len(minifat_bytes) // SECTOR + data_count
    fat_count, difat_count = 1, 0
    while fat_count * (SECTOR // 4) < fat_count + difat_count + body_count:
        fat_count += 1
        difat_count = _sectors(bytes(4 * max(0, fat_count - HEADER_DIFAT)), SECTOR - 4)
    fat = [FREE] * (fat_count * SECTOR // 4)
    for i in range(fat_count):
        fat[i] = FAT_SECTOR
    for i in range(fat_count, fat_count + difat_count):
        fat[i] = DIFAT_SECTOR
    at = fat_count + difat_count
    first_dir = at
    _chain(fat, at, dir_count)
    at += dir_count
    first_minifat = at if minifat else END
    _chain(fat, at, len(minifat_bytes) // SECTOR)
    at += len(minifat_bytes) // SECTOR
    payload = bytearray()
    for entry in big:
        count = _sectors(entry.data, SECTOR)
        entry.start = at
        _chain(fat, at, count)
        at += count
        payload += entry.data.ljust(count * SECTOR, b"\0")
    directory = _directory(entries)
    header = bytearray(SECTOR)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHHIII", header, 24, 0x3E, 3, 0xFFFE, 9, 6, 0, 0, 0)
    in_header, difat = _difat(fat_count, difat_count)
    struct.pack_into("<IIIIIIII", header, 44, fat_count, first_dir, 0, CUTOFF, first_minifat,
                     len(minifat_bytes) // SECTOR if minifat else 0, fat_count if difat_count else END,
                     difat_count if fat_count > HEADER_DIFAT else 0)
    struct.pack_into(f"<{HEADER_DIFAT}I", header, 76, *in_header)
    fat_bytes = struct.pack(f"<{len(fat)}I", *fat)
    return bytes(header) + fat_bytes + difat + directory + minifat_bytes + bytes(payload)


def _difat(fat_count: int, difat_count: int) -> tuple[list[int], bytes]:
    """The FAT sectors' numbers: the header's 109, then the DIFAT sectors (127 numbers and the next's each) that
    a file of more than 109 FAT sectors (some 7 MB) needs, laid after the FAT."""
    numbers = list(range(fat_count))
    in_header = (numbers[:HEADER_DIFAT] + [FREE] * HEADER_DIFAT)[:HEADER_DIFAT]
    sectors = bytearray()
    per = SECTOR // 4 - 1
    for i in range(difat_count):
        chunk = numbers[HEADER_DIFAT + i * per:HEADER_DIFAT + (i + 1) * per]
        following = fat_count + i + 1 if i < difat_count - 1 else END
        sectors += struct.pack(f"<{per + 1}I", *(chunk + [FREE] * (per - len(chunk))), following)
    return in_header, bytes(sectors)


UNICODE, BINARY, LONG, TIME = 0x001F, 0x0102, 0x0003, 0x0040


def stored_rtf(rtf: bytes) -> bytes:
    """A PR_RTF_COMPRESSED value holding `rtf` uncompressed ("MELA")."""
    return struct.pack("<II", len(rtf) + 12, len(rtf)) + b"MELA" + bytes(4) + rtf


def compressed_rtf(rtf: bytes) -> bytes:
    """A PR_RTF_COMPRESSED value ("LZFu") of literals only, with the end reference after them."""
    body, write = bytearray(), len(PREAMBLE)
    tokens = [bytes([byte]) for byte in rtf] + [None]
    for start in range(0, len(tokens), 8):
        run = tokens[start:start + 8]
        control = sum(1 << bit for bit, token in enumerate(run) if token is None)
        body.append(control)
        for token in run:
            if token is None:
                position = (write + len(rtf)) % 4096
                body += struct.pack(">H", position << 4)
            else:
                body += token
    return struct.pack("<II", len(body) + 12, len(rtf)) + b"LZFu" + bytes(4) + bytes(body)


def message(strings: dict[int, str] | None = None, binaries: dict[int, bytes] | None = None,
            fixed: dict[int, tuple[int, int]] | None = None, attachments: tuple[str, ...] = (),
            narrow: dict[int, bytes] | None = None, attached: bytes = b"%PDF-1.4 attachment bytes") -> bytes:
    """A .msg: string properties (UTF-16; `narrow`: 8-bit, in the message's code page), binary ones, fixed ones
    ({id: (type, value)}) and attachments (each holding the bytes `attached`)."""
    streams: dict[str, bytes] = {}
    for prop, data in (narrow or {}).items():
        streams[f"__substg1.0_{prop:04X}001E"] = data + b"\0"
    for prop, text in (strings or {}).items():
        streams[f"__substg1.0_{prop:04X}{UNICODE:04X}"] = (text + "\0").encode("utf-16-le")
    for prop, data in (binaries or {}).items():
        streams[f"__substg1.0_{prop:04X}{BINARY:04X}"] = data
    entries = b"".join(struct.pack("<IIQ", prop << 16 | kind, 6, value)
                       for prop, (kind, value) in (fixed or {}).items())
    streams["__properties_version1.0"] = bytes(32) + entries
    for i, name in enumerate(attachments):
        base = f"__attach_version1.0_#{i:08X}/"
        streams[base + f"__substg1.0_3707{UNICODE:04X}"] = (name + "\0").encode("utf-16-le")
        streams[base + f"__substg1.0_3701{BINARY:04X}"] = attached
        streams[base + "__properties_version1.0"] = bytes(8)
    return compound_file(streams)


def filetime(iso: str) -> int:
    """A Windows FILETIME (100 ns since 1601) of an ISO date and time."""
    return int((dt.datetime.fromisoformat(iso).timestamp() + 11_644_473_600) * 10_000_000)
