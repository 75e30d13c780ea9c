"""Where a passage is in a seed, as a citation: which place to cite when there are several, and the warning
that names them all; for a miss, what text is closest."""

from __future__ import annotations

import re
import unicodedata

from briefgen.sources.locate import Span, find
from briefgen.sources.seeds import Seed
from briefgen.sources.textnorm import normalise
from briefgen.verify.closest import closest
from briefgen.verify.ties import Tie

_WORD = re.compile(r"\w{4,}")  # words of four letters or more carry the item's subject; shorter ones rarely do


def _words(text: str) -> set[str]:
    return set(_WORD.findall(normalise(text)))


def best_span(seed: Seed, spans: tuple[Span, ...], words: str) -> tuple[Span, bool]:
    """The place whose paragraphs share the most words with the item, and whether the words decided it (False:
    no place fits better than another, so the first is taken). A passage found once costs nothing here."""
    if len(spans) == 1:
        return spans[0], True
    wanted = _words(words)
    scores = [len(wanted & _words(" ".join(seed.paragraphs[s.first - 1:s.last]))) for s in spans]
    best = max(scores)
    return spans[scores.index(best)], scores.count(best) == 1


def several_places(display: str, places: tuple[str, ...], chosen: int, decided: bool,
                   item_id: str) -> tuple[str, str]:
    """The warning's message and hint for a passage found at every place in `places` (pinpoints, in the seed's
    order), of which the one at index `chosen` is cited."""
    others = [p for i, p in enumerate(places) if i != chosen]
    why = "the one the item's own words fit best" if decided else "the first"
    return (f"{item_id}: the passage is in {len(places)} places in {display} ({', '.join(places)}); "
            f"cited {places[chosen]}, {why}; the others: {', '.join(others)}",
            "quote more of the sentence so the passage is found once, or keep this citation if it is the right one")


def tie_of(seed: Seed, passage: str, words: str) -> Tie:
    """Search `seed` for `passage` and say what the citation is (or, missing, what text is closest)."""
    found = find(seed, passage)
    if not found.spans:
        return Tie(0, miss_hint=_miss_hint(seed, passage, found.unmatched))
    span, decided = best_span(seed, found.spans, words)
    page, nth = seed.place(span.first)
    places = tuple(seed.pinpoint_span(s.first, s.last) for s in found.spans) if len(found.spans) > 1 else ()
    return Tie(span.first, span.last, page, nth if page is not None else None,
               seed.pinpoint_span(span.first, span.last), places, found.spans.index(span), decided)


def in_quotation_marks(seed: Seed, paragraph: int, text: str) -> bool:
    """Does the seed put `text` (normalised) in quotation marks in paragraph `paragraph`? As read, or as a
    passage typed from the page reads it (Seed.as_typed: a word a PDF line's end hyphenated whole)."""
    if _marked(seed.normalised(paragraph), text):
        return True
    return seed.as_typed is not seed and _marked(seed.as_typed.normalised(paragraph), text)


def _marked(para: str, text: str) -> bool:
    at = para.find(text)
    while at >= 0:
        if para.count('"', 0, at) % 2 == 1 and '"' in para[at + len(text):]:
            return True
        at = para.find(text, at + 1)
    return False


def _miss_hint(seed: Seed, passage: str, unmatched: str) -> str:
    unseen = next((c for c in passage if unicodedata.category(c) == "Cf" and c not in seed.text), None)
    if unseen is not None:  # a zero-width space or joiner, a soft hyphen, a direction mark: pasted, not typed
        return (f"the passage holds U+{ord(unseen):04X} {unicodedata.name(unseen, 'FORMAT CHARACTER')}, which no "
                "reader sees and the seed does not have: delete it (retype the words on either side)")
    if unmatched:
        return (f"with '…' for skipped words, each part must follow the one before, in the same paragraph or the "
                f"next: not found there: “{unmatched}”")
    miss = closest(seed, passage)
    return miss.describe() if miss else no_near_text(seed)


def no_near_text(seed: Seed) -> str:
    """The hint of a miss when no text of `seed` is close enough to show."""
    if not seed.text.strip():
        return "the seed has no text"
    return "no text of the seed resembles it (it shares no run of words with the passage): check the source it cites"
