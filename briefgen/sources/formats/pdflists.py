"""The markers of a PDF list's items as its lines start with them ("•", "2." "b)" "(iv)"), and their numbers:
whether one follows another, so a numbered line after a full line without a stop still starts the list's next
item."""

from __future__ import annotations

import re

# Bullets as PDFs draw them, including the Symbol and Wingdings private-use code points Word's lists use and
# an unmapped glyph code (a symbol font whose codes pdffonts.py cannot read); ZapfDingbats' ● ■ ✔ ➢ are read.
_UNREADABLE_BULLET = re.compile(r"^(?:[\uf0a7\uf0b7\uf076\uf0d8\uf0fc]|\(cid:\d+\))(?=\s|$)")
_BULLET = r"[•●▪◦‣■□►✓✔➢❖–-]"
_NUMBERED = r"\(?(?:\d{1,3}|[a-z]|[ivx]{1,5})[.)]|[A-Z]\)"
MARKER = re.compile(rf"^(?:(?P<bullet>{_BULLET})|(?P<numbered>{_NUMBERED}))(?=\s|$)")


def bullet_text(text: str) -> str:
    """A line's text with a leading bullet that has no readable character (Word's Symbol-font bullet, an
    unmapped glyph code) read as "•"."""
    return _UNREADABLE_BULLET.sub("•", text, count=1)


def follows(above: str | None, numbered: str | None) -> bool:
    """Whether a line's list number ("3." "c)") is the next after `above`, the one the nearest numbered line
    above it in the block starts with ("2." "b)"), in the same style: a list's next item, though the one
    before it ends in no stop and fills the line."""
    if numbered is None or above is None:
        return False
    return _style(above) == _style(numbered) and _rank(above) + 1 == _rank(numbered)


def _style(marker: str) -> str:
    return re.sub(r"\d+", "1", re.sub(r"[a-z]", "a", marker.lower()))


def _rank(marker: str) -> int:
    core = marker.strip("().")
    return int(core) if core.isdigit() else ord(core.lower()) if len(core) == 1 else -2
