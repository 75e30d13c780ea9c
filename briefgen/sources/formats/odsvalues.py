"""The text Calc shows for a spreadsheet cell that stores only its value, as a producer other than Calc may write
one (Calc itself stores the text it shows, which odsdoc.py reads): with no number style, Calc shows every
value as a number in the General format (numfmt.py): a date as its day count from 1899-12-30, a time as its
fraction of a day, a boolean as 1 or 0; a string as written."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from briefgen.sources.formats.numparts import general
from briefgen.sources.formats.odtstyles import OFFICE

EPOCH = dt.datetime(1899, 12, 30)
NUMBERS = ("float", "percentage", "currency")
_DURATION = re.compile(r"-?P(?:(\d{1,9})D)?T?(?:(\d{1,9})H)?(?:(\d{1,9})M)?(?:(\d{1,9}(?:\.\d{1,9})?)S)?")


def stored_value(cell: Any) -> str:
    """What Calc shows for the cell's stored value ("" for none it can read)."""
    kind = cell.get(f"{OFFICE}value-type")
    try:
        if kind in NUMBERS:
            return general(float(cell.get(f"{OFFICE}value", "")))
        if kind == "boolean":
            return "1" if cell.get(f"{OFFICE}boolean-value") == "true" else "0"
        if kind == "date":
            return general((dt.datetime.fromisoformat(cell.get(f"{OFFICE}date-value", "")[:26]) - EPOCH) /
                           dt.timedelta(days=1))
        if kind == "time":
            return general(_days(cell.get(f"{OFFICE}time-value", "")))
    except (ValueError, OverflowError):
        return ""
    return str(cell.get(f"{OFFICE}string-value", ""))


def _days(duration: str) -> float:
    """An ISO 8601 duration (`PT13H05M00S`) in days."""
    found = _DURATION.fullmatch(duration.strip())
    if found is None:
        raise ValueError(duration)
    days, hours, minutes, seconds = (float(part or 0) for part in found.groups())
    total = days + (hours + (minutes + seconds / 60) / 60) / 24
    return -total if duration.strip().startswith("-") else total
