"""An RTF document's font table (rtftext.py reads the document): each font's number, name and the code page its
bytes are in (its \\fcharset, or a \\cpg of its own; none: the document's)."""

from __future__ import annotations

import codecs
import functools
from dataclasses import dataclass

# A font's \fcharset: the Windows code page its bytes are in (0, ANSI, and 1, default: the document's)
CHARSETS = {77: 10000, 128: 932, 129: 949, 130: 1361, 134: 936, 136: 950, 161: 1253, 162: 1254, 163: 1258,
            177: 1255, 178: 1256, 186: 1257, 204: 1251, 222: 874, 238: 1250, 254: 437, 255: 850}


@dataclass
class RtfFont:
    page: int | None = None  # None: the document's code page
    name: str = ""


class FontTable:
    """The fonts defined so far, by number, as the table's control words and names are read."""

    def __init__(self) -> None:
        self.fonts: dict[int, RtfFont] = {}
        self.defining: RtfFont | None = None  # the font whose name is being read

    def get(self, number: int) -> RtfFont | None:
        return self.fonts.get(number)

    def setting(self, word: str, number: int | None) -> None:
        """A control word of the font table: a font's number, character set or code page."""
        if word == "f" and number is not None:
            self.defining = self.fonts[number] = RtfFont()
        elif self.defining is not None and word in ("fcharset", "cpg") and number is not None:
            page = CHARSETS.get(number) if word == "fcharset" else number
            self.defining.page = page if page is not None else self.defining.page

    def name(self, text: str) -> None:
        """Text in the font table: the name of the font being defined, up to its ";"."""
        if self.defining is not None:
            self.defining.name += text.split(";")[0]
            if ";" in text:
                self.defining = None


@functools.lru_cache(maxsize=64)
def codec(page: int) -> str:
    """The Python codec of a Windows code page (Windows-1252 for one Python does not know)."""
    name = "utf-8" if page == 65001 else "mac_roman" if page == 10000 else f"cp{page}"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return "cp1252"
