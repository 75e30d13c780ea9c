"""`make mutation`'s bookkeeping over mutmut's result files (mutants/**/*.py.meta).

    mutation_report.py PATTERN...                   killed / survived / total per file, then the survivors
    mutation_report.py --sample N --seed S PATTERN...  N mutant names per file, drawn at random with seed S

A full run covers every mutant and takes hours on a shared 2-core machine; a seeded sample gives a survival
rate per file in minutes, and the same seed draws the same sample for the run after a fix."""

from __future__ import annotations

import argparse
import fnmatch
import json
import random
from collections import Counter
from pathlib import Path

KILLED = {1, 3, 36, -24, 24, 152, 255}  # a failing test or a timeout (the mutant loops) both reveal the change
UNTESTED = {None, 5, 33}  # not run yet, or no selected test reaches the function


def results(root: Path, patterns: list[str]) -> dict[str, dict[str, int | None]]:
    """Exit code by mutant name, per source file, for the mutants matching any of `patterns`."""
    found: dict[str, dict[str, int | None]] = {}
    for meta in sorted(root.rglob("*.py.meta")):
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        file = str(meta.relative_to(root)).removesuffix(".meta")
        found[file] = {name: code for name, code in codes.items() if any(fnmatch.fnmatch(name, p) for p in patterns)}
    return {file: codes for file, codes in found.items() if codes}


def verdict(code: int | None) -> str:
    return "killed" if code in KILLED else "survived" if code == 0 else "untested" if code in UNTESTED else "other"


def report(found: dict[str, dict[str, int | None]]) -> None:
    print(f"{'file':32} {'killed':>7} {'survived':>9} {'untested':>9} {'total':>6}")
    for file, codes in found.items():
        tally = Counter(verdict(code) for code in codes.values())
        print(f"{file:32} {tally['killed']:7} {tally['survived']:9} {tally['untested']:9} {len(codes):6}")
    for codes in found.values():
        for name, code in codes.items():
            if verdict(code) not in ("killed", "untested"):
                print(f"{verdict(code)}: {name}")


def sample(found: dict[str, dict[str, int | None]], size: int, seed: int) -> list[str]:
    draw = random.Random(seed)
    return [name for codes in found.values() for name in sorted(draw.sample(sorted(codes), min(size, len(codes))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("patterns", nargs="+")
    parser.add_argument("--sample", type=int, default=0, help="draw this many mutant names per file")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--names", type=Path, help="only these mutants (one name a line, as --sample prints)")
    args = parser.parse_args()
    found = results(Path("mutants"), args.patterns)
    if args.sample:
        print("\n".join(sample(found, args.sample, args.seed)))
        return
    if args.names:
        wanted = set(args.names.read_text(encoding="utf-8").split())
        found = {f: {n: c for n, c in codes.items() if n in wanted} for f, codes in found.items()}
    report({f: codes for f, codes in found.items() if codes})


if __name__ == "__main__":
    main()
