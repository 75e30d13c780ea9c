"""CSV seeds: a table saved as text (by Excel, Calc, a database or a script), each non-empty cell a paragraph,
row by row (sheetrows.py), as its sheet in Excel or LibreOffice Calc shows it.

The text is read as a .txt seed is (plain.decode_text: UTF-8 with or without its byte order mark, UTF-16 with
it; a legacy encoding is refused, naming it). The delimiter is the one of `,` `;` and tab that splits the first
lines into the same number of fields most often (Excel writes `;` where the decimal mark is a comma), or the
one a first line `sep=;` names, as Excel reads it; a quoted field may hold delimiters, doubled quotes and line
breaks."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Iterator

from briefgen.sources.formats import Extracted
from briefgen.sources.formats.docxdoc import MAX_TEXT
from briefgen.sources.formats.plain import SeedError, decode_text, seed_lines
from briefgen.sources.formats.sheetrows import row_paragraphs

DELIMITERS = (",", ";", "\t")
SAMPLE = 65536  # the characters the delimiter is judged on
MAX_FIELD = MAX_TEXT  # a field may hold all the text a seed may


def extract(raw: bytes) -> Extracted:
    text = decode_text(raw, "CSV text")
    lines = seed_lines(row_paragraphs(rows(text)), "the CSV", MAX_TEXT)
    if not lines:
        raise SeedError("the CSV has no text in its cells", "check that the file holds the table's rows")
    return Extracted(tuple(lines))


def rows(text: str) -> Iterator[list[str]]:
    """The table's rows, each its fields."""
    first, _, rest = text.partition("\n")
    named = first.strip().lower()
    if named.startswith("sep=") and len(named) == 5:
        delimiter, text = first.strip()[4], rest
    else:
        delimiter = sniffed(text[:SAMPLE])
    reader = csv.reader(lines(text), delimiter=delimiter, strict=False)
    limit = csv.field_size_limit()
    csv.field_size_limit(MAX_FIELD)
    try:
        yield from reader
    except csv.Error as exc:
        raise SeedError(f"the CSV cannot be read at line {reader.line_num}: {exc}",
                        "check the quotes around that field: each quoted field must end with a quote") from None
    finally:
        csv.field_size_limit(limit)


def lines(text: str) -> Iterator[str]:
    """The text's lines, each with its line end (LF, CRLF or CR), as a file opened with `newline=""` gives them,
    one at a time: io.StringIO holds the whole text again, four bytes a character (a 5 MB file: 19 MB)."""
    return (found.group() for found in _LINE.finditer(text) if found.group())


_LINE = re.compile(r"[^\r\n]*(?:\r\n?|\n)?")  # (an empty match at the end only)


def sniffed(sample: str) -> str:
    """The delimiter that splits the sample's whole lines into the same number (more than one) of fields most
    often; a comma when none does."""
    whole = sample if len(sample) < SAMPLE else sample[:sample.rfind("\n") + 1]
    best, best_score = ",", (0.0, 0)
    for delimiter in DELIMITERS:
        try:
            counts = [len(row) for row in csv.reader(io.StringIO(whole, newline=""), delimiter=delimiter) if row]
        except csv.Error:
            continue
        if not counts:
            continue
        fields, often = Counter(counts).most_common(1)[0]
        score = (often / len(counts), fields) if fields > 1 else (0.0, 0)
        if score > best_score:
            best, best_score = delimiter, score
    return best
