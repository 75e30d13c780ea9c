"""Excel workbook seeds (.xlsx; .xlsm, its macros never run): each visible sheet in the workbook's order, each
non-empty cell a paragraph, row by row (sheetrows.py), as Excel and LibreOffice Calc show the cell: numbers in
their number format ("1,200", "12.5%", "2025-03-14"), formulas as their cached result.

The package is opened with zipfile and its parts read with lxml, as the DOCX reader reads its own (officepkg.py):
sizes checked from the zip's directory before anything is inflated, each sheet and the shared strings parsed as
a stream. Hidden and very hidden sheets, hidden rows and columns are not read, nor a sheet's name, comments,
headers and footers, charts, or the text of drawings.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator

from briefgen.sources.formats import Extracted
from briefgen.sources.formats.docxdoc import MAX_TEXT, part_stream
from briefgen.sources.formats.numfmt import BUILTIN
from briefgen.sources.formats.officepkg import element_ends, main_part, opened, parsed, targets
from briefgen.sources.formats.plain import SeedError, seed_lines
from briefgen.sources.formats.sheetrows import row_paragraphs
from briefgen.sources.formats.xlsxcells import MAX_CELLS, S, sheet_rows
from briefgen.sources.formats.xlsxvalues import Book, xstring

R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
HIDDEN = ("hidden", "veryhidden")
MAX_SHEETS = 1_000  # each sheet is scanned and parsed (a few ms even empty): a workbook of more is no one table
SHARED = (f"{S}t", f"{S}r/{S}t")  # a shared string's text: plain, or its rich text runs (not its reading, rPh)


def extract(raw: bytes) -> Extracted:
    with opened(raw, "XLSX") as package:
        lines = seed_lines(row_paragraphs(workbook_rows(package)), "the XLSX", MAX_TEXT)
    if not lines:
        raise SeedError("the XLSX has no text in its visible sheets",
                        "check that the workbook holds its data in cells, in a sheet that is not hidden")
    return Extracted(tuple(lines))


def workbook_rows(package: zipfile.ZipFile) -> Iterator[list[str]]:
    """The rows of every visible sheet, in the workbook's order."""
    main = main_part(package, "XLSX")
    workbook = parsed(package, main, "XLSX")
    related = targets(package, main)
    properties = workbook.find(f"{S}workbookPr")
    date1904 = properties is not None and str(properties.get("date1904", "")).lower() in ("1", "true")
    book = Book(_shared_strings(package, related), _formats(package, related), date1904)
    budget, read = [MAX_CELLS], set()
    for sheet in workbook.iterfind(f"{S}sheets/{S}sheet"):
        target = related.get(str(sheet.get(R_ID, "")))
        if str(sheet.get("state", "")).lower() in HIDDEN or target is None or \
                not target[0].endswith("/worksheet") or target[1] in read:
            continue  # hidden, a chart sheet or macro sheet (no cells), or a sheet listed again
        read.add(target[1])
        if len(read) > MAX_SHEETS:
            raise SeedError(f"the XLSX has more than {MAX_SHEETS:,} sheets, more than briefgen reads from one seed",
                            "save the sheets that matter as a workbook of their own")
        yield from sheet_rows(package, target[1], book, budget)


def _part(related: dict[str, tuple[str, str]], kind: str) -> str | None:
    return next((name for found, name in related.values() if found.endswith(kind)), None)


def _shared_strings(package: zipfile.ZipFile, related: dict[str, tuple[str, str]]) -> list[str]:
    """The shared strings, each its runs' text (a phonetic reading, rPh, left out), read as a stream."""
    name = _part(related, "/sharedStrings")
    if name is None:
        return []
    with part_stream(package, name) as stream:
        return [xstring("".join(t.text or "" for path in SHARED for t in item.iterfind(path)))
                for item in element_ends(stream, name, "XLSX", [f"{S}si"])]


def _formats(package: zipfile.ZipFile, related: dict[str, tuple[str, str]]) -> list[str]:
    """Each cell format's number format code, by its index (a cell's `s`): its own code, else the built-in one
    its id names, else General."""
    name = _part(related, "/styles")
    if name is None:
        return []
    styles = parsed(package, name, "XLSX")
    codes = {int(item.get("numFmtId", "-1")): str(item.get("formatCode", ""))
             for item in styles.iterfind(f"{S}numFmts/{S}numFmt") if str(item.get("numFmtId", "")).isdigit()}
    found = []
    for cell_format in styles.iterfind(f"{S}cellXfs/{S}xf"):
        ident = str(cell_format.get("numFmtId", "0"))
        number = int(ident) if ident.isdigit() else 0
        found.append(codes.get(number) or BUILTIN.get(number, "General"))
    return found
