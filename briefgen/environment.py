"""The environment variables briefgen reads, each parsed one way: a number within bounds, or a located error.

Every variable is read when it is needed, never at import, and a value out of its bounds is the user's
mistake (exit 1, naming the variable), never a crash further down."""

from __future__ import annotations

import datetime as dt
import math
import os

from briefgen.errors import BriefgenError, Problem


def env_number(name: str, default: float, low: float, high: float, *, low_inclusive: bool = True,
               unit: str = "", whole: bool = False) -> float:
    """The number in `name` (of `unit`), or `default` when it is unset or blank; refused outside its bounds, and
    with `whole` unless a whole number (a count: 0.5 characters was taken as none)."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if whole and not value.is_integer():
        value = math.nan
    above_low = value >= low if low_inclusive else value > low
    if not (above_low and value <= high):
        bounds = f"{'from' if low_inclusive else 'more than'} {low:g} {'to' if low_inclusive else 'and up to'} {high:g}"
        of_unit = f" of {unit}" if unit else ""
        kind = "a whole number" if whole else "a number"
        raise BriefgenError(Problem(name, f"{raw[:40]!r} is not {kind}{of_unit} {bounds}",
                                    hint=f"unset it to use the default ({default:g}), or give {kind} {bounds}"))
    return value


def source_time() -> dt.datetime | None:
    """The time SOURCE_DATE_EPOCH fixes for reproducible runs (a count of seconds since 1970, in UTC), if set."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return None
    latest = (dt.datetime(9999, 12, 31, tzinfo=dt.UTC) - dt.datetime(1970, 1, 1, tzinfo=dt.UTC)).total_seconds()
    if not raw.isascii() or not raw.isdigit() or len(raw) > len(str(int(latest))) or int(raw) > latest:
        raise BriefgenError(Problem("SOURCE_DATE_EPOCH", f"{raw[:40]!r} is not a time in whole seconds since 1970",
                                    hint="unset it, or give a number such as 1767225600 (2026-01-01)"))
    return dt.datetime.fromtimestamp(int(raw), dt.UTC)


def source_date() -> dt.date | None:
    """The date SOURCE_DATE_EPOCH fixes for reproducible builds, if set."""
    fixed = source_time()
    return fixed.date() if fixed else None
