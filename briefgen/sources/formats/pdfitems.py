"""The paragraph under a list item in one of pdfminer's blocks with it: typst sets a list with no space after it,
its marker at the text's left edge, so the next paragraph's lines join the last item's block (pdflines.py)."""

from __future__ import annotations

from briefgen.sources.formats.pdflists import MARKER
from briefgen.sources.formats.pdfpage import Line


def leaves_item(item: Line | None, prev: Line, line: Line) -> bool:
    """Whether `line` starts where the marker of the list item `item` (the nearest line above starting with one)
    stands, after the item's first line or its next one at the item's hanging indent: the text under the list,
    back at its left edge, not the item's next line (pdflines asks this after a line that ends a sentence). An
    item's next line under its marker, where a producer sets no hanging indent, is read so too when the line
    before ends a sentence."""
    if item is None or MARKER.match(line.text):
        return False
    return abs(line.x0 - item.x0) < 0.3 * line.size and (prev is item or prev.x0 > item.x0 + 0.8 * line.size)
