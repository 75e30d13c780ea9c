"""Paragraphs whose markup is parsed once per process, however many layout passes use them.

Fitting a one-page brief and settling its note numbers lay the same text out several times; reportlab's
Paragraph parses its mini-markup on every construction (about a tenth of a build). The parsed fragments are
kept by (markup, style) and handed to each new Paragraph, which copies what it changes while breaking lines."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from briefgen.writers.pdf import lines, shaping
from briefgen.writers.pdf.bidiline import BidiParagraph
from briefgen.writers.pdf.tags import Element, Tagged

Outline = tuple[str, int, str]  # entry text, level, bookmark key


class _KeepsOutline:
    """A paragraph with an outline entry that survives a page break: the first part of a heading split
    across pages keeps the entry (reportlab's split makes new paragraphs that would drop it)."""

    outline: Outline | None = None

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        parts: list[Any] = super().split(avail_width, avail_height)  # type: ignore[misc]
        if parts:
            parts[0].outline = self.outline
        return parts


class Plain(Tagged, Paragraph):  # type: ignore[misc]
    """A left-to-right paragraph, marked as its structure element."""


class Bidi(Tagged, BidiParagraph):
    """A paragraph whose lines are ordered by the bidirectional algorithm, marked as its structure element,
    with its text in reading order as the marked content's /ActualText."""

    def actual_text(self) -> str | None:
        """Left-to-right text only: readers put right-to-left text back in order themselves (and would
        reorder an /ActualText once more)."""
        text = lines.source_text(self)
        return text if text and self.style.wordWrap == "LTR" and not shaping.has_rtl(text) else None


class Heading(_KeepsOutline, Plain):
    """A heading in a left-to-right paragraph."""


class BidiHeading(_KeepsOutline, Bidi):
    """A heading whose lines are ordered by the bidirectional algorithm."""


def paragraph(markup: str, style: ParagraphStyle, bullet: str | None = None, heading: bool = False,
              tag: Element | None = None) -> Paragraph:
    bidi = style.wordWrap in ("RTL", "LTR")
    kind = (BidiHeading if bidi else Heading) if heading else (Bidi if bidi else Plain)
    if bullet is not None:  # bullets are few and parse their own markup: nothing worth keeping
        made = kind(markup, style, bulletText=bullet)
    else:
        made = kind(markup, style, frags=_fragments(markup, style))
    made.tag = tag
    return made


@lru_cache(maxsize=4096)
def _fragments(markup: str, style: ParagraphStyle) -> Any:
    """reportlab's parse of one paragraph's markup, memoised for the process: the fit and the settling passes
    lay the same paragraphs out again and again. Keyed by value (markup text and an unchanging style)."""
    return Paragraph(markup, style).frags
