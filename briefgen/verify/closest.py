"""Find the text in a seed that comes closest to a passage that is no longer there."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from briefgen.sources.seeds import Seed
from briefgen.sources.textnorm import normalise


@dataclass(frozen=True)
class NearMiss:
    paragraph: int
    text: str
    similarity: float  # 0..1
    pinpoint: str  # "¶7", or "p. 2, ¶3" in a PDF seed

    def describe(self) -> str:
        return f"closest text ({self.pinpoint}, {self.similarity:.0%} similar): “{self.text}”"


def closest(seed: Seed, passage: str) -> NearMiss | None:
    """The best-matching window of the passage's length, over all paragraphs of the seed."""
    needle = normalise(passage)
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


def _window(matcher: difflib.SequenceMatcher[str], needle: str, hay: str) -> tuple[int, int]:
    """Where in `hay` the stretch as long as `needle`, anchored on their longest common block, starts and ends."""
    block = matcher.find_longest_match(0, len(needle), 0, len(hay))
    start = max(0, block.b - block.a)
    start = hay.rfind(" ", 0, start) + 1 if start else 0
    end = hay.find(" ", min(len(hay), start + len(needle)))
    return start, end if end >= 0 else len(hay)


def _original_words(paragraph: str, hay: str, start: int, end: int) -> str:
    """The window in the seed's own spelling: the paragraph's words that normalise to hay[start:end].

    Normalising can split a word ("well-known") or drop one (a dash), so words are counted as normalised."""
    skip, wanted = len(hay[:start].split()), len(hay[start:end].split())
    taken: list[str] = []
    seen = 0
    for word in paragraph.split():
        count = len(normalise(word).split())
        if seen >= skip and wanted > 0:
            taken.append(word)
            wanted -= count
        seen += count
    return _clip(" ".join(taken))


def _clip(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
