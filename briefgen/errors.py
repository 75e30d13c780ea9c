"""The one error root: every user-facing failure is a BriefgenError carrying located problems.

No user-interface code here: the command line decides how to print an error and which exit code it means.
A few errors are raised where the file at fault is not known (a seed's reader, the markup reader, the render
ceilings, a writer meeting a theme value it cannot use): they are `Unplaced` and their catcher places them."""

from __future__ import annotations

import difflib
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from briefgen.text import shown

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
    details: tuple[str, ...] = ()  # each thing a grouped finding names (every character no font draws)

    @property
    def location(self) -> str:
        loc = shown(self.file, line_feeds=False)  # one line: a path given on the command line may hold a line feed
        if self.line is not None:
            loc += f":{self.line}"
            if self.col is not None:
                loc += f":{self.col}"
        return loc

    def format(self) -> str:
        head = f"{self.location}: "
        if self.severity == "warning":
            head += "warning: "
        if self.path:  # one line: a key may hold a line break ("a\nb": 1), shown as its escape
            head += f"{shown(self.path, line_feeds=False)}: "
        text = head + self.message
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text

    def to_json(self) -> dict[str, object]:
        found: dict[str, object] = {"file": self.file, "line": self.line, "col": self.col, "path": self.path,
                                    "item": self.item, "severity": self.severity, "message": self.message,
                                    "hint": self.hint}
        if self.details:
            found["details"] = list(self.details)
        return found


class BriefgenError(Exception):
    """Raised by the library for anything the user must fix; printed (never traced) by the command line."""

    def __init__(self, problems: Problem | list[Problem] | str) -> None:
        if isinstance(problems, str):
            problems = [Problem(file="briefgen", message=problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = problems
        super().__init__(self.format_message())

    def format_message(self) -> str:
        return "\n".join(p.format() for p in self.problems)


class Unplaced(BriefgenError):
    """A problem whose file the raiser cannot know: the code that called it places it (`placed`)."""

    def __init__(self, message: str, hint: str = "", line: int | None = None) -> None:
        self.message, self.hint, self.line = message, hint, line
        super().__init__(Problem("briefgen", message, line, hint=hint))

    def __str__(self) -> str:
        return self.message

    def placed(self, file: str, path: str = "", line: int | None = None) -> BriefgenError:
        return BriefgenError(Problem(file, self.message, line if line is not None else self.line, path=path,
                                     hint=self.hint))


class ThemeError(Unplaced):
    """A writer cannot use a value of its theme (a logo, a colour, a reference document): `key` names the
    profile key that set it, under `look`, so the build can point at the profile's line."""

    def __init__(self, key: str, message: str, hint: str = "") -> None:
        super().__init__(message, hint)
        self.key = key


def did_you_mean(name: str, choices: Iterable[str], what: str, shown: int = 8) -> str:
    """The hint for an unknown name: the closest known one, else the first `shown` known ones."""
    known = list(choices)
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    if close:
        return f"did you mean {close[0]!r}?"
    listed = ", ".join(known[:shown]) + (", …" if len(known) > shown else "")
    return f"{what}: {listed or 'none'}"


_WARNED: set[Problem] = set()


def warn_once(problem: Problem) -> None:
    """`warn`, unless this very problem was warned about already in this process (a record read more than
    once by one command)."""
    if problem not in _WARNED:
        _WARNED.add(problem)
        warn(problem)


def warn(problem: Problem) -> None:
    """Tell the user about something briefgen worked around (a damaged state file), on stderr, and go on."""
    print(shown(Problem(problem.file, problem.message, problem.line, problem.col, problem.path, problem.hint,
                        "warning").format()), file=sys.stderr)
