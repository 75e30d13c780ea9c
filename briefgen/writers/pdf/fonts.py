"""Bundled TTFs (and a profile's own) registered with reportlab once per process, and text split into runs by
glyph coverage.

Every piece of text that reaches reportlab's paragraph mini-markup goes through `markup()`, which
XML-escapes it and wraps the characters the main face lacks in a `<font>` tag naming a face that has them.
"""

from __future__ import annotations

import copy
import re
from functools import cache
from html import escape  # not xml.sax.saxutils: it imports urllib.request and ssl (~50 ms)
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts

from briefgen.document.layout import MOST_CONDENSED, MOST_SPACED
from briefgen.document.nodes import safe_text
from briefgen.document.typefaces import BUNDLED, FACES, FALLBACKS, FontSet, face_of
from briefgen.writers.pdf import shaping
from briefgen.writers.pdf.fontcache import ttfont

if TYPE_CHECKING:
    from reportlab.pdfbase.ttfonts import TTFont

_STYLES = ((False, False), (True, False), (False, True), (True, True))
_SUFFIX = {(False, False): "", (True, False): "-Bold", (False, True): "-Italic", (True, True): "-BoldItalic"}


def font_name(family: str, bold: bool = False, italic: bool = False) -> str:
    """The reportlab name of a face in a weight and slant, registered first if this process has not yet (the
    bundled main faces too: a brief set in Caladea and Carlito never reads the Liberation files)."""
    _register(family)
    return _name(family, bold, italic)


def _name(family: str, bold: bool, italic: bool) -> str:
    """The family's own name for the style its regular file draws (a fallback face has a single file for every
    style), else the family's name with the style's suffix."""
    face = face_of(family)
    if face.file(bold, italic) == face.file():
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

    return _without_null(shaping.to_unicode(font, _BEYOND_BMP.sub(utf16, _REPORTLAB_CMAP(font, subset))))


_BFCHAR = re.compile(r"\d+ beginbfchar\n(.*?)endbfchar", re.DOTALL)
_TO_NULL = re.compile(r"^<[0-9A-F]+> <0000>\n", re.MULTILINE)


def _without_null(cmap: str) -> str:
    """The CMap without the codes reportlab maps to U+0000 (the unused codes of a subset): a code that maps
    to nothing is left out, as PDF/UA asks (Matterhorn 31-028), not mapped to a NUL character."""
    def block(found: re.Match[str]) -> str:
        entries = _TO_NULL.sub("", found[1])
        return f"{entries.count(chr(10))} beginbfchar\n{entries}endbfchar" if entries else ""

    return _BFCHAR.sub(block, cmap)


@cache
def register() -> tuple[str, ...]:
    """Install our ToUnicode maps and shaping; return every bundled family name. A face is registered when
    a style or a character first needs it (`font_name`, `runs`): the CJK faces alone take half a second to
    read, which a Latin-only brief does not spend."""
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    shaping.install()
    return tuple(_FACES)


_FACES = {face.family: face for face in (*FACES.values(), *FALLBACKS)}


def register_all() -> None:
    """Register the fallback faces too: for a long-running process (`watch`), whose rebuilds should not
    pay for reading a face the first time an edit brings in its script."""
    register()
    for family in _FACES:
        _register(family)


def register_set(fontset: FontSet) -> None:
    """Register a profile's own faces (look.fonts, or fonts a house style names found in templates/)."""
    register()
    for face in fontset.named:
        _register(face.family)
    for _, face in fontset.scripts:
        _register(face.family)


def registered(family: str, bold: bool = False, italic: bool = False) -> str:
    """The reportlab name of a face, registered first if this process has not yet (the chart's text is
    measured from the font files, so its faces reach reportlab only when drawn)."""
    register()
    return font_name(family, bold, italic)


@cache
def _register(family: str) -> None:
    face = face_of(family)
    for bold, italic in _STYLES:
        name = _name(face.family, bold, italic)
        if name not in pdfmetrics.getRegisteredFontNames():
            font = ttfont(name, face.file(bold, italic))
            font.shapable = True  # HarfBuzz shapes only the paragraphs that need it (shaping.style_for)
            pdfmetrics.registerFont(font)  # which maps every style of a font named like the family to it
    # then the family's styles, regular last: a style drawn from the regular file maps back to the regular
    # style, so `<b>` inside it finds the bold file
    for bold, italic in reversed(_STYLES):
        addMapping(face.family, int(bold), int(italic), _name(face.family, bold, italic))


def spaced(family: str, bold: bool, italic: bool, size: float, spacing: float) -> str:
    """The reportlab name of a face drawn at `size` with `spacing` points after each character (Word's letter
    spacing, w:spacing): a copy of the face whose every advance is that much wider, so that reportlab measures,
    wraps and aligns the spaced text as it draws it, and the PDF's /Widths place each glyph so (a canvas's
    character spacing, Tc, would be drawn but not measured). Its family maps <b> and <i> to spaced copies too."""
    bounded = max(-size * MOST_CONDENSED, min(spacing, size * MOST_SPACED))
    extra = round(bounded * 1000 / size) if size > 0 else 0  # thousandths of an em, as a font's widths are
    if not extra:
        return font_name(family, bold, italic)
    _register_spaced(family, extra)
    return f"{_name(family, bold, italic)}~{extra}"


