"""A combining mark read with the letter it is drawn on, in that letter's line and place.

A combining mark (a Thai tone mark or upper vowel, a Devanagari vowel sign, Arabic harakat, a Hebrew point, a
Latin accent the font has no accented letter for) is a glyph of its own in most PDFs: drawn with no advance
from where its letter ends (or, moved by the font's mark positioning, a little above, below or beside it), its
box, as pdfminer measures it, is a line of no width. pdfminer joins two characters into one line when they are
closer than twice the wider one's width: two such marks side by side (a Thai upper vowel and its tone mark,
"เพิ่ม") are each as wide as nothing, so no gap is small enough, and the line broke between them, its pieces
read as paragraphs of their own ('…เพิ', '่มขึ', '้น'). A mark a producer draws away from its letter (after the
line's other glyphs, in a font run of its own) came out at the line's end, or in a line of its own.

So before pdfminer builds lines, each mark is put with its letter (`on_their_letters`): after it (before it, for
a right-to-left letter, which the page's visual order reverses: pdfbidi.py), and its box made the letter's, so
that it joins the letter's line and adds no gap or space. Its letter is the one it is drawn after (for a
right-to-left mark, before: the page is then in visual order) when it is drawn over or beside that letter, else
the letter on its row whose box holds the point it is drawn from (the nearest end wins). It is done on the
characters as they are drawn, before a right-to-left page is put in visual order: a mark is drawn next to its
letter, but from a point that may lie over the letter beside it.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any

from pdfminer.layout import LTChar

from briefgen.sources.formats.pdfbidi import has_rtl

REACH = 0.3  # of the type size: how far beside its letter's box a mark may be drawn from and still be its
NO_ADVANCE = 0.05  # of the type size: a mark narrower than this is drawn over a letter, not beside it
_CELL = 24.0  # points: the side of the squares letters are filed in, to find a stray mark's letter


@lru_cache(maxsize=4096)
def is_mark(text: str) -> bool:
    """Whether a glyph's text is combining marks only (Mn, Mc, Me; a glyph may stand for two: a patah and its
    dagesh)."""
    return bool(text) and all(unicodedata.category(c)[0] == "M" for c in text)


def _letter(item: Any) -> bool:
    return isinstance(item, LTChar) and not is_mark(text := item.get_text()) and bool(text.strip())


def on_their_letters(objects: list[Any]) -> list[Any]:
    """A page's objects with each combining mark right after its letter (before a right-to-left one), boxed
    as it is; the others as they were."""
    chars = [item for item in objects if isinstance(item, LTChar)]
    narrow = [char for char in chars if char.width < NO_ADVANCE * char.size]  # the glyphs of no advance
    if any(len(char.get_text()) > 1 for char in narrow):
        _said_again(chars)
    if not any(_drawn_over(char) for char in narrow):  # a page without marks: as it was
        return objects
    found = _letters(chars)
    marks: defaultdict[int, list[LTChar]] = defaultdict(list)
    for mark, letter in found.items():
        marks[id(letter)].append(mark)
        mark.set_bbox(letter.bbox)
    return list(_placed(objects, found, marks))


def _said_again(chars: list[LTChar]) -> None:
    """Each glyph of no advance that says again the cluster (a letter and its marks) of the letter it is drawn
    on, the one drawn before it or after it, made to read as nothing: typst draws a Thai tone mark the font
    moves up apart from its cluster, which an /ActualText span has said, and its font maps the glyph to the
    cluster's text ("พิ่" said twice); so it draws an Arabic shadda, before its letter ("مسيّيّرة")."""
    last: LTChar | None = None
    for k, char in enumerate(chars):
        text = char.get_text()
        after = chars[k + 1] if k + 1 < len(chars) else None
        if len(text) > 1 and char.width < NO_ADVANCE * char.size and any(
                other is not None and other.get_text() == text and _over(char, other) for other in (last, after)):
            char._text = ""
        elif _letter(char):
            last = char


def _placed(objects: list[Any], found: dict[Any, LTChar], marks: dict[int, list[LTChar]]) -> Iterator[Any]:
    """The objects, each letter's marks after it (before a right-to-left one), and after the spacing marks drawn
    between the letter and them, which stay where they are (Burmese "ကြီး": the ီ drawn over က after the ြ)."""
    drawn = {id(item): k for k, item in enumerate(objects)}
    pending: list[LTChar] = []
    for item in objects:
        if item in found:
            continue
        if pending and not (isinstance(item, LTChar) and is_mark(item.get_text())
                            and drawn[id(item)] < drawn[id(pending[0])]):
            yield from pending
            pending = []
        own = marks.get(id(item), [])
        rtl = has_rtl(item.get_text()) if own else False
        yield from own if rtl else ()
        yield item
        pending += [] if rtl else own
    yield from pending


