"""One writer at a time: the inter-process locks that serialise builds, and additions to seeds/."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import stat
import time
from collections.abc import Iterator
from pathlib import Path

from briefgen.environment import env_number
from briefgen.errors import BriefgenError, Problem
from briefgen.safeio import os_problem

LOCK_WAIT_SECONDS = 300
LOCK_WAIT_CEILING = 86400  # a day: a longer wait is a typo, not a plan
POLL_SECONDS = 0.05


@contextlib.contextmanager
def held(lock_path: Path, display: str, what: str) -> Iterator[None]:
    """Hold the lock at `lock_path` for the block, waiting up to `lock_wait_seconds()` for another holder;
    `what` names that holder in the error ("another build is running").

    An advisory lock (flock, as the filelock package takes it) on a file opened without following a link:
    a lock file that is a symbolic link is refused, never truncated or created through the link."""
    wait = lock_wait_seconds()
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    fd = _open_lock(lock_path, display)
    try:
        deadline = time.monotonic() + wait
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                raise BriefgenError(Problem(display, f"{what}: it has held the lock for more than {wait:g} s",
                                            hint="wait for it to finish, or check for a hung briefgen process"))
            time.sleep(POLL_SECONDS)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _try_lock(fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _open_lock(path: Path, display: str) -> int:
    """The lock file, opened (and made if missing) without following a link; read-only where the folder is
    (a lock works on either, so `build --if-changed` with nothing to do still runs on a read-only output)."""
    flags = os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
    try:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | flags, 0o644)
        except OSError as exc:
            if exc.errno not in (errno.EROFS, errno.EACCES) or not path.exists():
                raise
            fd = os.open(path, os.O_RDONLY | flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise BriefgenError(Problem(display, "the lock file is a symbolic link", hint=(
                "remove the link: briefgen makes its own lock file there"))) from None
        raise BriefgenError(os_problem(exc, display)) from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise BriefgenError(Problem(display, "the lock file is not a regular file",
                                    hint="remove it: briefgen makes its own lock file there"))
    return fd


def lock_wait_seconds() -> float:
    """How long to wait for another holder: LOCK_WAIT_SECONDS, or BRIEFGEN_LOCK_SECONDS when set."""
    return env_number("BRIEFGEN_LOCK_SECONDS", LOCK_WAIT_SECONDS, 0, LOCK_WAIT_CEILING, unit="seconds")
