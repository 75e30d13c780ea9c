"""The model's evidence lists, each with the item that owns it: the order in which verification asks about
every passage, in this process or in the one it shares a large check with (verify/halves.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from briefgen.model.loader import Loaded
from briefgen.model.schema import Evidence, Figure, Gap, Judgment, Quote
from briefgen.model.yamlsrc import Key

Kind = Literal["bluf", "judgment", "figure", "quote", "gap"]
SECTIONS: tuple[tuple[str, Kind], ...] = (
    ("judgments", "judgment"), ("figures", "figure"), ("quotes", "quote"), ("gaps", "gap"))


Owner = tuple[Key, Kind, str, str]  # the evidence list's key path, the item's kind, id and own words


def evidence_owners(loaded: Loaded) -> Iterator[tuple[Owner, list[Evidence]]]:
    brief = loaded.summary.brief
    yield (("brief", "bluf_evidence"), "bluf", "bluf", brief.bluf), brief.bluf_evidence
    for i, releasable in enumerate(brief.releasable):
        yield (("brief", "releasable", i, "evidence"), "bluf", f"bluf:{i}", releasable.bluf), releasable.evidence
    for section, kind in SECTIONS:
        for i, item in enumerate(getattr(loaded.summary, section)):
            yield ((section, i, "evidence"), kind, item.id, own_words(item)), item.evidence


def own_words(item: Judgment | Figure | Quote | Gap) -> str:
    """What an item says in its own words, to judge which of several places its passage comes from."""
    if isinstance(item, Figure):
        return f"{item.label} {item.value}"
    if isinstance(item, Quote):
        return f"{item.text} {item.speaker} {item.context}"
    return item.statement
