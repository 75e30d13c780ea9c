"""A passage found in more than one paragraph: which place to cite, and the warning that names them all."""

from __future__ import annotations

import re

from briefgen.model.schema import Figure, Gap, Judgment, Quote
from briefgen.sources.locate import Span
from briefgen.sources.seeds import Seed
from briefgen.sources.textnorm import normalise

_WORD = re.compile(r"\w{4,}")  # words of four letters or more carry the item's subject; shorter ones rarely do


def own_words(item: Judgment | Figure | Quote | Gap) -> str:
    """What an item says in its own words, to judge which of several places its passage comes from."""
    if isinstance(item, Figure):
        return f"{item.label} {item.value}"
    if isinstance(item, Quote):
        return f"{item.text} {item.speaker} {item.context}"
    return item.statement


def _words(text: str) -> set[str]:
    return set(_WORD.findall(normalise(text)))


def best_span(seed: Seed, spans: tuple[Span, ...], words: str) -> tuple[Span, bool]:
    """The place whose paragraphs share the most words with the item, and whether the words decided it (False:
    no place fits better than another, so the first is taken)."""
    wanted = _words(words)
    scores = [len(wanted & _words(" ".join(seed.paragraphs[s.first - 1:s.last]))) for s in spans]
    best = max(scores)
    return spans[scores.index(best)], scores.count(best) == 1


def several_places(seed: Seed, spans: tuple[Span, ...], chosen: tuple[Span, bool], item_id: str) -> tuple[str, str]:
    """The warning's message and hint for a passage found at every place in `spans`."""
    span, decided = chosen
    places = [seed.pinpoint_span(s.first, s.last) for s in spans]
    others = [p for s, p in zip(spans, places, strict=True) if s != span]
    why = "the one the item's own words fit best" if decided else "the first"
    return (f"{item_id}: the passage is in {len(spans)} places in {seed.display} ({', '.join(places)}); "
            f"cited {seed.pinpoint_span(span.first, span.last)}, {why}; the others: {', '.join(others)}",
            "quote more of the sentence so the passage is found once, or keep this citation if it is the right one")
