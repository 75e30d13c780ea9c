"""Word tables: the data table (named 'Brief Table' style, header row) and the one-cell BLUF box."""

from __future__ import annotations

from docx.blkcntnr import BlockItemContainer
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from briefgen.document.layout import BOX_BORDER_PT, BOX_PADDING, STYLES, TABLE_CELL_PADDING
from briefgen.document.nodes import Column, Theme
from briefgen.document.tablelook import TableLook
from briefgen.writers.docx.ooxml import el, hex_colour, sub, tint, twips
from briefgen.writers.docx.styles import TABLE_STYLE, text_width_pt

_ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "right": WD_ALIGN_PARAGRAPH.RIGHT,
          "center": WD_ALIGN_PARAGRAPH.CENTER}


def available_width(container: BlockItemContainer, theme: Theme) -> float:
    """Points available for a table in `container`: the section's text width, or the inside of a box cell."""
    if isinstance(container, _Cell) and container.width is not None:
        return float(container.width.pt) - 2 * (BOX_BORDER_PT + BOX_PADDING)
    return text_width_pt(theme)


def data_table(container: BlockItemContainer, columns: tuple[Column, ...], rows: int, theme: Theme) -> Table:
    """A fixed-layout table in the Brief Table style with a repeating header row; widths from weights."""
    width = available_width(container, theme)
    weights = [max(c.weight, 0.0) for c in columns]
    total = sum(weights)
    widths = [width * w / total for w in weights] if total > 0 else [width / len(columns)] * len(columns)
    table = _add_table(container, rows + 1, len(columns), width)
    look = None if theme.house is None else theme.house.table
    if look is None:
        _table_properties(table, width, TABLE_CELL_PADDING, style=TABLE_STYLE, to_border=_to_border(theme))
    else:  # the house's table style, its header row and banded rows on, its cell margins stated (tablelook.py)
        tblpr = _table_properties(table, width, look.margins[1], style=look.style, banded=True,
                                  to_border=_to_border(theme))
        tblpr.find(qn("w:tblLayout")).addnext(_cell_margins(look.margins))
    _column_widths(table, widths)
    if look is not None and look.hand:
        _hand_cells(table, look)
    header = table.rows[0]._tr.get_or_add_trPr()
    header.append(el("w:cantSplit"))
    header.append(el("w:tblHeader"))
    for row in table.rows[1:]:
        row._tr.get_or_add_trPr().append(el("w:cantSplit"))
    return table


def _hand_cells(table: Table, look: TableLook) -> None:
    """Each cell's lines and shading as the reference's hand-formatted table says them (render/handtable.py): the
    DOCX has no table style to name, so it formats the cells by hand too."""
    rows = len(table.rows)
    for index, row in enumerate(table.rows):
        cells = row.cells
        for column, cell in enumerate(cells):
            tcpr = cell._tc.get_or_add_tcPr()
            borders = sub(tcpr, "w:tcBorders")
            sides = (("top", look.across(index, rows)),
                     ("left", look.down(index, "left" if column == 0 else "insideV")),
                     ("bottom", look.across(index + 1, rows)),
                     ("right", look.down(index, "right" if column == len(cells) - 1 else "insideV")))
            for side, rule in sides:
                if rule is None:
                    sub(borders, f"w:{side}", val="nil")
                else:
                    sub(borders, f"w:{side}", val="single", sz=str(round(rule.width * 8)), space="0",
                        color=(rule.colour or "#000000")[1:])
            fill = look.fill(index)
            if fill is not None:
                sub(tcpr, "w:shd", val="clear", color="auto", fill=fill[1:])


