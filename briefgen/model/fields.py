"""The model's field types: text, names, dates, links, ids and numbers as the model, the catalogue and the
profiles take them, each refusing what no analyst means (control characters, disguising characters, a
yes/no where a number belongs) with a message the loader places at the value."""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from typing import Annotated, Any, Literal, get_args

from pydantic import AfterValidator, BeforeValidator, Field, FiniteFloat, StringConstraints

from briefgen.model.disguise import disguise, named, unseen

MAX_TEXT = 20_000
MAX_ITEMS = 10_000  # judgments, figures, quotes and gaps, each
MAX_SOURCES = 20_000
MAX_LABELS = 100  # an item's tags, the brief's keywords: a million keywords made a 20-second build
# C0 controls but tab and line breaks (XML cannot hold them), DEL and the C1 controls (no font draws them; text
# decoded with the wrong code page holds them where curly quotes and dashes were), U+FFFE and U+FFFF.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def _clean_text(value: str) -> str:
    bad = _ILLEGAL.search(value)
    if bad:
        raise ValueError(f"contains the control character U+{ord(bad.group()):04X}, which documents cannot hold;"
                         " delete it")
    if not value.isascii() and (wrong := disguise(value)) is not None:  # ASCII disguises nothing: no call
        raise ValueError(wrong)
    if not value.strip():
        raise ValueError("must not be blank")
    if not value.isascii() and (unseen_ones := unseen(value)):
        raise ValueError(f"must not be blank: it holds only characters no page shows ({named(unseen_ones)})")
    return value


@functools.lru_cache(maxsize=4096)
def _partial_date(value: str) -> str:
    formats = {4: "%Y", 7: "%Y-%m", 10: "%Y-%m-%d"}
    fmt = formats.get(len(value))
    try:
        if fmt is None or not value.isascii():  # strptime takes any script's digits: "２０２５" for 2025
            raise ValueError
        dt.datetime.strptime(value, fmt)
    except ValueError:
        raise ValueError(f"{value!r} is not a real date in the form YYYY, YYYY-MM or YYYY-MM-DD") from None
    return value


def _full_date(value: str) -> str:
    if len(value) != 10:
        raise ValueError(f"{value!r} must be a full date, YYYY-MM-DD")
    return _partial_date(value)


_NOT_IN_NAMES = re.compile("[\x00-\x1f\x7f-\x9f]")  # control characters: no file name a user means holds one


def _file_name(value: str) -> str:
    bad = _NOT_IN_NAMES.search(value)
    if bad:
        raise ValueError(f"the file name contains the control character U+{ord(bad.group()):04X}; write the name as "
                         "the file has it")
    if not value.isascii() and (wrong := disguise(value)) is not None:  # ASCII disguises nothing: no call
        raise ValueError(wrong)
    return value


MAX_LINK = 2048  # characters of a link: browsers and Word take about this many


def _link(value: str) -> str:
    if not re.match(r"(?i)(https?://|mailto:)\S+$", value):
        raise ValueError(f"{value!r} is not an http, https or mailto link")
    hidden = next((c for c in value if unicodedata.category(c) in ("Cc", "Cf")), None)
    if hidden is not None:  # RFC 3987 keeps bidi controls out of links; no link holds a control character
        raise ValueError(f"the link holds the invisible character U+{ord(hidden):04X} "
                         f"{unicodedata.name(hidden, 'control character')}, which no address holds")
    if len(value) > MAX_LINK:
        raise ValueError(f"the link is {len(value):,} characters long, more than the {MAX_LINK:,} a link may have")
    return value


LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")  # also what a template's <quote lang=> takes


def _language(value: str) -> str:
    """A BCP 47 tag in its usual shape: a 2-3 letter language, then subtags of 1-8 letters or digits."""
    if not LANGUAGE_TAG.match(value):
        raise ValueError(f"{value!r} is not a BCP 47 language tag such as en, ar, fa-IR, zh-Hant or ja")
    return value


# Scripts written without spaces between words: each of their characters counts as a word of a passage.
_UNSPACED = "\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff"
_LETTERS = f"(?:(?![{_UNSPACED}])\\w)+"  # a run of letters and digits of a spaced script
# a word: one character of an unspaced script, or runs joined by an apostrophe, hyphen or point (Kim's, 1.19)
_PASSAGE_WORD = re.compile(f"[{_UNSPACED}]|{_LETTERS}(?:['\u2019\u2010.-]{_LETTERS})*")
_ASCII_WORD = re.compile(r"\w+(?:['.-]\w+)*")  # the same words in ASCII text, found three times faster


def passage_words(value: str) -> str:
    """A passage shows the seed saying what the item says: one word (found in many places, or a name that
    proves nothing on its own) cannot, whatever its length."""
    word = _ASCII_WORD if value.isascii() else _PASSAGE_WORD
    first = word.search(value)  # two words found suffice: a passage may run to 20,000 characters
    if first is None or word.search(value, first.end()) is None:
        said = f"one word ({first.group()!r})" if first else "no word"
        raise ValueError(f"a passage of {said} cannot show that the seed supports the item")
    return value


def empty_list() -> Any:
    """An empty list as a field's default, made afresh for each model and still `"default": []` in the JSON
    Schema: pydantic deep-copies a literal `[]` default for every model it makes (a tenth of the validation of
    a 10,000-item model, issue 20)."""
    return Field(default_factory=list, json_schema_extra={"default": []})


def _not_yes_or_no(value: object) -> object:
    """Refuse a boolean where a number belongs: pydantic would take `on`, `yes` or `true` (which YAML reads as
    booleans) for the number 1, and `off`, `no` or `false` for 0."""
    if isinstance(value, bool):
        raise ValueError(f"should be a number, not {str(value).lower()} (YAML reads yes, no, on, off, true and "
                         "false as true or false)")
    return value


NotBool = BeforeValidator(_not_yes_or_no)  # for every number field of the model, catalogue and profiles
Number = Annotated[FiniteFloat, NotBool]
Text = Annotated[str, StringConstraints(max_length=MAX_TEXT), AfterValidator(_clean_text)]
MAX_CHART_TEXT = 300  # characters of a chart's title, unit or bar label: drawn on at most three lines
ChartText = Annotated[str, StringConstraints(max_length=MAX_CHART_TEXT), AfterValidator(_clean_text)]
FileName = Annotated[str, StringConstraints(min_length=1, max_length=255), AfterValidator(_file_name)]  # a file's path
Language = Annotated[str, AfterValidator(_language)]
Id = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]

# The model's lists of items, in the order a brief shows them: the one list every stage iterates.
ItemKind = Literal["judgments", "figures", "quotes", "gaps"]
ITEM_KINDS: tuple[ItemKind, ...] = get_args(ItemKind)
PartialDate = Annotated[str, AfterValidator(_partial_date)]
FullDate = Annotated[str, AfterValidator(_full_date)]
Url = Annotated[str, AfterValidator(_link)]
Priority = Annotated[int, Field(ge=1, le=999), NotBool]
# a marking level's name, as a scheme lists it ("TLP:AMBER+STRICT", "INTERNAL")
Marking = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9:+_. /-]{0,63}$")]
