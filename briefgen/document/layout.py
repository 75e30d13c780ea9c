"""Paragraph metrics shared by both writers, so the DOCX lays out like the PDF that was measured to fit.

Sizes are multiples of Theme.body_size (points); spacing is in points; `leading` is the line height as a
multiple of the font size. The DOCX writer turns each entry into a named Word style, the PDF writer into a
reportlab ParagraphStyle: change a number here and both formats follow.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

# The fixed colours of briefgen's own look (a theme sets only the accent and the banner colour): both writers
# and the chart draw with these, so a rule or a muted caption is the same grey in the DOCX and the PDF.
TEXT = "#1A1A1A"
MUTED = "#5B6470"  # the "muted" colour role: meta line, attribution, small print, chart ticks
RULE = "#B8C0C8"  # light table and footnote rules
GRID = "#D5DAE0"  # chart grid lines
BOX_FILL = "#EEF2F6"  # BLUF box shading
ZEBRA = "#F5F7F9"  # every other table row

Role = Literal["body", "heading"]
Colour = Literal["text", "accent", "muted", "banner"]


@dataclass(frozen=True)
class StyleSpec:
    word_name: str  # the Word style name (built-in names where Word has one)
    font: Role
    scale: float  # font size = scale * Theme.body_size
    bold: bool = False
    italic: bool = False
    colour: Colour = "text"
    space_before: float = 0.0
    space_after: float = 4.0
    leading: float = 1.2
    indent: float = 0.0  # left indent, points
    align: Literal["left", "center", "justify"] = "left"
    caps: bool = False

    def size(self, body: float) -> float:
        """Its font size under a body size of `body` points, on Word's half-point grid (`word_size`)."""
        return word_size(self.scale * body)


def word_size(points: float) -> float:
    """A font size as the DOCX stores it, in whole half points (w:sz), and so as the PDF draws it: a style's
    share of an 11 pt body (0.85 of it, 9.35 pt) is 9.5 pt in Word, LibreOffice and the PDF alike, where the
    PDF's 9.35 pt set a monospaced line a word longer than theirs."""
    return round(points * 2) / 2


def tag_size(body: float) -> float:
    """The size of a tag's capitals ("HIGH CONFIDENCE", Word's Tag character style) under a body size of `body`
    points, whatever the paragraph it stands in."""
    return word_size(body * TAG_SCALE)


TAG_SCALE = 0.85


def furniture_size(body: float) -> float:
    """The size of briefgen's own header and footer text under a body size of `body` points."""
    return word_size(body * FURNITURE_SCALE)


STYLES: dict[str, StyleSpec] = {
    "banner": StyleSpec("Banner", "heading", 0.85, bold=True, colour="banner", space_after=6,
                        align="center", caps=True),
    "title": StyleSpec("Title", "heading", 2.0, bold=True, colour="accent", space_after=2, leading=1.1),
    "heading1": StyleSpec("Heading 1", "heading", 1.2, bold=True, colour="accent", space_before=8,
                          space_after=3, caps=True),
    "heading2": StyleSpec("Heading 2", "heading", 1.05, bold=True, colour="text", space_before=6,
                          space_after=2),
    "body": StyleSpec("Normal", "body", 1.0, space_after=4),
    "lead": StyleSpec("Lead", "body", 1.1, space_after=4),
    "meta": StyleSpec("Subtitle", "heading", 0.9, colour="muted", space_after=6),
    "small": StyleSpec("Small Text", "body", 0.85, colour="muted", space_after=3),
    "bullet": StyleSpec("List Bullet", "body", 1.0, space_after=2, indent=12),
    "box_title": StyleSpec("Box Title", "heading", 0.95, bold=True, colour="accent", space_after=2, caps=True),
    "quote": StyleSpec("Quote", "body", 1.1, italic=True, colour="accent", space_before=2, space_after=1,
                       indent=14),
    "attribution": StyleSpec("Quote Attribution", "heading", 0.85, colour="muted", space_after=5, indent=14),
    "table_header": StyleSpec("Table Header", "heading", 0.85, bold=True, colour="accent", space_after=0),
    "table_cell": StyleSpec("Table Text", "body", 0.9, space_after=0, leading=1.15),
    "caption": StyleSpec("Caption", "heading", 0.8, colour="muted", space_before=2, space_after=6),
    "footnote": StyleSpec("Footnote Text", "body", 0.75, space_after=1, leading=1.15),
}

BULLET = "\u2022"  # a list item's mark, in both formats
# A house style's letter spacing the PDF draws, as a share of its font size, expanded and condensed: Word takes
# any (up to 1584 pt), but beyond these a line holds a letter or two, or its letters overlap backwards (`check`
# warns; writers/pdf/fonts.spaced)
MOST_SPACED, MOST_CONDENSED = 1.0, 0.25
BULLET_HANGING = 0.75  # the share of a list item's indent its bullet hangs into (Word's hanging indent)
BOX_PADDING = 6.0  # points inside the BLUF box on every side
BOX_BORDER_PT = 0.75  # the BLUF box's outline
TABLE_CELL_PADDING = 3.0  # points, top/bottom and left/right
NOTE_RULE_WIDTH = 0.3  # fraction of the text width the rule above the footnotes spans
FURNITURE_SCALE = 0.75  # header and footer text (briefgen's own Header and Footer styles): share of the body size
FURNITURE_LINE = 1.5  # a line of header or footer text, in its font size (the step to a second line)
FURNITURE_DISTANCE_MM = 6.0  # briefgen's own header from the page's top edge, its footer from the bottom edge
PAGE_NUMBERS_WIDEST = "Page 10 of 10"  # the footer's page numbers, measured wide for a brief of up to 99 pages


def banner_shares_line(before: float, banner: float, after: float, width: float, gap: float) -> bool:
    """Whether a handling line `banner` wide, centred on a header or footer line `width` wide, keeps `gap`
    clear of the texts at its two ends (`before` and `after` wide); if not, it takes a line of its own above."""
    centre = width / 2
    return before + gap <= centre - banner / 2 and centre + banner / 2 + gap <= width - after


def footer_shares_line(footer: float, numbers: float, width: float, gap: float) -> bool:
    """Whether the profile's footer text, `footer` wide, fits on the footer's line beside the page numbers;
    if not, it is a paragraph of its own above them, wrapped at the text width (a notice, a disclaimer)."""
    return footer + gap + numbers <= width


AVERAGE_ADVANCE = 0.5  # a Latin letter's width, in its font size, about: for estimates made without fonts


def estimated_lines(text: str, size: float, width: float) -> int:
    """About how many lines `text` at `size` points wraps onto in `width` points (`check` guards the page
    with this; the PDF measures each word)."""
    return max(1, math.ceil(len(text) * AVERAGE_ADVANCE * size / max(width, 1.0)))


_TOKENS = re.compile("\x00[^\x00]*\x00|[^\\s\x00]+|\\s+")  # words, spaces, a field's placeholder whole


def wrap_words(text: str, room: float, measure: Callable[[str], float]) -> list[str]:
    """`text` broken at its spaces into lines no wider than `room` by `measure`, as Word wraps a paragraph;
    a word wider than the room keeps a line of its own."""
    rows, current = [], ""
    for token in _TOKENS.findall(text):
        if current.strip() and current[-1].isspace() and not token.isspace() \
                and measure((current + token).strip()) > room:
            rows.append(current.strip())
            current = ""
        current += "" if token.isspace() and not current.strip() else token
    return [*rows, current.strip()] if current.strip() or not rows else rows
