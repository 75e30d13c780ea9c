"""Where a passage is in a seed, as analysts write passages: every paragraph holding it (so a passage found
twice can be reported), passages with "…" or "..." for skipped words, whose fragments must follow one another
within one paragraph or across consecutive ones, and passages copied across a paragraph's end (both cited as
the range of paragraphs they cover)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from briefgen.sources.marks import folded, tight, unquoted
from briefgen.sources.seeds import Seed
from briefgen.sources.textnorm import WIDE_CHARS, normalise

_ELLIPSIS = re.compile(r"\s*\.\.\.\s*")  # normalise turns "…" into "..."
_WIDE = re.compile(f"[{WIDE_CHARS}]")
_WIDE_BREAK = re.compile(f"(?<=[{WIDE_CHARS}])\n(?=[{WIDE_CHARS}])")  # a paragraph's end between CJK characters
_BROKEN_WORD = re.compile(r"(?<=[^\W\d_])[-\u2010\u00ad]\s+(?=[^\W\d_])")  # "mili- tary": a hyphen, then a break
MAX_TRIES = 200  # starting points tried for a passage with skipped words, so a common first fragment stays cheap


@dataclass(frozen=True)
class Span:
    """Paragraphs `first` to `last` (equal unless a passage with skipped words runs on)."""

    first: int
    last: int


@dataclass(frozen=True)
class Found:
    spans: tuple[Span, ...]  # every place the passage is, in the seed's order; empty when it is not there
    unmatched: str = ""  # for a passage with skipped words that is not there: the first fragment not found


def find(seed: Seed, passage: str) -> Found:
    """Every place `passage` is in `seed`: in the seed as read, else with raised and lowered characters as plain
    ones on both sides ("km²" and "km2"), no space inside quotation marks nor before : ; ? ! on either side
    (« la priorité » and «la priorité»), and the words a PDF line's end hyphenated whole, else in that seed
    without the note numbers glued to its words, for a passage that leaves them out ("a top priority by" in
    "a top priority1 by"), and without the numbers of an ordered list's items; last, for a passage without
    quotation marks, in the seed without its own, as a browser copies none of those it draws around a <q>
    element ("said the drones will" in "said “the drones will”"; a passage may leave out the page's marks, never
    add marks the page does not have): see marks.py."""
    found = _find_whole(seed, passage)
    if found.spans:
        return found
    plain = tight(folded(passage))
    for copy in (seed.as_typed if plain != passage or seed.as_typed is not seed else None, seed.unmarked):
        if copy is not None and (again := _find_whole(copy, plain)).spans:
            return again
    if unquoted(plain) == plain and seed.unquoted is not None and (again := _find_whole(seed.unquoted, plain)).spans:
        return again
    return found


def _find_whole(seed: Seed, passage: str) -> Found:
    """Every place `passage` is in `seed`. A passage copied from a PDF viewer across a word hyphenated at a
    line's end ("mili-" and "tary" on two lines, "mili- tary" once YAML folds the break) is also looked for
    with the word whole, as the seed may read it."""
    found = _find(seed, passage)
    if found.spans:
        return found
    whole = _BROKEN_WORD.sub("", passage)
    if whole != passage:
        again = _find(seed, whole)
        return again if again.spans else found
    return found


def _find(seed: Seed, passage: str) -> Found:
    exact = seed.in_text(passage)  # the passage as the seed has it: one scan of the text finds every place
    if exact:
        return Found(tuple(Span(n, n) for n in exact))
    first = seed.locate_normalised(passage)
    if first is not None:
        return Found(tuple(Span(n, n) for n in _all(seed, passage, first)))
    fragments = fragments_of(passage)
    if not fragments:  # nothing but ellipses
        return Found(())
    if not _ELLIPSIS.search(normalise(passage)):  # no skipped words: perhaps copied across a paragraph's end
        return Found(_across(seed, fragments[0]))
    return _find_fragments(seed, fragments)


def _across(seed: Seed, needle: str) -> tuple[Span, ...]:
    """Where `needle` (normalised) runs on from one paragraph into the next, as text selected across a
    paragraph's end and pasted reads (the break a space, or nothing between two Chinese or Japanese characters,
    as normalise reads a space there): cited as the range of paragraphs it covers."""
    joined, starts = seed.index
    if " " in needle:
        spaced = joined.replace("\n", " ")  # the same length: positions stay those of `joined`
        found = _spans(spaced, starts, needle, [])
        if found:
            return found
    if "\n" not in joined or not _WIDE.search(needle):
        return ()
    cuts = [at.start() - n for n, at in enumerate(_WIDE_BREAK.finditer(joined))]  # where each is, once cut
    return _spans(_WIDE_BREAK.sub("", joined), starts, needle, cuts) if cuts else ()


def _spans(text: str, starts: list[int], needle: str, cuts: list[int]) -> tuple[Span, ...]:
    """The paragraphs each place of `needle` in `text` covers: `text` is the seed's joined paragraphs with the
    line breaks at `cuts` taken out (a position in it is that many further on in the paragraphs)."""
    spans: list[Span] = []
    at = text.find(needle)
    while at >= 0:
        end = at + len(needle) - 1
        first, last = at + bisect.bisect_right(cuts, at), end + bisect.bisect_right(cuts, end)
        span = Span(bisect.bisect_right(starts, first), bisect.bisect_right(starts, last))
        if not spans or span.first > spans[-1].last:
            spans.append(span)
        at = text.find(needle, at + 1)
    return tuple(spans)


def fragments_of(passage: str) -> list[str]:
    """The words of a passage between its ellipses, normalised; one fragment if it has none."""
    return [part for part in _ELLIPSIS.split(normalise(passage)) if part]


def _all(seed: Seed, passage: str, first: int) -> list[int]:
    """Every paragraph holding `passage`, from the first one `Seed.locate` found (raw text first, as it does)."""
    found = [first]
    raw = seed.text.find(passage)
    if raw >= 0 and passage.strip() == passage and seed.paragraph_at(raw) == first:
        while (raw := seed.text.find(passage, raw + 1)) >= 0:
            number = seed.paragraph_at(raw)
            if number != found[-1]:
                found.append(number)
        return found
    joined, starts = seed.index
    needle = normalise(passage)
    at = joined.find(needle)
    while at >= 0:
        number = bisect.bisect_right(starts, at)
        if number != found[-1] and number > first:
            found.append(number)
        at = joined.find(needle, at + 1)
    return found


def _find_fragments(seed: Seed, fragments: list[str]) -> Found:
    joined, starts = seed.index
    spans: list[Span] = []
    deepest = 0  # how many fragments the best attempt found, to name the first one missing
    at = joined.find(fragments[0])
    tries = 0
    while at >= 0 and tries < MAX_TRIES:
        tries += 1
        span, matched = _follow(joined, starts, fragments, at)
        deepest = max(deepest, matched)
        if span is not None and (not spans or span.first > spans[-1].last):
            spans.append(span)
        at = joined.find(fragments[0], at + 1)
    missing = "" if spans else fragments[deepest] if deepest < len(fragments) else fragments[-1]
    return Found(tuple(spans), missing)


def _follow(joined: str, starts: list[int], fragments: list[str], at: int) -> tuple[Span | None, int]:
    """The span of the fragments found in order from `at`, each in the paragraph of the one before or the
    next; (None, how many were found) when one is missing."""
    first = last = bisect.bisect_right(starts, at)
    end = at + len(fragments[0])
    for k, fragment in enumerate(fragments[1:], start=1):
        limit = starts[last + 1] - 1 if last + 1 < len(starts) else len(joined)  # the end of the next paragraph
        found = joined.find(fragment, end, limit)
        if found < 0:
            return None, k
        last, end = bisect.bisect_right(starts, found), found + len(fragment)
    return Span(first, last), len(fragments)
