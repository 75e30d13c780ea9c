"""OpenDocument spreadsheet seeds (.ods, LibreOffice Calc's own format; .ots, its template; .fods, the same as one
XML file): each visible sheet in order, each non-empty cell a paragraph, row by row (sheetrows.py), as Calc
shows the cell: the text it stores as displayed (its `text:p` paragraphs, the number in its format, a formula's
result), a cell of several paragraphs one paragraph; a cell stored with its value only (odsvalues.py) as Calc
shows it. The package is opened and checked as an .odt is
(odtdoc.py) and content.xml read as a stream, each row let go once read.

A repeated row or cell (`table:number-rows-repeated`, `table:number-columns-repeated`) is read as often as Calc
shows it; empty, it costs nothing however often repeated. Not read: a hidden sheet (its table style's
`table:display="false"`), hidden or filtered-out rows and columns (`table:visibility`), the cells a merged cell
covers (`table:covered-table-cell`), comments (`office:annotation`), the sheets' names, headers and footers,
charts and drawings, text a style hides.
"""

from __future__ import annotations

import zipfile
from bisect import bisect_right
from collections.abc import Iterator
from typing import Any

from briefgen.sources.formats import Extracted
from briefgen.sources.formats.docxdoc import MAX_TEXT, MB
from briefgen.sources.formats.odsvalues import stored_value
from briefgen.sources.formats.odtbody import BodyReader
from briefgen.sources.formats.odtdoc import STYLES, Kind, opened, part_events
from briefgen.sources.formats.odtstyles import OFFICE, STYLE, TABLE, TEXT, Styles, add_styles
from briefgen.sources.formats.plain import ZIP_KINDS, SeedError, seed_lines
from briefgen.sources.formats.sheetrows import row_paragraphs
from briefgen.sources.formats.xlsxcells import MAX_CELLS

SHEET_KIND = Kind("ODS", ZIP_KINDS["ODS"][1], ("application/vnd.oasis.opendocument.spreadsheet",
                                               "application/vnd.oasis.opendocument.spreadsheet-template"),
                  f"{OFFICE}spreadsheet", "open it in LibreOffice and save it again as .ods",
                  "save the sheets as .ods (Calc)")
ROW, CELL, COLUMN = f"{TABLE}table-row", f"{TABLE}table-cell", f"{TABLE}table-column"
CELLS = frozenset({CELL, f"{TABLE}covered-table-cell"})
FREED = CELLS | {ROW, COLUMN}  # let go once read
HIDDEN = ("collapse", "filter")  # a row's or column's visibility that Calc does not show
CELL_TEXT = frozenset({f"{TEXT}p", f"{TEXT}h", f"{TEXT}list"})
MAX_REPEAT = 1 << 31


class Sheet:
    """The sheet being read: whether it is shown, its hidden columns (as ranges), the cells left to read, and
    the row being read: its shown cells' text so far, the column of its next cell."""

    def __init__(self, budget: list[int]) -> None:
        self.shown = False
        self.hidden: list[tuple[int, int]] = []  # each (first, past last), in order: searched by halves
        self.width = 0  # the columns declared so far
        self.budget = budget
        self.cells: list[str] = []
        self.at = 0

    def cell(self, cell: Any, reader: BodyReader) -> None:
        """A cell of the row, as often as it is repeated, in the columns shown."""
        count = repeated(cell, "columns")
        text = cell_text(cell, reader) if cell.tag == CELL else ""
        if text.strip():
            reach = min(count, self.budget[0] + 1)  # a cell repeated beyond what a seed holds: refused
            shown = [text for index in range(self.at, self.at + reach) if self.visible(index)]
            self.spend(len(shown))
            self.cells.extend(shown)
        self.at += count

    def row(self, row: Any) -> Iterator[list[str]]:
        """The row read, as often as it is repeated (nothing for a row without text); the next row begun."""
        cells, self.cells, self.at = self.cells, [], 0
        for again in range(repeated(row, "rows") if cells else 0):
            self.spend(len(cells) if again else 0)
            yield cells

    def column(self, element: Any) -> None:
        count = repeated(element, "columns")
        if element.get(f"{TABLE}visibility") in HIDDEN:
            self.hidden.append((self.width, self.width + count))
        self.width += count

    def visible(self, column: int) -> bool:
        at = bisect_right(self.hidden, (column, MAX_REPEAT << 1)) - 1
        return at < 0 or not self.hidden[at][0] <= column < self.hidden[at][1]

    def spend(self, cells: int) -> None:
        self.budget[0] -= cells
        if self.budget[0] < 0:
            raise SeedError(f"the ODS holds more than {MAX_CELLS:,} cells, more than a seed of at most "
                            f"{MAX_TEXT // MB} MB of text needs",
                            "save the sheets that matter as a spreadsheet of their own, or as .csv")


