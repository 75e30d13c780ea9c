"""A PDF page as plain records of its text lines (pdfdoc.py reads them with pdfminer.six): what the readers of
running furniture (pdffurniture.py) and of paragraphs (pdflines.py) work on."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    text: str  # one line, no trailing break; a bullet drawn from a symbol font reads "•"
    x0: float
    x1: float
    y0: float  # baseline side (PDF y grows upwards)
    size: float  # the line's height
    rtl: bool = False  # a right-to-left line, its x0 and x1 mirrored across the page (its start is x0)


Block = list[Line]
MAX_LINES = 3000  # a page with more lines than any page of text has (a drawing's labels) keeps pdfminer's


@dataclass(frozen=True)
class Page:
    height: float
    blocks: list[Block]


def whole_lines(blocks: list[Block]) -> list[Block]:
    """The page's blocks with each line that pdfminer cut at a wide space put together again.

    pdfminer ends a line where the space between two words is wider than a few characters, as the spaces of a
    justified line in a narrow column are ("vehicle      manufacturing      capabilities,"); the pieces land
    in blocks of their own or of other lines, out of order. Pieces on one baseline, in one size and direction,
    are one line when the space between them is inside a column (_across); the whole line goes in the block
    of the line above it at the same left edge (else below it, else its first piece's), in its place."""
    lines = [line for block in blocks for line in block]
    if len(lines) > MAX_LINES:
        return blocks
    wholes: list[tuple[Line, list[Line]]] = []
    for row in _rows(lines):
        pieces = [row[0]]
        for piece in row[1:]:
            if not _across(lines, pieces[-1], piece):
                wholes += _whole(pieces)
                pieces = []
            pieces.append(piece)
        wholes += _whole(pieces)
    if not wholes:
        return blocks
    cut = {id(piece) for _, pieces in wholes for piece in pieces}
    home = {id(line): k for k, block in enumerate(blocks) for line in block}
    out = [[line for line in block if id(line) not in cut] for block in blocks]
    for whole, pieces in sorted(wholes, key=lambda found: -found[0].y0):
        target = out[_home(out, whole, home[id(pieces[0])])]
        target.append(whole)
        target.sort(key=lambda line: -line.y0)
    return [block for block in out if block]


def _whole(pieces: list[Line]) -> list[tuple[Line, list[Line]]]:
    if len(pieces) < 2:
        return []
    first = pieces[0]
    return [(Line(" ".join(piece.text for piece in pieces), first.x0, pieces[-1].x1, first.y0, first.size,
                  first.rtl), pieces)]


def _home(blocks: list[Block], whole: Line, fallback: int) -> int:
    """The block of the nearest line above `whole` at its left edge (within three lines), else below."""
    near = [(line.y0 < whole.y0, abs(line.y0 - whole.y0), k) for k, block in enumerate(blocks) for line in block
            if abs(line.x0 - whole.x0) <= 0.5 * whole.size and 0 < abs(line.y0 - whole.y0) <= 3 * whole.size
            and line.rtl == whole.rtl]
    return min(near)[2] if near else fallback


def _rows(lines: list[Line]) -> list[list[Line]]:
    """The lines that share a baseline, size and direction, each row from its start, when there are several."""
    rows: list[list[Line]] = []
    for line in sorted(lines, key=lambda ln: (ln.rtl, -ln.y0)):
        row = rows[-1] if rows else None
        if row and row[0].rtl == line.rtl and abs(row[0].y0 - line.y0) < 0.3 * line.size \
                and abs(row[0].size - line.size) <= 0.2 * max(row[0].size, line.size):
            row.append(line)
        else:
            rows.append([line])
    return [sorted(row, key=lambda ln: ln.x0) for row in rows if len(row) > 1]


def _across(lines: list[Line], left: Line, right: Line) -> bool:
    """Whether the space between two pieces of a baseline is inside one column: at every point of it, a third
    or more of the nearby baselines (within a dozen lines, of the same direction) with text beside these
    pieces have text, as a column's lines have words where one of its lines has a wide space; a gutter
    between columns is a strip where (but for a heading across the columns) none has."""
    if right.x0 <= left.x1:
        return False
    rows: dict[int, list[Line]] = {}  # the pieces of each nearby baseline
    for line in lines:
        distance = abs(line.y0 - left.y0)
        if line.rtl == left.rtl and 0.3 * left.size <= distance <= 12 * left.size \
                and line.x1 > left.x0 and line.x0 < right.x1:
            rows.setdefault(round(line.y0), []).append(line)
    if len(rows) < 2:
        return False
    step = max(1.0, left.size / 2)
    points = [left.x1 + step * (k + 0.5) for k in range(max(1, int((right.x0 - left.x1) / step)))]
    return all(3 * sum(any(piece.x0 <= x <= piece.x1 for piece in row) for row in rows.values()) >= len(rows)
               for x in points)
