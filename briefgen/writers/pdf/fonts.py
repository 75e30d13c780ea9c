"""Bundled TTFs registered with reportlab once per process, and text split into runs by glyph coverage.

Every piece of text that reaches reportlab's paragraph mini-markup goes through `markup()`, which
XML-escapes it and wraps the characters the main face lacks in a `<font>` tag naming a face that has them.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import groupby
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from briefgen.errors import BriefgenError
from briefgen.typefaces import FACES, FALLBACKS, Face

_STYLES = ((False, False), (True, False), (False, True), (True, True))
_SUFFIX = {(False, False): "", (True, False): "-Bold", (False, True): "-Italic", (True, True): "-BoldItalic"}
# XML 1.0 forbids these; reportlab's parser would choke on them.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def font_name(family: str, bold: bool = False, italic: bool = False) -> str:
    """The reportlab name of one registered face (a fallback face has a single file for every style)."""
    if family not in FACES:
        return family
    return family + _SUFFIX[(bold, italic)]


@cache
def register() -> tuple[str, ...]:
    """Register every bundled face and its bold/italic family mapping; return the family names."""
    for face in (*FACES.values(), *FALLBACKS):
        for bold, italic in _STYLES:
            name = font_name(face.family, bold, italic)
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(name, str(face.file(bold, italic))))
            addMapping(face.family, int(bold), int(italic), name)
    return (*FACES, *(f.family for f in FALLBACKS))


def face(family: str) -> Face:
    """The bundled face named by a Theme field, or a BriefgenError listing the choices."""
    if family not in FACES:
        raise BriefgenError(f"unknown font {family!r}: bundled fonts are {', '.join(sorted(FACES))}")
    return FACES[family]


@cache
def _coverage(family: str) -> frozenset[int]:
    register()
    font = pdfmetrics.getFont(font_name(family))
    return frozenset(font.face.charToGlyph)


@cache
def _chain(family: str) -> tuple[str, ...]:
    """Where to look for a glyph: the main face, the other bundled faces, then the fallbacks in order."""
    return (family, *(f for f in FACES if f != family), *(f.family for f in FALLBACKS))


def _face_for(char: str, family: str) -> str:
    code = ord(char)
    if code < 0x80 or char.isspace():
        return family
    for candidate in _chain(family):
        if code in _coverage(candidate):
            return candidate
    return family  # no bundled face has it: reportlab draws .notdef but keeps the text extractable


def runs(text: str, family: str) -> list[tuple[str, str]]:
    """Split text into (family, text) runs, each drawable in its face."""
    return [(fam, "".join(chars)) for fam, chars in groupby(text, key=lambda c: _face_for(c, family))]


def clean(text: str) -> str:
    """Replace XML-illegal characters (control characters, lone surrogates) with U+FFFD."""
    return _ILLEGAL.sub("\ufffd", text)


def markup(text: str, family: str) -> str:
    """Escaped paragraph markup for literal text, with fallback runs in their own face."""
    parts = []
    for fam, chunk in runs(clean(text), family):
        escaped = escape(chunk)
        parts.append(escaped if fam == family else f'<font face="{fam}">{escaped}</font>')
    return "".join(parts)
