"""E-mail seeds (.eml: RFC 5322 / MIME, as Thunderbird, Apple Mail, Gmail's "Download message" and Outlook's
"Save as" write them): the message as a mail client shows it, numbered as paragraphs.

- First the header lines a client shows above the body and a forward quotes, each its own paragraph: "From: Name
  <address>", "Date: …", "Subject: …", "To: …", "Cc: …" (mailheaders.py): who wrote, when, to whom, is evidence.
- Then the body: of a multipart/alternative, the HTML alternative when there is one (what a client shows), else
  the plain text; of a multipart/mixed, each inline body part in order; of a multipart/related, its root (the
  `start` part, else the first); of a multipart/signed, the signed part. An HTML body is read as `reading:
  blocks` reads a page (htmldoc.py: every visible block, its stylesheet's hidden text out), not as an article:
  a mail has no site around its text, and the article reading would drop what a client shows (a greeting, short
  lines, the signature, the quoted reply). A plain body is read by mailtext.py.
- Then each forwarded message (message/rfc822), after the body, its header lines first, as a client shows it.
- Attachments (Content-Disposition: attachment, or a named part that is not text) are not read: `seeds add` names
  them so each may be added as a seed of its own.

The message is parsed by Python's email package (lenient, as clients are: a boundary never closed ends at the end
of the file), fed in pieces without the bodies of the parts not read as text (mailparse.py), so an attachment is
never held. A message nesting more than MAX_CONTAINERS multipart or message parts is refused before parsing.
"""

from __future__ import annotations

import binascii
import codecs
import email.policy
import email.utils
import quopri
import re
from dataclasses import dataclass, field
from email.message import Message
from itertools import islice

from briefgen.sources.formats import Extracted
from briefgen.sources.formats.docxdoc import MAX_TEXT
from briefgen.sources.formats.htmldoc import decode, text_blocks
from briefgen.sources.formats.mailcharsets import codec_of, decode_labelled
from briefgen.sources.formats.mailheaders import decoded_words, header_text, sender_name, sent_day, shown_headers
from briefgen.sources.formats.mailparse import MAX_HEADER_BYTES, LongHeader, parsed
from briefgen.sources.formats.mailparts import BODIES, body
from briefgen.sources.formats.mailtext import plain_paragraphs
from briefgen.sources.formats.plain import SeedError, check_kind, seed_lines
from briefgen.sources.formats.tagbudget import one_seed

MESSAGE = "an e-mail message"
DAMAGED_HINT = "save the message again from the mail client (File > Save As, or Download message) as .eml"
MAX_CONTAINERS = 200  # multipart and attached-message parts: a real message nests a handful
# Lines starting with "--", each part's delimiter among them: the parser takes ~80 µs a part (a million empty
# parts: 80 s), a real message has a few dozen
MAX_PART_LINES = 10_000
# A Content-Type or Content-Disposition: Python's parameter parser takes time growing with the square of its
# length (50,000 RFC 2231 continuations in 1 MB: 16 s a look-up); a real one is under 1 KB
MAX_PARAMETERS = 16 * 1024
# A body part's decoded size: twice the most text a seed may hold (UTF-16 takes two bytes a character), and the
# most an HTML seed's file may be
MAX_BODY = {"text/plain": 2 * MAX_TEXT, "text/html": 20 * 1024 * 1024}
# Lines end with LF, CRLF or a lone CR (an old Mac's mail), as Python's parser reads them: a pattern for the start
# of a line matches after a CR too, or a mail of CRs alone passed every count below (and, its header's end not
# found, any such mail over 256 KB was refused)
_LINE_END = rb"(?:\r\n|\r(?!\n)|\n)"
_FIELD = re.compile(rb"(?:From [^\r\n]*" + _LINE_END + rb")?[!-9;-~]+:", re.ASCII)  # a header line (after an mbox
# "From " line)
_CONTAINER = re.compile(rb"[\r\n]content-type:\s*(?:multipart|message)/", re.IGNORECASE)  # after a line end
_PART_LINE = re.compile(rb"[\r\n]--")
_HEAD_END = re.compile(_LINE_END * 2)
# A body only its recipient's key opens (OpenPGP's, S/MIME's enveloped or opaque-signed data)
_SEALED = frozenset({"multipart/encrypted", "application/pkcs7-mime", "application/x-pkcs7-mime"})


@dataclass
class Shown:
    """What a client shows of a message: its paragraphs; and the names of the attachments it does not read."""

    paragraphs: list[str] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    forwarded: list[Message] = field(default_factory=list)


