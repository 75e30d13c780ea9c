"""The summary model and the seed catalogue as typed, frozen pydantic models (and their JSON Schema)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from briefgen.model.fielddocs import describe
from briefgen.model.fields import (
    MAX_ITEMS,
    MAX_LABELS,
    MAX_SOURCES,
    FileName,
    FullDate,
    Id,
    Language,
    Marking,
    Number,
    PartialDate,
    Priority,
    Text,
    Url,
    empty_list,
    passage_words,
)
from briefgen.model.readings import Reading

LIKELIHOOD_ROWS: dict[str, tuple[str, ...]] = {
    "likelihood": ("almost no chance", "very unlikely", "unlikely", "roughly even chance", "likely",
                   "very likely", "almost certain"),
    "probability": ("remote", "highly improbable", "improbable", "roughly even odds", "probable",
                    "highly probable", "nearly certain"),
}
ALL_LIKELIHOODS = tuple(t for row in LIKELIHOOD_ROWS.values() for t in row)
class Strict(BaseModel):
    # each field's docstring becomes its JSON Schema description, the hover help editors show (json_schema)
    model_config = ConfigDict(extra="forbid", frozen=True, strict=False, str_strip_whitespace=False)


class Evidence(Strict):
    """A verbatim excerpt of one paragraph of a catalogued seed."""

    source: Id
    """The `id` of the catalogue entry (seeds/sources.yaml) whose document holds the passage."""
    passage: Annotated[Text, StringConstraints(min_length=3), AfterValidator(passage_words)]
    """The seed's words, copied exactly (quotes, dashes, case and spacing may differ); "…" or "..." marks skipped
    words, each part found in order in one paragraph or the next."""


class Item(Strict):
    id: Id
    """A unique id (letters, digits, '-', '_', '.'), used in messages and in the build record."""
    priority: Priority = 50
    """1 is the most important; a brief with a page limit leaves out the highest numbers first."""
    audiences: Annotated[list[Id], Field(min_length=1)] | None = None
    """Only these audiences (profile names) show the item; absent: every audience."""
    tags: Annotated[list[Id], Field(max_length=MAX_LABELS)] = empty_list()
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
    """The machine value of `value` (a share as a fraction or a percentage), for charts and checks; counted in
    the unit's magnitude when the unit names one (4.2 for "4.2 million" in "million tonnes")."""
    number_high: Number | None = None
    """The top of a range, when `value` states one."""
    unit: Text
    """What the number counts: "troops", "USD", "percent", "million tonnes"."""


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
    evidence: list[Evidence] = empty_list()
    """Passages that show the gap, if any."""


class ReleasableBluf(Strict):
    """A bottom line for audiences whose ceiling is below the main one's marking."""

    marking: Marking
    """The marking of this bottom line: audiences whose ceiling reaches it (and not the main BLUF's) see it."""
    bluf: Text
    """The bottom line in words that marking may carry."""
    evidence: list[Evidence] = empty_list()
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
    keywords: Annotated[list[Text], Field(max_length=MAX_LABELS)] = empty_list()
    """Keywords for the files' properties."""
    likelihood_row: Literal["likelihood", "probability"] = "likelihood"
    """Which ICD 203 row the model's likelihood terms come from: "likelihood" (almost no chance … almost
    certain) or "probability" (remote … nearly certain)."""
    bluf: Text
    """The bottom line up front: two or three sentences of the analyst's own."""
    bluf_evidence: list[Evidence] = empty_list()
    """The passages that support the bottom line (a BLUF with none is a warning)."""
    bluf_marking: Marking | None = None
    """The bottom line's marking: at least the highest marking of the sources its evidence cites."""
    releasable: list[ReleasableBluf] = empty_list()
    """Bottom lines for lower ceilings, each with its own marking and evidence."""


class Summary(Strict):
    """seeds/summary.yaml"""

    brief: Brief
    """The brief's title, subject, cutoff date and bottom line."""
    # 10,000 a list keeps `check` and `build` under 1 GB at the model's size limit (README, Limits)
    judgments: Annotated[list[Judgment], Field(max_length=MAX_ITEMS)] = empty_list()
    """Key judgments, each with confidence and evidence."""
    figures: Annotated[list[Figure], Field(max_length=MAX_ITEMS)] = empty_list()
    """Key figures: a printed value, its machine number and unit, and evidence."""
    quotes: Annotated[list[Quote], Field(max_length=MAX_ITEMS)] = empty_list()
    """Quotations with their speaker, context and evidence."""
    gaps: Annotated[list[Gap], Field(max_length=MAX_ITEMS)] = empty_list()
    """Information gaps: what the seeds do not settle."""


class Source(Strict):
    id: Id
    """A short unique id that the model's evidence cites."""
    file: FileName
    """The document's file inside seeds/: .txt, .md, .html, .pdf, .docx, .rtf, .odt, .eml or .msg."""
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
    sources: Annotated[list[Source], Field(max_length=MAX_SOURCES)] = empty_list()
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
