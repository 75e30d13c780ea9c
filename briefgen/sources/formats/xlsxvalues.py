"""What an Excel cell shows, by its type: a shared string (its runs' text, never its phonetic reading), an inline
string, a formula's cached result, TRUE or FALSE, an error (`#N/A`), a date written as one, or a number in its
cell format's number format (numfmt.py), as Excel and LibreOffice show it.

A cell's text is stored as an ST_Xstring (ECMA-376 22.9.2.19): a character XML cannot hold written `_xHHHH_`
(`_x000D_`, a carriage return; `_x0009_`, a tab), and the underscore of text that only looks so `_x005F_`. Excel
reads every such escape back, left to right, one not overlapping the next (`_x005F_x0041_` is `_x0041_`); a
control character that is no white space is no text (as the HTML reader has it).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from briefgen.sources.formats.datefmt import EPOCHS
from briefgen.sources.formats.numfmt import format_number, format_text

_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_UNSHOWN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")  # controls but white space; halves


def xstring(text: str) -> str:
    """An ST_Xstring's text as Excel shows it: its `_xHHHH_` escapes read back."""
    if "_x" not in text:
        return text
    return _UNSHOWN.sub("", _ESCAPE.sub(lambda found: chr(int(found.group(1), 16)), text))


@dataclass(frozen=True)
class Book:
    """What a workbook's cells are read with: its shared strings, each cell format's number format code (by the
    cell's `s` index), and its date system."""

    shared: list[str]
    formats: list[str]
    date1904: bool


def cell_text(book: Book, kind: str, style: str, value: str | None, inline: str | None) -> str:
    """The text of a cell of type `kind` (the `t` attribute), cell format `style`, stored `value` (its <v>) or
    `inline` text."""
    code = _code(book, style)
    if kind == "inlineStr":
        return format_text(xstring(inline or ""), code)
    if value is None:
        return ""
    if kind == "s":
        index = int(value) if value.strip().isdigit() else -1
        return format_text(book.shared[index], code) if 0 <= index < len(book.shared) else ""
    if kind == "b":
        return "TRUE" if value.strip() in ("1", "true") else "FALSE"
    if kind == "d":  # a date written as one (ISO 8601), shown in its format as its serial number would be
        return _iso_date(value, code, book.date1904)
    if kind in ("str", "e"):
        return value if kind == "e" else format_text(xstring(value), code)
    try:
        number = float(value)
    except ValueError:
        return value
    if number != number or number in (float("inf"), float("-inf")):
        return value
    return format_number(number, code, book.date1904)


def _code(book: Book, style: str) -> str:
    index = int(style) if style.isdigit() else 0
    return book.formats[index] if index < len(book.formats) else "General"


def _iso_date(value: str, code: str, date1904: bool) -> str:
    try:
        moment = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        return value
    return format_number((moment - EPOCHS[date1904]).total_seconds() / 86400, code, date1904)
