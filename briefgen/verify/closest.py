"""Find the text in a seed that comes closest to a passage that is no longer there."""

from __future__ import annotations

import bisect
import difflib
import itertools
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from briefgen.sources.seeds import Seed
from briefgen.sources.textnorm import normalise

EXACT_CELLS = 10_000_000  # passage × seed characters searched exhaustively (about a third of a second)
RUN = 3  # words in a shared run that votes for an alignment
BUCKET = 16  # words: windows chosen this far apart at least
WINDOWS = 4  # best-voted windows compared word by word
_SEPARATOR = re.compile("[ \n]")
CHUNK = 2048  # words of a long paragraph skipped at a time on the way to a window


@dataclass(frozen=True)
class NearMiss:
    paragraph: int
    text: str
    similarity: float  # 0..1
    pinpoint: str  # "¶7", or "p. 2, ¶3" in a PDF seed

    def describe(self) -> str:
        return f"closest text ({self.pinpoint}, {self.similarity:.0%} similar): “{self.text}”"


def closest(seed: Seed, passage: str) -> NearMiss | None:
    """The text of the seed that comes closest to the passage, or None when none shares a word run with it.

    A small search (passage length × seed length up to EXACT_CELLS) compares character by character over
    every paragraph. A larger one would take minutes (difflib is quadratic), so it is bounded: word runs
    the passage and the seed share vote for where the passage would sit, and only the few best-voted
    windows are compared, word by word."""
    needle = normalise(passage)
    joined, _ = seed.index
    if len(needle) * len(joined) <= EXACT_CELLS:
        return _exhaustive(seed, needle)
    return _anchored(seed, needle)


def _exhaustive(seed: Seed, needle: str) -> NearMiss | None:
    """The best-matching window of the passage's length, over all paragraphs of the seed."""
    best: NearMiss | None = None
    for number, para in enumerate(seed.paragraphs, start=1):
        hay = seed.normalised(number)
        # no length-based pruning here: a long paragraph can hold a window that matches well
        matcher = difflib.SequenceMatcher(None, needle, hay, autojunk=False)
        start, end = _window(matcher, needle, hay)
        score = difflib.SequenceMatcher(None, needle, hay[start:end], autojunk=False).ratio()
        if best is None or score > best.similarity:
            best = NearMiss(number, _original_words(para, hay, start, end), score, seed.pinpoint(number))
    return best


def _anchored(seed: Seed, needle: str) -> NearMiss | None:
    """Vote with shared runs of RUN words for the offset at which the passage lines up with the seed, then
    score the WINDOWS best-voted windows (each within one paragraph) by word-level similarity."""
    words = needle.split()
    size = min(RUN, len(words))
    runs = {tuple(words[i:i + size]): i for i in range(len(words) - size + 1)} if size else {}
    hay_words, word_starts = _words(seed)
    votes: Counter[int] = Counter()
    first: dict[int, int] = {}  # offset -> the earliest passage word that voted for it
    shingles = zip(*(hay_words[k:] for k in range(size)), strict=False) if runs else iter(())
    for i, shingle in enumerate(shingles):
        j = runs.get(shingle)
        if j is not None:
            votes[i - j] += 1
            first.setdefault(i - j, j)
    chosen: list[int] = []
    for offset, _ in votes.most_common():
        if all(abs(offset - other) > BUCKET for other in chosen):
            chosen.append(offset)
            if len(chosen) == WINDOWS:
                break
    # an edit that adds or drops words shifts the rest of the passage: start where its beginning lines up
    starts = [min((o for o in range(c - BUCKET, c + BUCKET + 1) if o in first), key=first.__getitem__)
              for c in chosen]
    scored = [_scored(seed, words, hay_words, word_starts, max(0, offset)) for offset in starts]
    return max(scored, key=lambda miss: miss.similarity, default=None)


def _scored(seed: Seed, words: list[str], hay_words: list[str], word_starts: list[int], first: int) -> NearMiss:
    """The window of the passage's length in words from hay word `first`, cut at its paragraph's end."""
    joined, starts = seed.index
    number = bisect.bisect_right(starts, word_starts[first])
    para_end = starts[number] - 1 if number < len(starts) else len(joined)
    last = min(len(hay_words), first + len(words), bisect.bisect_left(word_starts, para_end))
    score = difflib.SequenceMatcher(None, words, hay_words[first:last], autojunk=False).ratio()
    hay = seed.normalised(number)
    offset = starts[number - 1]
    end = word_starts[last - 1] + len(hay_words[last - 1]) - offset
    text = _original_words(seed.paragraphs[number - 1], hay, word_starts[first] - offset, end)
    return NearMiss(number, text, score, seed.pinpoint(number))


@lru_cache(maxsize=4)
def _words(seed: Seed) -> tuple[list[str], list[int]]:
    """The seed's normalised words and where each starts in its joined normalised text (kept for the few
    seeds a run of misses searches). Normalised text is single-spaced, its paragraphs joined by newlines."""
    joined, _ = seed.index
    words = _SEPARATOR.split(joined)
    starts = [0, *itertools.accumulate(len(w) + 1 for w in words)][:-1]
    return words, starts


def _window(matcher: difflib.SequenceMatcher[str], needle: str, hay: str) -> tuple[int, int]:
    """Where in `hay` the stretch as long as `needle`, anchored on their longest common block, starts and ends."""
    block = matcher.find_longest_match(0, len(needle), 0, len(hay))
    start = max(0, block.b - block.a)
    start = hay.rfind(" ", 0, start) + 1 if start else 0
    end = hay.find(" ", min(len(hay), start + len(needle)))
    return start, end if end >= 0 else len(hay)


def _original_words(paragraph: str, hay: str, start: int, end: int) -> str:
    """The window in the seed's own spelling: the paragraph's words that normalise to hay[start:end].

    Normalising can split a word ("well-known") or drop one (a dash), so words are counted as normalised;
    whole chunks before the window are counted at once (normalising is per character, so counts add up)."""
    skip, wanted = len(hay[:start].split()), len(hay[start:end].split())
    words = paragraph.split()
    seen = first = 0
    while first < len(words):
        count = len(normalise(" ".join(words[first:first + CHUNK])).split())
        if seen + count > skip:
            break
        seen, first = seen + count, first + CHUNK
    taken: list[str] = []
    for word in words[first:]:
        if wanted <= 0:
            break
        count = len(normalise(word).split())
        if seen >= skip:
            taken.append(word)
            wanted -= count
        seen += count
    return _clip(" ".join(taken))


def _clip(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
