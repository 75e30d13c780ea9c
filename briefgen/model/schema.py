"""The summary model and the seed catalogue as typed, frozen pydantic models (and their JSON Schema)."""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from typing import Annotated, Literal, get_args

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, FiniteFloat, StringConstraints

from briefgen.model.disguise import disguise
from briefgen.model.fielddocs import describe
from briefgen.model.readings import Reading

LIKELIHOOD_ROWS: dict[str, tuple[str, ...]] = {
    "likelihood": ("almost no chance", "very unlikely", "unlikely", "roughly even chance", "likely",
                   "very likely", "almost certain"),
    "probability": ("remote", "highly improbable", "improbable", "roughly even odds", "probable",
                    "highly probable", "nearly certain"),
}
ALL_LIKELIHOODS = tuple(t for row in LIKELIHOOD_ROWS.values() for t in row)
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
    if (wrong := disguise(value)) is not None:
        raise ValueError(wrong)
    if not value.strip():
        raise ValueError("must not be blank")
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
    if (wrong := disguise(value)) is not None:
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


def _passage(value: str) -> str:
    """A passage shows the seed saying what the item says: one word (found in many places, or a name that
    proves nothing on its own) cannot, whatever its length."""
    words = _PASSAGE_WORD.findall(value)
    if len(words) < 2:
        said = f"one word ({words[0]!r})" if words else "no word"
        raise ValueError(f"a passage of {said} cannot show that the seed supports the item")
    return value


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


class Strict(BaseModel):
    # each field's docstring becomes its JSON Schema description, the hover help editors show (json_schema)
    model_config = ConfigDict(extra="forbid", frozen=True, strict=False, str_strip_whitespace=False)


class Evidence(Strict):
    """A verbatim excerpt of one paragraph of a catalogued seed."""

    source: Id
    """The `id` of the catalogue entry (seeds/sources.yaml) whose document holds the passage."""
    passage: Annotated[Text, StringConstraints(min_length=3), AfterValidator(_passage)]
    """The seed's words, copied exactly (quotes, dashes, case and spacing may differ); "…" or "..." marks skipped
    words, each part found in order in one paragraph or the next."""


class Item(Strict):
    id: Id
    """A unique id (letters, digits, '-', '_', '.'), used in messages and in the build record."""
    priority: Priority = 50
    """1 is the most important; a brief with a page limit leaves out the highest numbers first."""
    audiences: Annotated[list[Id], Field(min_length=1)] | None = None
    """Only these audiences (profile names) show the item; absent: every audience."""
    tags: Annotated[list[Id], Field(max_length=MAX_LABELS)] = []
    """Free labels that templates may select on."""
    marking: Marking | None = None
    """The item's marking: at least the highest marking of the sources its evidence cites."""
    evidence: Annotated[list[Evidence], Field(min_length=1)]
    """The passages of the seeds that support the item; each becomes a footnote."""


class Judgment(Item):
    statement: Text
    """The judgment, in the analyst's own words."""
    confidence: Literal["low", "moderate", "high"]
    """How sound the evidence and reasoning are (ICD 203): low, moderate or high."""
    likelihood: Literal[ALL_LIKELIHOODS] | None = None  # type: ignore[valid-type]
    """For a forecast, how probable the outcome is: a term of the ICD 203 row declared in `brief.likelihood_row`."""
    plain: Text | None = None
    """The statement reworded in plain language, for the public brief."""


class Figure(Item):
    label: Text
    """What is counted, as the brief labels it."""
    value: Text
    """The figure as the brief prints it ("about 1 million", "two-thirds"); each number in it must be in a passage."""
    number: Number
    """The machine value of `value` (a share as a fraction or a percentage), for charts and checks."""
    number_high: Number | None = None
    """The top of a range, when `value` states one."""
    unit: Text
    """What the number counts: "troops", "USD", "percent"."""


class Quote(Item):
    text: Text
    """The quoted words, exactly as the seed prints them inside quotation marks."""
    speaker: Text
    """Who said it, as the brief names them."""
    speaker_native: Text | None = None
    """The speaker's name in their own script, printed beside `speaker`."""
    context: Text
    """When, where and why it was said."""
    lang: Language | None = None
    """The language of `text` (and `speaker_native`) as a BCP 47 tag, e.g. ar, zh-Hant: sets direction and fonts."""


class Gap(Strict):
    id: Id
    """A unique id (letters, digits, '-', '_', '.')."""
    statement: Text
    """What the seeds leave open, that a reader should know is unknown."""
    priority: Priority = 50
    """1 is the most important; a brief with a page limit leaves out the highest numbers first."""
    marking: Marking | None = None
    """The gap's marking: at least the highest marking of the sources its evidence cites."""
    evidence: list[Evidence] = []
    """Passages that show the gap, if any."""


