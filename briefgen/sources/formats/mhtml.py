"""A web page saved as one file, MHTML (Chrome's and Edge's "Webpage, Single File", `.mhtml`; Internet Explorer's
and Word's "Web Archive", `.mht`): a MIME message whose parts are the page, in quoted-printable or base64, and
the stylesheets, images and frames it uses, each under the address it came from.

Read as its page (the first text/html part, the main frame) with the stylesheets a browser applied to it,
which the archive holds, where a page saved as HTML alone has lost them: text the site's own stylesheet hides
(a menu, a cookie banner, a phone-only copy) is hidden here as the browser hid it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefgen.sources.formats.webcharsets import REPLACEMENT, lookup

# A MIME message's first lines: header fields (a name, a colon), and among them a multipart or message type.
_HEADERS = re.compile(rb"\A(?:[!-9;-~]+:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*)+", re.ASCII)
_ARCHIVE = re.compile(rb"^content-type:\s*(?:multipart/related|message/rfc822)", re.IGNORECASE | re.MULTILINE)


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
    import email
    import email.policy

    page: tuple[bytes, str | None] | None = None
    sheets: list[str] = []
    for part in email.message_from_bytes(raw, policy=email.policy.compat32).walk():
        kind = part.get_content_type()
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            continue
        if kind == "text/html" and page is None:
            page = (payload, part.get_content_charset())
        elif kind == "text/css":
            known = lookup(part.get_content_charset() or "utf-8")
            sheets.append(payload.decode(known[1] if known and known[1] != REPLACEMENT else "utf-8", errors="replace"))
    return Archived(page[0], page[1], tuple(sheets)) if page is not None else None
