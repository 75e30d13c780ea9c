"""The one error root: every user-facing failure is a BriefgenError carrying located problems."""

from __future__ import annotations

from dataclasses import dataclass
from typing import IO, Literal

import click

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One located finding: `file:line:col: path: message` plus an optional hint."""

    file: str
    message: str
    line: int | None = None
    col: int | None = None
    path: str = ""
    hint: str = ""
    severity: Severity = "error"
    item: str = ""
    code: str = ""  # names a kind of finding that other commands count (e.g. verify.glyphs.CODE)

    @property
    def location(self) -> str:
        loc = self.file
        if self.line is not None:
            loc += f":{self.line}"
            if self.col is not None:
                loc += f":{self.col}"
        return loc

    def format(self) -> str:
        head = f"{self.location}: "
        if self.severity == "warning":
            head += "warning: "
        if self.path:
            head += f"{self.path}: "
        text = head + self.message
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text

    def to_json(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "col": self.col,
            "path": self.path,
            "item": self.item,
            "severity": self.severity,
            "message": self.message,
            "hint": self.hint,
        }


class BriefgenError(click.ClickException):
    """Raised by the library for anything the user must fix; printed (never traced) by the CLI."""

    exit_code = 1

    def __init__(self, problems: Problem | list[Problem] | str) -> None:
        if isinstance(problems, str):
            problems = [Problem(file="briefgen", message=problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = problems
        super().__init__("\n".join(p.format() for p in problems))

    def show(self, file: IO[str] | None = None) -> None:
        click.echo(self.format_message(), err=True, file=file)
