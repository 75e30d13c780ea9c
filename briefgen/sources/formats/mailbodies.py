"""A mail's text body in base64 or quoted-printable, decoded from the message's own bytes a piece at a time.

The parser does not hold such a body (mailparse.py passes over its lines, keeping where it lies): it is decoded
here from the file's bytes in pieces of PIECE bytes, and given up as soon as its decoded bytes pass the most its
type may hold. A 40 MB body in base64 had its lines, their join, its bytes and its decoding held at once (294 MB,
the file 67 MB); now the memory is that of the decoded text kept.

Each piece is decoded as Python's email package decodes the whole body (Message.get_payload(decode=True)):
- base64: the line ends dropped; characters outside the alphabet skipped; a pad ("=") counted only once two
  characters of a group of four are in, and a group completed by pads ends the data; a last group of two or
  three characters is read as if padded; a last lone character makes the body undecodable, and then its text
  (the line ends dropped) is the body, as Python gives it.
- quoted-printable: binascii's decoder on pieces cut after a line feed, or after two characters that are not
  "=", where its state starts afresh (an "=" and the two characters after it never straddle a cut). One reading
  differs, where Python's was wrong: a soft break ("=" ending a line) before a carriage return alone ends that
  line, as a client reads it; Python's decoder skipped to the next line feed, which a message whose lines end
  with carriage returns alone does not have, so the rest of the body was lost.
"""

from __future__ import annotations

import binascii
import re
from collections.abc import Iterator
from dataclasses import dataclass

PIECE = 256 * 1024
_ALPHABET = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_SKIPPED = bytes(sorted(set(range(256)) - set(_ALPHABET) - {ord("=")}))  # all but the alphabet and the pad
_LINE_ENDS = b"\r\n"
_LAST_LINE_END = re.compile(rb"(?:\r\n|\r|\n)\Z")
_CUT = re.compile(rb"[^=][^=]")  # two characters after which no "=" sequence is open
_SOFT_CR = re.compile(rb"=\r(?!\n)")  # a soft break before a carriage return alone


@dataclass
class Span:
    """Where a body lies in the message's bytes: from `start` to `end` (-1: the end of the message), after `head`
    (a "From " line ending its part's header block, which the parser gives back to the body); `closed`: a
    multipart's boundary or end ended it (the parser then drops its last line end, so this drops it too)."""

    raw: bytes
    start: int
    end: int = -1
    closed: bool = False
    head: bytes = b""

    def view(self) -> memoryview:
        body = memoryview(self.raw)[self.start:len(self.raw) if self.end < 0 else self.end]
        if self.head:  # a copy, in this rare case only
            body = memoryview(self.head + bytes(body))
        found = _LAST_LINE_END.search(bytes(body[-2:])) if self.closed else None
        return body[:len(body) - len(found.group())] if found else body


class _Undecodable(Exception):
    """Base64 text whose last group is a lone character."""


def decoded(span: Span, encoding: str, limit: int) -> bytes | None:
    """The body's decoded bytes (`encoding`: "base64" or "quoted-printable"); None when more than `limit`."""
    if encoding != "base64":
        return _kept(_quoted_printable(span.view()), limit)
    try:
        return _kept(_base64(span.view()), limit)
    except _Undecodable:  # the email package gives the text itself, without its line ends
        return _kept((bytes(piece).translate(None, _LINE_ENDS) for piece in _pieces(span.view())), limit)


def _kept(pieces: Iterator[bytes], limit: int) -> bytes | None:
    kept: list[bytes] = []
    size = 0
    for piece in pieces:
        size += len(piece)
        if size > limit:
            return None
        kept.append(piece)
    return b"".join(kept)


def _pieces(view: memoryview) -> Iterator[memoryview]:
    return (view[at:at + PIECE] for at in range(0, len(view), PIECE))


def _base64(view: memoryview) -> Iterator[bytes]:
    """The decoding of base64 text, a piece at a time, as binascii's lenient decoder and the email package read
    it (module docstring); _Undecodable when its last group is a lone character."""
    group = b""  # the characters of the group of four not yet decoded (at most three)
    pads = 0
    for piece in _pieces(view):
        for n, run in enumerate(bytes(piece).translate(None, _SKIPPED).split(b"=")):
            if n and len(group) >= 2:  # a pad before this run
                pads += 1
                if len(group) + pads >= 4:
                    yield _padded(group)
                    return
            if run:
                pads, data = 0, group + run
                whole = len(data) - len(data) % 4
                yield binascii.a2b_base64(data[:whole])
                group = data[whole:]
    if len(group) == 1:
        raise _Undecodable
    yield _padded(group)


def _padded(group: bytes) -> bytes:
    return binascii.a2b_base64(group + b"=" * (4 - len(group))) if group else b""


def _quoted_printable(view: memoryview) -> Iterator[bytes]:
    start = 0
    while start < len(view):
        end = _cut(view, start)
        yield binascii.a2b_qp(_SOFT_CR.sub(b"=\r\n", bytes(view[start:end])))
        start = end


def _cut(view: memoryview, start: int) -> int:
    """Where a piece of quoted-printable text from `start` ends: after the last line feed within PIECE bytes,
    else after the last two characters there that are not "=" (no "=" sequence is then open), else further."""
    end = start + PIECE
    while end < len(view):
        window = bytes(view[start:end])
        cut = window.rfind(b"\n") + 1
        for found in () if cut else _CUT.finditer(window, max(0, len(window) - 4096)):
            cut = found.end()
        if cut:
            return start + cut
        end += PIECE
    return len(view)