class ReleasableBluf(Strict):
    """A bottom line for audiences whose ceiling is below the main one's marking."""

    marking: Marking
    """The marking of this bottom line: audiences whose ceiling reaches it (and not the main BLUF's) see it."""
    bluf: Text
    """The bottom line in words that marking may carry."""
    evidence: list[Evidence] = []
    """The passages that support this bottom line."""


class Brief(Strict):
    title: Text
    """The brief's title, printed at its head and in the files' properties."""
    subject: Text
    """What the brief is about, in one line."""
    as_of: FullDate
    """The information cutoff, YYYY-MM-DD: the date the brief is printed with."""
    author: Text = "briefgen"
    """Who wrote the brief, for the files' properties."""
    keywords: Annotated[list[Text], Field(max_length=MAX_LABELS)] = []
    """Keywords for the files' properties."""
    likelihood_row: Literal["likelihood", "probability"] = "likelihood"
    """Which ICD 203 row the model's likelihood terms come from: "likelihood" (almost no chance … almost
    certain) or "probability" (remote … nearly certain)."""
    bluf: Text
    """The bottom line up front: two or three sentences of the analyst's own."""
    bluf_evidence: list[Evidence] = []
    """The passages that support the bottom line (a BLUF with none is a warning)."""
    bluf_marking: Marking | None = None
    """The bottom line's marking: at least the highest marking of the sources its evidence cites."""
    releasable: list[ReleasableBluf] = []
    """Bottom lines for lower ceilings, each with its own marking and evidence."""


class Summary(Strict):
    """seeds/summary.yaml"""

    brief: Brief
    """The brief's title, subject, cutoff date and bottom line."""
    # 10,000 a list keeps `check` and `build` under 1 GB at the model's size limit (README, Limits)
    judgments: Annotated[list[Judgment], Field(max_length=MAX_ITEMS)] = []
    """Key judgments, each with confidence and evidence."""
    figures: Annotated[list[Figure], Field(max_length=MAX_ITEMS)] = []
    """Key figures: a printed value, its machine number and unit, and evidence."""
    quotes: Annotated[list[Quote], Field(max_length=MAX_ITEMS)] = []
    """Quotations with their speaker, context and evidence."""
    gaps: Annotated[list[Gap], Field(max_length=MAX_ITEMS)] = []
    """Information gaps: what the seeds do not settle."""


class Source(Strict):
    id: Id
    """A short unique id that the model's evidence cites."""
    file: FileName
    """The document's file inside seeds/: .txt, .md, .html, .pdf or .docx."""
    originator: Text | None
    """Who published it; null when the document does not say (citations then say it is unknown)."""
    title: Text
    """The document's own title or headline."""
    short_title: Text | None = None
    """A shorter title for later, short citations."""
    published: PartialDate
    """When it was published: YYYY, YYYY-MM or YYYY-MM-DD, as precise as the document supports."""
    information_date: PartialDate | None = None
    """When the information itself dates from, if earlier than publication."""
    accessed: FullDate
    """When this copy was obtained, YYYY-MM-DD (`seeds update` sets it to the day of the update)."""
    url: Url | None = None
    """Where it was published: an http, https or mailto link, or null."""
    kind: Text
    """What it is: news article, report, press release…"""
    descriptor: Text
    """One sentence on the source's reliability and context (ICD 206)."""
    reading: Reading = "article"
    """How an HTML page is read: 'article' numbers the article's headings and paragraphs only; 'blocks' numbers
    every visible block of the page, navigation and footers included, for a page whose article the extractor
    gets wrong. Other formats ignore it."""
    marking: Marking | None = None
    """The source's marking: once one source is marked, every source must be."""


class LevelSpec(Strict):
    """One level of a workspace's own marking scheme; banner and portion mark default to its name."""

    name: Marking
    """The level's name, as sources, items and ceilings write it."""
    banner: Text | None = None
    """The text of the banner at the top and bottom of each page."""
    portion: Text | None = None
    """The portion mark printed before each item, e.g. (C)."""


class Catalogue(Strict):
    """seeds/sources.yaml"""

    markings: Id | Annotated[list[Marking | LevelSpec], Field(min_length=1, max_length=50)] | None = None
    """The marking scheme: a shipped one by name (tlp, generic) or the workspace's own levels, lowest first."""
    sources: Annotated[list[Source], Field(max_length=MAX_SOURCES)] = []
    """One entry per seed document."""


def json_schema(model: type[BaseModel]) -> dict[str, object]:
    schema = model.model_json_schema()
    describe(schema, model, {cls.__name__: cls for cls in _subclasses(Strict) if cls.__module__ == model.__module__})
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def _subclasses(cls: type) -> list[type]:
    found: list[type] = []
    direct: type
    for direct in cls.__subclasses__():
        found += [direct, *_subclasses(direct)]
    return found
