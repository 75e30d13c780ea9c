"""One writer at a time: the inter-process locks that serialise builds, and additions to seeds/."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from briefgen.errors import BriefgenError, Problem

LOCK_WAIT_SECONDS = 300
MAX_LOCK_WAIT = 86400  # a day: beyond it a wait is a hang


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
    raw = os.environ.get("BRIEFGEN_LOCK_SECONDS", "").strip()
    if not raw:
        return LOCK_WAIT_SECONDS
    try:
        seconds = float(raw)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds <= MAX_LOCK_WAIT:
        raise BriefgenError(Problem("BRIEFGEN_LOCK_SECONDS", f"{raw[:40]!r} is not a number of seconds up to "
                                    f"{MAX_LOCK_WAIT}",
                                    hint="unset it, or give a number such as 60"))
    return seconds
