"""The reading order of a PDF page's blocks: a page's columns one after the other, each read from its top.

pdfminer orders its blocks by how near they are to each other, which puts the top of a second column before
the foot of the first when a heading or a paragraph's end sits beside it. Here the page is cut into bands at
the heights no block spans; consecutive bands split by a gutter at the same place (a space no block of the
band crosses, as wide as a line is high) are one band of columns; each band is read from the top, its
columns one after the other, from the start of the line (right to left for mirrored right-to-left text).
A row of single lines in the top or bottom eighth of the page whose pieces do not start where the columns below
or above them start (a running header "Quarterly review … Draft" set across a two-column page) is a band of its
own, read before (after) the columns, never the tops (feet) of them: its right piece would otherwise cut a
sentence that runs on from the first column into the second. So are the footnotes under the columns, set
smaller, in the page's lower half (a short one sits under the first column only).
A band of columns made of rows of cells is a table, read row by row, each row from the start of the line: as
a reader reads a table, and as a viewer copies a row ("Drones 1,200 Ministry of Defence"), so that a passage
copied from a row is found across its cells' paragraphs. Rows: two or more, each with a gap above and below it
across every column, holding one short block (four lines at most, most of them two) in each of two columns or
more, their tops level. Columns of running text are not rows: their paragraphs are longer, and their gaps
seldom line up. A table set tight, whose cells pdfminer stacks in a block for each column, is one band of such
blocks: its rows are the baselines two blocks share (pdftables.cell_rows), and it is a table when those rows'
cells are short and stand apart (gaps at least half as wide as the cells, where a page's columns of running
text have a narrow gutter). A band that runs across a table's gutters (the list under it) ends the table, and so
does one that is no row of cells (a heading under the table's first column, beside nothing).
Before all this, a block pdfminer ran on from a table's column into the text under it is cut (pdftables.apart).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from briefgen.sources.formats.pdffurniture import BAND
from briefgen.sources.formats.pdfpage import Block
from briefgen.sources.formats.pdftables import GRID_CELL, LEVEL, apart, cell_rows, grid_rows

MAX_DEPTH = 8  # columns within columns read this deep; deeper, from the top


@dataclass(frozen=True)
class _Box:
    block: Block
    x0: float
    x1: float
    top: float
    bottom: float


def reading_order(blocks: list[Block], height: float | None = None) -> list[Block]:
    """The blocks in the order a reader reads them; `height`, the page's, for its header and footer rows."""
    blocks = apart(blocks)
    if len(blocks) < 2:
        return blocks
    boxes = [_box(b) for b in blocks]
    width = sorted(ln.size for b in blocks for ln in b)[len(boxes) // 2]
    return [box.block for box in _read(boxes, max(width, 1.0), 0, height)]


def _box(b: Block) -> _Box:
    return _Box(b, min(ln.x0 for ln in b), max(ln.x1 for ln in b), max(ln.y0 + ln.size for ln in b),
                  min(ln.y0 for ln in b))


def _read(boxes: list[_Box], gutter: float, depth: int, height: float | None = None) -> list[_Box]:
    out: list[_Box] = []
    for rows in _column_bands(boxes, gutter, height):
        band = [box for row in rows for box in row]
        columns = _columns(band, gutter) if depth < MAX_DEPTH else [band]
        if len(columns) > 1 and (cells := _table_cells(rows, gutter)) is not None:
            out += [box for row in cells for box in row]
        elif len(band) > 1 and (grid := grid_rows([box.block for box in band])) is not None:
            out += [_box(cell) for row in grid for cell in row]
        elif len(columns) == 1:
            out += sorted(band, key=lambda box: (-box.top, box.x0))
        else:
            for column in columns:
                out += _read(column, gutter, depth + 1)
    return out


def _cells(rows: list[list[_Box]]) -> list[list[_Box]]:
    """A table's cells row by row, left to right, a column's stacked cells parted (pdftables.cell_rows)."""
    return [[_box(cell) for cell in cells] for row in rows
            for cells in cell_rows([box.block for box in sorted(row, key=lambda box: (box.x0, -box.top))])]


def _bands(boxes: list[_Box]) -> list[list[_Box]]:
    """The boxes cut at each height no box spans, from the top."""
    bands: list[list[_Box]] = []
    bottom = float("inf")
    for box in sorted(boxes, key=lambda b: -b.top):
        if bands and box.top > bottom:
            bands[-1].append(box)
            bottom = min(bottom, box.bottom)
        else:
            bands.append([box])
            bottom = box.bottom
    return bands


CELL_LINES = 4  # the most lines a table's cell holds, here (most hold one or two)


def _table_cells(rows: list[list[_Box]], gutter: float) -> list[list[_Box]] | None:
    """A band's cells row by row when it is a table, rows of short cells side by side (the module's
    description), whether pdfminer parts the rows or stacks a column's cells in one block (then the cells stand
    apart, their gaps at least half as wide as they are, which a page's columns of running text never do); None
    when it is not one."""
    if not all(_cells_row(row, gutter) for row in rows) or _prose_rows(rows):
        return None
    cells = _cells(rows)
    if len(rows) >= 2 and _short(rows):
        return cells
    return cells if len(cells) > max(1, len(rows)) and _short(cells) and _apart(cells) else None


def _cells_row(row: list[_Box], gutter: float) -> bool:
    """Whether a row holds blocks side by side in two columns or more, their tops level: apart by a gutter, or
    by half one where the blocks stand on other baselines (typst sets an Arabic cell's text lower than the
    Latin cells beside it, 10 pt from them: pdfminer, which joins those, left it apart)."""
    tops = [box.top for box in row]
    ordered = sorted(row, key=lambda box: box.x0)
    apart = all(right.x0 - left.x1 >= (gutter if abs(right.bottom - left.bottom) <= LEVEL * gutter else gutter / 2)
                for left, right in pairwise(ordered))
    return len(row) >= 2 and apart and max(tops) - min(tops) <= gutter


def _prose_rows(rows: list[list[_Box]]) -> bool:
    """Whether half the rows or more are lines of running text side by side (double-spaced columns, whose lines
    pdfminer makes blocks of one): each of their blocks one line longer than any but a few cells hold."""
    prose = sum(all(len(box.block) == 1 and len(box.block[0].text) > GRID_CELL for box in row) for row in rows)
    return 2 * prose >= len(rows)


def _short(rows: list[list[_Box]]) -> bool:
    lines = sorted(len(box.block) for row in rows for box in row)
    return lines[-1] <= CELL_LINES and lines[len(lines) // 2] <= 2


def _apart(rows: list[list[_Box]]) -> bool:
    """Whether the gaps between the cells of the rows are, as a rule, at least half as wide as the cells."""
    gaps = sorted(right.x0 - left.x1 for row in rows for left, right in pairwise(row))
    widths = sorted(box.x1 - box.x0 for row in rows for box in row)
    return bool(gaps) and gaps[len(gaps) // 2] >= 0.5 * widths[len(widths) // 2]


def _column_bands(boxes: list[_Box], gutter: float, height: float | None = None) -> list[list[list[_Box]]]:
    """The bands, each as the bands it was joined from: consecutive ones joined when the joined band still has
    a gutter (columns going on), but a header or footer row that does not line up with the columns (see the
    module's description)."""
    joined: list[list[list[_Box]]] = []
    for band in _bands(boxes):
        last = [box for row in joined[-1] for box in row] if joined else []
        if last and len(_columns(last + band, gutter)) > 1 and len(_columns(last, gutter)) > 1 \
                and not _edge_row(last, band, gutter, height) and not _edge_row(band, last, gutter, height) \
                and not _closes(joined[-1], band, gutter) and not _notes_under(last, band, height):
            joined[-1].append(band)
        else:
            joined.append([band])
    return joined


def _notes_under(columns: list[_Box], band: list[_Box], height: float | None) -> bool:
    """Whether `band` is the notes at the foot of a page set in columns: below them all, in the page's lower
    half, every line in smaller type than most of the columns' (a short footnote under the first column only,
    which would otherwise be read as that column's foot, between a paragraph and its end in the next)."""
    if height is None or any(box.top > height / 2 for box in band):
        return False
    sizes = sorted(line.size for box in columns for line in box.block)
    return all(line.size < 0.92 * sizes[len(sizes) // 2] for box in band for line in box.block)


def _closes(rows: list[list[_Box]], band: list[_Box], gutter: float) -> bool:
    """Whether `band` ends the table `rows` are: it runs across the gutters between the table's columns, or it
    is no row of cells (a heading or paragraph under the table, beside nothing, which would otherwise be read
    into the cell of the table's last row above it: "efficient 2 Section 3")."""
    last = [box for row in rows for box in row]
    return (len(_columns(last + band, gutter)) < len(_columns(last, gutter)) or not _cells_row(band, gutter)) \
        and _table_cells(rows, gutter) is not None


def _edge_row(row: list[_Box], band: list[_Box], gutter: float, height: float | None) -> bool:
    """Whether `row` is one row of single lines in the page's top or bottom eighth, and a piece of it starts
    away from the left edge of the column of `band` it would top (or foot)."""
    if height is None or any(len(box.block) > 1 for box in row):
        return False
    if not all(box.bottom > height * (1 - BAND) for box in row) and not all(box.top < height * BAND for box in row):
        return False
    edges = [(min(b.x0 for b in column), max(b.x1 for b in column)) for column in _columns(band, gutter)]
    return any(left - gutter <= box.x0 <= right and box.x0 - left > gutter and not _indent_of(box, band, gutter)
               for box in row for left, right in edges)


def _indent_of(box: _Box, band: list[_Box], gutter: float) -> bool:
    """Whether `box` starts where a line of `band` a few lines over (under) it starts: a list item's next
    line at its hanging indent (a line of Thai alone, taller than the item's lines, which pdfminer leaves a
    block of its own), no running header's or footer's piece."""
    return any(abs(line.x0 - box.x0) <= 0.1 * gutter and abs(line.y0 - box.bottom) <= 4 * gutter
               for other in band for line in other.block)


def _columns(boxes: list[_Box], gutter: float) -> list[list[_Box]]:
    """The boxes split at each gap at least `gutter` wide that no box crosses, from the left."""
    columns: list[list[_Box]] = []
    right = float("-inf")
    for box in sorted(boxes, key=lambda b: b.x0):
        if columns and box.x0 < right + gutter:
            columns[-1].append(box)
        else:
            columns.append([box])
        right = max(right, box.x1)
    return columns
