"""Drop capitals: a paragraph's first letter set large beside its first lines (LibreOffice's and Word's "drop
cap", a magazine's initial), read back into its word, as a reader reads "The ministry said", not "T" somewhere
and "he ministry said" elsewhere (two drop caps on a page were read together, ahead of both paragraphs).

A drop cap is a line of one to three capital letters, at least twice the size of the text beside it, whose
baseline lies at or below the first line of a block that starts just to its right, within its height, and goes
on in lower case. Its letters go in
front of that line: whole with its first word when the document writes that word elsewhere ("T" and "he" are
"The"), or as a word of their own when they are one and the joined word is not ("A" and "spokesman").
"""

from __future__ import annotations

import itertools
from collections.abc import Container
from dataclasses import replace

from briefgen.sources.formats.pdfpage import Block, Line

_MIN_SCALE = 2.0  # a drop cap is at least this many times the size of the text beside it
_ONE_LETTER_WORDS = frozenset("aiouyeèéàäåøæ")  # words of one letter in the languages set in Latin letters


def with_drop_caps(blocks: list[Block], words: Container[str]) -> list[Block]:
    """The blocks with each drop cap put in front of the first line it stands beside (see the module)."""
    drops = [line for block in blocks for line in block if _could_drop(line)]
    if not drops:
        return blocks
    joined: dict[int, Line] = {}  # id of a first line -> that line with its drop cap
    used: set[int] = set()
    for drop in drops:
        first = _beside(drop, blocks, joined)
        if first is not None:
            joined[id(first)] = replace(first, text=_joined(drop.text, first.text, words))
            used.add(id(drop))
    return [kept for block in blocks if (kept := [joined.get(id(ln), ln) for ln in block if id(ln) not in used])]


def _could_drop(line: Line) -> bool:
    """One to three capital letters (a large "3" beside a chapter's title is its number, not a drop cap)."""
    text = line.text.strip()
    return 0 < len(text) <= 3 and text.isalpha() and text[0].isupper() and not line.rtl


def _beside(drop: Line, blocks: list[Block], taken: dict[int, Line]) -> Line | None:
    """The first line of the block that starts right of `drop`, its baseline within the drop's height above
    the drop's baseline, in type at most half the drop's size, going on in lower case: the nearest one."""
    found = [block[0] for block in blocks if block and id(block[0]) not in taken and block[0].text[:1].islower()
             and -0.5 * block[0].size <= block[0].x0 - drop.x1 <= 2 * block[0].size
             and drop.size >= _MIN_SCALE * block[0].size
             and drop.y0 - 0.3 * block[0].size <= block[0].y0 <= drop.y0 + drop.size]
    return min(found, key=lambda line: (line.x0 - drop.x1, -line.y0), default=None)


def _joined(letters: str, line: str, words: Container[str]) -> str:
    letters, head = letters.strip(), "".join(itertools.takewhile(str.isalpha, line))
    if not head[:1].isalpha() or f"{letters}{head}".casefold() in words:
        return letters + line if head[:1].isalpha() else f"{letters} {line}"
    if len(letters) == 1 and letters.casefold() in _ONE_LETTER_WORDS:
        return f"{letters} {line}"
    return letters + line
