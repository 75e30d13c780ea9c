"""Outlook's compressed RTF body (PR_RTF_COMPRESSED, [MS-OXRTFCP]): a 16-byte header (the compressed size, the
RTF's size, "LZFu" or "MELA" for stored uncompressed, a CRC), then LZ77 runs against a 4096-byte ring
dictionary that starts with a fixed RTF preamble. Each control byte's eight bits, lowest first, say whether the
next token is a literal byte (0) or a two-byte reference (1: 12 bits of offset into the dictionary, 4 bits of
length less 2); a reference to the write position itself ends the data.

The output never exceeds the size the header states, nor `limit`; a truncated stream ends where its data does.
"""

from __future__ import annotations

import struct

from briefgen.sources.formats.plain import SeedError

PREAMBLE = (b"{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman \\fswiss \\fmodern \\fscript "
            b"\\fdecor MS Sans SerifSymbolArialTimes New RomanCourier{\\colortbl\\red0\\green0\\blue0\r\n\\par "
            b"\\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx")
COMPRESSED, STORED = b"LZFu", b"MELA"
_RING = 4096


def decompressed(data: bytes, limit: int) -> bytes:
    """The RTF of a PR_RTF_COMPRESSED stream; a stream of another kind is refused as damaged."""
    if len(data) < 16 or data[8:12] not in (COMPRESSED, STORED):
        raise SeedError("the Outlook message's RTF body is damaged (not compressed RTF)",
                        "open the message in Outlook and save it again (File > Save As, Outlook Message Format)")
    size = min(struct.unpack_from("<I", data, 4)[0], limit)
    if data[8:12] == STORED:
        return data[16:16 + size]
    return _inflate(memoryview(data)[16:], size)


def _inflate(body: memoryview, size: int) -> bytes:
    ring = bytearray(PREAMBLE.ljust(_RING, b"\0"))
    write = len(PREAMBLE)
    out = bytearray()
    position, end = 0, len(body)
    while position < end and len(out) < size:
        control, position = body[position], position + 1
        for bit in range(8):
            if position >= end or len(out) >= size:
                break
            if not control >> bit & 1:
                ring[write], write = body[position], (write + 1) % _RING
                out.append(body[position])
                position += 1
                continue
            if position + 1 >= end:
                return bytes(out)
            reference, position = body[position] << 8 | body[position + 1], position + 2
            offset, length = reference >> 4, (reference & 0xF) + 2
            if offset == write:
                return bytes(out)
            for step in range(length):
                byte = ring[(offset + step) % _RING]
                ring[write], write = byte, (write + 1) % _RING
                out.append(byte)
    return bytes(out[:size])
