"""Per-file tally of a `make mutation` run: killed / survived / total for the mutants named on the command line.

Reads mutmut's result files (mutants/**/*.py.meta) and prints the surviving mutants' names, so that
`mutmut show NAME` can print each diff."""

from __future__ import annotations

import fnmatch
import json
import sys
from collections import Counter
from pathlib import Path

KILLED = {1, 3, 36, -24, 24, 152, 255}  # a failing test or a timeout (the mutant loops) both reveal the change


def tally(root: Path, patterns: list[str]) -> tuple[dict[str, Counter[str]], list[str]]:
    counts: dict[str, Counter[str]] = {}
    survivors: list[str] = []
    for meta in sorted(root.rglob("*.py.meta")):
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        for name, code in codes.items():
            if not any(fnmatch.fnmatch(name, p) for p in patterns):
                continue
            file = str(meta.relative_to(root)).removesuffix(".meta")
            verdict = "killed" if code in KILLED else "survived" if code == 0 else "untested" if code in (
                None, 5, 33) else f"other ({code})"
            counts.setdefault(file, Counter())[verdict] += 1
            if verdict != "killed":
                survivors.append(f"{verdict}: {name}")
    return counts, survivors


def main(patterns: list[str]) -> None:
    counts, survivors = tally(Path("mutants"), patterns or ["*"])
    print(f"{'file':36} {'killed':>7} {'survived':>9} {'total':>6}")
    for file, c in counts.items():
        print(f"{file:36} {c['killed']:7} {c['survived']:9} {sum(c.values()):6}")
    print("\n".join(survivors) or "no survivors")


if __name__ == "__main__":
    main(sys.argv[1:])
