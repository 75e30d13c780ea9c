"""A synthetic workspace of 50,000 entries: N seeds of about 5 KB, each catalogued, and for each seed a judgment,
a figure, a quote and a gap citing it (N = 10,000: 10,000 sources and 40,000 items, every list at its cap)."""

from __future__ import annotations

import random
from pathlib import Path

from bench.synth import PROFILE, WORDS


def _seed_text(rng: random.Random, n: int, size: int) -> tuple[str, str, str]:
    """A seed's text, and the passages its judgment and its quote cite."""
    lead = " ".join(rng.choice(WORDS) for _ in range(70))
    lead = f"Report {n} finds that {lead}.".capitalize()
    figure = f"Officials counted {1000 + 7 * n} launchers at site {n} during the inspection."
    quote = f'The minister said "we will expand unit{n} output next year" at a briefing.'
    paragraphs = [lead, figure, quote]
    while sum(len(p) + 2 for p in paragraphs) < size:
        paragraphs.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(60, 90))).capitalize() + ".")
    return "\n\n".join(paragraphs) + "\n", " ".join(lead.split()[:10]), f"we will expand unit{n} output next year"


def _items(n: int, lead: str, quote: str, seeds: int) -> tuple[str, str, str, str]:
    src, other = f"s{n}", (n + 1) % seeds  # the next seed has another originator: judgments are corroborated
    judgment = (f"  - {{id: j{n}, statement: Synthetic judgment {n}., confidence: moderate, priority: {1 + n % 9}, "
                f"evidence: [{{source: {src}, passage: \"{lead}\"}}, "
                f"{{source: s{other}, passage: 'counted {1000 + 7 * other} launchers at site {other}'}}]}}")
    figure = (f"  - {{id: f{n}, label: Launchers at site {n}, value: '{1000 + 7 * n} launchers', "
              f"number: {1000 + 7 * n}, unit: launchers, priority: {1 + n % 9}, "
              f"evidence: [{{source: {src}, passage: 'counted {1000 + 7 * n} launchers at site {n}'}}]}}")
    quoted = f"{{source: {src}, passage: 'The minister said \"{quote}\"'}}"
    quote_item = (f"  - {{id: q{n}, text: '{quote}', speaker: Minister {n % 50}, context: A briefing., "
                  f"priority: {1 + n % 9}, evidence: [{quoted}]}}")
    gap = f"  - {{id: g{n}, statement: What site {n} produces is unknown., evidence: [{quoted}]}}"
    return judgment, figure, quote_item, gap


def make_items_workspace(root: Path, seeds: int = 10_000, seed_bytes: int = 5000) -> Path:
    rng = random.Random(seeds)
    (root / "seeds").mkdir(parents=True, exist_ok=True)
    (root / "templates").mkdir(exist_ok=True)
    (root / "templates" / "digest.yaml").write_text(PROFILE, encoding="utf-8")
    catalogue = ["sources:"]
    lists: tuple[list[str], ...] = (["judgments:"], ["figures:"], ["quotes:"], ["gaps:"])
    for n in range(seeds):
        text, lead, quote = _seed_text(rng, n, seed_bytes)
        (root / "seeds" / f"s{n:05d}.txt").write_text(text, encoding="utf-8")
        catalogue.append(f"  - {{id: s{n}, file: s{n:05d}.txt, originator: Outlet {n % 97}, title: Report {n}, "
                         f"published: '2025-09', accessed: '2026-11-20', kind: report, descriptor: Synthetic.}}")
        for lines, item in zip(lists, _items(n, lead, quote, seeds), strict=True):
            lines.append(item)
    (root / "seeds" / "sources.yaml").write_text("\n".join(catalogue) + "\n", encoding="utf-8")
    head = ("brief:\n  title: Synthetic brief\n  subject: Scale test\n  as_of: '2025-09-19'\n"
            "  bluf: A synthetic workspace of 50,000 entries.\n")
    (root / "seeds" / "summary.yaml").write_text(head + "\n".join("\n".join(x) for x in lists) + "\n",
                                                 encoding="utf-8")
    return root
