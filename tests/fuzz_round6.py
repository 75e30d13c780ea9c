"""A seeded, time-bounded fuzz of hostile workspace inputs (round 6): draws the mutations of tests/hostile_inputs6.py
(state file values, cuts and format numbers, option values, the environment, links out of seeds/ and templates/,
planted compiled templates) and checks each run by tests/fuzz_round5.py's rules: an exit code other than 0 or 1,
a traceback or internal error, an error line without its hint, a published brief changed by a failed command,
briefs that disagree with the build record after a kill, a file written outside the workspace, or a hang.

    PYTHONPATH=. python -m tests.fuzz_round6 --seed 6 --seconds 300 [--family options ...]

The classes it found are tests in tests/test_hostile_round6.py; this script is the generator, not a test."""

from __future__ import annotations

import sys

from tests.fuzz_round5 import main
from tests.hostile_inputs6 import FAMILIES

if __name__ == "__main__":
    sys.exit(main(FAMILIES, __doc__ or "", seed=6))