def _letters(chars: list[LTChar]) -> dict[Any, LTChar]:
    """Each mark's letter (a mark with none is left out): by the order it is drawn in, else by where."""
    before, after = _neighbours(chars), _neighbours(chars[::-1])[::-1]
    found: dict[Any, LTChar] = {}
    stray: list[LTChar] = []
    for k, char in enumerate(chars):
        if not _drawn_over(char):
            continue
        letter = next((c for c in _candidates(char, before[k], after[k]) if c is not None and _over(char, c)), None)
        if letter is None:
            stray.append(char)
        else:
            found[char] = letter
    if stray:
        found |= _under(stray, [char for char in chars if _letter(char)])
    return found


def _drawn_over(char: LTChar) -> bool:
    """Whether a character is a combining mark drawn over (or under) a letter: with no advance of its own, or
    next to none. A spacing mark drawn beside its letter (a Devanagari ा) is in its place already. A glyph of
    no advance that reads as nothing is one too (LibreOffice gives a cluster's marks to its first mark glyph:
    a Hebrew dagesh drawn after the patah that reads "ַּ" reads as nothing)."""
    return (is_mark(text := char.get_text()) or not text) and char.width < NO_ADVANCE * char.size


def _candidates(mark: LTChar, before: LTChar | None, after: LTChar | None) -> list[LTChar | None]:
    """The letters drawn next to `mark` that may be its own, likelier first. A left-to-right mark follows its
    letter. A right-to-left one follows it where the letters are drawn in reading order (from the right), and
    comes before it where they are drawn as seen, from the left (as HarfBuzz lays out a right-to-left run)."""
    if not has_rtl(mark.get_text()):
        return [before]
    if before is not None and after is not None and after.x0 < before.x0:
        return [before, after]
    return [after, before]


def _neighbours(chars: Sequence[LTChar]) -> list[LTChar | None]:
    """For each character, the letter drawn last before it (None before the first)."""
    last: LTChar | None = None
    out: list[LTChar | None] = []
    for char in chars:
        out.append(last)
        if _letter(char):
            last = char
    return out


def _over(mark: LTChar, letter: LTChar) -> bool:
    """Whether `mark` is drawn over `letter`, on its row: from a point in the letter's box, or beside it by REACH
    at most, on the side its pen leaves the letter from (the right; the left, for a right-to-left mark), and not
    within a quarter of its width of the side the pen comes in from (where the letter before it ends)."""
    reach, inset = REACH * max(mark.size, letter.size), letter.width / 4
    rises = min(mark.y1, letter.y1) - max(mark.y0, letter.y0) > 0.5 * min(mark.height, letter.height)
    if has_rtl(mark.get_text()):
        return rises and letter.x0 - reach <= mark.x0 <= letter.x1 - inset
    return rises and letter.x0 + inset <= mark.x0 <= letter.x1 + reach


def _under(marks: list[LTChar], letters: list[LTChar]) -> dict[Any, LTChar]:
    """The letter each stray mark is drawn over, if any: of those whose box (widened by REACH) holds the point
    it is drawn from on its row, the one whose nearer end is closest."""
    filed: defaultdict[tuple[int, int], list[LTChar]] = defaultdict(list)
    for letter in letters:
        for column in range(int(letter.x0 // _CELL), int(letter.x1 // _CELL) + 1):
            filed[column, int(letter.y0 // _CELL)].append(letter)
    found: dict[Any, LTChar] = {}
    for mark in marks:
        column, row = int(mark.x0 // _CELL), int(mark.y0 // _CELL)
        near = [letter for dx in (-1, 0, 1) for dy in (-1, 0, 1) for letter in filed.get((column + dx, row + dy), ())
                if _over(mark, letter)]
        if near:  # drawn from where its letter ends (from its left end, seen, for a right-to-left one)
            rtl = has_rtl(mark.get_text())
            found[mark] = min(near, key=lambda letter: abs(mark.x0 - (letter.x0 if rtl else letter.x1)))
    return found
