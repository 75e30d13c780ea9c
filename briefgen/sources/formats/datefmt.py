"""A spreadsheet date or time as its number format shows it (numfmt.py): the serial number counts days from
1899-12-30 (the 1904 date system: from 1904-01-01), its fraction the time of day, rounded to the second (or to the
fractions of one the format shows). `yyyy` `yy`, `m` `mm` `mmm` `mmmm` `mmmmm` (a minute after an hour or before a
second), `d` `dd` `ddd` `dddd`, `h` `hh` (12-hour with `AM/PM` or `A/P`), `s` `ss`, `.0`, and elapsed time
`[h]` `[mm]` `[ss]`; month and day names in English, as Excel and LibreOffice show them in an en-US locale."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from briefgen.sources.formats.numparts import Pieces, general

DATE_TOKEN = re.compile(r"[dmyhs]|am/pm|a/p")
_TOKEN = re.compile(r"am/pm|a/p|y+|m+|d+|h+|s+|\.0+|.", re.IGNORECASE | re.DOTALL)
EPOCHS = {False: dt.datetime(1899, 12, 30), True: dt.datetime(1904, 1, 1)}
MAX_SERIAL = 2_958_465  # 9999-12-31, the last day Excel shows
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def format_date(value: float, pieces: Pieces, date1904: bool) -> str:
    """`value` as the date and time format's `pieces` show it; a serial number no calendar date has (below the
    epoch's year 1, past 9999) as the number it is."""
    if not -MAX_SERIAL <= value <= MAX_SERIAL:  # its seconds are past what a Decimal holds exactly
        return general(value)
    tokens = _tokens(pieces)
    if value < 0 and any(kind == "tag" for kind, _ in tokens):  # a negative span: its size, after a minus
        return "-" + format_date(-value, pieces, date1904)
    fraction = min(3, max((len(token) - 1 for kind, token in tokens if kind == "code" and token.startswith(".")),
                          default=0))  # Excel shows a second's thousandths at most
    seconds = round(Decimal(repr(float(value))) * 86400 * 10 ** fraction) / Decimal(10 ** fraction)
    try:
        moment = EPOCHS[date1904] + dt.timedelta(seconds=int(seconds // 1))
    except OverflowError:
        moment = None
    if moment is None:
        return general(value)
    twelve = any(kind == "code" and token.lower() in ("am/pm", "a/p") for kind, token in tokens)
    out = []
    for n, (kind, token) in enumerate(tokens):
        out.append(token if kind == "text" else _shown(token, kind, (moment, seconds), twelve, _is_minute(tokens, n)))
    return "".join(out)


def _tokens(pieces: Pieces) -> list[tuple[str, str]]:
    """The format's tokens: ("code", a run of one letter, `.00`, `AM/PM`), ("tag", an elapsed unit), ("text", …)."""
    tokens: list[tuple[str, str]] = []
    code = ""
    for kind, text in [*pieces, ("text", "")]:
        if kind == "code":
            code += text
            continue
        for found in _TOKEN.finditer(code):
            token = found.group()
            letter = token[0].lower()
            tokens.append(("code", token) if letter in "ymdhs" or token.lower() in ("am/pm", "a/p") or
                          (letter == "." and len(token) > 1) else ("text", token))
        code = ""
        tokens.append((kind, text))
    return [token for token in tokens if token[1]]


def _is_minute(tokens: list[tuple[str, str]], at: int) -> bool:
    """Whether an `m` token is minutes: the date token before it is an hour, or the one after it a second."""
    if tokens[at][1][0].lower() != "m" or tokens[at][0] != "code":
        return False
    before = [token[1][0].lower() for token in tokens[:at] if token[0] != "text" and token[1][0] != "."]
    after = [token[1][0].lower() for token in tokens[at + 1:] if token[0] != "text" and token[1][0] != "."]
    return (bool(before) and before[-1] == "h") or (bool(after) and after[0] == "s")


def _shown(token: str, kind: str, when: tuple[dt.datetime, Decimal], twelve: bool, minute: bool) -> str:
    """One token of the date and time (`when`: the moment to the second, and in seconds from the epoch)."""
    moment, seconds = when
    lowered, size = token.lower(), len(token)
    if kind == "tag":  # elapsed: the whole span in this unit
        unit = {"h": 3600, "m": 60, "s": 1}[lowered[0]]
        return str(int(seconds // unit) if seconds >= 0 else -int(-seconds // unit)).rjust(size, "0")
    if lowered in ("am/pm", "a/p"):
        mark = "AM" if moment.hour < 12 else "PM"
        return mark if lowered == "am/pm" else mark[0]
    if lowered.startswith("."):
        return "." + f"{seconds % 1:f}".partition(".")[2].ljust(size - 1, "0")[:size - 1]
    letter = lowered[0]
    if letter == "y":
        return f"{moment.year % 100:02d}" if size <= 2 else f"{moment.year:04d}"
    if letter == "m" and not minute:
        return [str(moment.month), f"{moment.month:02d}", MONTHS[moment.month - 1][:3],
                MONTHS[moment.month - 1], MONTHS[moment.month - 1][0]][min(size, 5) - 1]
    if letter == "d":
        return [str(moment.day), f"{moment.day:02d}", DAYS[moment.weekday()][:3],
                DAYS[moment.weekday()]][min(size, 4) - 1]
    number = {"h": (moment.hour % 12 or 12) if twelve else moment.hour, "m": moment.minute,
              "s": moment.second}[letter]
    return f"{number:02d}" if size >= 2 else str(number)
