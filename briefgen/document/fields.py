"""The fields of a reference's header and footer that the PDF fills in itself, as Word fills them in the DOCX.

A letterhead line (document/house.py) holds a placeholder for each: PAGE and NUMPAGES for the page and the
total, and a date field (DATE, CREATEDATE, SAVEDATE, PRINTDATE) with its picture (`\\@ "d MMMM yyyy"`). Word
updates a date field when it opens the brief; the PDF prints the brief's own date (its `as_of`, or
SOURCE_DATE_EPOCH: render/compose.brief_date), so that one brief made twice is the same file. A date field
without a picture prints the date as the brief's text does ("15 October 2026"): Word would use the reader's
locale, which a PDF cannot know. Month and day names are in the brief's language, as Word writes a field in the
document's default language (writers/docx/access.default_language): "15. Oktober 2026" for `de` under
`d. MMMM yyyy`, the form a month takes after a day where the language has one ("15 октября 2026"), from ICU's
data (PyICU, loaded only for a language other than English). A FILENAME field shows the file's own name
(`executive.pdf` in the PDF, `executive.docx` in the DOCX, as Word shows it), not the reference's. A document
property (a TITLE, SUBJECT, AUTHOR or KEYWORDS field, `DOCPROPERTY Title`, or a content control bound to the
property, as Word's Insert > Quick Parts > Document Property makes it) shows the brief's own, which the DOCX
carries as its core properties: Word shows those, not the reference's. A field's case switch (`\\* Upper`,
`Lower`, `Caps`, `FirstCap`) applies to what it shows.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from briefgen.document.nodes import Meta
from briefgen.text import one_line, safe_text

PAGE = "\x00PAGE\x00"  # stands for a PAGE field in a letterhead line
NUMPAGES = "\x00NUMPAGES\x00"  # a NUMPAGES field
FILENAME = "FILENAME"
DATE_FIELDS = frozenset({"DATE", "CREATEDATE", "SAVEDATE", "PRINTDATE"})
PROPERTY = "PROPERTY"
_FIELD = re.compile("\x00(DATE|FILENAME|PROPERTY)([^\x00]*)\x00")
# The core properties a field or a bound content control may show, by the field that shows each; a
# DOCPROPERTY field names them as Word's Properties dialog does (Title…), a binding by its XML element.
PROPERTY_FIELDS = {"TITLE": "title", "SUBJECT": "subject", "AUTHOR": "author", "KEYWORDS": "keywords"}
BOUND_ELEMENTS = {"title": "title", "subject": "subject", "creator": "author", "keywords": "keywords"}
_PICTURE = re.compile(r'\\@\s*(?:"([^"]*)"|(\S+))')
_CASE = re.compile(r"\\\*\s*(Upper|Lower|Caps|FirstCap)\b", re.IGNORECASE)
# Word's date-time picture: quoted literal text, am/pm, then each run of one letter (longest first within the
# run); day and year in either case, M the month and m the minutes, h and H the hour on a 12- or 24-hour clock.
_TOKEN = re.compile(r"'[^']*'|[aA][mM]/[pP][mM]|d{1,4}|D{1,4}|M{1,4}|y{1,4}|Y{1,4}|h{1,2}|H{1,2}|m{1,2}|s{1,2}"
                    r"|[^'dDMyYhHmsaA]+|.")
_MONTHS = ("January February March April May June July August September October November December").split()
_DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
DEFAULT_PICTURE = "d MMMM yyyy"


@dataclass(frozen=True)
class FieldValues:
    """What a brief's fields show besides its pages: the day its date fields show, the language that names its
    month and weekday, and the file's name."""

    date: dt.date
    language: str = "en"
    file_name: str = ""
    properties: tuple[tuple[str, str], ...] = ()  # ("title", the brief's title)… as the DOCX stores them

    @classmethod
    def of(cls, meta: Meta, extension: str) -> FieldValues:
        """A document's, written to a file with `extension` (".pdf")."""
        name = f"{meta.file_stem}{extension}" if meta.file_stem else ""
        return cls(dt.date.fromisoformat(meta.date), meta.language or "en", name, core_properties(meta))

    def property(self, name: str) -> str:
        return dict(self.properties).get(name, "")


def core_properties(meta: Meta) -> tuple[tuple[str, str], ...]:
    """The document properties of a brief, as its DOCX stores them (docProps/core.xml) and its fields show them."""
    return tuple((name, property_text(value)) for name, value in (
        ("title", meta.title), ("subject", meta.subject), ("author", meta.author),
        ("keywords", ", ".join(meta.keywords))))


def property_text(text: str) -> str:
    """A document property's value: XML-safe, one line (as the PDF's document information) and within the 255
    characters the format allows."""
    return one_line(safe_text(text))[:255]


_BINDING = re.compile(r"coreProperties(?:\[1\])?/(?:[\w.-]+:)?(\w+)")


