"""reportlab paragraph styles built from layout.STYLES and the Theme (the same metrics as the DOCX)."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from briefgen.doc import Theme
from briefgen.layout import STYLES, StyleSpec
from briefgen.writers.pdf.fonts import face_name, register

TEXT = colors.HexColor("#1A1A1A")
MUTED = colors.HexColor("#5F6368")
RULE = colors.HexColor("#C8CDD3")
_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "justify": TA_JUSTIFY}


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    top: float
    right: float
    bottom: float
    left: float

    @property
    def text_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def text_height(self) -> float:
        return self.height - self.top - self.bottom


def page_of(theme: Theme) -> Page:
    width, height = A4 if theme.page_size == "A4" else LETTER
    top, right, bottom, left = (m * mm for m in theme.margins_mm)
    return Page(width, height, top, right, bottom, left)


def colour(role: str, theme: Theme) -> colors.Color:
    return {"text": TEXT, "muted": MUTED, "accent": colors.HexColor(theme.accent),
            "banner": colors.HexColor(theme.banner_color)}[role]


def family(role: str, theme: Theme) -> str:
    return register(theme.heading_font if role == "heading" else theme.body_font)


def paragraph_styles(theme: Theme) -> dict[str, ParagraphStyle]:
    return {key: _style(key, spec, theme) for key, spec in STYLES.items()}


def _style(key: str, spec: StyleSpec, theme: Theme) -> ParagraphStyle:
    size = spec.scale * theme.body_size
    return ParagraphStyle(
        key, fontName=face_name(family(spec.font, theme), spec.bold, spec.italic), fontSize=size,
        leading=size * spec.leading, textColor=colour(spec.colour, theme), spaceBefore=spec.space_before,
        spaceAfter=spec.space_after, leftIndent=spec.indent, alignment=_ALIGN[spec.align],
        bulletIndent=0, bulletFontName=face_name(family("body", theme)), wordWrap=None, splitLongWords=True,
        allowWidows=0, allowOrphans=0)
