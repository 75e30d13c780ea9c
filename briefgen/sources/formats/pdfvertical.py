"""Chinese, Japanese and Korean set vertically: columns read right to left, each from its top, as a viewer copies.

A vertical page reads as a reader turning it a quarter turn anticlockwise reads a horizontal one: each column
becomes a line, the rightmost the first, its top its start. So its characters are read with the page turned so
(pdfturns.py, pdfreader.py), as text that runs down the page is. Producers draw such text in three ways:
- a font in the vertical writing mode (an `Identity-V` or other `-V` CMap: Word, InDesign, pLaTeX, reportlab),
  whose characters advance down the page: pdfminer says so of the font (`vertical`);
- each character upright, placed by itself below the one before (LibreOffice, browsers): pdfminer sees
  characters stacked one under another in the order they are drawn, set solid (`stacked`; the lines of a table
  cell too narrow for more than a character each are a line's height apart, and stay lines);
- Latin words and numbers in a column turned a quarter turn clockwise: text running down the page already.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from itertools import pairwise
from statistics import median

from pdfminer.layout import LTChar
from pdfminer.pdffont import PDFFont

SOLID = 0.2  # of a character's size: the usual gap between the characters of a column at most
DOWN = 3  # the quarter turns clockwise that make text running down the page run from left to right


def vertical(font: PDFFont) -> bool:
    """Whether a font draws in the vertical writing mode (its characters advance downwards)."""
    return bool(font.is_vertical())


def stacked(chars: list[LTChar], down: set[int]) -> list[LTChar]:
    """The upright characters of `chars` (in the order drawn; `down`: the ids of those that run down the page
    already) set in vertical columns: runs of two or more, each drawn right under the one before, mostly wide
    (CJK) characters or characters running down; and a character alone at the head of the next column to the
    left of such a run (a paragraph's last character, carried over)."""
    found: list[LTChar] = []
    last: list[LTChar] = []
    for run in _runs(chars):
        if len(run) > 1 and 2 * sum(id(char) in down or _wide(char) for char in run) > len(run) and _set_solid(run):
            found += [char for char in run if id(char) not in down]
            last = run
        elif len(run) == 1 and last and id(run[0]) not in down and _heads_next_column(last, run[0]):
            found += run
            last = []
        else:
            last = []
    return found


def _set_solid(run: list[LTChar]) -> bool:
    """Whether a run's characters follow each other as a column's do, each a character's height below the one
    before (the usual gap a fifth of a character at most), not a line's height as the lines of a table cell too
    narrow for more than a character each are (a third of a character apart, or more)."""
    return median((above.y0 - char.y1) / max(above.width, char.width, 1.0) for above, char in pairwise(run)) <= SOLID


def _runs(chars: list[LTChar]) -> Iterator[list[LTChar]]:
    """`chars` cut where a character is not drawn right under the one before."""
    if not chars:
        return
    run = [chars[0]]
    for above, char in pairwise(chars):
        if not _under(above, char):
            yield run
            run = []
        run.append(char)
    yield run


def _under(above: LTChar, char: LTChar) -> bool:
    """Whether `char` is set right under `above`, as the next character of a column: over the same middle, its
    top at most half a character below the other's foot (and not above it by more than a third)."""
    size = max(above.width, char.width, 1.0)
    overlap = min(above.x1, char.x1) - max(above.x0, char.x0)
    return overlap >= 0.5 * min(above.width, char.width) and -0.3 * size <= above.y0 - char.y1 <= 0.5 * size


def _heads_next_column(column: list[LTChar], char: LTChar) -> bool:
    """Whether `char` stands at the head of the column left of `column`, within three characters of it (level
    with its top, or a character higher: that column may start indented)."""
    top, size = column[0].y1, column[0].width
    return -0.5 * size <= char.y1 - top <= 1.5 * size and 0 <= column[0].x0 - char.x1 <= 3 * size


def _wide(char: LTChar) -> bool:
    text = char.get_text()
    return len(text) == 1 and unicodedata.east_asian_width(text) in "WF"
