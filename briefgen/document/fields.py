"""The fields of a reference's header and footer that the PDF fills in itself, as Word fills them in the DOCX.

A letterhead line (document/house.py) holds a placeholder for each: PAGE and NUMPAGES for the page and the
total, and a date field (DATE, CREATEDATE, SAVEDATE, PRINTDATE) with its picture (`\\@ "d MMMM yyyy"`). Word
updates a date field when it opens the brief; the PDF prints the brief's own date (its `as_of`, or
SOURCE_DATE_EPOCH: render/compose.brief_date), so that one brief made twice is the same file. A date field
without a picture prints the date as the brief's text does ("15 October 2026"): Word would use the reader's
locale, which a PDF cannot know. Month and day names are in the brief's language, as Word writes a field in the
document's default language (writers/docx/access.default_language): "15. Oktober 2026" for `de` under
`d. MMMM yyyy`, the form a month takes after a day where the language has one ("15 октября 2026"), from ICU's
data (PyICU, loaded only for a language other than English).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

PAGE = "\x00PAGE\x00"  # stands for a PAGE field in a letterhead line
NUMPAGES = "\x00NUMPAGES\x00"  # a NUMPAGES field
DATE_FIELDS = frozenset({"DATE", "CREATEDATE", "SAVEDATE", "PRINTDATE"})
_DATE = re.compile("\x00DATE([^\x00]*)\x00")
_PICTURE = re.compile(r'\\@\s*(?:"([^"]*)"|(\S+))')
# Word's date-time picture: quoted literal text, am/pm, then each run of one letter (longest first within the
# run); day and year in either case, M the month and m the minutes, h and H the hour on a 12- or 24-hour clock.
_TOKEN = re.compile(r"'[^']*'|[aA][mM]/[pP][mM]|d{1,4}|D{1,4}|M{1,4}|y{1,4}|Y{1,4}|h{1,2}|H{1,2}|m{1,2}|s{1,2}"
                    r"|[^'dDMyYhHmsaA]+|.")
_MONTHS = ("January February March April May June July August September October November December").split()
_DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
DEFAULT_PICTURE = "d MMMM yyyy"


@dataclass(frozen=True)
class Day:
    """The day a brief's date fields show, and the language that names its month and weekday."""

    date: dt.date
    language: str = "en"

    @classmethod
    def of(cls, date: str, language: str) -> Day:
        """From a document's ISO date and its language tag."""
        return cls(dt.date.fromisoformat(date), language or "en")


def is_date_field(code: str) -> bool:
    """Whether a field whose code is `code` shows a date (DATE, CREATEDATE, SAVEDATE, PRINTDATE)."""
    words = code.split()
    return bool(words) and words[0].upper() in DATE_FIELDS


def date_placeholder(code: str) -> str:
    """The placeholder of a date field whose code is `code` (`DATE \\@ "dd/MM/yyyy" \\* MERGEFORMAT`)."""
    return f"\x00DATE{_picture(code).replace(chr(0), '')}\x00"


def date_text(code: str, day: Day) -> str:
    """What a date field whose code is `code` shows on `day`."""
    return word_date(_picture(code), day)


def _picture(code: str) -> str:
    found = _PICTURE.search(code)
    return (found.group(1) if found.group(1) is not None else found.group(2)) if found else DEFAULT_PICTURE


def filled(text: str, page: int, total: int, day: Day) -> str:
    """A letterhead text with its fields' placeholders replaced by what they show on page `page` of `total`."""
    if "\x00" not in text:
        return text
    text = text.replace(PAGE, str(page)).replace(NUMPAGES, str(total))
    return _DATE.sub(lambda found: word_date(found.group(1), day), text)


def word_date(picture: str, day: Day) -> str:
    """`day` as Word's date picture `picture` writes it: d dd ddd dddd, M MM MMM MMMM, yy yyyy, 'literal', and
    the time of day (midnight): h H hh HH m mm s ss am/pm."""
    return "".join(_date_part(token, day) for token in _TOKEN.findall(picture))


def _date_part(token: str, day: Day) -> str:
    letter, width, date = token[0], len(token), day.date
    if letter == "'":
        return token[1:-1]
    if token.lower() == "am/pm":  # the brief's date is a day: its time is midnight, as Word reads a bare date
        return "AM" if token[0] == "A" else "am"
    if letter in "hHms" and token == letter * width:  # the hour (12 on a 12-hour clock), minutes, seconds
        return ("12" if letter == "h" else "0").zfill(width)
    letter = {"D": "d", "Y": "y"}.get(letter, letter)
    names = _names(day.language)
    if letter == "d":
        return (str(date.day), f"{date.day:02d}", names.short_days[date.weekday()],
                names.days[date.weekday()])[width - 1]
    if letter == "M":
        return (str(date.month), f"{date.month:02d}", names.short_months[date.month - 1],
                names.months[date.month - 1])[width - 1]
    if letter == "y":
        return f"{date.year % 100:02d}" if width <= 2 else f"{date.year:04d}"
    return token


@dataclass(frozen=True)
class _Names:
    months: tuple[str, ...]  # January first, in the form a month takes after a day ("октября")
    short_months: tuple[str, ...]
    days: tuple[str, ...]  # Monday first, as date.weekday() counts
    short_days: tuple[str, ...]


_ENGLISH = _Names(tuple(_MONTHS), tuple(m[:3] for m in _MONTHS), tuple(_DAYS), tuple(d[:3] for d in _DAYS))


@lru_cache(maxsize=16)
def _names(language: str) -> _Names:
    """The month and weekday names of `language` (a BCP 47 tag); English's for English or a tag ICU does
    not know."""
    if language.lower().split("-")[0] in ("en", "", "und"):
        return _ENGLISH
    import icu  # PyICU: its data names months in every language CLDR covers

    try:
        symbols = icu.DateFormatSymbols(icu.Locale.forLanguageTag(language))
    except icu.ICUError:  # not a well-formed tag
        return _ENGLISH
    monday_first = [*range(2, 8), 1]  # ICU counts weekdays from Sunday = 1
    return _Names(tuple(symbols.getMonths()), tuple(symbols.getShortMonths()),
                  tuple(symbols.getWeekdays()[i] for i in monday_first),
                  tuple(symbols.getShortWeekdays()[i] for i in monday_first))
