"""The table style a reference DOCX gives the brief's data table (document/tablelook.py), read as Word applies
it: a table style named "Brief Table", else the one its settings make the default for new tables (Word's Table
Design > right-click > Set as Default, w:defaultTableStyle), else the one its own first table is set in (a
template's sample table, pandoc's "Table"). A style that draws nothing of its own (Word's "Normal Table", the
style of a table that names none: cell margins only) is not taken: briefgen's Brief Table stands.

Each part of the style (its whole-table formatting, w:tblStylePr of type wholeTable, firstRow, band1Horz and
band2Horz) is resolved through the `basedOn` chain, each property said nearer the style winning.
"""

from __future__ import annotations

from dataclasses import replace
from xml.etree.ElementTree import Element

from briefgen.document.borders import Side
from briefgen.document.tablelook import BRIEF_TABLE, EDGES, MOST_CELL_MARGIN, CellLook, Edges, TableLook
from briefgen.document.wordvalues import on_off
from briefgen.render.wordframe import edge_line, shading_colour
from briefgen.render.wordml import W, on, twips
from briefgen.render.wordtheme import WordTheme

_SIDE_OF: dict[str, Side] = {"top": "top", "bottom": "bottom", "left": "left", "start": "left", "right": "right",
                             "end": "right", "insideH": "bottom", "insideV": "right"}
_EDGE_OF = {"start": "left", "end": "right"}  # the bidirectional names Word 2010 and later write
_PARTS = {"wholeTable": "whole", "firstRow": "header", "band1Horz": "band1", "band2Horz": "band2"}
_MARGINS = ("top", "left", "bottom", "right")


def table_look(by_id: dict[str, Element], settings: Element | None, document: Element | None,
               theme: WordTheme) -> TableLook | None:
    """The look of the table style the data table takes (the module's docstring), or None for briefgen's own."""
    ident = _chosen(by_id, settings, document)
    if ident is None:
        return None
    parts = {"whole": CellLook(), "header": CellLook(), "band1": CellLook(), "band2": CellLook()}
    name = by_id[ident].find(f"{W}name")
    look = TableLook(style=BRIEF_TABLE if _name(by_id[ident]) == "brief table" else ident,
                     name=ident if name is None else name.get(f"{W}val", ident))
    for style in _chain(by_id, ident):
        look = _table_properties(look, style.find(f"{W}tblPr"))
        parts["whole"] = _cell(parts["whole"], style, theme)
        for conditional in style.iter(f"{W}tblStylePr"):
            part = _PARTS.get(conditional.get(f"{W}type", ""))
            if part is not None:
                parts[part] = _cell(parts[part], conditional, theme)
    look = replace(look, whole=parts["whole"], header=parts["header"], bands=(parts["band1"], parts["band2"]))
    return None if look.plain else look


def _chosen(by_id: dict[str, Element], settings: Element | None, document: Element | None) -> str | None:
    tables = {ident for ident, style in by_id.items() if style.get(f"{W}type") == "table"}
    named = next((ident for ident in sorted(tables) if _name(by_id[ident]) == "brief table"), None)
    default = None if settings is None else settings.find(f"{W}defaultTableStyle")
    for said in (named, None if default is None else default.get(f"{W}val"), _first_table(by_id, tables, document)):
        if said in tables:
            return said
    return None


def _first_table(by_id: dict[str, Element], tables: set[str], document: Element | None) -> str | None:
    """The style of the reference's first table: the one it names, else the default table style, as Word's."""
    table = None if document is None else document.find(f"{W}body/{W}tbl")
    named = None if table is None else table.find(f"{W}tblPr/{W}tblStyle")
    if named is not None:
        return named.get(f"{W}val")
    default = (ident for ident in sorted(tables) if on_off(by_id[ident].get(f"{W}default", "0")))
    return None if table is None else next(default, None)


def _name(style: Element) -> str:
    name = style.find(f"{W}name")
    return "" if name is None else name.get(f"{W}val", "").lower()


def _chain(by_id: dict[str, Element], ident: str) -> list[Element]:
    """The style and its bases, the farthest base first (a loop, or more than 20 steps, cut)."""
    chain: list[Element] = []
    style = by_id.get(ident)
    while style is not None and style not in chain and len(chain) <= 20:
        chain.insert(0, style)
        based = style.find(f"{W}basedOn")
        style = None if based is None else by_id.get(based.get(f"{W}val", ""))
    return chain


def _table_properties(look: TableLook, tblpr: Element | None) -> TableLook:
    """The band size and cell margins a style's w:tblPr says, over its base's."""
    if tblpr is None:
        return look
    size = tblpr.find(f"{W}tblStyleRowBandSize")
    value = None if size is None else size.get(f"{W}val", "")
    band = int(value) if value is not None and value.isdigit() and 0 < int(value) <= 100 else look.band_size
    return replace(look, band_size=band, margins=cell_margins(tblpr.find(f"{W}tblCellMar"), look.margins))


def cell_margins(holder: Element | None, base: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    if holder is None:
        return base
    said = {_EDGE_OF.get(side.tag.removeprefix(W), side.tag.removeprefix(W)): side for side in holder}
    found = []
    for index, side in enumerate(_MARGINS):
        element = said.get(side)
        kind = None if element is None else element.get(f"{W}type", "dxa")
        width = twips(element, "w") if kind == "dxa" else 0.0 if kind == "nil" else None
        found.append(base[index] if width is None else min(width / 20, MOST_CELL_MARGIN))
    return found[0], found[1], found[2], found[3]


def _cell(base: CellLook, part: Element, theme: WordTheme) -> CellLook:
    """`base` with what a style (or one of its conditional formats) says of its cells over it."""
    tcpr, rpr = part.find(f"{W}tcPr"), part.find(f"{W}rPr")
    tblpr = part.find(f"{W}tblPr")
    edges = table_edges(None if tblpr is None else tblpr.find(f"{W}tblBorders"), base.edges, theme)
    edges = table_edges(None if tcpr is None else tcpr.find(f"{W}tcBorders"), edges, theme)
    shading = None if tcpr is None else tcpr.find(f"{W}shd")
    colour = None if rpr is None else rpr.find(f"{W}color")
    bold = None if rpr is None else on(rpr.find(f"{W}b"))
    return CellLook(fill=base.fill if shading is None else shading_colour(shading, theme),
                    colour=theme.colour(colour) if colour is not None else base.colour,
                    bold=base.bold if bold is None else bold, edges=edges)


def table_edges(holder: Element | None, base: Edges, theme: WordTheme) -> Edges:
    """The edges a w:tblBorders or w:tcBorders says, over `base`'s (each edge it names replaces the base's)."""
    if holder is None:
        return base
    said = dict(base)
    for edge in holder:
        name = _EDGE_OF.get(edge.tag.removeprefix(W), edge.tag.removeprefix(W))
        if name in EDGES:
            taken, rule = edge_line(edge, _SIDE_OF[name], theme)
            if taken:
                said[name] = rule
    return tuple((name, said[name]) for name in EDGES if name in said)
