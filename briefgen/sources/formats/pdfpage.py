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




@dataclass(frozen=True)
class Page:
    height: float
    blocks: list[Block]
