"""One line of literal text drawn by the canvas (running header and footer, a house style's letterhead, the
watermark): shaped and in reading order, as a paragraph's line is.

The canvas draws what it is given left to right, one font at a time. A line in a right-to-left script, or one
that needs shaping, was drawn letter by letter, unjoined and backwards (an Arabic footer read ةرازولا). Here
the line's characters get their embedding levels by UAX #9 (briefgen.writers.bidi), its font runs are cut where
the level changes and put in drawing order (L2), and each piece is shaped by HarfBuzz as a paragraph's words
are (shaping.shape_word: right-to-left glyphs in drawing order, ligatures kept in the ToUnicode map) or, plain
and right to left, reversed with its brackets mirrored. A line that needs none of this is the font runs
themselves, as before.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.abag import ABag
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import ShapedStr
from reportlab.pdfgen.canvas import Canvas

from briefgen.document.typefaces import BUNDLED, FontSet
from briefgen.text import without_controls
from briefgen.writers import bidi
from briefgen.writers.pdf import fonts, shaping

Piece = tuple[str, str]  # font name, text (a ShapedStr when shaped), in drawing order


def pieces(text: str, family: str, bold: bool = False, italic: bool = False, fontset: FontSet = BUNDLED,
           size: float = 10.0, spacing: float = 0.0) -> list[Piece]:
    """The line as (font name, text) pieces, left to right as drawn (`spacing` points after each character:
    Word's letter spacing, fonts.spaced)."""
    found = [(fonts.spaced(fam, bold, italic, size, spacing) if spacing else fonts.font_name(fam, bold, italic),
              chunk) for fam, chunk in fonts.runs(text, family, bold, italic, fontset)]
    if shaping.reorders(text):
        found = [piece for name, chunk, level in bidi.drawing_order(text.replace("\ufeff", "\u2060"), found)
                 for piece in drawn(name, chunk, level, size)]
    # ordered, plain text is drawn without its bidi format characters (HarfBuzz hides them in shaped pieces)
    return [(name, chunk if isinstance(chunk, ShapedStr) else without_controls(chunk)) for name, chunk in found]


def drawn(name: str, text: str, level: int, size: float) -> list[Piece]:
    """One piece of one level and font: shaped (HarfBuzz orders a right-to-left run's glyphs), or plain."""
    found: list[Piece] = [(name, text)]
    if shaping.needs_shaping(text):
        word = shaping.shape_word([stringWidth(text, name, size), (ABag(fontName=name, fontSize=size), text)])
        found = [(fragment.fontName, piece) for fragment, piece in word[1:]]
    if not level % 2:
        return found
    # right to left: pieces (cut around numbers, in logical order) reversed, and plain ones' characters too
    return [(name, piece if isinstance(piece, ShapedStr) else bidi.mirrored(piece)) for name, piece in found[::-1]]


def width(drawn: list[Piece], size: float) -> float:
    return sum(_width(name, text, size) for name, text in drawn)


def _width(name: str, text: Any, size: float) -> float:
    if isinstance(text, ShapedStr):
        return float(sum(d.x_advance for d in text.__shapeData__)) * size / 1000
    return float(stringWidth(text, name, size))


def draw(canv: Canvas, x: float, y: float, drawn: list[Piece], size: float) -> float:
    """Draw the pieces from x on baseline y; the x after them."""
    for name, text in drawn:
        canv.setFont(name, size)
        canv.drawString(x, y, text)
        x += _width(name, text, size)
    return x
