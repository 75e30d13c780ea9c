"""A mail part's text decoded as a mail client decodes it, from the charset its Content-Type names.

A label is looked up as browsers look it up first (webcharsets.py: "iso-8859-1" and "us-ascii" are windows-1252,
as Thunderbird and Outlook read them), then among the text encodings Python knows (UTF-7, ISO-2022-KR, HZ,
IBM code pages…, which mail used where the web did not), never a codec that is no character set (rot13,
unicode_escape, punycode…). Bytes with characters beyond ASCII that are valid UTF-8 are UTF-8 whatever the label
says (a mailer that labels its UTF-8 "us-ascii" or "iso-8859-1": legacy text is almost never valid UTF-8 by
chance); bytes the label cannot decode, or an unknown or missing label, are read as the HTML reader reads an
unlabelled page: UTF-8, else the legacy encoding the bytes are detected to be, else windows-1252.
"""

from __future__ import annotations

import codecs

from briefgen.sources.formats.textbytes import likely_encoding
from briefgen.sources.formats.webcharsets import REPLACEMENT, decode_windows_1252, lookup

# Python codecs that decode bytes to text but are no character set a message may be written in
_NOT_CHARSETS = frozenset({"unicode-escape", "raw-unicode-escape", "idna", "punycode", "undefined", "mbcs", "oem"})


def codec_of(label: str | None) -> str | None:
    """The Python codec decoding a charset label; None for a missing or unknown one."""
    if not label:
        return None
    known = lookup(label)
    # the web reads a UTF-16 label as UTF-8 (a <meta> read as ASCII cannot be UTF-16); a MIME label can
    web_only = known is not None and known[1] == "utf-8" and "utf-8" not in label.lower().replace("utf8", "utf-8")
    if known is not None and known[1] != REPLACEMENT and not web_only:
        return known[1]
    try:
        info = codecs.lookup(label.strip())
    except (LookupError, ValueError):
        return None
    usable = getattr(info, "_is_text_encoding", True) and info.name not in _NOT_CHARSETS
    return info.name if usable else None


def decode_labelled(raw: bytes, label: str | None) -> str:
    """The bytes as text, in the charset `label` names (see the module's docstring), a byte order mark dropped."""
    return _decoded(raw, label).removeprefix("\ufeff")


def _decoded(raw: bytes, label: str | None) -> str:
    utf8 = _utf8(raw)
    if utf8 is not None and not utf8.isascii():
        return utf8
    codec = codec_of(label)
    if codec is not None:
        try:
            return decode_windows_1252(raw) if codec == "windows-1252" else raw.decode(codec)
        except (UnicodeDecodeError, UnicodeError):
            pass  # mislabelled: read as unlabelled bytes
    if utf8 is not None:
        return utf8
    detected = likely_encoding(raw)
    known = lookup(detected) if detected is not None else None
    if known is None or known[1] in ("windows-1252", REPLACEMENT):
        return decode_windows_1252(raw)
    return raw.decode(known[1], errors="replace")


def _utf8(raw: bytes) -> str | None:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
