"""A text box set beside running text that wraps around it (a Writer frame, a Word text box, a floated sidebar):
pdfminer groups its lines with the text's, whose lines alternate with them down the page, so a paragraph read
from that block interleaves the two ("Key figure: spending on an independent oversight commission").

Here the lines of such a block in another type size, each set side by side with a line of the block's own size
(on the same height, not overlapping it), are parted from it into a block of their own, which the reading
order (pdforder.py) then reads after the text it sits in.
"""

from __future__ import annotations

from collections import Counter

from briefgen.sources.formats.pdfinline import RESIZED
from briefgen.sources.formats.pdfpage import Block, Line


def beside_parted(blocks: list[Block]) -> list[Block]:
    """The blocks, each with the lines of a box set beside its text parted into a block of their own."""
    return [part for block in blocks for part in _parted(block)]


def _parted(block: Block) -> list[Block]:
    sizes = Counter[float]()
    for line in block:
        sizes[line.size] += len(line.text)
    if len(sizes) < 2:
        return [block]
    main = sizes.most_common(1)[0][0]
    text = [line for line in block if not _other(line.size, main)]
    side = [line for line in block if _other(line.size, main)]
    if len(side) < 2 or not all(any(_beside(line, other) for other in text) for line in side):
        return [block]
    return [text, side]


def _other(size: float, main: float) -> bool:
    return abs(size - main) > RESIZED * max(size, main)


def _beside(line: Line, other: Line) -> bool:
    """Whether two lines stand side by side: on the same height, neither overlapping the other."""
    return abs(line.y0 - other.y0) < max(line.size, other.size) and (line.x1 < other.x0 or other.x1 < line.x0)
