"""A short, bounded run of the seed readers' mutation fuzz (tests/fuzz_readers.py): every format's mutated
documents are read as `seeds add` reads them, and none may escape as anything but a SeedError, run past its time
or take unbounded memory. Under CI=true the seed is fixed, so a failure is the same on every run; elsewhere it
changes, and a failure names it: run `python -m tests.fuzz_readers --seed N --format SUFFIX` to see it again."""

from __future__ import annotations

import os
import random

from tests.fuzz_documents import SEEDS
from tests.fuzz_readers import fuzz

SECONDS = 12.0  # the whole run, shared among the formats (building the documents and loading the readers: ~6 s more)
FIXED_SEED = 8


def test_mutated_seeds_of_every_format_are_read_or_refused() -> None:
    seed = FIXED_SEED if os.environ.get("CI") == "true" else random.randrange(10_000)
    faults = []
    for suffix in sorted(SEEDS):
        tally = fuzz(suffix, seed, SECONDS / len(SEEDS))
        faults += [f"{suffix} {kind}: {message}" for kind, (message, _) in tally.faults.items()]
    assert not faults, f"seed {seed}:\n" + "\n".join(faults)
