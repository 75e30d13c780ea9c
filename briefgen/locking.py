"""One writer at a time: the inter-process locks that serialise builds, and additions to seeds/."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from briefgen.environment import env_number
from briefgen.errors import BriefgenError, Problem

LOCK_WAIT_SECONDS = 300
LOCK_WAIT_CEILING = 86400  # a day: a longer wait is a typo, not a plan


@contextlib.contextmanager
def held(lock_path: Path, display: str, what: str) -> Iterator[None]:
    """Hold the lock at `lock_path` for the block, waiting up to `lock_wait_seconds()` for another holder;
    `what` names that holder in the error ("another build is running")."""
    from filelock import FileLock, Timeout

    wait = lock_wait_seconds()
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with FileLock(str(lock_path), timeout=wait):
            yield
    except Timeout:
        raise BriefgenError(Problem(display, f"{what}: it has held the lock for more than {wait:g} s",
                                    hint="wait for it to finish, or check for a hung briefgen process")) from None


def lock_wait_seconds() -> float:
    """How long to wait for another holder: LOCK_WAIT_SECONDS, or BRIEFGEN_LOCK_SECONDS when set."""
    return env_number("BRIEFGEN_LOCK_SECONDS", LOCK_WAIT_SECONDS, 0, LOCK_WAIT_CEILING, unit="seconds")
