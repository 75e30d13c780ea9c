"""The PDF side of a house style: paragraph styles from the reference's named styles, and its letterhead.

A style the reference defines is drawn as the reference defines it (font, size, colour, weight, spacing, line
height, alignment); the DOCX keeps that very style, so both formats set it alike. Styles the reference lacks
keep briefgen's metrics (styles.py). Line spacing given as a multiple ("auto" in Word) is a multiple of the
font's own line height (ascent plus descent), as LibreOffice and Word measure it.
"""

from __future__ import annotations

import struct
from dataclasses import replace
from functools import cache
from io import BytesIO

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFontFace

from briefgen.document import layout
from briefgen.document.borders import Rule
from briefgen.document.bullets import house_bullet
from briefgen.document.colours import text_colour
from briefgen.document.house import House, StyleLook
from briefgen.document.typefaces import FontSet
from briefgen.writers.pdf import fonts
from briefgen.writers.pdf.face import ALIGN, Face, bullet_indent


@cache
def line_factor(font_name: str) -> float:
    """The natural line height of a registered font as a multiple of its size: ascent, descent and line gap
    as LibreOffice and Word read them (the OS/2 typographic metrics where the font asks for them with
    USE_TYPO_METRICS, else the hhea table's; Calibri and its twin Carlito: 1.22). reportlab's own ascent and
    descent leave the gap out, which set a Calibri title a fifth tighter than Word does."""
    face = pdfmetrics.getFont(font_name).face
    try:
        return _table_height(face)
    except (KeyError, AttributeError, struct.error):  # a face without the tables (never a TrueType file)
        return float(face.ascent - face.descent) / 1000


def _table_height(face: TTFontFace) -> float:
    os2 = face.get_table("OS/2") if "OS/2" in face.table else b""
    typo = len(os2) >= 74 and struct.unpack_from(">H", os2, 62)[0] & _USE_TYPO_METRICS
    ascent, descent, gap = struct.unpack_from(">hhh", os2, 68) if typo else struct.unpack_from(
        ">hhh", face.get_table("hhea"), 4)
    units: float = face.unitsPerEm
    return float(ascent - descent + max(gap, 0)) / units


_USE_TYPO_METRICS = 1 << 7  # OS/2 fsSelection bit 7


def defined_looks(house: House) -> dict[str, StyleLook]:
    """Layout style key -> the reference's definition of that style, for the styles it defines."""
    defined = dict(house.styles)
    return {key: defined[spec.word_name.lower()] for key, spec in layout.STYLES.items()
            if spec.word_name.lower() in defined}


def house_faces(house: House, ours: dict[str, Face], fontset: FontSet) -> dict[str, Face]:
    """The face of every style the reference defines: its font (or ours when it names none), weight,
    slant and capitals as it says."""
    return {key: Face(fontset.pdf_family(look.font) if look.font else ours[key].family, bool(look.bold),
                      bool(look.italic), bool(look.caps))
            for key, look in defined_looks(house).items()}


def house_styles(house: House, ours: dict[str, ParagraphStyle], faces: dict[str, Face],
                 text_width: float) -> dict[str, ParagraphStyle]:
    """Our paragraph styles replaced by the reference's for every style it defines."""
    return {key: _from_look(ours[key], look, faces[key], _indents(look, text_width) if key not in _NUMBERED else {})
            for key, look in defined_looks(house).items()}


def letter_spacings(house: House) -> dict[str, float]:
    """Layout style -> the letter spacing Word draws its text with: its own style's, else (a style the reference
    does not define, based on Normal in the DOCX) Normal's; styles of none left out."""
    defined, normal = defined_looks(house), house.style("normal").spacing
    said = {key: defined[key].spacing if key in defined else normal for key in layout.STYLES}
    return {key: spacing for key, spacing in said.items() if spacing}


def spaced_as_normal(house: House, ours: dict[str, ParagraphStyle], faces: dict[str, Face],
                     ) -> dict[str, ParagraphStyle]:
    """briefgen's own styles (those the reference does not define) with the letter spacing of the reference's
    Normal style, which the DOCX bases them on and which sets none of its own (Word's w:spacing inherited)."""
    spacing = house.style("normal").spacing
    if not spacing:
        return {}
    defined = defined_looks(house)
    return {key: ParagraphStyle(style.name, parent=style, fontName=fonts.spaced(
                faces[key].family, faces[key].bold, faces[key].italic, style.fontSize, spacing))
            for key, style in ours.items() if key not in defined and key in faces}


def table_inks(house: House, ours: dict[str, ParagraphStyle], faces: dict[str, Face],
               ) -> tuple[dict[str, ParagraphStyle], dict[str, Face]]:
    """The Table Header and Table Text styles (where the reference defines neither) in the colour and weight
    its table style gives their rows, as the DOCX writes them (document/tablelook.py `ink`)."""
    look, defined = house.table, defined_looks(house)
    styles: dict[str, ParagraphStyle] = {}
    faced: dict[str, Face] = {}
    if look is None:
        return styles, faced
    for key in ("table_header", "table_cell"):
        ink, bold = look.ink(key == "table_header")
        if key in defined or (ink is None and bold is None):
            continue
        face = faces[key] if bold is None else replace(faces[key], bold=bold)
        faced[key] = face
        styles[key] = ParagraphStyle(ours[key].name, parent=ours[key],
                                     fontName=fonts.font_name(face.family, face.bold, face.italic),
                                     textColor=ours[key].textColor if ink is None else HexColor(ink))
    return styles, faced


def bullet_style(house: House, ours: ParagraphStyle, face: Face, fontset: FontSet, text_width: float,
                 ) -> tuple[ParagraphStyle, str] | None:
    """The List Bullet paragraphs' style and bullet where the reference numbers that style in a bullet list of
    its own (document/bullets.py): the text at the list's left indent (or the style's own, which Word puts
    first), the bullet at its hanging indent's start in the level's colour (else the text's), its glyph drawn
    in the text's face or the fallback face that has it."""
    own = house_bullet(house)
    if own is None:
        return None
    said = house.style("list bullet").indent or own.level.indent or (0.0, 0.0, 0.0)
    indents = _indents(StyleLook(indent=(said[0], 0.0, said[2])), text_width)  # kept within the text width
    left, first = indents["leftIndent"], min(indents["firstLineIndent"], 0.0)
    bullet_face = fonts.runs(own.glyph, face.family, fontset=fontset)[0][0]
    return ParagraphStyle(
        ours.name, parent=ours, leftIndent=left, firstLineIndent=0, bulletIndent=max(left + first, 0.0),
        bulletFontName=fonts.font_name(bullet_face),
        bulletColor=HexColor(own.level.colour) if own.level.colour else ours.textColor), own.glyph


def _indents(look: StyleLook, text_width: float) -> dict[str, float]:
    """The style's indents, kept to leave at least half the text width for its lines (Word squeezes text that
    indents crowd out; reportlab would set a letter a line, or none)."""
    left, right, first = look.indent or (0.0, 0.0, 0.0)
    left, right = max(left, -_INTO_MARGIN), max(right, -_INTO_MARGIN)
    crowded = left + right + max(first, 0.0)
    if crowded > text_width / 2:
        scale = text_width / 2 / crowded
        left, right, first = left * scale, right * scale, first * scale if first > 0 else first
    return {"leftIndent": left, "rightIndent": right, "firstLineIndent": max(first, -max(left, 0.0))}


_INTO_MARGIN = 36.0  # points an indent may reach into the margin


_NUMBERED = ("bullet",)  # indented by briefgen's own bullet numbering in the DOCX, whatever the style says


def house_fills(house: House) -> dict[str, str]:
    """The shading of every style the reference shades (Word's Format > Borders > Shading)."""
    return {key: look.fill for key, look in defined_looks(house).items() if look.fill}


def house_rules(house: House) -> dict[str, tuple[Rule, ...]]:
    """The border of every style the reference defines (none where it draws none: a defined Quote without a
    left border has no bar in the DOCX, so none in the PDF)."""
    return {key: look.rules for key, look in defined_looks(house).items()}


def _from_look(base: ParagraphStyle, look: StyleLook, face: Face, indents: dict[str, float]) -> ParagraphStyle:
    size = look.size or base.fontSize
    name = fonts.spaced(face.family, face.bold, face.italic, size, look.spacing) if look.spacing else \
        fonts.font_name(face.family, face.bold, face.italic)
    natural = size * (look.line or 1.0) * line_factor(name)
    leading = look.line_exact if look.line_exact is not None else max(natural, look.line_at_least or 0.0)
    return ParagraphStyle(
        base.name, parent=base, fontName=name, fontSize=size, leading=leading,
        spaceBefore=look.space_before or 0.0, spaceAfter=look.space_after or 0.0,
        alignment=ALIGN[look.align or "left"], textColor=HexColor(text_colour(look.colour, look.fill)),
        bulletFontName=fonts.font_name(face.family), bulletFontSize=size,
        bulletIndent=bullet_indent(indents.get("leftIndent", base.leftIndent), fonts.font_name(face.family), size),
        **indents)


@cache
def image(data: bytes) -> ImageReader:
    """A letterhead picture (cached by content: every page draws it)."""
    return ImageReader(BytesIO(data))
