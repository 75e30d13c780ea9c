"""A reference's table style as both writers draw the brief's data table in it (Word's w:style of type
"table": its whole-table borders, shading, text and cell margins, and the conditional formats, w:tblStylePr,
of its header row and its banded rows), resolved through its `basedOn` chain; render/wordtable.py reads it.

The data table is drawn with its header row and banded rows on, its first and last column and last row off
(Word's w:tblLook firstRow="1" noHBand="0", the others "0"): a brief's table has a header row and rows of
figures, no totals row and no heading column.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefgen.document.borders import Rule
from briefgen.document.colours import text_colour

Edges = tuple[tuple[str, Rule | None], ...]  # edge ("top", "bottom", "left", "right", "insideH", "insideV") ->
# its line, None where the style says "no line" (nil), the edge absent where it says nothing
EDGES = ("top", "bottom", "left", "right", "insideH", "insideV")
BRIEF_TABLE = "BriefTable"  # the id of briefgen's own table style, and of a reference's named "Brief Table"
MOST_CELL_MARGIN = 36.0  # points: a cell margin beyond half an inch is taken as half an inch, in both formats (Word
# takes up to 22 inches, leaving a column's text no room)
WORD_CELL_MARGINS = (0.0, 5.4, 0.0, 5.4)  # points, top, left, bottom, right: Word's own (108 twips aside)


@dataclass(frozen=True)
class CellLook:
    """What one part of a table style (the whole table, its header row, a band of rows) says of its cells."""

    fill: str | None = None  # "#RRGGBB": the cells' shading
    colour: str | None = None  # the text's colour
    bold: bool | None = None
    edges: Edges = ()

    def edge(self, name: str) -> tuple[bool, Rule | None]:
        """Whether this part says edge `name`, and its line (None: no line)."""
        said = dict(self.edges)
        return name in said, said.get(name)


@dataclass(frozen=True)
class TableLook:
    """The reference's table style the brief's data table is set in."""

    style: str  # its style id, which the DOCX's table names
    name: str = ""  # its name, as Word shows it
    whole: CellLook = CellLook()
    header: CellLook = CellLook()
    bands: tuple[CellLook, CellLook] = (CellLook(), CellLook())  # odd and even bands of rows under the header
    band_size: int = 1  # rows a band spans (w:tblStyleRowBandSize)
    margins: tuple[float, float, float, float] = WORD_CELL_MARGINS  # points: top, left, bottom, right
    hand: bool = False  # read from a table formatted by hand (render/handtable.py): no style to name, the DOCX
    # formats each cell as the look says

    @property
    def plain(self) -> bool:
        """Whether the style draws nothing of its own (Word's Normal Table: no line, fill or text look)."""
        parts = (self.whole, self.header, *self.bands)
        return not any(part.fill or part.colour or part.bold or any(rule for _, rule in part.edges) for part in parts)

    def row(self, index: int) -> CellLook:
        """Row `index`'s own conditional format (0: the header row, then the bands in turn)."""
        return self.header if index == 0 else self.bands[((index - 1) // self.band_size) % 2]

    def fill(self, index: int) -> str | None:
        return self.row(index).fill or self.whole.fill

    def ink(self, header: bool) -> tuple[str | None, bool | None]:
        """The colour and weight of the header's text (`header`) or the other rows' (the first band's), as
        the style says them (the header's automatic text black or white on its fill); None where it says
        nothing and briefgen's Table Header or Table Text style stands. Both writers set these in those
        styles, which a cell's text takes over its table style's in Word."""
        own = self.header if header else self.bands[0]
        colour = own.colour or self.whole.colour
        if colour is None and header and self.fill(0) is not None:
            colour = text_colour(None, self.fill(0))
        return colour, own.bold if own.bold is not None else self.whole.bold

    def across(self, boundary: int, rows: int) -> Rule | None:
        """The line on horizontal `boundary` of a table of `rows` rows (0: its top, `rows`: its bottom):
        the header row's own edge first, then the row below's top, the row above's bottom, the table's."""
        if boundary == 0:
            return _first(self.row(0).edge("top"), self.whole.edge("top"))
        if boundary == rows:
            return _first(self.row(rows - 1).edge("bottom"), self.whole.edge("bottom"))
        above, below = self.row(boundary - 1).edge("bottom"), self.row(boundary).edge("top")
        if boundary == 1 and above[0]:
            return above[1]
        return _first(below, above, self.whole.edge("insideH"))

    def down(self, index: int, edge: str) -> Rule | None:
        """Row `index`'s vertical line on `edge` ("left", "right", or "insideV" between its cells)."""
        return _first(self.row(index).edge(edge), self.whole.edge(edge))


def _first(*said: tuple[bool, Rule | None]) -> Rule | None:
    return next((rule for known, rule in said if known), None)