def bound_property(xpath: str) -> str | None:
    """The document property a content control bound by `xpath` shows
    (`/ns1:coreProperties[1]/ns0:title[1]`: "title"), or None for any other binding."""
    found = _BINDING.search(xpath)
    return BOUND_ELEMENTS.get(found.group(1)) if found else None


def property_of(code: str) -> str | None:
    """The document property a field shows (TITLE, `DOCPROPERTY "Title"`: "title"), or None."""
    name = field_name(code)
    if name == "DOCPROPERTY":
        words = code.split()
        said = words[1].strip('"').upper() if len(words) > 1 else ""
        return PROPERTY_FIELDS.get(said)
    return PROPERTY_FIELDS.get(name)


def field_name(code: str) -> str:
    """A field's name, in capitals, from its code (`date \\@ "d MMMM yyyy"` is DATE); '' for an empty code."""
    words = code.split()
    return words[0].upper() if words else ""


def is_date_field(code: str) -> bool:
    """Whether a field whose code is `code` shows a date (DATE, CREATEDATE, SAVEDATE, PRINTDATE)."""
    return field_name(code) in DATE_FIELDS


def placeholder(code: str) -> str | None:
    """The placeholder of a field the letterhead fills in from FieldValues (a date field with its picture and
    case, FILENAME and a document property with their case), or None."""
    switch = _case(code)
    case = f"\x01{switch}" if switch else ""  # after \x01: the case switch, if any
    if is_date_field(code):
        return f"\x00DATE{_picture(code).replace(chr(0), '')}{case}\x00"
    shown = property_of(code)
    if shown is not None:
        return property_placeholder(shown, switch)
    return f"\x00FILENAME{case}\x00" if field_name(code) == FILENAME else None


def property_placeholder(name: str, switch: str = "") -> str:
    """The placeholder of a document property ("title"), in a case switch's case."""
    return f"\x00{PROPERTY}{name}\x01{switch}\x00"


def field_text(code: str, values: FieldValues) -> str | None:
    """What a field whose code is `code` shows, where briefgen sets it (date fields, FILENAME when the name is
    known, the document properties); None for the others."""
    if is_date_field(code):
        return _cased(word_date(_picture(code), values), _case(code))
    if field_name(code) == FILENAME and values.file_name:
        return _cased(values.file_name, _case(code))
    shown = property_of(code)
    return None if shown is None else _cased(values.property(shown), _case(code))


def _picture(code: str) -> str:
    found = _PICTURE.search(code)
    return (found.group(1) if found.group(1) is not None else found.group(2)) if found else DEFAULT_PICTURE


def _case(code: str) -> str:
    """The field's case switch (upper, lower, caps, firstcap), or ''."""
    found = _CASE.search(code)
    return found.group(1).lower() if found else ""


def _cased(text: str, switch: str) -> str:
    """`text` in a case switch's case (`switch` as `_case` names it; '' for none)."""
    if switch == "upper":
        return text.upper()
    if switch == "lower":
        return text.lower()
    if switch == "caps":
        return " ".join(word[:1].upper() + word[1:] for word in text.split(" "))
    return text[:1].upper() + text[1:] if switch == "firstcap" else text


def filled(text: str, page: int, total: int, values: FieldValues) -> str:
    """A letterhead text with its fields' placeholders replaced by what they show on page `page` of `total`."""
    if "\x00" not in text:
        return text
    text = text.replace(PAGE, str(page)).replace(NUMPAGES, str(total))
    return _FIELD.sub(lambda found: _filled(found.group(1), found.group(2), values), text)


def _filled(kind: str, rest: str, values: FieldValues) -> str:
    said, _, switch = rest.partition("\x01")
    if kind == PROPERTY:
        return _cased(values.property(said), switch)
    return _cased(word_date(said, values) if kind == "DATE" else values.file_name, switch)


def word_date(picture: str, values: FieldValues) -> str:
    """The day of `values` as Word's date picture `picture` writes it: d dd ddd dddd, M MM MMM MMMM, yy yyyy,
    'literal', and the time of day (midnight): h H hh HH m mm s ss am/pm."""
    return "".join(_date_part(token, values) for token in _TOKEN.findall(picture))


def _date_part(token: str, values: FieldValues) -> str:
    letter, width, date = token[0], len(token), values.date
    if letter == "'":
        return token[1:-1]
    if token.lower() == "am/pm":  # the brief's date is a day: its time is midnight, as Word reads a bare date
        return "AM" if token[0] == "A" else "am"
    if letter in "hHms" and token == letter * width:  # the hour (12 on a 12-hour clock), minutes, seconds
        return ("12" if letter == "h" else "0").zfill(width)
    letter = {"D": "d", "Y": "y"}.get(letter, letter)
    names = _names(values.language)
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
