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
_ENCODINGS = frozenset({"base64", "quoted-printable"})


class _Parts:
    """The parser's message factory, which remembers the last part made (the part the parser reads) and whether a
    forwarded message encoded in base64 or quoted-printable was met (then nothing is left out)."""

    def __init__(self) -> None:
        self.last: Message | None = None
        self.encoded = False

    def __call__(self, policy: Policy = compat32) -> Message:
        if self.last is not None and _encoded_message(self.last):
            self.encoded = True
        self.last = Message(policy)
        return self.last

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


def parsed(raw: bytes) -> Message:
    """The message `raw` holds, as Python's email parser reads it (compat32), the bodies of the parts that are
    not read as text empty."""
    parts = _Parts()
    parser = BytesFeedParser(_factory=parts, policy=compat32)
    start = 0
    while start < len(raw):
        if parts.in_unread_body() and not raw.startswith(b"--", start):
            found = _DASHES.search(raw, start)
            start = found.start() + 1 if found else len(raw)  # the lines before it: not fed
            continue
        end = raw.find(b"\n", start if raw.startswith(b"--", start) else start + BATCH) + 1 or len(raw)
        parser.feed(raw[start:end])
        start = end
    message: Message = parser.close()
    return message
