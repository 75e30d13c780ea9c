"""The parts of an e-mail message as mailparse.py parses it: the part (its text body's place in the message's
bytes, whether it was cut), the parser's factory that remembers the part being read, and what is looked up of
a part to know how its body is read."""

from __future__ import annotations

from email.message import Message
from email.policy import Policy, compat32

from briefgen.sources.formats.mailbodies import Span, decoded

BODIES = frozenset({"text/plain", "text/html"})  # the types of part read as text, unless attached
_ENCODINGS = frozenset({"base64", "quoted-printable"})
_DECODED = _ENCODINGS | {"x-uuencode", "uuencode", "uue", "x-uue"}  # the transfer encodings Python decodes


class Part(Message):
    """A part of the message; `cut`: a text body larger than its type may hold, the rest of it left out; `span`:
    where a text body in base64 or quoted-printable lies in the message's bytes (the parser holds none of it)."""

    cut = False
    span: Span | None = None
    plan: tuple[bool, str | None, bool] | None = None  # read as text; its transfer encoding, if decoded; as it stands

    def container(self) -> bool:
        """Whether it is a multipart or a message, once its header block is read (in one go): looked up once."""
        if "_container" not in self.__dict__:
            self.__dict__["_container"] = self.get_content_maintype() in ("multipart", "message")
        return bool(self.__dict__["_container"])


class Parts:
    """The parser's message factory, which remembers the last part made (the part the parser reads) and whether a
    forwarded message encoded in base64 or quoted-printable was met (then nothing is left out)."""

    def __init__(self) -> None:
        self.last: Part | None = None
        self.encoded = False
        self.heading = False  # whether the last part's header block may still be being read
        self.header_bytes = 0  # the bytes of its header lines fed a line at a time
        self.body_bytes = 0  # the bytes of its text body fed, for a body sent as it stands
        self.header_lines = 0  # the lines of its header block fed
        self.unread: int | None = None  # where its header block's last line starts, a "From " line not its first

    def __call__(self, policy: Policy = compat32) -> Part:
        if self.last is not None and encoded_message(self.last):
            self.encoded = True
        self.last = Part(policy)
        self.heading, self.header_bytes, self.body_bytes, self.header_lines, self.unread = True, 0, 0, 0, None
        return self.last

    def in_header(self) -> bool:
        """Whether the parser may be reading the last part's header block (it has none yet, nor a body)."""
        return self.heading and self.last is not None and len(self.last) == 0 and self.last.get_payload() is None

    def in_body(self) -> Part | None:
        """The part whose body the parser, having read every line fed, reads (a part with headers, not multipart
        nor a message, its body not yet ended); None when there is none or nothing is to be left out."""
        part = self.last
        if part is None or self.encoded or (len(part) == 0 and self.heading) or part.get_payload() is not None:
            return None
        return None if part.container() else part


def encoded_message(part: Part) -> bool:
    """Whether a part is a forwarded message encoded in base64 or quoted-printable (which MIME forbids)."""
    if not part.container():
        return False
    encoding = str(part.get("Content-Transfer-Encoding", "")).strip().lower()
    return part.get_content_maintype() == "message" and encoding in _ENCODINGS


def in_multipart(message: Message, part: Message) -> bool:
    """Whether `part` lies within a multipart part of `message`."""
    stack = [(message, False)]
    while stack:
        node, within = stack.pop()
        if node is part:
            return within
        payload = node.get_payload()
        if isinstance(payload, list):
            stack += [(sub, within or node.is_multipart()) for sub in payload if isinstance(sub, Message)]
    return False


def read_as_text(part: Message) -> bool:
    """Whether a part's body is read as a mail's text: a text/plain or text/html body, not attached."""
    return part.get_content_type() in BODIES and (part.get_content_disposition() or "").lower() != "attachment"


def encoded_text(part: Message) -> str | None:
    """The transfer encoding of a text body mailbodies.py decodes, as Python takes it; else None."""
    encoding = str(part.get("content-transfer-encoding", "")).lower()
    return encoding if encoding in _ENCODINGS else None


def body(part: Message, limit: int) -> bytes | None:
    """A body part's bytes, decoded from its transfer encoding (a text body passed over by the parser, from the
    message's bytes: mailbodies.py); None when more than `limit` (or cut, as it was fed, past its bound)."""
    if isinstance(part, Part) and part.cut:
        return None
    encoding = encoded_text(part)
    if isinstance(part, Part) and part.span is not None and encoding:
        return decoded(part.span, encoding, limit)
    data = part.get_payload(decode=True)
    if not isinstance(data, bytes):
        return b""
    return data if len(data) <= limit else None


def as_it_stands(part: Message) -> bool:
    """Whether the body's decoded bytes are its own (as Python's get_payload(decode=True) takes the encoding)."""
    return str(part.get("content-transfer-encoding", "")).lower() not in _DECODED