def box_cell(container: BlockItemContainer, theme: Theme, padding: float) -> _Cell:
    """A one-cell table outlined in the accent colour on a light tint of it; returns the cell."""
    width = available_width(container, theme)
    table = _add_table(container, 1, 1, width)
    tblpr = _table_properties(table, width, padding, box=True, to_border=_to_border(theme))
    borders = el("w:tblBorders")
    for side in ("top", "left", "bottom", "right"):
        sub(borders, f"w:{side}", val="single", sz=str(round(BOX_BORDER_PT * 8)), space="0",
            color=hex_colour(theme.accent))
    tblpr.find(qn("w:tblLayout")).addprevious(borders)
    _column_widths(table, [width])
    cell = table.cell(0, 0)
    cell._tc.get_or_add_tcPr().append(el("w:shd", val="clear", color="auto", fill=tint(theme.accent, 0.08)))
    return cell


def _cell_margins(margins: tuple[float, ...]) -> BaseOxmlElement:
    """A w:tblCellMar of `margins` points: top, left, bottom, right."""
    found = el("w:tblCellMar")
    for side, width in zip(("top", "left", "bottom", "right"), margins, strict=True):
        sub(found, f"w:{side}", w=twips(width), type="dxa")
    return found


def _to_border(theme: Theme) -> bool:
    """Whether Word measures a table's indent to its border: in a reference of compatibility mode 15 or later."""
    return theme.house is not None and theme.house.compatibility >= 15


def _add_table(container: BlockItemContainer, rows: int, cols: int, width: float) -> Table:
    if isinstance(container, _Cell):  # a cell sizes the table itself (and keeps a paragraph after it)
        return container.add_table(rows, cols)
    return container.add_table(rows, cols, Pt(width))


def _table_properties(table: Table, width: float, padding: float, style: str = "", box: bool = False,
                      banded: bool = False, to_border: bool = False) -> BaseOxmlElement:
    """Replace python-docx's default w:tblPr: style, exact width, fixed layout, box cell margins.

    The table's outer edge lines up with the text margin, as the PDF draws it: its indent is the left cell
    margin where Word measures w:tblInd to the cell's text (compatibility mode 14, Word 2010, and before), none
    where it measures it to the border (`to_border`: a reference saved by Word 2013 or later, mode 15)."""
    tblpr = table._tbl.tblPr
    for child in list(tblpr):
        tblpr.remove(child)
    if style:
        sub(tblpr, "w:tblStyle", val=style)
    sub(tblpr, "w:tblW", w=twips(width), type="dxa")
    sub(tblpr, "w:tblInd", w=twips(0.0 if to_border else padding), type="dxa")
    sub(tblpr, "w:tblLayout", type="fixed")
    if box:
        tblpr.append(_cell_margins((padding,) * 4))
    header_row = "0" if box else "1"  # the box has no header row (pandoc would read one)
    look = "0000" if box else "0420" if banded else "0020"  # the flags below, as Word's older hex value
    sub(tblpr, "w:tblLook", val=look, firstRow=header_row, lastRow="0", firstColumn="0", lastColumn="0",
        noHBand="0" if banded else "1", noVBand="1")
    return tblpr


def _column_widths(table: Table, widths: list[float]) -> None:
    for grid_col, width in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
        grid_col.set(qn("w:w"), twips(width))
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Pt(width)


def cell_paragraph(cell: _Cell, style_id: str, align: str) -> Paragraph:
    """The cell's (first, empty) paragraph in `style_id`, aligned as its column says."""
    paragraph: Paragraph = cell.paragraphs[0]
    paragraph._p.style = style_id
    if align != "left":
        paragraph.alignment = _ALIGN.get(align, WD_ALIGN_PARAGRAPH.LEFT)
    return paragraph


def spacer(container: BlockItemContainer) -> None:
    """An empty paragraph after a table: the body's paragraph gap, and tables never merge."""
    paragraph = container.add_paragraph()
    ppr = paragraph._p.get_or_add_pPr()
    gap = twips(STYLES["body"].space_after)
    ppr.append(el("w:spacing", before="0", after="0", line=gap, lineRule="exact"))
    rpr = sub(ppr, "w:rPr")
    sub(rpr, "w:sz", val="2")
    sub(rpr, "w:szCs", val="2")
