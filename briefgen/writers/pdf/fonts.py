"""Bundled TTFs registered with reportlab once per process, and text split into runs by glyph coverage.

Every piece of text that reaches reportlab's paragraph mini-markup goes through `markup()`, which
XML-escapes it and wraps the characters the main face lacks in a `<font>` tag naming a face that has them.
"""

from __future__ import annotations

import re
from functools import cache
from html import escape  # not xml.sax.saxutils: it imports urllib.request and ssl (~50 ms)

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from briefgen.document import typefaces
from briefgen.document.nodes import safe_text
from briefgen.document.typefaces import FACES, FALLBACKS, Face
from briefgen.errors import ThemeError
from briefgen.writers.pdf import shaping

_STYLES = ((False, False), (True, False), (False, True), (True, True))
_SUFFIX = {(False, False): "", (True, False): "-Bold", (False, True): "-Italic", (True, True): "-BoldItalic"}


def font_name(family: str, bold: bool = False, italic: bool = False) -> str:
    """The reportlab name of one registered face (a fallback face has a single file for every style)."""
    if family not in FACES:
        return family
    return family + _SUFFIX[(bold, italic)]


_REPORTLAB_CMAP = ttfonts.makeToUnicodeCMap
_BEYOND_BMP = re.compile(r"^(<[0-9A-F]+> )<([0-9A-F]{5,6})>$", re.MULTILINE)


def _to_unicode_cmap(font: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap, with characters beyond U+FFFF written as UTF-16 (a surrogate pair).

    reportlab writes their code point as five or six hex digits, which PDF readers reject: an emoji or other
    supplementary character drawn from a bundled font (DejaVu Sans has 548) could not be copied or searched."""
    def utf16(found: re.Match[str]) -> str:
        return f"{found[1]}<{chr(int(found[2], 16)).encode('utf-16-be').hex().upper()}>"

    return shaping.to_unicode(font, _BEYOND_BMP.sub(utf16, _REPORTLAB_CMAP(font, subset)))


@cache
def register() -> tuple[str, ...]:
    """Register the main faces and their bold/italic family mappings; return every bundled family name.
    A fallback face is registered when a character first needs it (`_face_for`): the CJK faces alone take
    half a second to read, which a Latin-only brief does not spend."""
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    shaping.install()
    for family in FACES:
        _register(family)
    return tuple(_FACES)


_FACES = {face.family: face for face in (*FACES.values(), *FALLBACKS)}


def register_all() -> None:
    """Register the fallback faces too: for a long-running process (`watch`), whose rebuilds should not
    pay for reading a face the first time an edit brings in its script."""
    register()
    for family in _FACES:
        _register(family)


def registered(family: str, bold: bool = False, italic: bool = False) -> str:
    """The reportlab name of a bundled face, registered first if this process has not yet (the chart's text
    is measured from the font files, so its faces reach reportlab only when drawn)."""
    register()
    if family in _FACES:
        _register(family)
    return font_name(family, bold, italic)


@cache
def _register(family: str) -> None:
    face = _FACES[family]
    for bold, italic in _STYLES:
        name = font_name(face.family, bold, italic)
        if name not in pdfmetrics.getRegisteredFontNames():
            font = TTFont(name, str(face.file(bold, italic)))
            font.shapable = True  # HarfBuzz shapes only the paragraphs that need it (shaping.style_for)
            pdfmetrics.registerFont(font)
        addMapping(face.family, int(bold), int(italic), name)


def face(family: str) -> Face:
    """The bundled face named by a Theme field, or a BriefgenError listing the choices."""
    if family not in FACES:
        raise ThemeError("body_font", f"unknown font {family!r}: bundled fonts are {', '.join(sorted(FACES))}")
    return FACES[family]


def runs(text: str, family: str, bold: bool = False, italic: bool = False) -> list[tuple[str, str]]:
    """Split text into (family, text) runs, each drawable in its face (typefaces.runs), registering each face
    a run needs with reportlab the first time it is used."""
    found = typefaces.runs(text, family, bold, italic)
    for face, _ in found:
        if face in _FACES:
            _register(face)
    return found


def markup(text: str, family: str, bold: bool = False, italic: bool = False) -> str:
    """Escaped paragraph markup for literal text drawn in `family` (bold, italic: the weight and slant it
    will be drawn in), with the characters that face lacks in a fallback face that has them."""
    parts = []
    for fam, chunk in runs(safe_text(text), family, bold, italic):
        escaped = escape(chunk, quote=False)
        parts.append(escaped if fam == family else f'<font face="{fam}">{escaped}</font>')
    return "".join(parts)
