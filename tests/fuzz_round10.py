"""A seeded, time-bounded fuzz of round 10: draws the cases of tests/hostile_inputs10.py (text of characters no
page shows at the places text is written; the empty path wherever the command line takes one; a build whose forked
worker warns with standard error full or abandoned; a profile's font with damaged glyph data; names in output/
briefgen did not give, of other scripts' digits or too many of them) and reports every
rule broken: round 9's and round 8's (tests/fuzz_round9.py: a traceback, an unexpected exit code, an error without
its hint, a failed command that changed the briefs, a lost warning that did not set the exit code, a write outside
the workspace...), and this round's own: blank text not refused as blank, an empty path not refused as a usage
error, a damaged font not refused where the profile names it, a build numbered beyond what --since names.

    PYTHONPATH=. python -m tests.fuzz_round10 --seed 10 --seconds 300 [--family unseen ...]

tests/test_hostile_round10.py runs it for a short while."""

from __future__ import annotations

import json
import random
import signal
import sys
from collections.abc import Mapping
from pathlib import Path

from tests.fuzz_round5 import drive
from tests.fuzz_round8 import attempt
from tests.fuzz_round9 import judged as round9
from tests.hostile_inputs8 import Case, Family
from tests.hostile_inputs10 import FAMILIES, unseen_in


def round10(ws: Path, case: Case, code: int | None, text: str) -> list[str]:
    """The rules of this round beyond round 9's."""
    faults = []
    if "" in case.args and (code != 2 or "an empty path names no " not in text):
        faults.append(f"an empty path was taken for a folder: exit {code}")
    elif unseen_in(ws) and (code != 1 or "must not be blank: it holds only characters no page shows" not in text):
        faults.append(f"text no page shows was not refused as blank: exit {code}")
    elif (ws / "templates/house.ttf").exists() and (code != 1 or "look.fonts.body: font 'house.ttf' is damaged"
                                                    not in text):
        faults.append(f"a damaged font was not refused at its line: exit {code}")
    if _build_number(ws) > 10 ** 18 - 1:
        faults.append("a build was numbered beyond the 18 digits --since reads")
    return faults


def _build_number(ws: Path) -> int:
    """The number of the last build the build record counts (0 when it cannot be read)."""
    try:
        number = json.loads((ws / "output/briefgen.lock").read_text(encoding="utf-8")).get("build", 0)
    except (OSError, ValueError, AttributeError):
        return 0
    return number if isinstance(number, int) else 0


def judged(ws: Path, case: Case, code: int | None, text: str, before: dict[str, tuple[str, int]]) -> list[str]:
    return round10(ws, case, code, text) + round9(ws, case, code, text, before)


def one(rng: random.Random, family: Family, base: Path, folder: Path) -> tuple[str, list[str]]:
    """Draw one case of `family` in a fresh copy of `base` under `folder`; the rules it broke."""
    case, faults = attempt(rng, family, base, folder, judged)
    return f"{' '.join(case.args)!r} env={case.env} stream={case.stream}", faults


def main(families: Mapping[str, Family] = FAMILIES, seconds: float = 300, seed: int = 10,
         argv: list[str] | None = None) -> int:
    """Draw cases until the time is up; print every rule broken (exit 1 when any was)."""
    return drive(lambda rng, name, base, folder: one(rng, families[name], base, folder), sorted(families),
                 __doc__ or "", seed, seconds, argv)


if __name__ == "__main__":
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    sys.exit(main())
