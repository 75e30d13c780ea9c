"""Content a DOCX imports whole (w:altChunk): a web page, text or another Word document that Word shows in the
body at the chunk's place, as if it had been pasted there. Web apps' "export to Word" (html-docx-js and its
kin) write the whole document so, as an MHTML chunk, and mail-merge and report generators insert HTML or DOCX.

The chunk's part is found through the main part's relationships (its r:id) and read by its content type (from
[Content_Types].xml): HTML and XHTML as the HTML reader reads a page's blocks, MHTML's HTML within, plain text a
line a paragraph, a Word document as this reader reads one (a chunk in it as nothing, so no chunk nests), RTF
as Word converts it (rtftext.py). A chunk larger than a document part may be is refused as that part would be.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from typing import Any

from briefgen.sources.formats.plain import SeedError
from briefgen.zips import zip_damage

HTML_TYPES = {"text/html", "application/xhtml+xml"}
RTF_TYPES = {"application/rtf", "text/rtf", "application/x-rtf"}
MHTML_TYPES = {"message/rfc822", "multipart/related", "application/x-mimearchive"}
DOCX_TYPES = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
              "application/vnd.ms-word.document.macroEnabled")
CONTENT_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
R_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
REL_ID = f"{R_NS}id"


def content_type(types: Any, name: str) -> str:
    """The content type [Content_Types].xml (parsed) gives the part `name`: its override, else its suffix's."""
    if types is None:
        return ""
    for item in types.iter(f"{CONTENT_TYPES}Override"):
        if str(item.get("PartName", "")).lstrip("/") == name:
            return str(item.get("ContentType", "")).lower()
    suffix = posixpath.splitext(name)[1].lstrip(".").lower()
    for item in types.iter(f"{CONTENT_TYPES}Default"):
        if str(item.get("Extension", "")).lower() == suffix:
            return str(item.get("ContentType", "")).lower()
    return ""


def chunk_text(kind: str, raw: bytes, read_docx: Callable[[bytes], list[str]]) -> list[str]:
    """The paragraphs of a chunk of content type `kind` (nothing for a kind not read)."""
    from briefgen.sources.formats.htmldoc import decode, text_blocks
    from briefgen.sources.formats.mhtml import archived
    from briefgen.sources.formats.plain import decode_text
    from briefgen.sources.formats.rtftext import rtf_text
    from briefgen.sources.formats.tagbudget import TooManyTags

    kind = kind.split(";")[0].strip()
    try:
        if kind in HTML_TYPES:
            return text_blocks(decode(raw))
        if kind in MHTML_TYPES:
            page = archived(raw, sure=True)
            return text_blocks(decode(page.html)) if page is not None else []
        if kind == "text/plain":
            return decode_text(raw).splitlines()
        if kind in RTF_TYPES:
            return rtf_text(raw)
        if kind.startswith(DOCX_TYPES):
            return read_docx(raw)
    except TooManyTags:
        raise  # not a damaged chunk: too much to read (tagbudget.py)
    except zip_damage(SeedError, UnicodeError):
        return []
    return []

