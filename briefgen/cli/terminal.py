"""The one way the command line prints: text from seeds, the model, the catalogue and file names made safe to
show (`text.shown`), alike on a terminal and in a pipe, with briefgen's own colours on a terminal only."""

from __future__ import annotations

import codecs
import io
import json
import os
import select
import sys
from collections.abc import Callable
from typing import IO, TYPE_CHECKING, Any

import click

from briefgen.streamloss import ERR, OUT, note
from briefgen.text import shown

if TYPE_CHECKING:  # the report's types only: `check` imports the verifier when it runs
    from briefgen.verify.check import Role, Style

_LOOK: dict[str, dict[str, Any]] = {"item": {"bold": True}, "error": {"fg": "red"}, "warning": {"fg": "yellow"},
                                    "ok": {"fg": "green", "bold": True}, "failed": {"fg": "red", "bold": True}}


ESCAPE = "briefgen.escape"


def _escape_unencodable(exc: UnicodeError) -> tuple[str, int]:
    """The characters an output stream's encoding cannot hold, written as escapes (\\u2014, \\U0001f600) that
    Python and YAML's double-quoted strings read back as the characters."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    unheld = exc.object[exc.start:exc.end]
    return "".join(f"\\u{ord(c):04x}" if ord(c) < 0x10000 else f"\\U{ord(c):08x}" for c in unheld), exc.end


class OutputLost(BaseException):
    """Standard output can no longer be written: its reader went away (`briefgen status | head -1`), the device
    is full (/dev/full). A BaseException, as KeyboardInterrupt: no command's `except Exception` takes it for a
    failure of its own, and every cleanup runs on the way out. How it failed is kept in streamloss, not in the
    exception, which a library may make again from a message as it passes it on."""


class _Raw(io.FileIO):
    """A standard descriptor whose failed writes raise OutputLost, under every text or byte wrapper (click's own
    for an ASCII stream included); on a descriptor left non-blocking by the caller (a CI runner's pipe), a write
    the pipe cannot take yet waits for it, where the rest of a long report was lost (or a "could not complete
    without blocking" error ended the command)."""

    label = OUT

    def write(self, data: Any, /) -> int:
        while True:
            try:
                written = super().write(data)
            except OSError as exc:
                note(self.label, exc)
                return self.failed(data)
            if written is not None:
                return written
            select.select([], [self], [])  # the pipe is full for now: wait until its reader drains it

    def failed(self, data: Any) -> int:
        raise OutputLost


class _Err(_Raw):
    """Standard error: what cannot be written to it (a warning, on a full device or to a reader gone) is dropped
    and the command goes on, publishing what it would with a working one, where it stopped the build as Ctrl-C
    does; the exit code says it (`streamloss.lost(ERR)`, main's `_leave`), a forked worker's loss included."""

    label = ERR

    def failed(self, data: Any) -> int:
        return len(data)


def guard_streams() -> None:
    """Standard output and error made again on descriptors whose failures raise OutputLost, where a reader gone
    raised an internal error or a traceback; and they never refuse a character: a stream whose encoding cannot
    hold all of Unicode (PYTHONIOENCODING=latin-1, a Latin-1 locale) prints what it cannot hold as escapes,
    where briefgen's dashes, paragraph signs and quoted seed text stopped every report with an internal error."""
    codecs.register_error(ESCAPE, _escape_unencodable)
    for name, fd, kind in (("stdout", 1, _Raw), ("stderr", 2, _Err)):
        was = getattr(sys, name)
        raw = kind(fd, "w", closefd=False)
        errors = getattr(was, "errors", "strict")
        setattr(sys, name, io.TextIOWrapper(
            io.BufferedWriter(raw), encoding=getattr(was, "encoding", None) or "utf-8",
            errors=ESCAPE if errors == "strict" else errors, line_buffering=raw.isatty() or fd == 2))


def json_text(data: object) -> str:
    """`data` as the JSON a command prints: readable, and all in ASCII escapes where standard output cannot
    hold every character (an escape the stream made up would not be JSON for a character beyond U+FFFF)."""
    held = codecs.lookup(getattr(sys.stdout, "encoding", None) or "ascii").name.startswith("utf")
    return json.dumps(data, indent=2, ensure_ascii=not held)


def say(text: str, *, err: bool = False, file: IO[Any] | None = None) -> None:
    """Print `text` (on stderr with `err`), its control characters shown as escapes, never sent raw."""
    click.echo(shown(text), file=file, err=err)


def colour() -> bool:
    """Whether standard output is a terminal that wants colours (no NO_COLOR)."""
    return "NO_COLOR" not in os.environ and sys.stdout.isatty()


def say_styled(report: Callable[[Style], str]) -> None:
    """Print what `report` writes with the terminal's colours: each part is made safe to show before it is
    dressed, so the only escape sequences printed are briefgen's own."""
    click.echo(report(_styled))


def _styled(text: str, role: Role) -> str:
    return click.style(shown(text), **_LOOK[role])
