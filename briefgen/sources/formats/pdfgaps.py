"""Gaps in a PDF line that are no space, in a line whose producer draws its spaces.

pdfminer puts a space (an LTAnno, no character of the page) wherever two characters stand more than a tenth
of the type size apart. LibreOffice draws every space of its text as a glyph, and sets gaps of its own where
the document has none: between Korean, Chinese or Japanese text and a number or Latin word beside it (its
"space between Asian and non-Asian text": "412 대를" for 412대를), and between the letters of a word in a line
it justifies the Asian way, spreading the line's slack over its characters ("Ми н и с т е р с т в о"). In a
line that draws spaces, such a gap with no space drawn in it reads as nothing, as the document writes it.
"""

from __future__ import annotations

import re
from typing import Any

from pdfminer.layout import LTAnno, LTChar

from briefgen.sources.textnorm import WIDE_CHARS

HANGUL = "\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f"  # syllables, jamo, compatibility jamo (a character class)
_ASIAN = re.compile(f"[{WIDE_CHARS}{HANGUL}]")
AUTOSPACE = 0.35  # of the type size: LibreOffice's gap between Asian and other text is about a fifth
SPREAD = 0.6  # of the type size: a letter gap of a line justified the Asian way is narrower than this


def undrawn(items: list[Any]) -> set[int]:
    """The indices of the spaces pdfminer put in a line (`items`, a text line's characters and LTAnnos) that
    the producer did not draw, though it draws the line's other spaces: where Asian text meets other text
    less than AUTOSPACE apart, and inside a word whose letters are spread apart (half its letter pairs or
    more, by gaps narrower than SPREAD)."""
    if not any(isinstance(item, LTChar) and item.get_text() == " " for item in items):
        return set()
    found: set[int] = set()
    word: list[int] = []  # the positions of a word's characters and gaps, between two drawn spaces
    for k, item in enumerate([*items, None]):
        if item is None or (isinstance(item, LTChar) and item.get_text().isspace()):
            found |= _spread(items, word)
            word = []
        else:
            word.append(k)
            if _gap(items, k) and _autospace(items[k - 1], items[k + 1]):
                found.add(k)
    return found


def _gap(items: list[Any], k: int) -> bool:
    """Whether items[k] is a space pdfminer put between two characters of the line, neither a space."""
    if not (isinstance(items[k], LTAnno) and items[k].get_text() == " " and 0 < k < len(items) - 1):
        return False
    before, after = items[k - 1], items[k + 1]
    return isinstance(before, LTChar) and isinstance(after, LTChar) \
        and not before.get_text().isspace() and not after.get_text().isspace()


def _autospace(before: LTChar, after: LTChar) -> bool:
    """Whether the gap between two characters is the one LibreOffice sets between Asian text and other text."""
    asian = [bool(_ASIAN.match(char.get_text())) for char in (before, after)]
    return asian[0] != asian[1] and after.x0 - before.x1 < AUTOSPACE * max(before.size, after.size)


def _spread(items: list[Any], word: list[int]) -> set[int]:
    """The gaps of a word (positions in `items`) whose letters are spread apart; none if it is not."""
    gaps = [k for k in word if _gap(items, k)]
    letters = sum(isinstance(items[k], LTChar) for k in word)
    if len(gaps) < 2 or 2 * len(gaps) < letters - 1:
        return set()
    if all(items[k + 1].x0 - items[k - 1].x1 < SPREAD * items[k - 1].size for k in gaps):
        return set(gaps)
    return set()
