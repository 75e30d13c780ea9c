"""The fields of a reference's header and footer that the PDF fills in itself, as Word fills them in the DOCX.

A letterhead line (document/house.py) holds a placeholder for each: PAGE and NUMPAGES for the page and the
total, and a date field (DATE, CREATEDATE, SAVEDATE, PRINTDATE) with its picture (`\\@ "d MMMM yyyy"`). Word
updates a date field when it opens the brief; the PDF prints the brief's own date (its `as_of`, or
SOURCE_DATE_EPOCH: render/compose.brief_date), so that one brief made twice is the same file. A date field
without a picture prints the date as the brief's text does ("15 October 2026"): Word would use the reader's
locale, which a PDF cannot know.
"""

from __future__ import annotations

import datetime as dt
import re

PAGE = "\x00PAGE\x00"  # stands for a PAGE field in a letterhead line
NUMPAGES = "\x00NUMPAGES\x00"  # a NUMPAGES field
DATE_FIELDS = frozenset({"DATE", "CREATEDATE", "SAVEDATE", "PRINTDATE"})
_DATE = re.compile("\x00DATE([^\x00]*)\x00")
_PICTURE = re.compile(r'\\@\s*(?:"([^"]*)"|(\S+))')
# Word's date picture: quoted literal text, then each run of one letter (longest first within the run).
_TOKEN = re.compile(r"'[^']*'|d{1,4}|M{1,4}|y{1,4}|[^'dMy]+")
_MONTHS = ("January February March April May June July August September October November December").split()
_DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
DEFAULT_PICTURE = "d MMMM yyyy"


def is_date_field(code: str) -> bool:
    """Whether a field whose code is `code` shows a date (DATE, CREATEDATE, SAVEDATE, PRINTDATE)."""
    words = code.split()
    return bool(words) and words[0].upper() in DATE_FIELDS


def date_placeholder(code: str) -> str:
    """The placeholder of a date field whose code is `code` (`DATE \\@ "dd/MM/yyyy" \\* MERGEFORMAT`)."""
    return f"\x00DATE{_picture(code).replace(chr(0), '')}\x00"


def date_text(code: str, date: dt.date) -> str:
    """What a date field whose code is `code` shows for `date`."""
    return word_date(_picture(code), date)


def _picture(code: str) -> str:
    found = _PICTURE.search(code)
    return (found.group(1) if found.group(1) is not None else found.group(2)) if found else DEFAULT_PICTURE


def filled(text: str, page: int, total: int, date: dt.date) -> str:
    """A letterhead text with its fields' placeholders replaced by what they show on page `page` of `total`."""
    if "\x00" not in text:
        return text
    text = text.replace(PAGE, str(page)).replace(NUMPAGES, str(total))
    return _DATE.sub(lambda found: word_date(found.group(1), date), text)


def word_date(picture: str, date: dt.date) -> str:
    """`date` as Word's date picture `picture` writes it: d dd ddd dddd, M MM MMM MMMM, yy yyyy, 'literal'."""
    return "".join(_date_part(token, date) for token in _TOKEN.findall(picture))


def _date_part(token: str, date: dt.date) -> str:
    letter, width = token[0], len(token)
    if letter == "'":
        return token[1:-1]
    if letter == "d":
        return (str(date.day), f"{date.day:02d}", _DAYS[date.weekday()][:3], _DAYS[date.weekday()])[width - 1]
    if letter == "M":
        return (str(date.month), f"{date.month:02d}", _MONTHS[date.month - 1][:3], _MONTHS[date.month - 1])[width - 1]
    if letter == "y":
        return f"{date.year % 100:02d}" if width <= 2 else f"{date.year:04d}"
    return token
