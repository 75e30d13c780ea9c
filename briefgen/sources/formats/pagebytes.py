"""An HTML page's bytes decoded as a browser decodes them (`decode`): its character set, found as browsers find
it, and the page inside a web archive (mhtml.py) with the stylesheets the archive holds."""

from __future__ import annotations

import codecs
import re

from briefgen.sources.formats.mhtml import Archived, archived
from briefgen.sources.formats.plain import SeedError, check_kind
from briefgen.sources.formats.textbytes import likely_encoding
from briefgen.sources.formats.webcharsets import REPLACEMENT, decode_windows_1252, lookup

# Control characters that are not white space (C0 but tab, line feed, form feed, carriage return; DEL; C1 but NEL)
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x84\x86-\x9f]")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_COMMENT = re.compile(rb"<!--(?:-?>|.*?--!?>|.*\Z)", re.DOTALL)  # a comment, which the scan for a charset skips
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
_BODY = re.compile(rb"<body\b", re.IGNORECASE)


def decode(raw: bytes) -> str:
    """Text of an HTML file as a browser decodes it: a BOM, else the first `<meta charset>` whose label the WHATWG
    Encoding Standard knows (webcharsets.py; unknown labels are ignored, as browsers ignore them; bytes invalid
    in it read as U+FFFD), else UTF-8, else the legacy encoding the bytes are detected to be (as Chrome and
    Firefox detect an unlabelled page's), else the web's windows-1252; without NUL characters, which a
    browser's parser drops from the page's text, nor the other control characters that are not white space
    (LibreOffice's HTML writes an input field's text between U+0004 and U+0005), which no reader sees as text
    nor can type, and a passage may not hold.
    A web archive (MHTML) reads as the page it holds, its stylesheets in it (mhtml.py).
    A file whose first bytes say it is a PDF, a Word file or an image is refused."""
    check_kind(raw, "an HTML page")
    page = archived(raw)
    text = _decoded(raw) if page is None else _archived_page(page)
    return _CONTROLS.sub("", text) if _CONTROLS.search(text) else text


def _archived_page(page: Archived) -> str:
    """An archive's page, decoded in the charset its part names (else as any page is), with each stylesheet the
    archive holds set in a <style> element at its head's start, where the page linked them."""
    known = lookup(page.charset) if page.charset else None
    text = _decode_as(page.html, *known) if known is not None else _decoded(page.html)
    sheets = "".join("<style>" + sheet.replace("</", "<\\/") + "</style>" for sheet in page.sheets)
    head = _HEAD.search(text)
    at = head.end() if head is not None else 0
    return text[:at] + sheets + text[at:]


def _decoded(raw: bytes) -> str:
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            return raw.decode(encoding, errors="replace")
    unmarked = _utf16_order(raw)
    if unmarked is not None:  # UTF-16 without its byte order mark: a <meta> in it is not read as ASCII either
        return raw.decode(unmarked, errors="replace")
    utf8 = _utf8(raw)
    declared = _declared(raw)
    if declared is not None and (utf8 is None or utf8.isascii() or declared[1] == REPLACEMENT):
        return _decode_as(raw, *declared)
    if utf8 is not None:  # valid UTF-8 whatever its label says: what its site's server said (see _utf8)
        return utf8
    detected = likely_encoding(raw, markup=True)  # as browsers guess an unlabelled page's encoding from its bytes
    known = lookup(detected) if detected is not None else None
    return decode_windows_1252(raw) if known is None or known[1] == "windows-1252" else raw.decode(known[1])


def _utf8(raw: bytes) -> str | None:
    """The page as UTF-8, if it is valid UTF-8; else None. A page with characters beyond ASCII that is valid
    UTF-8 is UTF-8 whatever its `<meta>` says: its server said so in the page's HTTP header, which overrides the
    `<meta>` and which a saved page has lost (text in a legacy encoding is almost never valid UTF-8 by chance), so
    the page its reader copied from showed "’", where its saved copy reads "â€™"."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _utf16_order(raw: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" for a page in UTF-16 written without a byte order mark, else None: its markup
    is ASCII, each character of it a NUL byte and its own, so most of its first bytes at odd places (LE) or at
    even places (BE) are NUL and those at the others are not (a page in an ASCII-based encoding has no NUL)."""
    sample = raw[:1024] if len(raw) % 2 == 0 else b""
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    if len(sample) < 8 or abs(odd - even) * 2 < len(sample) // 2:
        return None
    return "utf-16-le" if odd > even else "utf-16-be"


def _declared(raw: bytes) -> tuple[str, str] | None:
    """(encoding, codec) of the first known charset label in the page's head (its first 4 KB, or to where its
    body begins, up to 64 KB: a browser's parser meets a `<meta>` late in a long head and reads the page again
    in its charset), outside comments (a browser's scan for it steps over them: an old `<meta>` left in a comment
    declares nothing)."""
    body = _BODY.search(raw, 0, 65536)
    head = raw[:max(4096, body.start() if body is not None else 65536)]
    for found in _CHARSET.finditer(_COMMENT.sub(b"", head) if b"<!--" in head else head):
        known = lookup(found.group(1).decode("ascii"))
        if known is not None:
            return known
    return None


def _decode_as(raw: bytes, name: str, codec: str) -> str:
    if codec == REPLACEMENT:
        raise SeedError(f"the page declares the character set {name!r}, which browsers refuse to show "
                        "(ISO-2022-KR, HZ and ISO-2022-CN can smuggle markup past filters)",
                        "re-save the page as UTF-8")
    if codec == "windows-1252":
        return decode_windows_1252(raw)
    return raw.decode(codec, errors="replace")  # a byte sequence the encoding has no character for shows as �
