"""A nested list's items in the PDF, as the DOCX has Word draw them (writers/docx/nested.py): under a house
style's own bullet list, each level as the reference's list defines it (its glyph or number, the glyph's font
and colour, its indents), counted as Word counts a level's items (the deeper levels starting again after each
item above them); under briefgen's own bullets, its round bullet a step further in for each level."""

from __future__ import annotations

import re

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle

from briefgen.document.bullets import SYMBOL_FONTS, glyph, house_bullet
from briefgen.document.house import House, ListLevel
from briefgen.document.layout import STYLES
from briefgen.document.nodes import MOST_LEVEL, BulletList
from briefgen.document.typefaces import FontSet
from briefgen.document.wordnumbers import number_text
from briefgen.writers.pdf import fonts
from briefgen.writers.pdf.face import Face, bullet_indent

_PLACE = re.compile(r"%([1-9])")


def level_styles(house: House | None, ours: ParagraphStyle, face: Face, fontset: FontSet, text_width: float,
                 ) -> tuple[ParagraphStyle, ...]:
    """The List Bullet style at levels 1 to MOST_LEVEL (level 0 is `ours`), each indented as its level says."""
    levels = _levels(house)
    step = STYLES["bullet"].indent
    made = []
    for level in range(1, MOST_LEVEL + 1):
        said = levels[level] if level < len(levels) else None
        if said is None or said.indent is None:  # briefgen's own: a step further in, the bullet hung as level 0's
            left = min(step * (1 + level), text_width / 2)
            start = left - step + bullet_indent(step, ours.bulletFontName, ours.bulletFontSize)  # hung as level 0's
            made.append(ParagraphStyle(f"{ours.name}-{level}", parent=ours, leftIndent=left, firstLineIndent=0,
                                       bulletIndent=max(start, 0.0)))
            continue
        left = min(max(said.indent[0], 0.0), text_width / 2)
        start = max(left + min(said.indent[2], 0.0), 0.0)  # the number at the first line's indent, as Word sets it
        made.append(ParagraphStyle(
            f"{ours.name}-{level}", parent=ours, leftIndent=left, firstLineIndent=0, bulletIndent=start,
            bulletFontName=fonts.font_name(_glyph_face(said, face, fontset)),
            bulletColor=HexColor(said.colour) if said.colour else ours.textColor))
    return tuple(made)


def labels(house: House | None, block: BulletList, top: str) -> list[str]:
    """Each item's bullet or number: `top` (the list's own bullet) at level 0, each deeper level's as the house
    list says (briefgen's bullet where it says none)."""
    levels = _levels(house)
    counts: list[int | None] = [None] * (MOST_LEVEL + 1)
    found = []
    for index in range(len(block.items)):
        level = block.level(index)
        counts[level] = (levels[level].start if level < len(levels) else 1) if counts[level] is None \
            else (counts[level] or 0) + 1
        counts[level + 1:] = [None] * (MOST_LEVEL - level)
        found.append(top if level == 0 or level >= len(levels) else _label(levels, level, counts) or top)
    return found


def _label(levels: tuple[ListLevel, ...], level: int, counts: list[int | None]) -> str:
    said = levels[level]
    if said.fmt == "bullet":
        return glyph(said.text, said.font) if said.text else ""
    if said.fmt == "none":
        return ""

    def number(found: re.Match[str]) -> str:
        at = int(found[1]) - 1
        if at >= len(levels) or levels[at].fmt in ("none", "bullet"):
            return ""
        return number_text(counts[at] or levels[at].start, levels[at].fmt)

    return _PLACE.sub(number, said.text).strip()


def _levels(house: House | None) -> tuple[ListLevel, ...]:
    own = house_bullet(house)
    return () if own is None or house is None else dict(house.lists).get(own.num_id, ())


def _glyph_face(level: ListLevel, face: Face, fontset: FontSet) -> str:
    """The face a level's glyph is drawn in: its font's (a bullet "o" in Courier New), else the text's, or the
    fallback face that has the glyph."""
    symbolic = (level.font or "").strip().lower().startswith(SYMBOL_FONTS)
    family = fontset.pdf_family(level.font) if level.font and not symbolic else face.family
    shown = glyph(level.text, level.font) if level.fmt == "bullet" else "1"
    return fonts.runs(shown or "1", family, fontset=fontset)[0][0]
