"""An e-mail message parsed in pieces, without holding the bodies that are not read as text.

Python's email parser keeps each part's body as text: a 45 MB message with a 33 MB attachment (45 MB of base64)
held its lines, the string they were joined into and the decoded text of the whole message, some 420 MB. Here the
message is fed to the same parser a batch of lines at a time. While the parser is in the body of a part whose
headers say it is not read as text (any type but text/plain and text/html, or an attachment), the lines up to the
next one starting with "--" are not fed: only such a line can end a body (a MIME boundary, the parser's only end
of a part, starts with "--"), and any other is kept by the parser as a line of that body and nothing else. So the
parser builds the same tree of parts, the same headers and the same text bodies, with those bodies left out.
A text body sent as it stands (no base64 or quoted-printable) whose lines pass the most its type may hold is left
out too from there, the part marked `cut` (its reader refuses it, as it would the whole body). A part's header
block is fed a line at a time and counted, and refused once larger than the bound given (LongHeader).

The parser reads a line only once it has the next (a line ending in a lone CR may be half of a CRLF): every piece
fed ends with LF, so what it has been fed it has read when its state is looked at. A message whose lines end
with CR alone is fed whole, as before.

Nothing is left out of a message forwarded in base64 or quoted-printable (which MIME forbids): the parser reads
its encoded text as a message, and emldoc.py decodes it and parses it anew (its own attachments then left out).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from email.feedparser import BytesFeedParser
from email.message import Message
from email.policy import Policy, compat32

BODIES = frozenset({"text/plain", "text/html"})  # the types of part read as text, unless attached
BATCH = 64 * 1024  # bytes fed at a time (to the end of a line) while bodies are read
_DASHES = re.compile(rb"[\r\n]--")  # a line starting with "--"
_HEADER = re.compile(rb"From |[!-9;-~]*:|[\t ]")  # a line the parser reads as a header's (its headerRE)
_ENCODINGS = frozenset({"base64", "quoted-printable"})
_DECODED = _ENCODINGS | {"x-uuencode", "uuencode", "uue", "x-uue"}  # the transfer encodings Python decodes


class Part(Message):
    """A part of the message; `cut`: a text body larger than its type may hold, the rest of it left out."""

    cut = False


class _Parts:
    """The parser's message factory, which remembers the last part made (the part the parser reads) and whether a
    forwarded message encoded in base64 or quoted-printable was met (then nothing is left out)."""

    def __init__(self) -> None:
        self.last: Part | None = None
        self.encoded = False
        self.heading = False  # whether the last part's header block may still be being read
        self.header_bytes = 0  # the bytes of its header lines fed a line at a time
        self.body_bytes = 0  # the bytes of its text body fed, for a body sent as it stands

    def __call__(self, policy: Policy = compat32) -> Part:
        if self.last is not None and _encoded_message(self.last):
            self.encoded = True
        self.last = Part(policy)
        self.heading, self.header_bytes, self.body_bytes = True, 0, 0
        return self.last

    def in_header(self) -> bool:
        """Whether the parser may be reading the last part's header block (it has none yet, nor a body)."""
        return self.heading and self.last is not None and len(self.last) == 0 and self.last.get_payload() is None

    def in_body(self) -> Part | None:
        """The part whose body the parser, having read every line fed, reads (a part with headers, not multipart
        nor a message, its body not yet ended); None when there is none or nothing is to be left out."""
        part = self.last
        if part is None or self.encoded or len(part) == 0 or part.get_payload() is not None:
            return None
        return None if part.get_content_maintype() in ("multipart", "message") else part


def _encoded_message(part: Message) -> bool:
    encoding = str(part.get("Content-Transfer-Encoding", "")).strip().lower()
    return part.get_content_maintype() == "message" and encoding in _ENCODINGS


def _read_as_text(part: Message) -> bool:
    return part.get_content_type() in BODIES and (part.get_content_disposition() or "").lower() != "attachment"


def _as_it_stands(part: Message) -> bool:
    """Whether the body's decoded bytes are its own (as Python's get_payload(decode=True) takes the encoding)."""
    return str(part.get("content-transfer-encoding", "")).lower() not in _DECODED


def parsed(raw: bytes, max_header: int, max_body: Callable[[str], int]) -> Message:
    """The message `raw` holds, as Python's email parser reads it (compat32), the bodies of the parts that are
    not read as text empty, and a text body sent as it stands cut (`Part.cut`) past `max_body` of its type. A
    part's header block of more than `max_header` bytes is refused (LongHeader) as it is fed: the parser took
    27 s and 1.5 GB for seven million short header lines in a part."""
    return _Feed(raw, max_header, max_body).run()


class LongHeader(Exception):
    """A part's header block is larger than the bound given."""


class _Feed:
    """The message's bytes fed to the parser from `start` on: a batch at a time, a line at a time in a part's
    header block (counted), the unread bodies skipped."""

    def __init__(self, raw: bytes, max_header: int, max_body: Callable[[str], int]) -> None:
        self.raw, self.max_header, self.max_body, self.start = raw, max_header, max_body, 0
        self.parts = _Parts()
        self.parser = BytesFeedParser(_factory=self.parts, policy=compat32)

    def run(self) -> Message:
        while self.start < len(self.raw):
            body = self.parts.in_body() if not self.raw.startswith(b"--", self.start) else None
            if body is not None and (body.cut or not _read_as_text(body)):
                self.start = self._dashes()  # the lines before the next "--": not fed
            elif body is not None and _as_it_stands(body):
                self._text(body)
            elif self.parts.in_header():
                self._header_line()
            else:
                self._feed(self._line_end(self.start if self.raw.startswith(b"--", self.start) else
                                          self.start + BATCH))
        message: Message = self.parser.close()
        return message

    def _dashes(self, end: int | None = None) -> int:
        """Where the next line starting with "--" before `end` starts (else `end`, by default the message's)."""
        end = len(self.raw) if end is None else end
        found = _DASHES.search(self.raw, self.start, end)
        return found.start() + 1 if found else end

    def _line_end(self, at: int) -> int:
        return self.raw.find(b"\n", at) + 1 or len(self.raw)

    def _text(self, part: Part) -> None:
        """Feed a batch of a text body's lines, up to the next line starting with "--" (all of them the body's),
        counted; past the most its type may hold (with the line end the parser drops), the part is cut."""
        end = self._dashes(self._line_end(self.start + BATCH))
        self.parts.body_bytes += end - self.start
        self._feed(end)
        if self.parts.body_bytes > self.max_body(part.get_content_type()) + 2:
            part.cut = True

    def _header_line(self) -> None:
        """Feed a line of the header block the parser reads, counting it; a line no header starts ends it."""
        end = self._line_end(self.start)
        if _HEADER.match(self.raw, self.start):  # its first line counted (all lines, where LF ends them)
            self.parts.header_bytes += (self.raw.find(b"\r", self.start, end) + 1 or end) - self.start
            if self.parts.header_bytes > self.max_header:
                raise LongHeader
        else:
            self.parts.heading = False
        self._feed(end)

    def _feed(self, end: int) -> None:
        self.parser.feed(self.raw[self.start:end])
        self.start = end
