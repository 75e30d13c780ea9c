"""The summary model and the seed catalogue as typed, frozen pydantic models (and their JSON Schema)."""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, FiniteFloat, StringConstraints

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
# C0 controls but tab and line breaks (XML cannot hold them), DEL and the C1 controls (no font draws them; text
# decoded with the wrong code page holds them where curly quotes and dashes were), U+FFFE and U+FFFF.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def _clean_text(value: str) -> str:
    bad = _ILLEGAL.search(value)
    if bad:
        raise ValueError(f"contains the control character U+{ord(bad.group()):04X}, which documents cannot hold;"
                         " delete it")
    if not value.strip():
        raise ValueError("must not be blank")
    return value


@functools.lru_cache(maxsize=4096)
def _partial_date(value: str) -> str:
    formats = {4: "%Y", 7: "%Y-%m", 10: "%Y-%m-%d"}
    fmt = formats.get(len(value))
    try:
        if fmt is None:
            raise ValueError
        dt.datetime.strptime(value, fmt)
    except ValueError:
        raise ValueError(f"{value!r} is not a real date in the form YYYY, YYYY-MM or YYYY-MM-DD") from None
    return value


def _full_date(value: str) -> str:
    if len(value) != 10:
        raise ValueError(f"{value!r} must be a full date, YYYY-MM-DD")
    return _partial_date(value)


def _link(value: str) -> str:
    if not re.match(r"(?i)(https?://|mailto:)\S+$", value):
        raise ValueError(f"{value!r} is not an http, https or mailto link")
    return value


Text = Annotated[str, StringConstraints(max_length=MAX_TEXT), AfterValidator(_clean_text)]
Id = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
PartialDate = Annotated[str, AfterValidator(_partial_date)]
FullDate = Annotated[str, AfterValidator(_full_date)]
Url = Annotated[str, AfterValidator(_link)]
Priority = Annotated[int, Field(ge=1, le=999)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=False, str_strip_whitespace=False)


class Evidence(Strict):
    """A verbatim excerpt of one paragraph of a catalogued seed."""

    source: Id
    passage: Annotated[Text, StringConstraints(min_length=3)]


class Item(Strict):
    id: Id
    priority: Priority = 50
    audiences: list[Id] | None = None
    tags: list[Id] = []
    evidence: Annotated[list[Evidence], Field(min_length=1)]


class Judgment(Item):
    statement: Text
    confidence: Literal["low", "moderate", "high"]
    likelihood: Literal[ALL_LIKELIHOODS] | None = None  # type: ignore[valid-type]
    plain: Text | None = None


class Figure(Item):
    label: Text
    value: Text
    number: FiniteFloat
    number_high: FiniteFloat | None = None
    unit: Text


class Quote(Item):
    text: Text
    speaker: Text
    speaker_native: Text | None = None
    context: Text


class Gap(Strict):
    id: Id
    statement: Text
    priority: Priority = 50
    evidence: list[Evidence] = []


class Brief(Strict):
    title: Text
    subject: Text
    as_of: FullDate
    author: Text = "briefgen"
    keywords: list[Text] = []
    likelihood_row: Literal["likelihood", "probability"] = "likelihood"
    bluf: Text
    bluf_evidence: list[Evidence] = []


class Summary(Strict):
    """seeds/summary.yaml"""

    brief: Brief
    # 10,000 a list keeps `check` and `build` under 1 GB at the model's size limit (README, Limits)
    judgments: Annotated[list[Judgment], Field(max_length=MAX_ITEMS)] = []
    figures: Annotated[list[Figure], Field(max_length=MAX_ITEMS)] = []
    quotes: Annotated[list[Quote], Field(max_length=MAX_ITEMS)] = []
    gaps: Annotated[list[Gap], Field(max_length=MAX_ITEMS)] = []


class Source(Strict):
    id: Id
    file: Annotated[str, StringConstraints(min_length=1, max_length=255)]
    originator: Text | None
    title: Text
    short_title: Text | None = None
    published: PartialDate
    information_date: PartialDate | None = None
    accessed: FullDate
    url: Url | None = None
    kind: Text
    descriptor: Text


class Catalogue(Strict):
    """seeds/sources.yaml"""

    sources: Annotated[list[Source], Field(max_length=MAX_SOURCES)] = []


def json_schema(model: type[BaseModel]) -> dict[str, object]:
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
