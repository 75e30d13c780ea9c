"""Paragraphs whose markup is parsed once per process, however many layout passes use them.

Fitting a one-page brief and settling its note numbers lay the same text out several times; reportlab's
Paragraph parses its mini-markup on every construction (about a tenth of a build). The parsed fragments are
kept by (markup, style) and handed to each new Paragraph, which copies what it changes while breaking lines."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from briefgen.writers.pdf.bidiline import BidiParagraph


def paragraph(markup: str, style: ParagraphStyle, bullet: str | None = None) -> Paragraph:
    kind = BidiParagraph if style.wordWrap in ("RTL", "LTR") else Paragraph
    if bullet is not None:  # bullets are few and parse their own markup: nothing worth keeping
        return kind(markup, style, bulletText=bullet)
    return kind(markup, style, frags=_fragments(markup, style))


@lru_cache(maxsize=4096)
def _fragments(markup: str, style: ParagraphStyle) -> Any:
    return Paragraph(markup, style).frags
