"""RTF seeds (.rtf: Word, WordPad, TextEdit, LibreOffice and old government systems save it): the document's
paragraphs as Word shows them (rtftext.py reads the text), and its properties from its information group
({\\info {\\title …}{\\author …}{\\creatim\\yr…\\mo…\\dy…}}) for `seeds add`.

A file that does not start as RTF does ({\\rtf) is refused, and so is one holding more text than a seed may.
The reader is a loop over the file's tokens, never a recursion, with groups nested at most MAX_DEPTH deep.
"""

from __future__ import annotations

import codecs
import re

from briefgen.sources.formats import Extracted
from briefgen.sources.formats.docxdoc import MAX_TEXT
from briefgen.sources.formats.plain import SeedError, check_kind, seed_lines
from briefgen.sources.formats.rtftext import rtf_text
from briefgen.sources.formats.rtfwords import TOKEN

RTF = "an RTF document"
DAMAGED_HINT = "open it in Word, WordPad or LibreOffice and save it again as .rtf"
START = re.compile(rb"\s*\{\s*\\rtf")
PAGE = re.compile(rb"\\ansicpg(\d{1,5})")
# The information group's fields read, by their control word, and the name the clues give them
INFO_FIELDS = {b"title": "title", b"author": "author", b"subject": "subject", b"doccomm": "comments"}
CREATED = re.compile(rb"\\(yr|mo|dy)(\d{1,4})")


def _body(raw: bytes) -> bytes:
    """The file's bytes, checked to be RTF (a byte order mark before it is allowed)."""
    body = raw[3:] if raw.startswith(codecs.BOM_UTF8) else raw
    if not START.match(body):
        check_kind(raw, RTF)
        raise SeedError("the file is not an RTF document (it does not start with {\\rtf)", DAMAGED_HINT)
    return body


def extract(raw: bytes) -> Extracted:
    paragraphs = seed_lines(rtf_text(_body(raw)), "the RTF", MAX_TEXT)
    if not paragraphs:
        raise SeedError("the RTF document has no text", "check that the document holds its text, not images")
    return Extracted(tuple(paragraphs))


def properties(raw: bytes) -> dict[str, str]:
    """The document's information fields it fills in (title, author, subject, comments, created: YYYY-MM-DD)."""
    body = _body(raw)
    page = PAGE.search(body[:4096])
    header = b"{\\rtf1\\ansi\\ansicpg" + (page.group(1) if page else b"1252") + b" "
    found: dict[str, str] = {}
    for word, content in _info_groups(body):
        if word in INFO_FIELDS:
            found[INFO_FIELDS[word]] = " ".join(rtf_text(header + content + b"}")).strip()
        elif word == b"creatim":
            parts = dict(CREATED.findall(content))
            if b"yr" in parts:
                found["created"] = "-".join(f"{int(parts[key]):02d}" for key in (b"yr", b"mo", b"dy") if key in parts)
    return {key: value for key, value in found.items() if value}


def _info_groups(body: bytes) -> list[tuple[bytes, bytes]]:
    """The groups inside the document's information group, as they close: (their control word, the bytes after it
    to their end). Word writes a field with characters beyond its code page twice, {\\upr{\\title …}{\\*\\ud
    {\\title …}}}: the Unicode copy comes second."""
    opened: list[tuple[bytes, int]] = []  # the groups open inside the information group: (word, where it starts)
    info, first, position = -1, False, 0
    groups: list[tuple[bytes, bytes]] = []
    depth = 0
    while (found := TOKEN.match(body, position)) is not None:
        position = found.end()
        word, number, _, symbol, brace = found.groups()
        if brace == b"{":
            depth, first = depth + 1, True
            if info >= 0:
                opened.append((b"", position))
        elif brace == b"}":
            if depth == info:
                break
            if info >= 0 and opened:
                field, start = opened.pop()
                groups.append((field, body[start:found.start()]))
            depth, first = depth - 1, False
        elif word == b"bin":
            position += max(int(number or 0), 0)
        elif first and word is not None:
            first = False
            if word == b"info" and info < 0:
                info, opened = depth, []
            elif opened:
                opened[-1] = (word, found.end())
        elif symbol != b"*":
            first = False
    return groups
