"""A reference's first table formatted by hand (no table style of its own: Word's Normal Table, its cells
shaded and ruled one by one, its text coloured in the cells), read as a table style would be (document/
tablelook.py) where it is regular: every cell of a row alike, the rows under the header alternating in one or two
looks. Both writers then draw the brief's data table so (the DOCX formats each cell as the look says); an
irregular one is not followed, and `check` says why.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from briefgen.document.borders import Rule
from briefgen.document.tablelook import WORD_CELL_MARGINS, CellLook, TableLook
from briefgen.render.wordframe import shading_colour
from briefgen.render.wordml import W, on
from briefgen.render.wordtable import cell_margins, table_edges
from briefgen.render.wordtheme import WordTheme

_ACROSS = ("top", "bottom")  # a row's edges a cell's own borders may give it
_SIDES = ("left", "right", "start", "end", "insideV")  # a cell's side lines, which the brief's table cannot vary
Row = tuple[str | None, str | None, bool | None, tuple[tuple[str, Rule | None], ...]]  # fill, ink, bold, edges


def hand_table(document: Element | None, theme: WordTheme) -> tuple[TableLook | None, str]:
    """The look of the reference's first table where its cells are formatted by hand (None if it has no such
    table), and why an irregular one is not followed ('' when it is, or there is none)."""
    table = None if document is None else document.find(f"{W}body/{W}tbl")
    rows = [] if table is None else table.findall(f"{W}tr")
    if table is None or not rows:
        return None, ""
    tblpr = table.find(f"{W}tblPr")
    whole = CellLook(edges=table_edges(None if tblpr is None else tblpr.find(f"{W}tblBorders"), (), theme))
    said = [_row(row, theme) for row in rows]
    if not any(row is None or any(row[:3]) or row[3] for row in said) and not any(r for _, r in whole.edges):
        return None, ""  # nothing formatted: Word's plain table, briefgen's Brief Table stands
    why = _irregular(rows, said)
    if why:
        return None, why
    looks = [_cell(found) for found in said if found is not None]
    header = looks[0]
    bands = (looks[1], looks[2] if len(looks) > 2 else looks[1]) if len(looks) > 1 else (CellLook(), CellLook())
    margins = cell_margins(None if tblpr is None else tblpr.find(f"{W}tblCellMar"), WORD_CELL_MARGINS)
    return TableLook(style="", name="", whole=whole, header=header, bands=bands, margins=margins, hand=True), ""


def _irregular(rows: list[Element], said: list[Row | None]) -> str:
    """Why the rows' formatting is not one a table style could give ('' when it is)."""
    if any(cell.find(f"{W}tcPr/{W}tcBorders/{W}{side}") is not None for row in rows
           for cell in row.findall(f"{W}tc") for side in _SIDES):
        return "its cells' side lines are drawn one by one"
    if None in said:
        return "the cells of a row are shaded, ruled or coloured differently"
    body = said[1:]
    if any(body[n] != body[n - 2] for n in range(2, len(body))):
        return "its rows under the header do not alternate between two looks"
    return ""


def _row(row: Element, theme: WordTheme) -> Row | None:
    """A row's fill, text colour, weight and top and bottom lines, where every cell of it has the same (the
    text's look in the cells that have text); None where its cells differ."""
    cells = [_one(cell, theme) for cell in row.findall(f"{W}tc")]
    boxes = {(fill, edges) for fill, _, edges in cells}
    inks = {ink for _, ink, _ in cells if ink is not None}
    if len(boxes) != 1 or len(inks) > 1:
        return None
    (fill, edges), (colour, bold) = boxes.pop(), inks.pop() if inks else (None, None)
    return fill, colour, bold, edges


def _one(cell: Element, theme: WordTheme) -> tuple[str | None, tuple[str | None, bool | None] | None,
                                                  tuple[tuple[str, Rule | None], ...]]:
    """A cell's fill, its text's colour and weight (None for a cell without text) and its top and bottom lines."""
    tcpr = cell.find(f"{W}tcPr")
    shading = None if tcpr is None else tcpr.find(f"{W}shd")
    edges = table_edges(None if tcpr is None else tcpr.find(f"{W}tcBorders"), (), theme)
    texts = [run for run in cell.iter(f"{W}r") if "".join(t.text or "" for t in run.iter(f"{W}t")).strip()]
    rpr = None if not texts else texts[0].find(f"{W}rPr")
    colour = None if rpr is None else rpr.find(f"{W}color")
    ink = None if not texts else (None if colour is None else theme.colour(colour),
                                  None if rpr is None else on(rpr.find(f"{W}b")))
    return (None if shading is None else shading_colour(shading, theme), ink,
            tuple((name, rule) for name, rule in edges if name in _ACROSS))


def _cell(row: Row) -> CellLook:
    fill, colour, bold, edges = row
    return CellLook(fill=fill, colour=colour, bold=bold, edges=edges)
