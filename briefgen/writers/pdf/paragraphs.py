"""Paragraphs whose markup is parsed once per process, however many layout passes use them.

Fitting a one-page brief and settling its note numbers lay the same text out several times; reportlab's
Paragraph parses its mini-markup on every construction (about a tenth of a build). The parsed fragments are
kept by (markup, style) and handed to each new Paragraph, which copies what it changes while breaking lines."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from briefgen.document import scripts
from briefgen.text import without_controls
from briefgen.writers.pdf import lines, shaping
from briefgen.writers.pdf.bidiline import BidiParagraph
from briefgen.writers.pdf.rules import Ruled
from briefgen.writers.pdf.tags import Element, Tagged

Outline = tuple[str, int, str]  # entry text, level, bookmark key
# What reportlab's breakLines sets on the paragraph besides the lines it returns (a paragraph of several
# fragments gets its list of words as `frags`, which the lines index and split and draw read).
_BREAK_STATE = ("_width_max", "_splitLongWordCount", "_hyphenations", "height", "frags")
# (the fragments asked about, style, lines, the state breakLines left)
_LINES: dict[tuple[int, int, tuple[float, ...]], tuple[Any, ParagraphStyle, Any, tuple[Any, ...]]] = {}
_MAX_LINES = 4096


class _RemembersLines:
    """A paragraph whose line breaks are remembered for the process, keyed by its (memoised, shared) fragments,
    style and line widths: the fit and the settling passes break the same paragraphs at the same widths again,
    which was a third of each layout. Fragments and style are kept in the entry, so their ids are never reused
    while it lives. A paragraph's own fragments (bullets, the tails of split paragraphs) are new lists every
    time: they miss and are broken as before."""

    frags: Any
    style: ParagraphStyle

    def breakLines(self, width: list[float]) -> Any:  # reportlab calls it by this name
        frags = self.frags
        key = (id(frags), id(self.style), tuple(width))
        hit = _LINES.get(key)
        if hit is not None and hit[0] is frags and hit[1] is self.style:
            for name, value in zip(_BREAK_STATE, hit[3], strict=True):
                setattr(self, name, value)
            return hit[2]
        lines = super().breakLines(width)  # type: ignore[misc]
        if len(_LINES) >= _MAX_LINES:
            _LINES.clear()
        _LINES[key] = (frags, self.style, lines, tuple(getattr(self, name) for name in _BREAK_STATE))
        return lines


class _Paragraph(_RemembersLines, Paragraph):  # type: ignore[misc]
    """A left-to-right paragraph."""


class _BidiParagraph(_RemembersLines, BidiParagraph):
    """A paragraph whose lines are ordered by the bidirectional algorithm."""


class _KeepsOutline:
    """A paragraph with an outline entry that survives a page break: the first part of a heading split
    across pages keeps the entry (reportlab's split makes new paragraphs that would drop it)."""

    outline: Outline | None = None

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        parts: list[Any] = super().split(avail_width, avail_height)  # type: ignore[misc]
        if parts:
            parts[0].outline = self.outline
        return parts


class Plain(Ruled, Tagged, _Paragraph):
    """A left-to-right paragraph, marked as its structure element (with a house style's border, if any)."""


class Bidi(Ruled, Tagged, _BidiParagraph):
    """A paragraph whose lines are ordered by the bidirectional algorithm, marked as its structure element,
    with its text in reading order as the marked content's /ActualText."""

    def actual_text(self) -> str | None:
        """Left-to-right text, and right-to-left text in N'Ko or Adlam: readers put Arabic, Hebrew, Syriac or
        Thaana text back in order themselves (and would reorder an /ActualText once more), not those two."""
        text = lines.source_text(self)
        if not text:
            return None
        plain = self.style.wordWrap == "LTR" and not shaping.has_rtl(text)
        return text if plain or scripts.rtl_read_as_drawn(text) else None


class Heading(_KeepsOutline, Plain):
    """A heading in a left-to-right paragraph."""


class BidiHeading(_KeepsOutline, Bidi):
    """A heading whose lines are ordered by the bidirectional algorithm."""


def paragraph(markup: str, style: ParagraphStyle, bullet: str | None = None, heading: bool = False,
              tag: Element | None = None) -> Paragraph:
    bidi = style.wordWrap in ("RTL", "LTR")
    if not bidi:  # no right-to-left letter: a bidi format character changes nothing, and is not drawn
        markup = without_controls(markup)
    if style.wordWrap == "CJK":  # reportlab's CJK breaking draws a soft hyphen as a hyphen mid-line, and
        markup = markup.replace("\u00ad", "")  # as itself at a line's end (a footnote's Korean name)
    kind = (BidiHeading if bidi else Heading) if heading else (Bidi if bidi else Plain)
    if bullet is not None:  # bullets are few and parse their own markup: nothing worth keeping
        made = kind(markup, style, bulletText=bullet)
        made._source_text = lines.frags_text(made.frags)
    else:
        frags, made_from = _fragments(markup, style)
        made = kind(markup, style, frags=frags)
        made._source_text = made_from
    made.tag = tag
    return made


@lru_cache(maxsize=4096)
def _fragments(markup: str, style: ParagraphStyle) -> tuple[Any, str]:
    """reportlab's parse of one paragraph's markup and its text, memoised for the process: the fit and the
    settling passes lay the same paragraphs out again and again. Keyed by value (markup text and an
    unchanging style)."""
    frags = Paragraph(markup, style).frags
    return frags, lines.frags_text(frags)
