"""Find the text in a seed that comes closest to a passage that is no longer there."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from briefgen.seeds import Seed
from briefgen.textnorm import normalise


@dataclass(frozen=True)
class NearMiss:
    paragraph: int
    text: str
    similarity: float  # 0..1

    def describe(self) -> str:
        return f"closest text (¶{self.paragraph}, {self.similarity:.0%} similar): “{self.text}”"


def closest(seed: Seed, passage: str) -> NearMiss | None:
    """The best-matching window of the passage's length, over all paragraphs of the seed."""
    needle = normalise(passage)
    best: NearMiss | None = None
    for number, para in enumerate(seed.paragraphs, start=1):
        hay = seed.normalised(number)
        matcher = difflib.SequenceMatcher(None, needle, hay, autojunk=False)
        if best and matcher.real_quick_ratio() < best.similarity:
            continue
        window = _window(matcher, needle, hay)
        score = difflib.SequenceMatcher(None, needle, window, autojunk=False).ratio()
        if best is None or score > best.similarity:
            best = NearMiss(number, _original_words(para, window), score)
    return best


def _window(matcher: difflib.SequenceMatcher[str], needle: str, hay: str) -> str:
    """The stretch of `hay` as long as `needle`, anchored on their longest common block."""
    block = matcher.find_longest_match(0, len(needle), 0, len(hay))
    start = max(0, block.b - block.a)
    start = hay.rfind(" ", 0, start) + 1 if start else 0
    end = hay.find(" ", min(len(hay), start + len(needle)))
    return hay[start: end if end >= 0 else len(hay)]


def _original_words(paragraph: str, window: str) -> str:
    """Show the seed's own spelling: the same number of words from the paragraph, where they begin."""
    words = paragraph.split()
    target = window.split()
    if not target:
        return ""
    first = normalise(target[0])
    for i, word in enumerate(words):
        if normalise(word).startswith(first) or first.startswith(normalise(word) or "\0"):
            return _clip(" ".join(words[i:i + len(target)]))
    return _clip(window)


def _clip(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
