"""Lines along a paragraph's or a table's sides as Word draws them (w:pBdr, w:tblBorders): shared by a house
style's paragraph styles (document/house.py) and its table style (document/tablelook.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Side = Literal["top", "bottom", "left", "right"]


@dataclass(frozen=True)
class Rule:
    """One side of a paragraph border (Word's w:pBdr), as Word draws it: a line `width` points thick,
    `space` points from the text (the paragraph grows by both, above a top rule and below a bottom one)."""

    side: Side
    width: float
    space: float = 0.0
    colour: str | None = None  # "#RRGGBB"; None: Word's "auto", black

    @property
    def room(self) -> float:
        """The height a top or bottom rule adds to its paragraph."""
        return self.space + self.width
