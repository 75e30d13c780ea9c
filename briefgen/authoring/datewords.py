"""Whether a number `briefgen suggest` found is part of a date or a clock time in any script, and so no figure:
"1 октября", "1 באוקטובר", "1 أكتوبر", "1 अक्टूबर", "1er octobre", "1. Oktober", "1 de octubre", "2026年10月1日",
"2027년 3월", "09:12:00", "+0300". English dates are suggest.py's own (`_MONTHS`)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Languages whose month names a seed may write a date with: the scripts briefgen draws, and the European
# languages of news and statistics. Full names only: a short one ("out." in Portuguese, "mar" in Spanish) is
# an everyday word elsewhere ("38 out of 40").
_LANGUAGES = ("fr", "de", "es", "pt", "it", "nl", "pl", "cs", "ro", "ru", "uk", "bg", "sr", "tr", "el", "ar",
              "fa", "ur", "he", "hi", "bn", "mr", "ne", "id", "sw", "th", "ka", "hy", "az", "kk")
# A day's number before its month: "1er octobre", "1. Oktober", "1 de octubre", "1st of October"
_BEFORE_MONTH = re.compile(r"^(?:er|re|º|ª|\.)?\s*(?:de\s+|of\s+)?", re.IGNORECASE)
_HEBREW_PREFIX = "בל"  # "1 באוקטובר": in October
# Chinese, Japanese and Korean dates: a month is its number before 月 or 월 ("3月" is March, "3个月" three months),
# a day the number before 日 or 일 just after a month, a year the number before 年 or 년 just before a month
_CJK_MONTH = re.compile(r"^\s*[月월]")
_CJK_DAY = re.compile(r"^\s*[日일]")
_CJK_YEAR = re.compile(r"^\s*[年년]\s*\d{1,2}\s*[月월]")
_CJK_AFTER_MONTH = re.compile(r"[月월]\s*$")
# A time of day's hours before ":mm", its minutes or seconds after "hh:" ("09:12:00", "from 14:30 to 16:45"; a
# ratio's "3:1" is neither), and the zone offset after a time ("09:12:00 +0300")
_HOURS_BEFORE = re.compile(r"^:\d{2}(?!\d)")
_MINUTES_AFTER = re.compile(r"(?<!\d)\d{1,2}:$")
_DIGITS = "0123456789"
_ZONE_BEFORE = re.compile(r"\d:\d\d(?::\d\d)?\s*(?:GMT|UTC)?\s*[+\-−]$")


@lru_cache(maxsize=1)
def month_names() -> frozenset[str]:
    """The full month names of `_LANGUAGES`, in the forms a date writes them (after a day: "октября") and on
    their own ("октябрь"), in lower case; from ICU's data (CLDR)."""
    import icu  # PyICU: loaded only by `suggest`

    names: set[str] = set()
    symbols = icu.DateFormatSymbols
    for language in _LANGUAGES:
        made = symbols(icu.Locale.forLanguageTag(language))
        for context in (symbols.FORMAT, symbols.STANDALONE):
            names.update(name.lower().rstrip(".") for name in made.getMonths(context, symbols.WIDE)
                         if name and not any(char.isdigit() for char in name))
    return frozenset(names)


def month_follows(after: str) -> bool:
    """Whether the text after a number opens with a month's name, in any of the languages above."""
    rest = _BEFORE_MONTH.sub("", after, count=1).lower()
    if not rest:
        return False
    starts = (rest, rest[1:]) if rest[0] in _HEBREW_PREFIX else (rest,)
    return any(_names_start(text) for text in starts)


def _names_start(text: str) -> bool:
    for name in month_names():
        if text.startswith(name) and (len(text) == len(name) or _unspaced(name)
                                      or unicodedata.category(text[len(name)])[0] not in "LM"):
            return True
    return False


def _unspaced(name: str) -> bool:
    """A month of a script written without spaces (Thai): the word after it may follow at once."""
    return any("\u0e00" <= char <= "\u0e7f" for char in name)


def cjk_date_part(before: str, after: str) -> bool:
    """A number that is the year, month or day of a Chinese, Japanese or Korean date."""
    return bool(_CJK_MONTH.match(after) or _CJK_YEAR.match(after)
                or (_CJK_DAY.match(after) and _CJK_AFTER_MONTH.search(before)))


def clock_part(before: str, surface: str, after: str) -> bool:
    """A number that is part of a time of day ("09:12:00"; either end of a range "14:30 to 16:45") or the zone
    offset after one ("+0300")."""
    first = surface[: len(surface) - len(surface.lstrip(_DIGITS))]
    last = surface[len(surface.rstrip(_DIGITS)):]
    if (len(first) == 2 and _MINUTES_AFTER.search(before)) or (0 < len(last) <= 2 and _HOURS_BEFORE.match(after)):
        return True
    return len(surface) == 4 and surface.isdigit() and bool(_ZONE_BEFORE.search(before))
