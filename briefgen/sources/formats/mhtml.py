"""A web page saved as one file, MHTML (Chrome's and Edge's "Webpage, Single File", `.mhtml`; Internet Explorer's
and Word's "Web Archive", `.mht`): a MIME message whose parts are the page, in quoted-printable or base64, and
the stylesheets, images and frames it uses, each under the address it came from.

Read as its page (the first text/html part, the main frame) with the stylesheets a browser applied to it,
which the archive holds, where a page saved as HTML alone has lost them: text the site's own stylesheet hides
(a menu, a cookie banner, a phone-only copy) is hidden here as the browser hid it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import Message

from briefgen.sources.formats.plain import SeedError
from briefgen.sources.formats.webcharsets import REPLACEMENT, lookup

_HINT = "save the page again from the browser (Save Page As, Webpage, Single File)"

# A MIME message's first lines: header fields (a name, a colon), and among them a multipart or message type.
# (Lines end with LF, CRLF or, in a file of an old Mac's, CR alone, as the parser reads them.)
_HEADERS = re.compile(rb"\A(?:[!-9;-~]+:[^\r\n]*(?:\r\n?|\n)(?:[ \t][^\r\n]*(?:\r\n?|\n))*)+", re.ASCII)
_ARCHIVE = re.compile(rb"(?:^|(?<=\r))content-type:\s*(?:multipart/related|message/rfc822)",
                      re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True)
class Archived:
    """An archive's page: its HTML bytes, the charset its part names (None when it names none), and the text of
    each stylesheet the archive holds, in order."""

    html: bytes
    charset: str | None
    sheets: tuple[str, ...]


def archived(raw: bytes, sure: bool = False) -> Archived | None:
    """The page an MHTML archive holds, or None when `raw` is no such archive (or holds no HTML page); `sure`:
    the caller knows it is a MIME message (a Word document's chunk of that type), whatever its first lines."""
    head = None if sure else _HEADERS.match(raw[:16384])
    if not sure and (head is None or _ARCHIVE.search(head.group()) is None):
        return None
    page: tuple[bytes, str | None] | None = None
    sheets: list[str] = []
    for part in _parts(raw):
        kind = part.get_content_type()
        if kind == "text/html" and page is None:
            page = (_body(part), part.get_content_charset())
        elif kind == "text/css":
            known = lookup(part.get_content_charset() or "utf-8")
            sheets.append(_body(part).decode(known[1] if known and known[1] != REPLACEMENT else "utf-8",
                                             errors="replace"))
    return Archived(page[0], page[1], tuple(sheets)) if page is not None else None


def _parts(raw: bytes) -> Iterator[Message]:
    """The archive's parts, parsed as a mail is (mailparse.py): the pictures', fonts' and scripts' bodies passed
    over, never held, and the page's and stylesheets' decoded from the file's bytes (a 19 MB archive of a page
    and its pictures peaked at 8 times the file, each body held as lines, text and bytes)."""
    from briefgen.sources.formats.mailparse import MAX_HEADER_BYTES, LongHeader, parsed

    try:
        return parsed(raw, MAX_HEADER_BYTES, lambda kind: _max_part(), _read).walk()
    except LongHeader:
        raise SeedError(f"a part of the web archive has a header larger than {MAX_HEADER_BYTES >> 10} KB (a damaged "
                        "or hostile file?)", _HINT) from None


def _read(part: Message) -> bool:
    return part.get_content_type() in ("text/html", "text/css")


def _body(part: Message) -> bytes:
    from briefgen.sources.formats.mailparts import body

    found = body(part, _max_part())
    if found is None:
        raise SeedError(f"the web archive's {part.get_content_type()} part is larger than {_max_part() >> 20} MB, "
                        "more than an HTML seed may be", _HINT)
    return found


def _max_part() -> int:
    """The most the page's or a stylesheet's decoded bytes may be: the most an HTML seed's file may be."""
    from briefgen.sources.formats import FORMATS

    return FORMATS[".mhtml"].max_bytes
