"""Table cells pdfminer runs into one line, parted again where the producer draws no space between them.

pdfminer makes one line of characters on a baseline less than two characters' widths apart. LibreOffice sets a
table's cells that close where a right-aligned number ends its cell and the next cell's text starts at its
left edge ("94,942" then "أعلنت الوزارة"): one line to pdfminer, and a right-to-left one where the next cell is
Arabic or Hebrew, its number read in the middle of the Arabic. A producer that draws every space of its text
as a character (LibreOffice, Word) draws none there: in its pages, a gap of CELL_GAP or more with no space drawn
is no word's space but the edge of a cell (or a tab's stop): where it parts right-to-left text from other text,
each piece is read in its own direction, and the pieces left to right (cells of one direction run together
stay one line, read as before: a passage copied across the row is found).
"""

from __future__ import annotations

from itertools import pairwise
from statistics import median

from pdfminer.layout import LAParams, LTChar, LTTextLine, LTTextLineHorizontal

from briefgen.sources.formats.pdfbidi import has_rtl
from briefgen.sources.formats.pdflists import MARKER

CELL_GAP = 0.8  # of the type size: an undrawn gap this wide between two characters is no space between words
DRAWN_SPACES = 10  # spaces drawn as characters on a page whose producer draws them all, at the least
_PARAMS = LAParams()  # pdfminer's word margin: where it puts a space between two characters


def draws_spaces(lines: list[LTTextLine]) -> bool:
    """Whether a page's producer draws its spaces as characters."""
    drawn = 0
    for line in lines:
        drawn += sum(1 for char in line if isinstance(char, LTChar) and char.get_text() == " ")
        if drawn >= DRAWN_SPACES:
            return True
    return False


def cells(line: LTTextLine) -> list[LTTextLine]:
    """`line` cut at each cell's edge (_edge_gaps) between two pieces _apart: its pieces, left to right."""
    chars = [char for char in line if isinstance(char, LTChar)]
    if not isinstance(line, LTTextLineHorizontal) or len(chars) < 2:
        return [line]
    spans = [(0, len(chars))]  # each piece's first and after-last characters
    for end, start in _edge_gaps(chars):
        spans[-1] = (spans[-1][0], end)
        spans.append((start, len(chars)))
    kept = spans[:1]
    for span in spans[1:]:
        if _apart(chars[kept[-1][0]:kept[-1][1]], chars[span[0]:span[1]]):
            kept.append(span)
        else:
            kept[-1] = (kept[-1][0], span[1])
    return [line] if len(kept) == 1 else [_line(chars[start:end]) for start, end in kept]


def _apart(left: list[LTChar], right: list[LTChar]) -> bool:
    """Whether two pieces of a line are cells to part: one holds right-to-left text and the other none, the
    first no list's marker (cells of one direction run together read as one line, where a row copied across
    them is found)."""
    texts = ["".join(char.get_text() for char in piece).strip() for piece in (left, right)]
    return has_rtl(texts[0]) != has_rtl(texts[1]) and not MARKER.match(texts[0])


def _edge_gaps(chars: list[LTChar]) -> list[tuple[int, int]]:
    """Where a line's characters (in order) part at a cell's edge: the indices after the letter before each gap
    and of the letter after it (the spaces drawn between them belong to neither piece), for each gap between
    two letters of CELL_GAP or more with no space drawn in it, or, in a line of three word gaps or
    more, one twice as wide as most of them (a justified line's are all about as wide: none is a cell's)."""
    letters = [k for k, char in enumerate(chars) if not char.get_text().isspace()]
    gaps = [(chars[j].x0 - chars[i].x1, i, j, max(chars[i].size, chars[j].size)) for i, j in pairwise(letters)]
    words = [gap for gap, i, j, size in gaps if j > i + 1 or gap > _PARAMS.word_margin * size]
    usual = median(words) if len(words) >= 3 else None
    return [(i + 1, j) for gap, i, j, size in gaps if gap >= CELL_GAP * size
            and (j == i + 1 if usual is None else gap >= 2 * usual)]


def _line(chars: list[LTChar]) -> LTTextLine:
    """A text line of `chars`, spaced as pdfminer spaces its lines."""
    line = LTTextLineHorizontal(_PARAMS.word_margin)
    for char in chars:
        line.add(char)
    line.analyze(_PARAMS)  # its end ("\n")
    return line
