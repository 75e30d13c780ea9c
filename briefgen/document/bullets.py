"""A house style's own bullets: the list its List Bullet style is numbered in (a template's "▪" in its accent
colour, hung a quarter inch), which both formats then draw, the DOCX keeping the reference's list definition
and the PDF drawing its glyph, colour and indents.

Word's Bullet Library sets its bullets in symbol fonts (Symbol's "·", Wingdings' "§"), whose characters it stores
at U+F000 and the font's own code (or at that code alone): the PDF draws the Unicode character each looks like,
in the text's font; a character of a symbol font not known here is drawn as a round bullet.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefgen.document.house import House, ListLevel

ROUND = "•"
MOST_GLYPHS = 4  # characters of a bullet the PDF draws (Word takes a bullet's text of any length)
# (symbol font, its character code) -> the character it shows
_SYMBOLS = {("symbol", 0xB7): "•", ("wingdings", 0x6C): "●", ("wingdings", 0x6E): "■", ("wingdings", 0x71): "❑",
            ("wingdings", 0x75): "◆", ("wingdings", 0x76): "❖", ("wingdings", 0xA7): "▪", ("wingdings", 0xD8): "➢",
            ("wingdings", 0xFC): "✓"}
SYMBOL_FONTS = ("symbol", "wingdings", "webdings")


def glyph(text: str, font: str | None) -> str:
    """The character a bullet level's text (its w:lvlText) shows, set in `font` (its first MOST_GLYPHS)."""
    text = text[:MOST_GLYPHS]
    family = (font or "").strip().lower()
    symbolic = next((name for name in SYMBOL_FONTS if family.startswith(name)), None)
    if symbolic is None:
        return text if text and not any(0xF000 <= ord(c) <= 0xF0FF for c in text) else ROUND
    codes = [ord(c) - 0xF000 if 0xF000 <= ord(c) <= 0xF0FF else ord(c) for c in text]
    return "".join(_SYMBOLS.get((symbolic, code), ROUND) for code in codes) or ROUND


@dataclass(frozen=True)
class HouseBullet:
    """The reference's List Bullet list: the character its bullet shows, its level and the list's numId."""

    glyph: str
    level: ListLevel
    num_id: str


def house_bullet(house: House | None) -> HouseBullet | None:
    """The bullet of the reference's List Bullet style, when that style is numbered in a bullet list the
    reference defines; None otherwise (briefgen's own bullets stand)."""
    if house is None:
        return None
    look = house.style("list bullet")
    if look.numbered is None:
        return None
    levels = dict(house.lists).get(look.numbered[0], ())
    level = levels[look.numbered[1]] if look.numbered[1] < len(levels) else None
    if level is None or level.fmt != "bullet" or not level.text:
        return None
    return HouseBullet(glyph(level.text, level.font), level, look.numbered[0])