def spaced_family(family: str, size: float, spacing: float) -> str:
    """The family name <font face=…> names for `family` spaced at `size` as `spaced` draws it (its <b> and <i>
    spaced too)."""
    regular = spaced(family, False, False, size, spacing)
    return family + regular[len(_name(family, False, False)):]


@cache
def _register_spaced(family: str, extra: int) -> None:
    _register(family)
    for bold, italic in _STYLES:
        name = _name(family, bold, italic)
        if f"{name}~{extra}" not in pdfmetrics.getRegisteredFontNames():
            _register_apart(_widened(pdfmetrics.getFont(name), f"{name}~{extra}", extra), extra)
    for bold, italic in reversed(_STYLES):
        addMapping(f"{family}~{extra}", int(bold), int(italic), f"{_name(family, bold, italic)}~{extra}")


def _register_apart(font: TTFont, extra: int) -> None:
    """Register a copy of a registered font: reportlab hands a font whose face name it has seen the first font
    of that name instead, so the copy is registered under a name of its own, which its face then drops. Its
    subsets are tagged apart from the original's and from every other copy's, by its spacing (AAAIJA+Carlito
    beside AAAAAA+Carlito: a PDF's subsets of one font each have a tag of their own, reportlab names their objects
    by it, and the same brief gets the same tags in any process)."""
    own = font.face.name
    font.face.name = own + b"~" + font.fontName.encode()
    try:
        pdfmetrics.registerFont(font)
    finally:
        font.face.name = own
    offset = _SUBSET_TAGS * (extra + round(MOST_CONDENSED * 1000) + 1)  # never 0, the original's
    plain = font.addObjects

    def add_objects(doc: object) -> None:
        tag = ttfonts.SUBSETN
        ttfonts.SUBSETN = lambda n: tag(n + offset)
        try:
            plain(doc)
        finally:
            ttfonts.SUBSETN = tag

    font.addObjects = add_objects


_SUBSET_TAGS = 700  # subset tags each copy's subsets may take (179,200 characters): tags stay six letters, below
# a million, for every spacing from -250 to 1,000 thousandths of an em


def _widened(font: TTFont, name: str, extra: int) -> TTFont:
    """A registered font's copy under `name`, each character `extra` thousandths of an em wider (its file, glyphs
    and character map shared; its subsets its own). The PDF names it as the file does."""
    face = copy.copy(font.face)
    face.charWidths = {code: width + extra for code, width in font.face.charWidths.items()}
    face.defaultWidth = font.face.defaultWidth + extra
    made = copy.copy(font)
    made.fontName, made.face, made.state = name, face, WeakKeyDictionary()
    return made


def runs(text: str, family: str, bold: bool = False, italic: bool = False,
         fontset: FontSet = BUNDLED) -> list[tuple[str, str]]:
    """Split text into (family, text) runs, each drawable in its face (FontSet.runs), registering each face
    a run needs with reportlab the first time it is used."""
    found = fontset.runs(text.replace("\ufeff", "\u2060"), family, bold, italic)  # PDF/UA maps nothing to U+FEFF
    for face, chunk in found:
        _register(face)
        if not chunk.isascii():
            _keep_undrawable(face, chunk)
    return found


def _keep_undrawable(family: str, text: str) -> None:
    """Give the characters of `text` that the family's files have no glyph for (no face has: `check` names
    them) a code of their own in the embedded subset, drawn as the font's .notdef box and mapped to the
    character in the font's ToUnicode map. reportlab would draw them all as code 0, mapped to nothing, so
    copying, searching and screen readers lost them (and PDF/UA forbids such codes)."""
    for bold, italic in _STYLES:
        glyphs = pdfmetrics.getFont(font_name(family, bold, italic)).face.charToGlyph
        for code in map(ord, text):
            if code not in glyphs:
                glyphs[code] = 0


def markup(text: str, family: str, bold: bool = False, italic: bool = False, fontset: FontSet = BUNDLED) -> str:
    """Escaped paragraph markup for literal text drawn in `family` (bold, italic: the weight and slant it
    will be drawn in), with the characters that face lacks in a fallback face (of `fontset`) that has them,
    named in that weight and slant: reportlab draws a <font face> by the name it is given, whatever <i> or <b>
    it sits in, so a Cyrillic title in an italic Caladea note was drawn in upright Carlito beside Carlito's own
    italic file (the DOCX showed it italic)."""
    parts = []
    for fam, chunk in runs(safe_text(text), family, bold, italic, fontset):
        escaped = escape(chunk, quote=False)
        parts.append(escaped if fam == family else f'<font face="{font_name(fam, bold, italic)}">{escaped}</font>')
    return "".join(parts)
