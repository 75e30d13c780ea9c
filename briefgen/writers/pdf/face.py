"""How a paragraph style's text is set (face, capitals, alignment): its own module, so the styles and the house
style's overrides can both use it without importing each other."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT

ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}  # reportlab's codes


@dataclass(frozen=True)
class Face:
    """The face a paragraph style's text is set in, and whether it is set in capitals."""

    family: str
    bold: bool
    italic: bool
    caps: bool
