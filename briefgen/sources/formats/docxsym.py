"""The character a DOCX's w:sym element stands for (Insert > Symbol in Word).

A w:sym names a font and a character code. Codes in the private range U+F020-U+F0FF are a symbol font's byte
codes: for Symbol they are read by the Adobe Symbol encoding (its Greek letters as Greek letters, its bracket
pieces and sans-serif marks as their Unicode counterparts); for any other symbol font (Wingdings, Webdings…)
no mapping is known, and the character reads U+FFFD, as does a code that names no character. Nothing is dropped.

Text typed in the Symbol font (a run whose w:rFonts names it: "a" set in Symbol is the α Word draws, as older
documents wrote Greek letters, ° and ±) reads by the same encoding: `symbol_text`.
"""

from __future__ import annotations

UNKNOWN = "\ufffd"
# Adobe Symbol encoding, byte 0x20 onwards (U+FFFD where the encoding has no character).
SYMBOL = (
    " !∀#∃%&∋()∗+,−./0123456789:;<=>?"  # 0x20
    "≅ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ[∴]⊥_"  # 0x40
    "‾αβχδεφγηιϕκλμνοπθρστυϖωξψζ{|}∼\ufffd"  # 0x60
    + "\ufffd" * 32  # 0x80
    + "€ϒ′≤⁄∞ƒ♣♦♥♠↔←↑→↓°±″≥×∝∂•÷≠≡≈…⏐⎯↵"  # 0xA0
    "ℵℑℜ℘⊗⊕∅∩∪⊃⊇⊄⊂⊆∈∉∠∇®©™∏√⋅¬∧∨⇔⇐⇑⇒⇓"  # 0xC0
    "◊〈®©™∑⎛⎜⎝⎡⎢⎣⎧⎨⎩⎪\ufffd〉∫⌠⎮⌡⎞⎟⎠⎤⎥⎦⎫⎬⎭\ufffd"  # 0xE0
)


def sym_char(font: str | None, code: str | None) -> str:
    """The character of a w:sym with w:font `font` and w:char `code` (hexadecimal)."""
    try:
        number = int(code or "", 16)
    except ValueError:
        return UNKNOWN
    symbol_font = is_symbol_font(font)
    if symbol_font and (number < 0x100 or 0xF000 <= number <= 0xF0FF):
        byte = number & 0xFF
        return SYMBOL[byte - 0x20] if byte >= 0x20 else UNKNOWN
    if 0xE000 <= number <= 0xF8FF or number < 0x20 or 0xD800 <= number <= 0xDFFF or number > 0x10FFFF:
        return UNKNOWN  # a private-use glyph of a font we cannot read, or no character at all
    return chr(number)


def is_symbol_font(font: str | None) -> bool:
    return (font or "").strip().casefold() == "symbol"


def symbol_text(text: str) -> str:
    """Text set in the Symbol font, as the characters it draws: a byte code (below U+0100) or its private-use
    form (U+F020-U+F0FF) by the Adobe Symbol encoding; any other character as it is."""
    return "".join(sym_char("Symbol", f"{ord(char):04X}") if (ord(char) < 0x100 and char >= " ") or
                   0xF020 <= ord(char) <= 0xF0FF else char for char in text)


def font_text(font: str | None, text: str) -> str:
    """Text typed in the font named `font`, as the characters it draws (see symbol_text)."""
    return symbol_text(text) if is_symbol_font(font) else text
