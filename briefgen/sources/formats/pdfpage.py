"""A PDF page as plain records of its text lines (pdfdoc.py reads them with pdfminer.six): what the readers of
running furniture (pdffurniture.py) and of paragraphs (pdflines.py) work on."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from itertools import pairwise
from typing import Generic, TypeVar

from briefgen.sources.formats.pdfinline import RESIZED
from briefgen.sources.formats.pdflists import MARKER


@dataclass(frozen=True)
class Line:
    text: str  # one line, no trailing break; a bullet drawn from a symbol font reads "•"
    x0: float
    x1: float
    y0: float  # baseline side (PDF y grows upwards)
    size: float  # the line's height
    rtl: bool = False  # a right-to-left line, its x0 and x1 mirrored across the page (its start is x0)
    # whether it ends at a space the PDF draws (True), at none where it draws its other spaces as characters
    # (False: a line's end inside a word, as LibreOffice breaks Korean and Thai), or None: it draws no spaces
    spaced: bool | None = None
    cells: bool = False  # a line of table cells read apart (pdfcells.py): its paragraph goes on in no other block


Block = list[Line]
T = TypeVar("T")
WIDE_SPACE = 0.5  # of the type size: a gap wider than a word space
MAX_LINES = 600  # a page with more lines than any page of text has (a drawing's labels) keeps pdfminer's


@dataclass(frozen=True)
class Page:
    height: float
    blocks: list[Block]


def whole_lines(blocks: list[Block]) -> list[Block]:
    """The page's blocks with each line that pdfminer cut at a wide space put together again.

    pdfminer ends a line where the space between two words is wider than a few characters, as the spaces of a
    justified line in a narrow column are ("vehicle      manufacturing      capabilities,"); the pieces land
    in blocks of their own or of other lines, out of order. A baseline's pieces, in one size and direction,
    are cut at each gutter (_gutter) into segments; a segment of several pieces is one line when other lines
    nearby are set to the same measure and have text in its wide spaces (_justified). The whole line goes
    in the block of the line above it at the same left edge (else below it, else its first piece's); one that
    starts with a list marker drawn apart goes in the block of the item's text, with its lines under it (the
    line above at that edge is the list's item before)."""
    lines = [line for block in blocks for line in block]
    if len(lines) > MAX_LINES:
        return blocks
    near_lines = _Near([(line.y0, line) for line in lines])
    segments = [segment for row in _rows(lines) for segment in _segments(row, near_lines)]
    near_segments = _Near([(segment[0].y0, segment) for segment in segments])
    wholes = [(_whole(segment), segment) for segment in segments
              if len(segment) > 1 and _justified(segment, near_segments)]
    if not wholes:
        return blocks
    cut = {id(piece) for _, pieces in wholes for piece in pieces}
    home = {id(line): k for k, block in enumerate(blocks) for line in block}
    out = [[line for line in block if id(line) not in cut] for block in blocks]
    for whole, pieces in sorted(wholes, key=lambda found: -found[0].y0):
        marked = MARKER.fullmatch(pieces[0].text) is not None
        target = out[home[id(pieces[1])] if marked else _home(out, whole, home[id(pieces[0])])]
        target.append(whole)
        target.sort(key=lambda line: -line.y0)
    return [block for block in out if block]


def _whole(pieces: list[Line]) -> Line:
    first = pieces[0]
    return Line(" ".join(piece.text for piece in pieces), first.x0, pieces[-1].x1, first.y0, first.size, first.rtl,
                pieces[-1].spaced)


def _home(blocks: list[Block], whole: Line, fallback: int) -> int:
    """The block of the nearest line above `whole` at its left edge (within three lines), else below."""
    near = [(line.y0 < whole.y0, abs(line.y0 - whole.y0), k) for k, block in enumerate(blocks) for line in block
            if abs(line.x0 - whole.x0) <= 0.5 * whole.size and 0 < abs(line.y0 - whole.y0) <= 3 * whole.size
            and line.rtl == whole.rtl]
    return min(near)[2] if near else fallback


def _rows(lines: list[Line]) -> list[list[Line]]:
    """The lines that share a baseline, size and direction, each row from its start."""
    rows: list[list[Line]] = []
    for line in sorted(lines, key=lambda ln: (ln.rtl, -ln.y0)):
        row = rows[-1] if rows else None
        if row and row[0].rtl == line.rtl and abs(row[0].y0 - line.y0) < 0.3 * line.size \
                and abs(row[0].size - line.size) <= 0.2 * max(row[0].size, line.size):
            row.append(line)
        else:
            rows.append([line])
    return [sorted(row, key=lambda ln: ln.x0) for row in rows]


class _Near(Generic[T]):
    """Things by the height of their baseline, to find those on other baselines within a dozen lines."""

    def __init__(self, items: list[tuple[float, T]]) -> None:
        items.sort(key=lambda item: item[0])
        self.heights = [height for height, _ in items]
        self.items = [item for _, item in items]

    def near(self, line: Line) -> list[T]:
        low = bisect.bisect_left(self.heights, line.y0 - 12 * line.size)
        high = bisect.bisect_right(self.heights, line.y0 + 12 * line.size)
        return [item for height, item in zip(self.heights[low:high], self.items[low:high], strict=True)
                if abs(height - line.y0) >= 0.3 * line.size]


def _segments(row: list[Line], lines: _Near[Line]) -> list[list[Line]]:
    """A row cut at each gutter between its pieces."""
    segments = [[row[0]]]
    for piece in row[1:]:
        if _resized(segments[-1][-1], piece) or _gutter(lines, segments[-1][-1], piece):
            segments.append([])
        segments[-1].append(piece)
    return segments


def _resized(left: Line, right: Line) -> bool:
    """Whether two pieces of a row are set in two sizes of type a space apart (a sidebar beside the text)."""
    small, large = sorted((left.size, right.size))
    return right.x0 - left.x1 > WIDE_SPACE * small and large - small > RESIZED * large


def _covered(rows: list[list[Line]], start: float, end: float, size: float) -> bool:
    """Whether at every point from `start` to `end`, a third or more of `rows` have text."""
    step = max(1.0, size / 2)
    points = [start + step * (k + 0.5) for k in range(max(1, int((end - start) / step)))]
    return all(3 * sum(any(piece.x0 <= x <= piece.x1 for piece in row) for row in rows) >= len(rows)
               for x in points)


def _gutter(lines: _Near[Line], left: Line, right: Line) -> bool:
    """Whether the space between two pieces of a baseline is a gutter between columns (or table cells): a
    strip where fewer than a third of the nearby baselines with text beside the pieces have any, or that the
    next two such baselines above or below leave empty too (columns under or over text set across both, a
    Writer section in columns, a paper's abstract over its two columns: the wide text covers the strip on
    many baselines, where a justified line's wide space lines up with none)."""
    if right.x0 <= left.x1:
        return False
    rows: dict[int, list[Line]] = {}
    for line in lines.near(left):
        if line.rtl == left.rtl and line.x1 > left.x0 and line.x0 < right.x1:
            rows.setdefault(round(line.y0), []).append(line)
    if len(rows) < 2 or not _covered(list(rows.values()), left.x1, right.x0, left.size):
        return True
    above = sorted((y, row) for y, row in rows.items() if y > left.y0)
    below = sorted(((y, row) for y, row in rows.items() if y < left.y0), reverse=True)
    return any(_open_run([row for _, row in side], left, right) >= 2 for side in (above, below))


def _open_run(rows: list[list[Line]], left: Line, right: Line) -> int:
    """How many of `rows` (nearest first) leave the middle of the strip between `left` and `right` empty, with
    text left of it and text starting where `right` starts, to a point (a column's edge, where the pieces of a
    justified line start anywhere), before the first that has text across that middle (a line of a column may
    end a little past the one beside the strip)."""
    count, slack, middle = 0, 0.1 * left.size, (left.x1 + right.x0) / 2
    for row in rows:
        if any(piece.x0 < middle < piece.x1 for piece in row):
            return count
        count += any(piece.x1 > left.x0 and piece.x0 < left.x1 for piece in row) \
            and any(abs(piece.x0 - right.x0) <= slack for piece in row)
    return count


def _justified(segment: list[Line], segments: _Near[list[Line]]) -> bool:
    """Whether a segment's pieces are one justified line: two segments nearby or more are set to its measure
    (the same left and right edges), and they have text in each of its spaces (table rows, whose cells line
    up, have none)."""
    first, last = segment[0], segment[-1]
    slack = 0.5 * first.size
    same = [other for other in segments.near(first) if other[0].rtl == first.rtl
            and abs(other[0].x0 - first.x0) <= slack and abs(other[-1].x1 - last.x1) <= slack]
    return len(same) >= 2 and all(_covered(same, left.x1, right.x0, first.size) for left, right in
                                  pairwise(segment))