def extract(raw: bytes) -> Extracted:
    with opened(raw, SHEET_KIND) as package:
        lines = seed_lines(row_paragraphs(spreadsheet_rows(package, raw)), "the ODS", MAX_TEXT)
    if not lines:
        raise SeedError("the ODS has no text in its visible sheets",
                        "check that the spreadsheet holds its data in cells, in a sheet that is not hidden")
    return Extracted(tuple(lines))


def spreadsheet_rows(package: zipfile.ZipFile | None, raw: bytes) -> Iterator[list[str]]:
    """The shown rows of every visible sheet, in order, each its shown cells' text."""
    styles = Styles()
    hidden_tables: set[str] = set()
    if package is not None and "styles.xml" in package.namelist():
        for _ in _rows(package, raw, "styles.xml", styles, hidden_tables):
            pass
    found = False
    for row in _rows(package, raw, "content.xml", styles, hidden_tables):
        found = found or row is None
        if row is not None:
            yield row
    if not found:
        raise SeedError("the file is not an OpenDocument spreadsheet (it has no spreadsheet body)",
                        "save the sheets as .ods from LibreOffice Calc")


def _rows(package: zipfile.ZipFile | None, raw: bytes, name: str, styles: Styles,
          hidden_tables: set[str]) -> Iterator[list[str] | None]:
    """The part's shown rows (None first where its spreadsheet body begins), its styles read into `styles`."""
    reader = BodyReader(styles)
    sheet = Sheet([MAX_CELLS])
    tables = 0  # how deep in tables: a sheet's own rows are one deep (a table in a cell's shape, deeper)
    with part_events(package, raw, name, SHEET_KIND) as found:
        for event, element in found:
            tag, parent = element.tag, element.getparent()
            tables += (event == "start") - (event == "end") if tag == f"{TABLE}table" else 0
            if event == "start":
                if tag == SHEET_KIND.body:
                    yield None
                elif tag == f"{TABLE}table" and tables == 1:
                    sheet = Sheet(sheet.budget)
                    sheet.shown = element.get(f"{TABLE}style-name") not in hidden_tables
                continue
            if tables != 1 and tag in FREED:
                continue
            if tag in STYLES:
                add_styles(styles, element)
                hidden_tables.update(_hidden_tables(element))
            elif tag == COLUMN:
                sheet.column(element)
            elif tag in CELLS and parent is not None and parent.tag == ROW and _shown(sheet, parent):
                sheet.cell(element, reader)  # read as it ends, then let go: a row of many cells costs little
            elif tag == ROW:
                yield from sheet.row(element)
            if tag in STYLES or tag in FREED:
                element.clear()
                if parent is not None:
                    parent.remove(element)


def _hidden_tables(root: Any) -> Iterator[str]:
    """The table styles in `root` that hide their sheet."""
    for style in root.iterfind(f"{STYLE}style"):
        properties = style.find(f"{STYLE}table-properties")
        if style.get(f"{STYLE}family") == "table" and properties is not None and \
                properties.get(f"{TABLE}display") == "false":
            yield style.get(f"{STYLE}name", "")


def _shown(sheet: Sheet, row: Any) -> bool:
    return sheet.shown and row.get(f"{TABLE}visibility") not in HIDDEN


def cell_text(cell: Any, reader: BodyReader) -> str:
    """The text a cell shows: its paragraphs, one a line (lists with their labels); else its value as stored."""
    if not len(cell):  # an empty cell, as most are, or one whose producer wrote its value only
        return "" if cell.get(f"{OFFICE}value-type") is None else stored_value(cell)
    sink, reader.sink = reader.sink, []
    try:
        for child in cell:
            if child.tag in CELL_TEXT:
                reader.block(child)
        shown = reader.sink
    finally:
        reader.sink = sink
    return "\n".join(shown) if shown or any(child.tag in CELL_TEXT for child in cell) else stored_value(cell)


def repeated(element: Any, what: str) -> int:
    """How often a row or column (`what`) is repeated: at least once."""
    value = element.get(f"{TABLE}number-{what}-repeated")
    if value is None:
        return 1
    return max(1, min(int(value), MAX_REPEAT)) if value.isdigit() and len(value) < 12 else 1
