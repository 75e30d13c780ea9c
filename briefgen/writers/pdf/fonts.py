"""The bundled TTF faces registered with reportlab once per process, and per-glyph fallback for scripts
(Hangul, …) the main faces lack, so no character is drawn as a missing-glyph box when a face has it."""

from __future__ import annotations

from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from briefgen.typefaces import FACES, FALLBACKS, Face

_STYLES = {(False, False): "", (True, False): "-Bold", (False, True): "-Italic", (True, True): "-BoldItalic"}


def face_name(family: str, bold: bool = False, italic: bool = False) -> str:
    return f"{family}{_STYLES[(bold, italic)]}"


@lru_cache(maxsize=None)
def register(family: str) -> str:
    """Register a bundled family (all four styles) and return its base font name."""
    face: Face = FACES.get(family) or next(f for f in FALLBACKS if f.family == family)
    for (bold, italic), _ in _STYLES.items():
        name = face_name(face.family, bold, italic)
        pdfmetrics.registerFont(TTFont(name, str(face.file(bold, italic))))
        addMapping(face.family, int(bold), int(italic), name)
    return face.family


@lru_cache(maxsize=None)
def _coverage(family: str) -> frozenset[int]:
    register(family)
    font = pdfmetrics.getFont(face_name(family))
    return frozenset(font.face.charToGlyph)  # type: ignore[attr-defined]


def markup(text: str, family: str) -> str:
    """XML-escaped text for a reportlab Paragraph; characters the family cannot draw switch, run by run,
    to the first fallback face that can (left in the main face when none can)."""
    faces = [(family, _coverage(family))] + [(f.family, _coverage(f.family)) for f in FALLBACKS]
    out: list[str] = []
    current = family
    for char in text:
        code = ord(char)
        wanted = current if char.isspace() else next((name for name, cover in faces if code in cover), family)
        if wanted != current:
            if current != family:
                out.append("</font>")
            if wanted != family:
                out.append(f'<font face="{wanted}">')
            current = wanted
        out.append(escape(char))
    if current != family:
        out.append("</font>")
    return "".join(out)
