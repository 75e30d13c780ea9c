"""A seeded, time-bounded fuzz of round 9: draws the cases of tests/hostile_inputs9.py (a signal in the first
150 ms; a build that warns with its standard error full or abandoned; hostile YAML; templates that loop, recurse,
grow, pry or write markup no brief shows; seeds that are no regular file, names with line feeds, of 255 bytes, NFC
and NFD twins) and reports every rule broken: round 8's (tests/fuzz_round8.py: a traceback, an unexpected exit
code, an error without its hint, a failed command that changed the briefs, a record that disagrees, a leftover
staging folder or temporary file, a child outliving the command, a hang, a write outside the workspace), and
round 9's own: a traceback from a signal once briefgen's entry point runs (tests/test_hostile_round9.py); a build
whose warning could not be shown that did not publish, or ended with 0.

    PYTHONPATH=. python -m tests.fuzz_round9 --seed 9 --seconds 300 [--family startup ...]

tests/test_hostile_round9.py runs it for a short while."""

from __future__ import annotations

import random
import signal
import sys
from collections.abc import Mapping
from pathlib import Path

from tests.fuzz_round5 import drive
from tests.fuzz_round8 import attempt, broken
from tests.helpers import published
from tests.hostile_inputs8 import Case, Family
from tests.hostile_inputs9 import FAMILIES


def after_entry(text: str) -> bool:
    """A traceback from a frame of the command line or of click: a signal briefgen's entry point should have held
    (before it, in the interpreter's start-up and `import briefgen`, the traceback is Python's own)."""
    return "Traceback (most recent call last)" in text and ("briefgen/cli/main.py" in text or "/click/" in text)


def before_entry(text: str) -> bool:
    """A KeyboardInterrupt from the interpreter's start-up (its site module: "Fatal Python error:
    init_import_site", exit 1) or `import briefgen`: no frame of the command line's or of click's."""
    return "KeyboardInterrupt" in text and "Traceback (most recent call last)" in text and not after_entry(text)


def round9(ws: Path, case: Case, code: int | None, text: str, before: dict[str, tuple[str, int]]) -> list[str]:
    """The rules of this round beyond round 8's."""
    faults = []
    if case.signum is not None and after_entry(text):
        faults.append(f"traceback after the entry point: {text[-800:]}")
    if case.stream in ("full-err", "gone-err") and (code not in (1, 141) or published(ws) == before):
        faults.append(f"a warning that could not be shown changed the build: exit {code}, "
                      f"{'nothing' if published(ws) == before else 'briefs'} published")
    return faults


def judged(ws: Path, case: Case, code: int | None, text: str, before: dict[str, tuple[str, int]]) -> list[str]:
    """This round's rules and round 8's; before the entry point, a traceback without a hint is Python's own."""
    faults = round9(ws, case, code, text, before) + broken(ws, case, code, text, before)
    if case.signum is not None and before_entry(text):  # Python's own, before any of briefgen's code could act
        faults = [f for f in faults if not f.startswith(("traceback or internal error", "no hint"))]
    return faults


def one(rng: random.Random, family: Family, base: Path, folder: Path) -> tuple[str, list[str]]:
    """Draw one case of `family` in a fresh copy of `base` under `folder`; the rules it broke."""
    case, faults = attempt(rng, family, base, folder, judged)
    signalled = f" signal={case.signum}@{case.delay:.3f}" if case.signum is not None else ""
    return f"{' '.join(case.args)!r} stream={case.stream}{signalled}", faults


def main(families: Mapping[str, Family] = FAMILIES, seconds: float = 300, seed: int = 9,
         argv: list[str] | None = None) -> int:
    """Draw cases until the time is up; print every rule broken (exit 1 when any was)."""
    return drive(lambda rng, name, base, folder: one(rng, families[name], base, folder), sorted(families),
                 __doc__ or "", seed, seconds, argv)


if __name__ == "__main__":
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    sys.exit(main())
