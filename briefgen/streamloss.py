"""Which standard streams could not be written, and how each first failed: the command line's exit code reads it
(cli/main.py's `_leave`), and a forked child (forking.py) carries its own back to the parent, since a warning a
build worker could not show is lost as much as one of the parent's.

Low in the package, beside forking.py: the command line sets the streams up (cli/terminal.py) and records here
each that fails; forking.py, which the command line's modules never reach, sends a child's record home."""

from __future__ import annotations

import os
import struct

OUT, ERR = "standard output", "standard error"

_LOST: dict[str, OSError] = {}  # each standard stream that failed, and how it first did
_RECORD = struct.Struct("<ii")  # the errno of standard output's first failure, then standard error's; 0: none


def lost(stream: str = OUT) -> OSError | None:
    """How `stream` (OUT or ERR) first failed, if it did."""
    return _LOST.get(stream)


def note(stream: str, error: OSError) -> None:
    """`stream` failed with `error`; only its first failure is kept."""
    _LOST.setdefault(stream, error)


def packed() -> bytes:
    """This process's record as a few bytes, for a forked child to send its parent (`unpacked` there)."""
    return _RECORD.pack(*((_LOST[s].errno or 0) if s in _LOST else 0 for s in (OUT, ERR)))


RECORD_SIZE = _RECORD.size


def unpacked(record: bytes) -> None:
    """A child's record (`packed` there) added to this process's: its lost streams count as lost here."""
    for stream, code in zip((OUT, ERR), _RECORD.unpack(record), strict=True):
        if code:
            note(stream, OSError(code, os.strerror(code)))
