"""A PDF table's cells as a reader reads them, where pdfminer's blocks do not part them (pdforder.py reads a
table's rows; this module gives it the cells).

pdfminer groups lines into a block by how near they are, so a table whose rows are set tight (pandoc's tables,
laid out by LibreOffice) comes out as one block for each column, its cells stacked ("North" over "South"), and
the first column's block runs on into the list or paragraph set under the table at the same left edge. Here:
- a block is cut between two of its lines where one has another block beside it (a line of that block on its
  baseline) and the other runs across that block's span: no column of a page does that, a table's column with
  the text under (or over) the table in one block does (`apart`); so is one where the other line, beside
  nothing, runs across most of the gap to that block (a list item's line, indented past the table's first
  column, in one block with the header's second cell under it);
- a table's row of blocks is cut into rows of cells at each baseline that lines of two of its blocks or more
  share, besides its first; a line no other block shares a baseline with (a cell's second line) stays with
  the row above it (`cell_rows`).
"""

from __future__ import annotations

import bisect
from itertools import pairwise

from briefgen.sources.formats.pdfpage import Block, Line

LEVEL = 0.3  # baselines closer than this share of the type size are one


class _Baselines:
    """The page's lines by the height of their baseline, each with the number of its block."""

    def __init__(self, blocks: list[Block]) -> None:
        items = sorted(((line.y0, k, line) for k, block in enumerate(blocks) for line in block),
                       key=lambda item: item[0])
        self.heights = [item[0] for item in items]
        self.items = [(k, line) for _, k, line in items]

    def beside(self, line: Line, home: int) -> set[int]:
        """The other blocks with a line on `line`'s baseline, clear of it left or right."""
        return {k for k, _ in self.lines_beside(line, home)}

    def lines_beside(self, line: Line, home: int) -> list[tuple[int, Line]]:
        low = bisect.bisect_left(self.heights, line.y0 - LEVEL * line.size)
        high = bisect.bisect_right(self.heights, line.y0 + LEVEL * line.size)
        return [(k, other) for k, other in self.items[low:high]
                if k != home and (other.x1 <= line.x0 or other.x0 >= line.x1)]


def apart(blocks: list[Block]) -> list[Block]:
    """The blocks, each cut where pdfminer ran a table's column on into the text under or over it."""
    if len(blocks) < 2:
        return blocks
    index = _Baselines(blocks)
    out: list[Block] = []
    for k, block in enumerate(blocks):
        spans = _partners(block, k, index)
        pieces: list[Block] = [[block[0]]]
        for above, below in pairwise(block):
            over, under = index.beside(above, k), index.beside(below, k)
            if _crosses(below, over, spans) or _crosses(above, under, spans) \
                    or (not under and _spills(below, above, over, spans)) \
                    or (not over and _spills(above, below, under, spans)):
                pieces.append([])
            pieces[-1].append(below)
        out += pieces
    return out


def _partners(block: Block, home: int, index: _Baselines) -> dict[int, tuple[float, float]]:
    """The left and right edges of each other block's lines that stand beside lines of `block`."""
    spans: dict[int, tuple[float, float]] = {}
    for line in block:
        for k, other in index.lines_beside(line, home):
            left, right = spans.get(k, (other.x0, other.x1))
            spans[k] = (min(left, other.x0), max(right, other.x1))
    return spans


def _crosses(line: Line, blocks: set[int], spans: dict[int, tuple[float, float]]) -> bool:
    """Whether `line` runs across (under or over) the lines of any of `blocks` that stand beside its block's."""
    return any(spans[k][0] < line.x1 and line.x0 < spans[k][1] for k in blocks)


SPILL = 0.25  # of the gap from a cell to the cell beside it: a line of its block reaching this near is no cell's


def _spills(line: Line, cell: Line, blocks: set[int], spans: dict[int, tuple[float, float]]) -> bool:
    """Whether `line`, beside nothing, runs from over (or under) `cell` across most of the gap between `cell` and
    a block beside it (the cell of a table's other column), nearer to that block than SPILL of the gap: a cell's
    own wrapped line stays in its column, a list item's line over the table's header, indented past the first
    column's cell "Region", does not."""
    return line.x0 < cell.x1 and cell.x0 < line.x1 and any(
        line.x0 < right + SPILL * (cell.x0 - right) if right <= cell.x0 else line.x1 > left - SPILL * (left - cell.x1)
        for left, right in (spans[k] for k in blocks))


