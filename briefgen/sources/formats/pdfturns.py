"""PDF pages whose text is turned: read in the direction it runs, as a reader turns the page to read it.

pdfminer.six lays characters out in lines from left to right only. Text that runs up, down or upside down on
the page as a viewer shows it (a page with /Rotate whose content is not turned back, a landscape table drawn
turned on a portrait page, a note up the margin) comes out one character a line, or its lines in reverse. So
each character's direction is taken as a number of quarter turns (its baseline's angle rounded to a multiple of
90°), and a page is read once for each direction its text takes, turned so that this text runs from left to
right, keeping only that text (pdfreader.py). An ordinary page, all its text upright, is read once.
"""

from __future__ import annotations

import math

from pdfminer.pdfpage import PDFPage
from pdfminer.utils import Matrix, apply_matrix_rect

# The matrix of each number of quarter turns clockwise (as /Rotate turns a page), without a shift.
_CLOCKWISE = {0: (1.0, 0.0, 0.0, 1.0), 1: (0.0, -1.0, 1.0, 0.0), 2: (-1.0, 0.0, 0.0, -1.0), 3: (0.0, 1.0, -1.0, 0.0)}


def quarter_turns(matrix: Matrix) -> int:
    """How many quarter turns anticlockwise a character's baseline is turned from left-to-right (0 to 3): the
    number of quarter turns clockwise that make it run from left to right again."""
    return round(math.degrees(math.atan2(matrix[1], matrix[0])) / 90) % 4


def page_matrix(page: PDFPage, turns: int) -> Matrix:
    """The matrix that shows `page` as a viewer does (its /Rotate) and turned `turns` quarter turns clockwise
    more, its lower left corner at the origin."""
    rotate = page.rotate // 90 if page.rotate % 90 == 0 else 0
    a, b, c, d = _CLOCKWISE[(rotate + turns) % 4]
    x0, y0, _, _ = apply_matrix_rect((a, b, c, d, 0.0, 0.0), page.mediabox)
    return (a, b, c, d, -x0, -y0)


def by_share(counts: dict[int, int]) -> list[int]:
    """The directions text takes on a page (quarter turns), the one most of its characters take first;
    upright (0) always among them, as the page's first reading is."""
    return sorted({0} | {turns for turns, count in counts.items() if count}, key=lambda turns: (-counts.get(turns, 0),
                                                                                               turns))
