"""How a paragraph style's text is set (face, capitals, alignment, a list item's bullet): its own module, so
the styles and the house style's overrides can both use it without importing each other."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.pdfbase.pdfmetrics import stringWidth

from briefgen.document import layout

ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}  # reportlab's codes


@dataclass(frozen=True)
class Face:
    """The face a paragraph style's text is set in, and whether it is set in capitals."""

    family: str
    bold: bool
    italic: bool
    caps: bool


def bullet_indent(indent: float, font_name: str, size: float) -> float:
    """Where a list item's bullet is drawn, for its text at `indent`: where Word draws it, the hanging indent's
    start, or left of it as far as the text needs to start at its indent, as in Word: reportlab moves the
    first line right of a bullet that ends within 0.6 of the font size of the text (by 2.4 pt, which set a
    word fewer on it than Word and LibreOffice did)."""
    word = indent * (1 - layout.BULLET_HANGING)
    return max(0.0, min(word, indent - float(stringWidth(layout.BULLET, font_name, size)) - 0.6 * size))
