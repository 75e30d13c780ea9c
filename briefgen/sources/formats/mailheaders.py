"""A mail's header fields as a mail client shows them: encoded words (RFC 2047: `=?UTF-8?B?…?=`, `=?iso-8859-1?Q?…?=`)
decoded, those of one charset next to each other joined byte by byte first (a mailer splits a long Subject into
words anywhere, even inside a character's bytes), the white space between them dropped; raw 8-bit bytes (RFC
6532's UTF-8 headers, or a legacy mailer's) decoded as a body without a label is; an address as "Name <address>",
the quotes around a name dropped (`"Doe, Jane" <jane@example.org>` shows as `Doe, Jane <jane@example.org>`).
"""

from __future__ import annotations

import base64
import binascii
import email.utils
import re
from email.message import Message

from briefgen.sources.formats.mailcharsets import decode_labelled

# An encoded word; its charset may carry an RFC 2231 language (`UTF-8*en`), which is dropped
_WORD = re.compile(r"=\?([^?\s*]+)(?:\*[^?\s]*)?\?([QqBb])\?([^?\s]*)\?=")
_BETWEEN = re.compile(r"[ \t\r\n]+")
_Q_HEX = re.compile(rb"=([0-9A-Fa-f]{2})")
ADDRESS_FIELDS = frozenset({"From", "To", "Cc", "Sender", "Reply-To"})
SHOWN = ("From", "Date", "Subject", "To", "Cc")  # the header lines a client prints, and a forward quotes, in order


def sent_day(value: str) -> str | None:
    """The day (YYYY-MM-DD) of an RFC 5322 date where it was written (not converted to UTC nor to this machine's
    zone); None for a date no calendar holds: unreadable, before 1900, or numbers past any a date can have."""
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return when.strftime("%Y-%m-%d") if when.year >= 1900 else None


def decoded_words(value: str) -> str:
    """A header value with its encoded words decoded, on one line."""
    pieces: list[tuple[bytearray, str | None]] = []  # runs of bytes and their charset (None: text as written)
    position = 0
    for found in _WORD.finditer(value):
        between = value[position:found.start()]
        if between and not (_BETWEEN.fullmatch(between) and pieces and pieces[-1][1] is not None):
            pieces.append((bytearray(between.encode("utf-8", "surrogateescape")), None))
        word, charset = _word_bytes(found.group(2), found.group(3)), found.group(1).lower()
        if pieces and pieces[-1][1] == charset:
            pieces[-1][0].extend(word)
        else:
            pieces.append((bytearray(word), charset))
        position = found.end()
    pieces.append((bytearray(value[position:].encode("utf-8", "surrogateescape")), None))
    return " ".join("".join(decode_labelled(bytes(data), charset) for data, charset in pieces).split())


def _word_bytes(encoding: str, text: str) -> bytes:
    data = text.encode("ascii", "replace")
    if encoding in "Qq":
        return _Q_HEX.sub(lambda hexa: bytes([int(hexa.group(1), 16)]), data.replace(b"_", b" "))
    try:
        return base64.b64decode(data + b"=" * (-len(data) % 4))
    except (binascii.Error, ValueError):
        return data


def raw_header(message: Message, name: str) -> str | None:
    """A header field's value as the message holds it (its 8-bit bytes, if any, as surrogate escapes)."""
    return next((str(value) for key, value in message.raw_items() if key.lower() == name.lower()), None)


def header_text(message: Message, name: str) -> str:
    """A header field's value as shown ("" when the message has none)."""
    raw = raw_header(message, name)
    if raw is None:
        return ""
    if name not in ADDRESS_FIELDS:
        return decoded_words(raw)
    addresses = [pair for pair in email.utils.getaddresses([raw]) if pair[1]]
    if not addresses:
        return decoded_words(raw)
    return ", ".join(_address(*pair) for pair in addresses)


def _address(name: str, address: str) -> str:
    shown = decoded_words(name)
    return f"{shown} <{decoded_words(address)}>" if shown else decoded_words(address)


def sender_name(message: Message) -> str:
    """The From field's display name, else its address ("" when there is no From)."""
    addresses = email.utils.getaddresses([raw_header(message, "From") or ""])
    name, address = addresses[0] if addresses else ("", "")
    return decoded_words(name) or decoded_words(address)


def shown_headers(message: Message) -> list[str]:
    """The header lines a client shows above the body (and a forward quotes): "From: …", "Date: …" and so on."""
    return [f"{name}: {text}" for name in SHOWN if (text := header_text(message, name))]
