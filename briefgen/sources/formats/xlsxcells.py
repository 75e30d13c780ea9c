"""An Excel worksheet's rows, as the cells Excel shows: the parser reports each row once it has ended (its cells
read from it, then let go, so a sheet of a million rows needs the memory of one), hidden rows and columns left
out, a merged range's value once (at its top left cell: a cell it covers shows nothing, whatever the file keeps
there), each value as its type and number format show it (xlsxvalues.py). The sheet's `dimension` is never
trusted: only the cells the file holds are read, a row or cell with no reference being the one after the last."""

from __future__ import annotations

import heapq
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from briefgen.sources.formats.docxdoc import MAX_TEXT, MB, part_stream
from briefgen.sources.formats.officepkg import element_ends
from briefgen.sources.formats.plain import SeedError
from briefgen.sources.formats.xlsxvalues import Book, cell_text

S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d{1,7})")
TRUE = ("1", "true")
CELL = f"{S}c"
MAX_CELLS = 2_000_000  # cells a workbook may hold, empty ones too (a cell's value and line: 2 bytes of text at least)
_CELL_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s/>]")
INLINE = (f"{S}is/{S}t", f"{S}is/{S}r/{S}t")  # an inline string's text (not its phonetic reading, is/rPh)


def column_of(letters: str) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


def _cell(ref: str) -> tuple[int, int] | None:
    """A reference's (row, column), both from 1; None when it is no cell reference."""
    found = _REF.fullmatch(ref.strip())
    return (int(found.group(2)), column_of(found.group(1))) if found else None


@dataclass
class Merges:
    """The merged ranges (first row, last row, first column, last column), met in row order as the rows are read:
    the ranges over the current row are kept in a heap by their last row."""

    ranges: list[tuple[int, int, int, int]]
    active: list[tuple[int, int, int, int]] = field(default_factory=list)
    next_range: int = 0

    def covered(self, row: int, column: int) -> bool:
        """Whether the cell is inside a merged range but not its top left cell."""
        while self.next_range < len(self.ranges) and self.ranges[self.next_range][0] <= row:
            first, last, left, right = self.ranges[self.next_range]
            heapq.heappush(self.active, (last, first, left, right))
            self.next_range += 1
        while self.active and self.active[0][0] < row:
            heapq.heappop(self.active)
        return any(left <= column <= right and (row, column) != (first, left)
                   for _, first, left, right in self.active)


def scanned(package: zipfile.ZipFile, name: str, budget: list[int]) -> bool:
    """Whether the sheet names merged ranges, from a pass over its bytes (fast: no XML is parsed), which also
    counts its cells against the workbook's `budget`: a sheet of millions of empty cells is refused before a
    parser spends a minute on them."""
    found, rest = False, b""
    with part_stream(package, name) as stream:
        while True:
            chunk = stream.read(MB)
            text = rest + chunk
            cut = text.rfind(b"<") if chunk else len(text)  # a tag the chunk cuts is counted with the next
            cut = len(text) if cut < 0 else cut
            found = found or b"mergeCell" in text
            budget[0] -= len(_CELL_TAG.findall(text, 0, cut))
            if budget[0] < 0:
                raise SeedError(f"the XLSX holds more than {MAX_CELLS:,} cells, more than a seed of at most "
                                f"{MAX_TEXT // MB} MB of text needs",
                                "save the sheets that matter as a workbook of their own, or as .csv")
            if not chunk:
                return found
            rest = text[cut:]


def merged_ranges(package: zipfile.ZipFile, name: str, found: bool) -> Merges:
    """The sheet's merged ranges, read in a pass of their own only when the part names any (they follow the
    sheet's data, which is read once they are known)."""
    ranges = []
    if found:
        with part_stream(package, name) as stream:
            for element in element_ends(stream, name, "XLSX", [f"{S}mergeCell"]):
                first, _, last = str(element.get("ref", "")).partition(":")
                start, end = _cell(first), _cell(last or first)
                if start and end:
                    ranges.append((start[0], end[0], start[1], end[1]))
    return Merges(sorted(ranges))


@dataclass
class Rows:
    """The state of a sheet read cell by cell (each let go once read: a row of many cells is never held whole):
    the row being read (its element, number, shown cells) and the hidden columns."""

    book: Book
    merges: Merges
    hidden: list[tuple[int, int]] = field(default_factory=list)
    row: Any = None
    number: int = 0
    column: int = 0
    cells: list[str] = field(default_factory=list)

    def enter(self, row: Any) -> None:
        """Start reading `row` (its attributes are known before its cells are)."""
        if row is not self.row:
            reference = str(row.get("r", ""))
            self.row, self.column, self.cells = row, 0, []
            self.number = int(reference) if reference.isdigit() else self.number + 1

    def cell(self, cell: Any) -> None:
        self.enter(cell.getparent())
        reference = cell.get("r")
        place = _cell(reference) if reference else None
        self.column = place[1] if place else self.column + 1
        if not len(cell) or str(self.row.get("hidden", "")).lower() in TRUE or \
                (self.hidden and any(low <= self.column <= high for low, high in self.hidden)):
            return  # no value (a formatted empty cell), or hidden
        kind = str(cell.get("t", "n"))
        inline = "".join(t.text or "" for path in INLINE for t in cell.iterfind(path)) if kind == "inlineStr" \
            else None
        text = cell_text(self.book, kind, str(cell.get("s", "0")), cell.findtext(f"{S}v"), inline)
        if text.strip() and not self.merges.covered(self.number, self.column):
            self.cells.append(text)

    def ended(self, row: Any) -> list[str]:
        """The shown cells of the row that has ended."""
        self.enter(row)
        self.row = None
        return [] if str(row.get("hidden", "")).lower() in TRUE else self.cells


def sheet_rows(package: zipfile.ZipFile, name: str, book: Book, budget: list[int]) -> Iterator[list[str]]:
    """The sheet's visible rows, each its shown cells' texts, in the order the file holds them; `budget`: the
    cells the workbook may still hold (more are refused)."""
    rows = Rows(book, merged_ranges(package, name, scanned(package, name, budget)))
    with part_stream(package, name) as stream:
        for element in element_ends(stream, name, "XLSX", [CELL, f"{S}row", f"{S}col"]):
            if element.tag == CELL:
                rows.cell(element)
            elif element.tag == f"{S}row":
                yield rows.ended(element)
            elif str(element.get("hidden", "")).lower() in TRUE:  # <cols> comes before the rows
                rows.hidden.append((_number(element.get("min")), _number(element.get("max"))))


def _number(value: Any) -> int:
    text = str(value or "0")
    return int(text) if text.isdigit() else 0