def parse(raw: bytes) -> Message:
    """The message, once its bytes are known to be one within the bounds above."""
    check_kind(raw, MESSAGE)
    raw = raw.removeprefix(codecs.BOM_UTF8).lstrip(b"\r\n")  # an editor's byte order mark, blank lines: not read
    if not _FIELD.match(raw):
        raise SeedError("the file is not an e-mail message (it does not start with header lines such as From:)",
                        DAMAGED_HINT)
    if _HEAD_END.search(raw, 0, MAX_HEADER_BYTES + 4) is None and len(raw) > MAX_HEADER_BYTES:
        raise _hostile(f"the message's header is larger than {MAX_HEADER_BYTES // 1024} KB")
    if _more_than(_CONTAINER, raw, MAX_CONTAINERS):
        raise _hostile(f"the message nests more than {MAX_CONTAINERS} multipart or attached-message parts")
    if _more_than(_PART_LINE, raw, MAX_PART_LINES):
        raise _hostile(f"the message has more than {MAX_PART_LINES:,} part delimiters")
    try:
        message = parsed(raw, MAX_HEADER_BYTES, _max_body)
    except LongHeader:
        raise _hostile(f"a part's header is larger than {MAX_HEADER_BYTES // 1024} KB") from None
    for part in message.walk():
        _check_headers(part)
    return message


def _more_than(pattern: re.Pattern[bytes], raw: bytes, limit: int) -> bool:
    """Whether `pattern` (a line end, then a line's start) occurs more than `limit` times, the first line's
    start counted too, one at a time up to the limit (a list of every match of "--" in 50 MB of such lines held
    900 MB)."""
    first = pattern.match(b"\n" + raw[:4096]) is not None
    return next(islice(pattern.finditer(raw), limit - first, None), None) is not None


def _check_headers(part: Message) -> None:
    """Refuse a part whose header block, or whose Content-Type or Content-Disposition, is larger than a real one."""
    if sum(len(name) + len(value) for name, value in part.raw_items()) > MAX_HEADER_BYTES:
        raise _hostile(f"a part's header is larger than {MAX_HEADER_BYTES // 1024} KB")
    for name, value in part.raw_items():
        if name.lower() in ("content-type", "content-disposition") and len(value) > MAX_PARAMETERS:
            raise _hostile(f"a part's {name} is longer than {MAX_PARAMETERS // 1024} KB")


def _hostile(what: str) -> SeedError:
    return SeedError(f"{what} (a damaged or hostile file?)", DAMAGED_HINT)


def shown(message: Message, depth: int = 0) -> Shown:
    """The message's paragraphs as a client shows them (headers, body, forwarded messages) and its attachments;
    `depth`: how many messages forward this one (each forwarded message encoded in base64 is parsed anew, its
    parts counted apart from its container's)."""
    if depth > MAX_CONTAINERS:
        raise _hostile(f"the message nests more than {MAX_CONTAINERS} multipart or attached-message parts")
    found = Shown(shown_headers(message))
    try:
        _read(message, found)
    except RecursionError:  # parts nested within forwarded messages nested within parts…
        raise _hostile(f"the message nests more than {MAX_CONTAINERS} multipart or attached-message parts") \
            from None
    forwarded, found.forwarded = found.forwarded, []
    for inner in forwarded:
        inner_found = shown(inner, depth + 1)
        found.paragraphs += inner_found.paragraphs
        found.attachments += inner_found.attachments
    return found


def _read(part: Message, found: Shown) -> None:
    kind = part.get_content_type()
    if kind in _SEALED:
        raise SeedError("the message is encrypted or sealed (OpenPGP or S/MIME): its body cannot be read",
                        "open it in the mail client that decrypts it and save the decrypted message as .eml")
    if _is_attachment(part, kind):
        found.attachments.append(_name(part) or kind)
    elif kind == "message/rfc822":
        found.forwarded += _forwarded(part)
    elif part.is_multipart():
        for sub in _chosen(part, kind):
            _read(sub, found)
    elif kind == "text/plain":
        flowed, delsp = _param(part, "format") == "flowed", _param(part, "delsp") == "yes"
        found.paragraphs += plain_paragraphs(_text(part), flowed, delsp)
    elif kind == "text/html":
        found.paragraphs += html_paragraphs(_payload(part), part.get_content_charset())


def _param(part: Message, name: str) -> str:
    """A Content-Type parameter's value, lower-cased ("" when absent); RFC 2231's forms are joined."""
    value = part.get_param(name)
    if isinstance(value, tuple):
        value = email.utils.collapse_rfc2231_value(value)
    return str(value or "").strip().lower()


