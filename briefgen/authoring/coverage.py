"""`briefgen coverage`: for each seed, the paragraphs the model cites and the substantive ones it does not."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from briefgen.document.scripts import script_of
from briefgen.sources.seeds import pinpoint
from briefgen.text import ends_sentence
from briefgen.verify.check import Checked

SUBSTANTIVE_WORDS = 8  # shorter lines are headlines, captions, bylines and page furniture...
SENTENCE_WORDS = 4  # ...unless they end as a sentence does ("Dry weather reduced yields.")
# Scripts written without spaces between words: letters to a word, on average, for counting them.
_LETTERS_A_WORD = {"cjk": 2, "thai": 5, "lao": 5, "khmer": 5, "myanmar": 5}


def substantive(text: str) -> bool:
    """Whether a paragraph says something a model might cite: eight words, or four ending as a sentence;
    Chinese, Japanese, Thai, Lao, Khmer and Burmese words counted from their letters (no spaces divide them)."""
    words = len(text.split())
    if not text.isascii():
        letters = Counter(found.name for char in text if (found := script_of(char)) and found.name in _LETTERS_A_WORD)
        words += sum(count // _LETTERS_A_WORD[name] for name, count in letters.items())
    return words >= SUBSTANTIVE_WORDS or (words >= SENTENCE_WORDS and ends_sentence(text))


@dataclass(frozen=True)
class SeedCoverage:
    source: str
    file: str
    cited: dict[int, list[str]]  # paragraph -> ids of the items citing it
    uncited: dict[int, str]  # substantive paragraph -> its text
    pinpoints: dict[int, str] = field(default_factory=dict)  # PDF seeds: paragraph -> "p. 2, ¶3"
    marking: str | None = None  # the source's marking (None when the workspace marks nothing)
    item_markings: dict[str, str] = field(default_factory=dict)  # citing item -> its effective marking

    def where(self, number: int) -> str:
        return self.pinpoints.get(number) or pinpoint(None, number)

    @property
    def share(self) -> float:
        total = len(self.cited) + len(self.uncited)
        return len(self.cited) / total if total else 1.0

    def to_json(self) -> dict[str, object]:
        found: dict[str, object] = {"source": self.source, "file": self.file, "share_cited": round(self.share, 3),
                                    "cited": {str(k): v for k, v in self.cited.items()},
                                    "uncited": {str(k): v for k, v in self.uncited.items()}}
        if self.pinpoints:
            found["pinpoints"] = {str(k): v for k, v in self.pinpoints.items()}
        if self.marking:
            found.update(marking=self.marking, item_markings=self.item_markings)
        return found

    def cited_by(self, ids: list[str]) -> str:
        return ", ".join(f"{i} ({self.item_markings[i]})" if i in self.item_markings else i for i in ids)


def coverage(checked: Checked) -> list[SeedCoverage]:
    cited: dict[str, dict[int, list[str]]] = {}
    for item in checked.verification.items.values():
        for citation in item.citations:
            for number in citation.paragraphs:
                ids = cited.setdefault(citation.source.id, {}).setdefault(number, [])
                if item.id not in ids:
                    ids.append(item.id)
    report = []
    for source in checked.loaded.catalogue.sources:
        seed = checked.verification.seeds.get(source.id)
        if seed is None:
            continue
        used = cited.get(source.id, {})
        open_paragraphs = {n: text for n, text in enumerate(seed.paragraphs, start=1)
                           if n not in used and substantive(text)}
        pinpoints = {n: seed.pinpoint(n) for n in [*used, *open_paragraphs]} if seed.pages else {}
        report.append(SeedCoverage(source.id, seed.display, dict(sorted(used.items())), open_paragraphs,
                                   dict(sorted(pinpoints.items())), *_markings(checked, source.id, used)))
    return report


def _markings(checked: Checked, source_id: str, used: dict[int, list[str]]) -> tuple[str | None, dict[str, str]]:
    marks = checked.markings
    level = marks.source_level(source_id)
    if level is None:
        return None, {}
    items = {i: marks.level(marks.items.get(i, 0)).name for ids in used.values() for i in ids}
    return level.name, items


def report_text(report: list[SeedCoverage]) -> str:
    lines = []
    for seed in report:
        marked = f", {seed.marking}" if seed.marking else ""
        cited = f"{len(seed.cited)} paragraph{'' if len(seed.cited) == 1 else 's'} cited"
        lines.append(f"{seed.file} ({seed.source}{marked}): {cited}, {len(seed.uncited)} substantive "
                     f"{'one' if len(seed.uncited) == 1 else 'ones'} not ({seed.share:.0%} covered)")
        for number, ids in seed.cited.items():
            lines.append(f"  {seed.where(number)} cited by {seed.cited_by(ids)}")
        for number, text in seed.uncited.items():
            lines.append(f"  {seed.where(number)} not cited: {text if len(text) <= 100 else text[:99] + '…'}")
    return "\n".join(lines)
