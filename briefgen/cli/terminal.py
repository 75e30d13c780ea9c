"""The one way the command line prints: text from seeds, the model, the catalogue and file names made safe to
show (`text.shown`), alike on a terminal and in a pipe, with briefgen's own colours on a terminal only."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import IO, TYPE_CHECKING, Any

import click

from briefgen.text import shown

if TYPE_CHECKING:  # the report's types only: `check` imports the verifier when it runs
    from briefgen.verify.check import Role, Style

_LOOK: dict[str, dict[str, Any]] = {"item": {"bold": True}, "error": {"fg": "red"}, "warning": {"fg": "yellow"},
                                    "ok": {"fg": "green", "bold": True}, "failed": {"fg": "red", "bold": True}}


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
