"""A column gutter that pdfminer runs a line across: two columns' lines cut apart again.

pdfminer puts two characters on one baseline in one line when the gap between them is less than twice the
wider one's width (LAParams.char_margin). A narrow gutter (typst's two columns are 18 pt apart, less with the
last line's slack) is narrower than that beside a Korean or Chinese character (11 pt wide in 11 pt type) or a
heading's large letters: a line of the left column ending in Korean, or a heading hyphenated at the column's
edge, and the right column's line beside it were read as one ("budget 국방 • Sorties official", "and co­
Office workflow"). A line is cut where two of its characters stand GUTTER apart or more, measured in the
smaller one's type: no space between words is that wide in a line pdfminer joins (a justified line's widest
spaces are cut by pdfminer itself, and put together again by pdfpage.whole_lines), while a gutter, and the space
between two table cells set that far apart, are. A list's marker keeps the item's text it is set apart from (a
tab's width: LibreOffice's lists), as pdfminer gave it: alone at a page's top, a marker would read as a running
header repeated on the next page.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import pairwise

from pdfminer.layout import LAParams, LTChar, LTComponent, LTPage, LTTextLine, LTTextLineHorizontal

from briefgen.sources.formats.pdflists import MARKER

GUTTER = 1.2  # of the type size: a gap this wide in a line is a gutter (or between cells), not a space


def cut_at_gutters(line: LTTextLine, laparams: LAParams) -> Iterator[LTTextLine]:
    """`line` as it stands, or, where two of its characters stand GUTTER apart (an upright line's) but for a list's
    marker and its item, in pieces."""
    chars = [item for item in line if isinstance(item, LTChar)]
    if not isinstance(line, LTTextLineHorizontal) or not any(
            _wide(left, right) for left, right in pairwise(chars)):
        yield line
        return
    piece, text = LTTextLineHorizontal(laparams.word_margin), ""
    for k, char in enumerate(chars):
        if k and _wide(chars[k - 1], char) and not MARKER.fullmatch(text.strip()):
            yield piece
            piece, text = LTTextLineHorizontal(laparams.word_margin), ""
        piece.add(char)
        text += char.get_text()
    yield piece


def _wide(left: LTChar, right: LTChar) -> bool:
    """Whether two characters stand a gutter apart; a glyph drawn with no width (reportlab's bullet) shows
    nothing of where it ends."""
    return left.width > 0 and right.width > 0 and right.x0 - left.x1 >= GUTTER * min(left.size, right.size)


class GutteredPage(LTPage):
    """pdfminer's page whose lines are cut at the gutters they cross (cut_at_gutters) before they are put in
    text boxes."""

    def group_objects(self, laparams: LAParams, objs: Iterable[LTComponent]) -> Iterator[LTTextLine]:
        for line in super().group_objects(laparams, objs):
            yield from cut_at_gutters(line, laparams)
