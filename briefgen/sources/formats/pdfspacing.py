"""A PDF line's words as a viewer copies them, where pdfminer's fixed rule for spaces breaks them apart.

pdfminer puts a space between two characters when the gap between them is wider than a tenth of the type size.
Text set with letter spacing (a tracked heading, "Expanded" character spacing in Word, a designer's spaced
capitals, a character spacing left set in the PDF's text state) has such a gap between every two letters, and
came out "A N N U A L  R E V I E W": no passage could match it. A line whose letters are usually spaced apart is
read again from its characters: a space where the PDF draws one, or where a gap is a word's space wider than the
gap the line keeps between its letters. And a character drawn twice at nearly the same place (a shadow, a bold
faked by overprinting) is read once, as viewers copy it: twice, it made a line of its own and split the
paragraph around it.
"""

from __future__ import annotations

from itertools import pairwise
from statistics import median
from typing import Any

from pdfminer.layout import LTAnno, LTChar, LTTextLine

from briefgen.sources.formats.pdfgaps import undrawn
from briefgen.sources.formats.plain import WIDE

LETTER_GAP = 0.06  # of the type size: a line whose letters are usually this far apart is letter-spaced
_WORD_GAP = 0.2  # of the type size: how much wider than the letter gap a gap between words is, at the least


def line_text(line: LTTextLine) -> str:
    """The line's text, read again from its characters when it is letter-spaced; without the spaces pdfminer
    puts between two Chinese or Japanese characters less than half a character apart (a column LibreOffice sets
    vertically places each character by its own height: "かっ た"), which a viewer's copy has not, nor those
    of a line that draws its spaces where it draws none (pdfgaps.undrawn: "412 대를" for 412대를)."""
    chars = [item for item in line if isinstance(item, LTChar)]
    if _letter_spaced(chars):
        return _spaced_by_gaps(chars)
    items = list(line)
    gone = undrawn(items)
    text = str(line.get_text())
    if not gone and (text.isascii() or not WIDE.search(text)):
        return text
    return _unspaced(items, gone)


def _unspaced(items: list[Any], gone: set[int]) -> str:
    """The text of a line's items without the spaces at `gone` (pdfgaps.undrawn) and each space pdfminer added
    (no character) between two wide characters closer than half their size."""
    out: list[str] = []
    for k, item in enumerate(items):
        before, after = items[k - 1] if k else None, items[k + 1] if k + 1 < len(items) else None
        if k not in gone and not (
                isinstance(item, LTAnno) and isinstance(before, LTChar) and isinstance(after, LTChar)
                and WIDE.fullmatch(before.get_text()) and WIDE.fullmatch(after.get_text())
                and after.x0 - before.x1 < 0.5 * max(before.height, after.height)):
            out.append(item.get_text())
    return "".join(out)


def drawn_once(objects: list[Any]) -> list[Any]:
    """A page's objects without each character that one drawn later covers: the same character, in the same
    size, less than a third of its width and height away (a shadow drawn under its text, as LibreOffice draws
    one, or a bold faked by drawing twice). The later one, on top, is kept."""
    near: dict[tuple[str, int, int], list[LTChar]] = {}
    covered: set[int] = set()
    for char in reversed([o for o in objects if isinstance(o, LTChar)]):
        key = (char.get_text(), round(char.x0 / 4), round(char.y0 / 4))
        later = [other for dx in (-1, 0, 1) for dy in (-1, 0, 1)
                 for other in near.get((key[0], key[1] + dx, key[2] + dy), ())]
        if any(_covers(other, char) for other in later):
            covered.add(id(char))
        near.setdefault(key, []).append(char)
    return [o for o in objects if id(o) not in covered] if covered else objects


def _covers(top: LTChar, under: LTChar) -> bool:
    return abs(top.size - under.size) < 0.1 and abs(top.x0 - under.x0) < max(top.width, 0.3) / 3 \
        and abs(top.y0 - under.y0) < max(top.height, 0.3) / 3


def _letter_gaps(chars: list[LTChar]) -> list[tuple[float, float]]:
    """(gap, type size) between each two letters in a row that are drawn one after the other (neither a space;
    a combining mark drawn on a letter, which pdfmarks.py gives its letter's box, is no letter of its own)."""
    return [(b.x0 - a.x1, max(a.height, b.height)) for a, b in pairwise(chars)
            if not a.get_text().isspace() and not b.get_text().isspace() and b.x0 >= a.x0 and b.bbox != a.bbox]


def _letter_spaced(chars: list[LTChar]) -> bool:
    """Whether the line keeps its letters apart: the usual gap between two of them is more than LETTER_GAP of
    the type size (set solid, letters touch: their gaps are kerning, a few hundredths at most)."""
    ratios = [gap / size for gap, size in _letter_gaps(chars) if size > 0]
    return bool(ratios) and median(ratios) > LETTER_GAP


def _spaced_by_gaps(chars: list[LTChar]) -> str:
    """The characters' text with a space where one is drawn, or where a gap is a word's space: wider than the
    line's usual gap between letters by a fifth of the type size."""
    gaps = _letter_gaps(chars)
    usual = median(gap for gap, _ in gaps) if gaps else 0.0
    out: list[str] = []
    for k, char in enumerate(chars):
        text = char.get_text()
        if k and not text.isspace() and not chars[k - 1].get_text().isspace():
            gap, size = char.x0 - chars[k - 1].x1, max(char.height, chars[k - 1].height)
            if gap > usual + _WORD_GAP * size:
                out.append(" ")
        out.append(text)
    return "".join(out)
