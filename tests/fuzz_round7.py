"""A seeded, time-bounded fuzz of hostile workspace inputs (round 7): draws the mutations of tests/hostile_inputs7.py
(paths on the command line naming devices, pipes, sockets, files and links to nothing; what stands where a template
or a profile belongs and the names template tags give; where a catalogued seed lies) and checks each run by
tests/fuzz_round5.py's rules: an exit code other than 0 or 1, a traceback or internal error, an error line without
its hint, a published brief changed by a failed command, a file written outside the workspace, or a hang.

    PYTHONPATH=. python -m tests.fuzz_round7 --seed 7 --seconds 300 [--family places ...]

The classes it found are tests in tests/test_hostile_round7.py; this script is the generator, not a test."""

from __future__ import annotations

import sys

from tests.fuzz_round5 import main
from tests.hostile_inputs7 import FAMILIES

if __name__ == "__main__":
    sys.exit(main(FAMILIES, __doc__ or "", seed=7))
