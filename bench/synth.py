"""A synthetic workspace: N seeds of about 5 KB, two cited passages per seed, one compact audience."""

from __future__ import annotations

import random
from pathlib import Path

WORDS = ("analysts report that the programme expanded production capacity across several facilities while "
         "officials described new testing regimes and regional partners expressed concern about supply chains "
         "and the pace of modernisation in the coming year according to documents reviewed").split()

PROFILE = """\
template: executive.xml.j2
formats: [docx, pdf]
max_pages: 1
sections: [bluf, judgments, figures]
limits: {judgments: 4, figures: 3}
"""


def _paragraph(rng: random.Random, seed_no: int, para_no: int) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(60, 90))]
    words.insert(5, f"unit{seed_no}x{para_no}")  # makes every paragraph unique
    return " ".join(words).capitalize() + "."


def make_workspace(root: Path, seeds: int, seed_bytes: int = 5000) -> Path:
    rng = random.Random(seeds)
    (root / "seeds").mkdir(parents=True, exist_ok=True)
    (root / "templates").mkdir(exist_ok=True)
    (root / "templates" / "digest.yaml").write_text(PROFILE, encoding="utf-8")
    catalogue = ["sources:"]
    judgments = ["judgments:"]
    firsts: list[str] = []
    lasts: list[str] = []
    for n in range(seeds):
        paragraphs: list[str] = []
        while sum(len(p) + 2 for p in paragraphs) < seed_bytes:
            paragraphs.append(_paragraph(rng, n, len(paragraphs)))
        (root / "seeds" / f"s{n:05d}.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
        catalogue.append(f"  - {{id: s{n}, file: s{n:05d}.txt, originator: Outlet {n % 97}, title: Report {n}, "
                         f"published: '2025-09', accessed: '2026-11-20', kind: report, descriptor: Synthetic.}}")
        firsts.append(" ".join(paragraphs[0].split()[3:12]))
        lasts.append(" ".join(paragraphs[-1].split()[3:12]))
    for n in range(seeds):  # each judgment: one passage of its seed, one of the next (another originator)
        other = (n + 1) % seeds
        judgments.append(f"  - id: j{n}\n    statement: Synthetic judgment {n}.\n    confidence: moderate\n"
                         f"    priority: {1 + n % 9}\n    evidence:\n"
                         f"      - {{source: s{n}, passage: \"{firsts[n]}\"}}\n"
                         f"      - {{source: s{other}, passage: \"{lasts[other]}\"}}\n")
    (root / "seeds" / "sources.yaml").write_text("\n".join(catalogue) + "\n", encoding="utf-8")
    head = ("brief:\n  title: Synthetic brief\n  subject: Scale test\n  as_of: '2025-09-19'\n"
            "  bluf: A synthetic workspace for measuring briefgen at scale.\n")
    (root / "seeds" / "summary.yaml").write_text(head + "\n".join(judgments), encoding="utf-8")
    return root
