"""An Excel worksheet's rows, as the cells Excel shows: read as a stream of XML events (each row let go once
read, so a sheet of a million rows needs the memory of one), hidden rows and columns left out, a merged range's
value once (at its top left cell: a cell it covers shows nothing, whatever the file keeps there), each value as
its type and number format show it (xlsxvalues.py). The sheet's `dimension` is never trusted: only the cells
the file holds are read."""

from __future__ import annotations

import heapq
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from briefgen.sources.formats.docxdoc import MB, part_stream
from briefgen.sources.formats.docxstyles import xml_events
from briefgen.sources.formats.xlsxvalues import Book, cell_text

S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d{1,7})")
TRUE = ("1", "true")


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


def merged_ranges(package: zipfile.ZipFile, name: str) -> Merges:
    """The sheet's merged ranges, read in a pass of their own only when the part names any (they follow the
    sheet's data, which is read once they are known)."""
    with part_stream(package, name, ) as stream:
        tail, found = b"", False
        while chunk := stream.read(MB):
            if b"mergeCell" in tail + chunk:
                found = True
                break
            tail = chunk[-10:]
    ranges = []
    if found:
        with part_stream(package, name) as stream:
            for event, element in xml_events(stream, name, "XLSX"):
                if event == "end" and element.tag == f"{S}mergeCell":
                    first, _, last = str(element.get("ref", "")).partition(":")
                    start, end = _cell(first), _cell(last or first)
                    if start and end:
                        ranges.append((start[0], end[0], start[1], end[1]))
    return Merges(sorted(ranges))


@dataclass
class SheetReader:
    """The state of a sheet read event by event."""

    book: Book
    merges: Merges
    hidden_columns: list[tuple[int, int]] = field(default_factory=list)
    row: int = 0
    column: int = 0
    cell: dict[str, str] = field(default_factory=dict)
    texts: list[str] = field(default_factory=list)
    value: str | None = None
    phonetic: int = 0
    cells: list[str] = field(default_factory=list)
    row_hidden: bool = False

    def start(self, element: Any) -> None:
        tag = element.tag
        if tag == f"{S}row":
            number = str(element.get("r", ""))
            self.row = int(number) if number.isdigit() else self.row + 1
            self.column, self.cells = 0, []
            self.row_hidden = str(element.get("hidden", "")).lower() in TRUE
        elif tag == f"{S}c":
            place = _cell(str(element.get("r", "")))
            self.column = place[1] if place else self.column + 1
            self.cell = {"t": str(element.get("t", "n")), "s": str(element.get("s", "0"))}
            self.texts, self.value = [], None
        elif tag == f"{S}rPh":
            self.phonetic += 1

    def end(self, element: Any) -> list[str] | None:
        """A row's cells once it has ended (None before)."""
        tag = element.tag
        if tag == f"{S}v":
            self.value = element.text or ""
        elif tag == f"{S}t" and not self.phonetic:
            self.texts.append(element.text or "")
        elif tag == f"{S}rPh":
            self.phonetic -= 1
        elif tag == f"{S}col" and str(element.get("hidden", "")).lower() in TRUE:
            self.hidden_columns.append((_number(element.get("min")), _number(element.get("max"))))
        elif tag == f"{S}c":
            self._cell_ended()
        elif tag == f"{S}row":
            return [] if self.row_hidden else self.cells
        return None

    def _cell_ended(self) -> None:
        if self.row_hidden or any(low <= self.column <= high for low, high in self.hidden_columns):
            return
        inline = "".join(self.texts) if self.cell["t"] == "inlineStr" else None
        text = cell_text(self.book, self.cell["t"], self.cell["s"], self.value, inline)
        if text.strip() and not self.merges.covered(self.row, self.column):
            self.cells.append(text)


def _number(value: Any) -> int:
    text = str(value or "0")
    return int(text) if text.isdigit() else 0


def sheet_rows(package: zipfile.ZipFile, name: str, book: Book) -> Iterator[list[str]]:
    """The sheet's visible rows, each its shown cells' texts, in the order the file holds them."""
    reader = SheetReader(book, merged_ranges(package, name))
    with part_stream(package, name) as stream:
        for event, element in xml_events(stream, name, "XLSX"):
            if event == "start":
                reader.start(element)
            elif (row := reader.end(element)) is not None:
                yield row
