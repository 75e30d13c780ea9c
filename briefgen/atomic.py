"""The one way briefgen writes a file that someone may be reading: never half-written, never lost."""

from __future__ import annotations

import contextlib
import functools
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

# mkstemp names our temporary files `.<target name>.<8 random characters>.tmp`; only these are ever cleaned up.
_STALE = re.compile(r"\..+\.[a-z0-9_]{8}\.tmp")


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `path`, fsync it, rename it over `path`, fsync the folder.

    A crash at any moment leaves either the old file or the new one, complete."""
    with _temporary(path) as (handle, temp):
        handle.write(data)
        _publish(handle, temp, path)


def atomic_copy(source: Path, path: Path) -> None:
    """Copy `source` to `path` the same way: the copy appears complete or not at all."""
    with _temporary(path) as (handle, temp), open(source, "rb") as original:
        shutil.copyfileobj(original, handle)
        _publish(handle, temp, path)


def cache_put(path: Path, data: bytes) -> None:
    """Best effort, for a cache entry: written whole under a temporary name and renamed, or not at all.

    No fsync (a lost entry is only recomputed); any OSError is swallowed, leaving no temporary file behind
    unless the process is killed mid-write (`remove_stale_temps` with an age collects those)."""
    with contextlib.suppress(OSError), _temporary(path) as (handle, temp):
        handle.write(data)
        handle.flush()
        os.replace(temp, path)


@contextlib.contextmanager
def _temporary(path: Path) -> Iterator[tuple[BinaryIO, str]]:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:  # named as the file being written, not as the temporary name tried
        raise OSError(exc.errno, exc.strerror, str(path)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle, temp
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        if isinstance(exc, OSError) and exc.filename is None:  # a failed write names no file: the one written
            exc.filename = str(path)
        raise


def _publish(handle: BinaryIO, temp: str, path: Path) -> None:
    handle.flush()
    os.fsync(handle.fileno())
    os.chmod(temp, file_mode())
    os.replace(temp, path)
    fsync_directory(path.parent)


def file_mode() -> int:
    """The permissions of a file briefgen writes: those any new file gets under the process's umask (0o666
    less it, as a shell's `>` or cp makes them: 0o644 under the usual 022, 0o600 under 077, where a fixed 0o644
    made a private workspace's briefs readable by everyone), the owner's reading and writing always kept:
    briefgen reads back what it wrote."""
    return (0o666 & ~_umask()) | 0o600


@functools.cache
def _umask() -> int:
    """This process's umask: from /proc on Linux (setting it to read it back races with other threads)."""
    with contextlib.suppress(OSError, ValueError), open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def remove_stale_temps(folder: Path, older_than: float = 0.0) -> list[Path]:
    """Delete the temporary files a killed run left in `folder` (ours only, by name; never recurses).

    Call it only while holding the build lock: then no live writer owns such a file. In the cache, which
    `check` writes without the lock, pass `older_than` (seconds): a live writer finishes in far less."""
    removed: list[Path] = []
    cutoff = time.time() - older_than
    with contextlib.suppress(FileNotFoundError, NotADirectoryError):
        for entry in os.scandir(folder):
            if (_STALE.fullmatch(entry.name) and entry.is_file(follow_symlinks=False)
                    and (not older_than or entry.stat(follow_symlinks=False).st_mtime < cutoff)):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
    return removed


def fsync_directory(directory: Path) -> None:
    """Make the rename itself durable (a no-op where directories cannot be opened)."""
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
