"""Every brief that a build replaces is kept under output/history/, so no earlier brief is lost."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from briefgen.atomic import atomic_copy
from briefgen.errors import BriefgenError, Problem

HISTORY = "history"
# a build's or an issued version's number: no workspace makes 10**18 builds, and --since reads no more
NUMBER_DIGITS = 18
MAX_NUMBER = 10 ** NUMBER_DIGITS - 1
FOLDER = re.compile(rf"[0-9]{{8}}T[0-9]{{6}}Z-build[0-9]{{5,{NUMBER_DIGITS}}}(-[0-9]+)?")  # as history_folder names it


def counted(text: str) -> int | None:
    """`text` as a build's or version's number in a name briefgen gave (a record's, a kept folder's): ASCII digits,
    at most NUMBER_DIGITS of them; None for another ("²" or "１２" passed str.isdigit, and int() refused the
    first and took the second; a hundred digits set every later build's number beyond what --since names)."""
    return int(text) if text.isascii() and text.isdigit() and len(text) <= NUMBER_DIGITS else None


def history_folder(out: Path, build_number: int) -> Path:
    """A folder no earlier build used: a build killed in the same second as this one may have left its own
    (with the same number, since a killed build never records its number in the lock)."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    base = out / HISTORY / f"{stamp}-build{build_number:05d}"
    folder, n = base, 1
    while folder.exists():
        n += 1
        folder = base.with_name(f"{base.name}-{n}")
    return folder


def preserve(current: Path, folder: Path) -> Path | None:
    """Keep a copy of `current` (if it exists) in `folder`, before a writer renames a new file over it.

    A copy already kept there is never replaced; the copy appears complete or not at all. Only a regular
    file is kept: a symbolic link in its place is not followed (its target is not ours to copy)."""
    if not current.is_file() or current.is_symlink():
        return None
    kept = folder / current.name
    if kept.exists():
        return kept
    folder.mkdir(parents=True, exist_ok=True)
    try:
        os.link(current, kept, follow_symlinks=False)  # cheap, atomic; the published file stays in place
    except OSError:
        atomic_copy(current, kept)
    return kept


def check_history(out: Path) -> None:
    """output/history must be a plain folder (or absent) before a build keeps anything in it."""
    root = out / HISTORY
    if root.is_symlink() or (root.exists() and not root.is_dir()):
        what = "a symbolic link" if root.is_symlink() else "a file"
        raise BriefgenError(Problem(f"{out.name}/{HISTORY}", f"the history path is {what}, not a folder",
                                    hint="briefgen keeps replaced briefs in this folder: move what is there "
                                    "elsewhere, then build again"))


def ours(out: Path) -> list[str]:
    """The names of the history folders briefgen made (by their name; never a link), oldest first: by build
    number, then time (the clock may have been set back since an earlier build)."""
    root = out / HISTORY
    if root.is_symlink():
        return []
    try:
        with os.scandir(root) as entries:
            names = [e.name for e in entries if FOLDER.fullmatch(e.name) and e.is_dir(follow_symlinks=False)]
    except (FileNotFoundError, NotADirectoryError):
        return []
    return sorted(names, key=lambda name: (number_of(name), name))


def number_of(folder: str) -> int:
    """The build number in a history folder's name (as history_folder names it)."""
    return int(folder.split("-build", 1)[1].split("-", 1)[0])