def cell_rows(row: list[Block]) -> list[list[Block]]:
    """A table's row of blocks (one for each column, from the start of the line) as the rows of cells stacked
    in it, from the top, each row's cells from the start of the line."""
    lines = sorted((line for block in row for line in block), key=lambda line: -line.y0)
    starts = [lines[0].y0] + [line.y0 for line in lines[1:] if _shared(line, row)]
    starts = [y for k, y in enumerate(starts) if k == 0 or starts[k - 1] - y > LEVEL * lines[0].size]
    cells: list[list[Block]] = [[[] for _ in row] for _ in starts]
    for column, block in enumerate(row):
        for line in block:
            at = max(0, sum(1 for y in starts if y - line.y0 >= -LEVEL * line.size) - 1)
            cells[at][column].append(line)
    return [[cell for cell in cells_row if cell] for cells_row in cells]


def _shared(line: Line, row: list[Block]) -> bool:
    """Whether a line's baseline is shared by lines of two or more of the row's blocks."""
    return sum(any(abs(other.y0 - line.y0) <= LEVEL * line.size for other in block) for block in row) >= 2


GRID_SHARED = 0.6  # the share of a grid's lines that have another line on their baseline (not a cell's wrapped line)
GRID_CELL = 30  # characters: most cells of a grid hold fewer (a line of running text holds more)


def grid_rows(blocks: list[Block]) -> list[list[Block]] | None:
    """A band's lines as the rows of a grid of one-line cells, from the top, each row's cells from the left, when
    that is what the band is: a spreadsheet's page (LibreOffice Calc's, Excel's), whose cells sit close and
    pdfminer merges into blocks a column (or a run of cells) at a time. A grid: three rows or more, nearly every
    line on a baseline with another, the gaps between a row's cells at least half as wide as the cells, as a
    rule (where columns of running text have a narrow gutter between wide lines). A line alone on its baseline
    (a cell's second line) goes in the cell above it; None when the band is no such grid."""
    rows: list[list[Line]] = []
    for line in sorted((line for block in blocks for line in block), key=lambda line: -line.y0):
        if rows and abs(rows[-1][0].y0 - line.y0) <= LEVEL * line.size:
            rows[-1].append(line)
        else:
            rows.append([line])
    rows = [sorted(row, key=lambda line: line.x0) for row in rows]
    lines = sum(len(row) for row in rows)
    shared = [row for row in rows if len(row) > 1 and all(a.x1 <= b.x0 for a, b in pairwise(row))]
    if len(shared) < 3 or sum(len(row) for row in shared) < GRID_SHARED * lines or not _cells_apart(shared):
        return None
    return _grid_cells(rows)


def _cells_apart(rows: list[list[Line]]) -> bool:
    """Whether rows hold short cells (three in four of GRID_CELL characters or fewer: no lines of running text
    beside their line numbers) whose gaps are at least half as wide as the cells, as a rule."""
    gaps = sorted(right.x0 - left.x1 for row in rows for left, right in pairwise(row))
    widths = sorted(line.x1 - line.x0 for row in rows for line in row)
    lengths = sorted(len(line.text) for row in rows for line in row)
    return gaps[len(gaps) // 2] >= 0.5 * widths[len(widths) // 2] and lengths[3 * len(lengths) // 4] <= GRID_CELL


def _grid_cells(rows: list[list[Line]]) -> list[list[Block]]:
    """The grid's rows of cells; a line alone on its baseline (a cell's wrapped line) goes in the cell it lies
    over in the row below it when it runs on into that row (a spreadsheet sets a cell's text at its foot: its
    first lines stand over the row's baseline), else in the cell over it in the row above, else in a row of
    its own."""
    out: list[list[Block]] = []
    pending: list[Line] = []
    for row in [*rows, []]:
        if len(row) == 1:
            pending.append(row[0])
            continue
        cells = [[line] for line in row]
        heads: dict[int, list[Line]] = {}
        for line in pending:
            above, below = _over(out[-1] if out else [], line), _over(cells, line)
            if below is not None and (id(below) in heads or above is None or not _runs_on(above[-1], line)):
                heads.setdefault(id(below), []).append(line)
            elif above is not None:
                above.append(line)
            else:
                out.append([[line]])
        pending = []
        out.append([heads.get(id(cell), []) + cell for cell in cells])
    return [row for row in out if row]


def _over(cells: list[Block], line: Line) -> Block | None:
    """The cell of a row that lies over or under `line`, sharing some of its width."""
    return next((cell for cell in cells if cell[0].x0 < line.x1 and line.x0 < cell[0].x1), None)


def _runs_on(last: Line, line: Line) -> bool:
    """Whether a cell's line `last` was broken to wrap its text on to `line`: it fills most of the width the
    next takes (a short line, a header's "Assessment", stands alone)."""
    return last.x1 - last.x0 >= 0.7 * (line.x1 - line.x0)
