"""The HTML an Outlook RTF body encapsulates (`\\fromhtml1`, [MS-OXRTFEX]): Outlook keeps an HTML mail's body as
RTF in which each piece of the original markup is a `{\\*\\htmltag… <markup>}` group and the RTF written only for
RTF readers sits between `\\htmlrtf` and `\\htmlrtf0`. The HTML is the markup of the htmltag groups with the
text outside them and outside the `\\htmlrtf` runs, in order (that text escaped, so it stays text).

Read token by token (rtfwords.TOKEN), never recursively; groups nested more than rtftext.MAX_DEPTH deep are
refused as an RTF seed's are.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from briefgen.sources.formats.plain import SeedError
from briefgen.sources.formats.rtffonts import codec
from briefgen.sources.formats.rtftext import MAX_DEPTH
from briefgen.sources.formats.rtfwords import CHARACTERS, SKIPPED, TOKEN

FROM_HTML = re.compile(rb"\\fromhtml1?(?![a-z])")
FROM_TEXT = re.compile(rb"\\fromtext(?![a-z])")
_PAGE = re.compile(rb"\\ansicpg(\d{1,5})")
_TEXT_CHARACTERS = {**CHARACTERS, "par": "\r\n", "line": "\r\n", "tab": "\t"}


@dataclass(slots=True)
class _Group:
    skipped: bool = False  # a destination whose text is not HTML (the font table, an mhtmltag…)
    tag: bool = False  # an htmltag destination: its text is markup
    suppressed: bool = False  # inside \\htmlrtf … \\htmlrtf0: RTF only
    first: bool = True  # no token read yet: a destination's name may come
    starred: bool = False
    unicode_skip: int = 1  # \\ucN: the fallback characters after a \\uN


class _Html:
    def __init__(self, page: str) -> None:
        self.stack = [_Group()]
        self.out: list[str] = []
        self.pending = bytearray()
        self.page = page
        self.skipping = 0

    def emit(self, text: str) -> None:
        group = self.stack[-1]
        if group.tag:
            self.out.append(text)
        elif not group.skipped and not group.suppressed:
            self.out.append(html.escape(text, quote=False))

    def flush(self) -> None:
        if self.pending:
            self.emit(self.pending.decode(self.page, errors="replace"))
            self.pending.clear()

    def brace(self, opening: bool) -> None:
        self.flush()
        self.skipping = 0
        if not opening:
            if len(self.stack) > 1:
                self.stack.pop()
            return
        if len(self.stack) > MAX_DEPTH:
            raise SeedError("the Outlook message's RTF body nests groups too deeply",
                            "open the message in Outlook and save it again")
        top = self.stack[-1]
        self.stack.append(_Group(top.skipped, top.tag, top.suppressed, True, False, top.unicode_skip))

    def control(self, word: str, number: int | None) -> None:
        self.flush()  # the text before was read in the state before this word
        group = self.stack[-1]
        first, group.first = group.first, False
        if first and word == "htmltag":
            group.tag, group.skipped = True, False
        elif first and (group.starred or word in SKIPPED):
            group.skipped, group.tag = True, False
        elif word == "htmlrtf":
            group.suppressed = number != 0
        elif word == "uc":
            group.unicode_skip = max(number or 0, 0)
        elif word == "u" and number is not None:
            self.emit(chr((number + 65536 if number < 0 else number) % 0x110000))
            self.skipping = group.unicode_skip
        elif word in _TEXT_CHARACTERS:
            self.emit(_TEXT_CHARACTERS[word])

    def text(self, data: bytes, hexed: bytes | None) -> None:
        if self.skipping:
            self.skipping -= 1
            if hexed is not None or len(data) == 1:
                return
            data = data[1:]
        self.pending += bytes([int(hexed, 16)]) if hexed is not None else data


def encapsulated_html(rtf: bytes) -> str:
    """The HTML of an RTF body written \\fromhtml (see the module)."""
    page = _PAGE.search(rtf[:4096])
    reader = _Html(codec(int(page.group(1)) if page else 1252))
    position, size = 0, len(rtf)
    while position < size and (found := TOKEN.match(rtf, position)) is not None:
        position = found.end()
        word, number, hexed, symbol, brace = found.groups()
        if brace is not None:
            reader.brace(brace == b"{")
        elif word == b"bin":
            position += max(int(number or 0), 0)
        elif word is not None:
            reader.control(word.decode("ascii"), None if number is None else int(number))
        elif symbol is not None:
            _symbol(reader, symbol)
        elif not found.group(0).startswith((b"\r", b"\n")):
            reader.text(found.group(0), hexed)
    reader.flush()
    return "".join(reader.out)


def _symbol(reader: _Html, symbol: bytes) -> None:
    group = reader.stack[-1]
    if symbol == b"*":
        group.starred = True
        return
    group.first = False
    character = CHARACTERS.get(symbol.decode("latin-1"))
    if character is not None:
        reader.flush()
        reader.emit(character)