def _forwarded(part: Message) -> list[Message]:
    """A forwarded message. Some mailers encode one in base64 or quoted-printable, which MIME forbids and the
    parser does not undo (it reads the encoded text as a message without headers): it is decoded and parsed."""
    inner = _subparts(part)
    encoding = str(part.get("Content-Transfer-Encoding", "")).strip().lower()
    if encoding not in ("base64", "quoted-printable") or len(inner) != 1:
        return inner
    text = inner[0].as_bytes(policy=email.policy.compat32.clone(max_line_length=0)).lstrip(b"\r\n")
    try:
        decoded = binascii.a2b_base64(b"".join(text.split())) if encoding == "base64" else quopri.decodestring(text)
    except binascii.Error:  # not base64 after all: read as it stands
        return inner
    return [parse(decoded)] if _FIELD.match(decoded.lstrip(b"\r\n")) else inner


def _subparts(part: Message) -> list[Message]:
    payload = part.get_payload()
    return [sub for sub in payload if isinstance(sub, Message)] if isinstance(payload, list) else []


def _chosen(part: Message, kind: str) -> list[Message]:
    """The parts of a multipart a client shows: all of a mixed one; one of the others."""
    subparts = _subparts(part)
    if kind == "multipart/alternative":
        readable = [sub for sub in subparts if _holds(sub, "text/html")] or \
            [sub for sub in subparts if _holds(sub, "text/plain")]
        return readable[-1:]
    if kind == "multipart/related":
        start = _param(part, "start")
        root = [sub for sub in subparts if start and str(sub.get("Content-ID", "")).strip().lower() == start]
        return (root or subparts)[:1]
    if kind == "multipart/signed":
        return subparts[:1]
    return subparts


def _holds(part: Message, kind: str) -> bool:
    """Whether a part is, or holds a body part of, `kind` (an alternative may be a multipart/related)."""
    if _is_attachment(part, part.get_content_type()):
        return False
    return part.get_content_type() == kind or any(_holds(sub, kind) for sub in _subparts(part))


def _is_attachment(part: Message, kind: str) -> bool:
    if kind == "message/rfc822":
        return False  # a forwarded message: clients show it after the body
    disposition = (part.get_content_disposition() or "").lower()
    return disposition == "attachment" or (not part.is_multipart() and kind not in BODIES
                                           and _name(part) is not None)


def _name(part: Message) -> str | None:
    """An attachment's file name (RFC 2231's `filename*=UTF-8''…` and RFC 2047's encoded words decoded)."""
    name = part.get_filename() or part.get_param("name")
    if isinstance(name, tuple):
        name = email.utils.collapse_rfc2231_value(name)
    return decoded_words(str(name)) or None if name else None


def _payload(part: Message) -> bytes:
    """A body part's bytes, decoded from its transfer encoding; one too large to hold a seed's text is refused
    before its text is read (one sent as it stands, as soon as the parser passed the bound: mailparse.py; one in
    base64 or quoted-printable, as soon as its decoding passes it: mailbodies.py)."""
    limit = _max_body(part.get_content_type())
    data = body(part, limit)
    if data is None:
        raise SeedError(f"the message's {part.get_content_type()} body is larger than {limit // 1024 // 1024} MB, "
                        "more than a seed may hold", "split the message's text into several seeds")
    return data


def _max_body(kind: str) -> int:
    return MAX_BODY.get(kind, 2 * MAX_TEXT)


def _text(part: Message) -> str:
    return decode_labelled(_payload(part), part.get_content_charset())


def html_paragraphs(payload: bytes, label: str | None) -> list[str]:
    """An HTML body's visible blocks, its bytes decoded in the charset its Content-Type names (which overrides a
    <meta>, as a server's HTTP header does), else as a saved page is decoded (its <meta charset>, else its bytes)."""
    if codec_of(label) is None:
        return text_blocks(decode(payload))
    return text_blocks(decode(codecs.BOM_UTF8 + decode_labelled(payload, label).encode("utf-8", "surrogatepass")))


def extract(raw: bytes) -> Extracted:
    with one_seed():  # its HTML bodies' tags, and its forwarded messages', counted together
        return paragraphs_extracted(shown(parse(raw)).paragraphs, "the message")


def paragraphs_extracted(texts: list[str], what: str) -> Extracted:
    """A mail's paragraphs, refused when it holds no text or more than a seed may."""
    paragraphs = seed_lines(texts, what, MAX_TEXT)
    if not paragraphs:
        raise SeedError(f"{what} has no text", "check that the message holds its text, not only attachments")
    return Extracted(tuple(paragraphs))


def properties(raw: bytes) -> dict[str, str]:
    """The message's subject, sender (display name, else address), date (YYYY-MM-DD in the sender's time zone)
    and the names of the attachments not read ("; " between them)."""
    message = parse(raw)
    with one_seed():
        attachments = "; ".join(shown(message).attachments)
    found = {"subject": header_text(message, "Subject"), "from": sender_name(message),
             "date": sent_day(header_text(message, "Date")) or "", "attachments": attachments}
    return {key: value for key, value in found.items() if value}


