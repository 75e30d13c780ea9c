"""What `diff` and `status` compare with: the last issued version by default, or `--since VERSION|BUILD`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefgen.errors import BriefgenError, Problem
from briefgen.regen.builds import read_builds, state_at
from briefgen.regen.history import NUMBER_DIGITS
from briefgen.regen.issued import Issue, find, long, read_issues
from briefgen.regen.record import Lock

_FLAGS = re.IGNORECASE | re.ASCII  # digits 0-9 only (`\d` takes any script's), and no newline after them
_VERSION = re.compile(r"^v?(\d+)\Z", _FLAGS)
_BUILD = re.compile(r"^b(?:uild)?(\d+)\Z", _FLAGS)
SINCE = re.compile(f"{_VERSION.pattern}|{_BUILD.pattern}", _FLAGS)
_MAX_DIGITS = NUMBER_DIGITS  # int() refuses numbers of over 4,300 digits
SINCE_HELP = "VERSION (3 or v3: an issued version) or BUILD (build12)"


@dataclass(frozen=True)
class Baseline:
    snapshot: dict[str, Any] | None
    described: str  # "version 3 of 3 December 2026", "build 12", "the last build"


def check_since(since: str | None) -> None:
    """Refuse a malformed --since before anything is read (a number too long for int() among them)."""
    if since is None:
        return
    found = _VERSION.match(since) or _BUILD.match(since)
    if found is None:
        raise BriefgenError(Problem("--since", f"{since!r} is neither a version nor a build",
                                    hint=f"give {SINCE_HELP}"))
    if len(found.group(1)) > _MAX_DIGITS:
        raise BriefgenError(Problem("--since", f"{since[:_MAX_DIGITS]}… is a larger number than any version or "
                                    "build", hint="`briefgen history` lists the builds recorded and the versions "
                                    "issued"))


def baseline(target: Path, lock: Lock, audience: str | None, since: str | None,
             issues: dict[str, list[Issue]] | None = None) -> Baseline:
    """The snapshot of `audience` (None: the whole model) to compare the workspace with."""
    issues = read_issues(target) if issues is None else issues
    held = issues.get(audience or "", [])
    if since is None:
        if held:
            return _issued(held[-1])
        record = lock.audiences.get(audience or "")
        return Baseline(record.snapshot, "the last build") if record else _model(lock)
    if (version := _VERSION.match(since)) is not None:
        return _issued(_version(held, int(version.group(1)), audience))
    number = int(_BUILD.match(since).group(1))  # type: ignore[union-attr]  # check_since vouched for it
    snapshot = state_at(read_builds(target), number, audience)
    if snapshot is None:
        raise BriefgenError(Problem("--since", f"no record of build {number}"
                                    f"{f' for the {audience} brief' if audience else ''}",
                                    hint="`briefgen history` lists the builds recorded"))
    return Baseline(snapshot, f"build {number}")


def _model(lock: Lock) -> Baseline:
    """The whole model as the briefs last all showed it: after a build of some of them (`build -a`), as the
    build before, which brought every brief up to date."""
    if lock.model_build in (0, lock.build):
        return Baseline(lock.model or None, "the last build")
    return Baseline(lock.model or None, f"build {lock.model_build}, the last to bring every brief up to date")


def _issued(entry: Issue) -> Baseline:
    return Baseline(entry.snapshot, f"version {entry.version} of {long(entry.date)}")


def _version(held: list[Issue], version: int, audience: str | None) -> Issue:
    entry = find(held, version)
    if entry is None:
        known = ", ".join(str(i.version) for i in held) or "none yet"
        raise BriefgenError(Problem("--since", f"no issued version {version}"
                                    f"{f' of the {audience} brief' if audience else ' (name an audience with -a)'}",
                                    hint=f"issued versions: {known}"))
    return entry
