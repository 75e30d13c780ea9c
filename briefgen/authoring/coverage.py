"""`briefgen coverage`: for each seed, the paragraphs the model cites and the substantive ones it does not."""

from __future__ import annotations

from dataclasses import dataclass, field

from briefgen.sources.seeds import pinpoint
from briefgen.verify.check import Checked

SUBSTANTIVE_WORDS = 8  # shorter lines are headlines, captions, bylines and page furniture


@dataclass(frozen=True)
class SeedCoverage:
    source: str
    file: str
    cited: dict[int, list[str]]  # paragraph -> ids of the items citing it
    uncited: dict[int, str]  # substantive paragraph -> its text
    pinpoints: dict[int, str] = field(default_factory=dict)  # PDF seeds: paragraph -> "p. 2, ¶3"

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
        return found


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
                           if n not in used and len(text.split()) >= SUBSTANTIVE_WORDS}
        pinpoints = {n: seed.pinpoint(n) for n in [*used, *open_paragraphs]} if seed.pages else {}
        report.append(SeedCoverage(source.id, seed.display, dict(sorted(used.items())), open_paragraphs,
                                   dict(sorted(pinpoints.items()))))
    return report


def report_text(report: list[SeedCoverage]) -> str:
    lines = []
    for seed in report:
        lines.append(f"{seed.file} ({seed.source}): {len(seed.cited)} paragraphs cited, "
                     f"{len(seed.uncited)} substantive ones not ({seed.share:.0%} covered)")
        for number, ids in seed.cited.items():
            lines.append(f"  {seed.where(number)} cited by {', '.join(ids)}")
        for number, text in seed.uncited.items():
            lines.append(f"  {seed.where(number)} not cited: {text if len(text) <= 100 else text[:99] + '…'}")
    return "\n".join(lines)
