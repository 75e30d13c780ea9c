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
HINT = "open the message in Outlook and save it again (File > Save As, Outlook Message Format), or save it as .eml"
_RING = 4096


def decompressed(data: bytes, limit: int) -> bytes:
    """The RTF of a PR_RTF_COMPRESSED stream; a stream of another kind, or one stating an RTF larger than `limit`,
    is refused."""
    if len(data) < 16 or data[8:12] not in (COMPRESSED, STORED):
        raise SeedError("the Outlook message's RTF body is damaged (not compressed RTF)", HINT)
    size = struct.unpack_from("<I", data, 4)[0]
    if size > limit:
        raise SeedError(f"the Outlook message's RTF body is larger than {limit // 1024 // 1024} MB, more than a "
                        "message of at most a seed's text needs", HINT)
    if data[8:12] == STORED:
        return data[16:16 + size]
    return _inflate(memoryview(data)[16:], size)


def _inflate(body: memoryview, size: int) -> bytes:
    """The data, kept in one buffer: the dictionary's slot for a byte is its place in the buffer modulo 4096, so
    a reference reads the latest byte written to its slot, as the ring would hold it (the slots the preamble
    leaves free read as zeros, from the 4096 zeros before it)."""
    start = _RING + len(PREAMBLE)
    buffer = bytearray(_RING) + PREAMBLE
    position, end = 0, len(body)
    while position < end and len(buffer) - start < size:
        control, position = body[position], position + 1
        if control == 0:  # eight literals (the common run of text)
            buffer += body[position:position + 8]
            position += 8
            continue
        for bit in range(8):
            if position >= end:
                break
            if not control >> bit & 1:
                buffer.append(body[position])
                position += 1
                continue
            if position + 1 >= end:
                return bytes(buffer[start:start + size])
            reference, position = body[position] << 8 | body[position + 1], position + 2
            written = len(buffer) - _RING  # where the next byte goes, counted from the preamble's start
            back = (written - (reference >> 4)) % _RING  # how far behind the write position the run starts
            if back == 0:  # a reference to the write position: the end
                return bytes(buffer[start:start + size])
            _copy(buffer, len(buffer) - back, (reference & 0xF) + 2)
    return bytes(buffer[start:start + size])


def _copy(buffer: bytearray, source: int, length: int) -> None:
    """Append `length` bytes read from `source` on; a run reaching the bytes it writes repeats them."""
    pattern = buffer[source:source + length]  # shorter than the run when the run reaches its own bytes
    buffer += (pattern * (length // len(pattern) + 1))[:length]
