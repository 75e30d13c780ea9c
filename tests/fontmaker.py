"""Small fonts made in a test with fontTools (a dev dependency): a box glyph for each character asked for, a
family name, a weight and slant, TrueType or CFF outlines, and an embedding licence, so tests need no font
files of their own."""

from __future__ import annotations

from pathlib import Path

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.pens.ttGlyphPen import TTGlyphPen

UPM = 1000
ADVANCE = 600


def _box(pen: TTGlyphPen | T2CharStringPen) -> None:
    pen.moveTo((50, 0))
    pen.lineTo((50, 700))
    pen.lineTo((550, 700))
    pen.lineTo((550, 0))
    pen.closePath()


def make_font(path: Path, family: str, chars: str, style: str = "Regular", cff: bool = False,
              fs_type: int = 0) -> Path:
    """Write a font whose every character in `chars` (and the space) is a box; returns its path."""
    chars = "".join(dict.fromkeys(chars.replace(" ", "")))
    names = [".notdef", "space", *(f"uni{ord(c):04X}" for c in chars)]
    cmap = {0x20: "space", **{ord(c): f"uni{ord(c):04X}" for c in chars}}
    builder = FontBuilder(UPM, isTTF=not cff)
    builder.setupGlyphOrder(names)
    builder.setupCharacterMap(cmap)
    if cff:
        strings = {}
        for name in names:
            pen = T2CharStringPen(ADVANCE, None)
            if name not in (".notdef", "space"):
                _box(pen)
            strings[name] = pen.getCharString()
        builder.setupCFF(family.replace(" ", "") + "-" + style.replace(" ", ""), {"FullName": family}, strings, {})
    else:
        glyphs = {}
        for name in names:
            pen = TTGlyphPen(None)
            if name not in (".notdef", "space"):
                _box(pen)
            glyphs[name] = pen.glyph()
        builder.setupGlyf(glyphs)
    builder.setupHorizontalMetrics({name: (ADVANCE, 50) for name in names})
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    bold, italic = "Bold" in style, "Italic" in style
    builder.setupNameTable({"familyName": family, "styleName": style,
                            "psName": family.replace(" ", "") + "-" + style.replace(" ", "")})
    selection = (0x20 if bold else 0) | (0x01 if italic else 0) or 0x40
    builder.setupOS2(sTypoAscender=800, sTypoDescender=-200, usWinAscent=800, usWinDescent=200,
                     fsType=fs_type, fsSelection=selection, usWeightClass=700 if bold else 400)
    builder.updateHead(macStyle=(1 if bold else 0) | (2 if italic else 0))
    builder.setupPost()
    builder.save(str(path))
    return path
