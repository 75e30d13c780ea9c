"""The character a DOCX's w:sym element stands for (Insert > Symbol in Word).

A w:sym names a font and a character code. Codes in the private range U+F020-U+F0FF are a symbol font's byte
codes: for Symbol they are read by the Adobe Symbol encoding (its Greek letters as Greek letters, its bracket
pieces and sans-serif marks as their Unicode counterparts); for Wingdings, Wingdings 2, Webdings and Zapf
Dingbats as the Unicode character of the picture they draw (✓ ☒ ➢ ① ❖…, docxdingbats.py), where one is known;
a code with none, in another symbol font, or that names no character reads U+FFFD. Nothing is dropped.

Text typed in one of these fonts (a run whose w:rFonts names it, or its character or paragraph style's: "a" set in
Symbol is the α Word draws, as older documents wrote Greek letters, ° and ±; "ü" set in Wingdings is its check mark
✓) reads by the same tables: `font_text`.
"""

from __future__ import annotations

import functools
import re

from briefgen.sources.formats.docxdingbats import DINGBAT_FONTS

UNKNOWN = "\ufffd"
# Adobe Symbol encoding, byte 0x20 onwards (U+FFFD where the encoding has no character).
_SYMBOL = (
    " !∀#∃%&∋()∗+,−./0123456789:;<=>?"  # 0x20
    "≅ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ[∴]⊥_"  # 0x40
    "‾αβχδεφγηιϕκλμνοπθρστυϖωξψζ{|}∼\ufffd"  # 0x60
    + "\ufffd" * 32  # 0x80
    + "€ϒ′≤⁄∞ƒ♣♦♥♠↔←↑→↓°±″≥×∝∂•÷≠≡≈…⏐⎯↵"  # 0xA0
    "ℵℑℜ℘⊗⊕∅∩∪⊃⊇⊄⊂⊆∈∉∠∇®©™∏√⋅¬∧∨⇔⇐⇑⇒⇓"  # 0xC0
    "◊〈®©™∑⎛⎜⎝⎡⎢⎣⎧⎨⎩⎪\ufffd〉∫⌠⎮⌡⎞⎟⎠⎤⎥⎦⎫⎬⎭\ufffd"  # 0xE0
)
_FIELD_WORDS = re.compile(r'"([^"]*)"|(\S+)')  # a field code's words, a quoted one without its quotes
SYMBOL = {0x20 + n: char for n, char in enumerate(_SYMBOL) if char != UNKNOWN}
SYMBOL_FONTS = {"symbol": SYMBOL, **DINGBAT_FONTS}


def sym_char(font: str | None, code: str | None) -> str:
    """The character of a w:sym with w:font `font` and w:char `code` (hexadecimal)."""
    try:
        number = int(code or "", 16)
    except ValueError:
        return UNKNOWN
    table = symbol_font(font)
    if table is not None and (number < 0x100 or 0xF000 <= number <= 0xF0FF):
        return table.get(number & 0xFF, UNKNOWN)
    if 0xE000 <= number <= 0xF8FF or number < 0x20 or 0xD800 <= number <= 0xDFFF or number > 0x10FFFF:
        return UNKNOWN  # a private-use glyph of a font we cannot read, or no character at all
    return chr(number)


@functools.lru_cache(maxsize=256)
def symbol_font(font: str | None) -> dict[int, str] | None:
    """The characters a symbol font (Symbol, Wingdings…) draws for its byte codes; None for any other font."""
    return SYMBOL_FONTS.get((font or "").strip().casefold())


def font_text(font: str | None, text: str) -> str:
    """Text typed in the font named `font`: in a symbol font, as the characters it draws for a byte code
    (below U+0100) or its private-use form (U+F020-U+F0FF); any other character, or in any other font, as it
    is."""
    table = symbol_font(font)
    if table is None:
        return text
    return "".join(table.get(ord(char) & 0xFF, UNKNOWN) if (" " <= char < "\u0100") or
                   "\uf020" <= char <= "\uf0ff" else char for char in text)


def symbol_field(code: str) -> str:
    """The character a SYMBOL field shows (`SYMBOL 183 \\f "Symbol" \\s 10`, as Word 97-2003 wrote bullets
    and signs, and older documents converted keep them, often with no result stored): its number, decimal or
    0x-hexadecimal, in the font \\f names (a symbol font's table), else as Unicode (\\u), Shift-JIS (\\j)
    or the ANSI code page; "" when the code names no character."""
    words = [quoted or bare for quoted, bare in _FIELD_WORDS.findall(code)]
    try:
        number = int(words[1], 16 if words[1].lower().startswith("0x") else 10)
    except (IndexError, ValueError):
        return ""
    if number < 0x20:
        return ""
    font = next((words[n + 1] for n, word in enumerate(words[:-1]) if word.lower() == "\\f"), None)
    switches = {word.lower() for word in words if word.startswith("\\")}
    if symbol_font(font) is not None and number < 0x100:
        return sym_char(font, f"{number:04X}")
    if "\\j" in switches and number <= 0xFFFF:
        shown = number.to_bytes(2 if number > 0xFF else 1, "big").decode("cp932", errors="replace")
        return shown if len(shown) == 1 else UNKNOWN  # two bytes that are no one character
    if "\\u" in switches or number > 0xFF:
        return sym_char(None, f"{number:X}")
    return bytes([number]).decode("cp1252", errors="replace")
