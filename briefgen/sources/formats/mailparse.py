"""An e-mail message parsed in pieces, without holding the bodies that are not read as text.

Python's email parser keeps each part's body as text: a 45 MB message with a 33 MB attachment (45 MB of base64)
held its lines, the string they were joined into and the decoded text of the whole message, some 420 MB. Here the
message is fed to the same parser a batch of lines at a time. While the parser is in the body of a part whose
headers say it is not read as text (any type but text/plain and text/html, or an attachment), the lines up to the
next one starting with "--" are not fed: only such a line can end a body (a MIME boundary, the parser's only end
of a part, starts with "--"), and any other is kept by the parser as a line of that body and nothing else. So the
parser builds the same tree of parts, the same headers and the same text bodies, with those bodies left out.

Nothing is left out of a message forwarded in base64 or quoted-printable (which MIME forbids): the parser reads
its encoded text as a message, and emldoc.py decodes it and parses it anew (its own attachments then left out).
"""

from __future__ import annotations

import re
from email.feedparser import BytesFeedParser
from email.message import Message
from email.policy import Policy, compat32

BODIES = frozenset({"text/plain", "text/html"})  # the types of part read as text, unless attached
BATCH = 64 * 1024  # bytes fed at a time (to the end of a line) while bodies are read
_DASHES = re.compile(rb"[\r\n]--")  # a line starting with "--"
_HEADER = re.compile(rb"From |[!-9;-~]*:|[\t ]")  # a line the parser reads as a header's (its headerRE)
_ENCODINGS = frozenset({"base64", "quoted-printable"})


class _Parts:
    """The parser's message factory, which remembers the last part made (the part the parser reads) and whether a
    forwarded message encoded in base64 or quoted-printable was met (then nothing is left out)."""

    def __init__(self) -> None:
        self.last: Message | None = None
        self.encoded = False
        self.heading = False  # whether the last part's header block may still be being read
        self.header_bytes = 0  # the bytes of its header lines fed a line at a time

    def __call__(self, policy: Policy = compat32) -> Message:
        if self.last is not None and _encoded_message(self.last):
            self.encoded = True
        self.last = Message(policy)
        self.heading, self.header_bytes = True, 0
        return self.last

    def in_header(self) -> bool:
        """Whether the parser may be reading the last part's header block (it has none yet, nor a body)."""
        return self.heading and self.last is not None and len(self.last) == 0 and self.last.get_payload() is None

    def in_unread_body(self) -> bool:
        """Whether the parser, having read every line fed, is reading the body of a part not read as text."""
        part = self.last
        return part is not None and not self.encoded and len(part) > 0 and not _read_as_text(part) \
            and part.get_content_maintype() not in ("multipart", "message") and part.get_payload() is None


def _encoded_message(part: Message) -> bool:
    encoding = str(part.get("Content-Transfer-Encoding", "")).strip().lower()
    return part.get_content_maintype() == "message" and encoding in _ENCODINGS


def _read_as_text(part: Message) -> bool:
    return part.get_content_type() in BODIES and (part.get_content_disposition() or "").lower() != "attachment"


def parsed(raw: bytes, max_header: int) -> Message:
    """The message `raw` holds, as Python's email parser reads it (compat32), the bodies of the parts that are
    not read as text empty. A part's header block of more than `max_header` bytes is refused (LongHeader) as it
    is fed: the parser took 27 s and 1.5 GB for seven million short header lines in a part."""
    return _Feed(raw, max_header).run()


class LongHeader(Exception):
    """A part's header block is larger than the bound given."""


class _Feed:
    """The message's bytes fed to the parser from `start` on: a batch at a time, a line at a time in a part's
    header block (counted), the unread bodies skipped."""

    def __init__(self, raw: bytes, max_header: int) -> None:
        self.raw, self.max_header, self.start = raw, max_header, 0
        self.parts = _Parts()
        self.parser = BytesFeedParser(_factory=self.parts, policy=compat32)

    def run(self) -> Message:
        while self.start < len(self.raw):
            if self.parts.in_unread_body() and not self.raw.startswith(b"--", self.start):
                found = _DASHES.search(self.raw, self.start)
                self.start = found.start() + 1 if found else len(self.raw)  # the lines before it: not fed
            elif self.parts.in_header():
                self._header_line()
            else:
                at_dashes = self.raw.startswith(b"--", self.start)
                self._feed(self.raw.find(b"\n", self.start if at_dashes else self.start + BATCH) + 1)
        message: Message = self.parser.close()
        return message

    def _header_line(self) -> None:
        """Feed a line of the header block the parser reads, counting it; a line no header starts ends it."""
        end = self.raw.find(b"\n", self.start) + 1 or len(self.raw)
        if _HEADER.match(self.raw, self.start):
            self.parts.header_bytes += end - self.start
            if self.parts.header_bytes > self.max_header:
                raise LongHeader
        else:
            self.parts.heading = False
        self._feed(end)

    def _feed(self, end: int) -> None:
        end = end or len(self.raw)  # no line end after `start`: the rest
        self.parser.feed(self.raw[self.start:end])
        self.start = end
