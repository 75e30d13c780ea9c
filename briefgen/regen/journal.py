"""The commit point of publishing: a journal that lets the next run finish what a killed one began.

Once every file of a build (or an issue) is staged and every file it replaces has a second name in the
staging folder, publishing writes the list of its renames into the staging folder (`.publishing.json`,
written whole and fsynced) before the first rename. From then on the new set is what the workspace holds,
even if the process is killed (SIGKILL, power loss) between two renames: the next run that takes the build
lock finds the journal and makes the renames still to be made, in order, so output/ is again one whole set.
Without a journal (killed before it was written, or a failed publish that put everything back and deleted
it) a staging folder is simply removed: nothing of it was published.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
from pathlib import Path, PurePosixPath
from typing import Any

from briefgen.atomic import atomic_write, fsync_directory
from briefgen.errors import Problem, warn
from briefgen.safeio import inside
from briefgen.statefile import DamagedState, load_state

JOURNAL = ".publishing.json"
MAX_JOURNAL_BYTES = 16 * 1024 * 1024
# One rename: the staged name (None: the published file is removed) and the published name, both relative.
Step = tuple[str | None, str]


def commit(folder: Path, steps: list[Step], previous: dict[str, str]) -> None:
    """Write the journal of `steps` (and, for each removal, the name its previous file has in the stage)."""
    data = {"steps": [list(step) for step in steps], "previous": previous}
    atomic_write(folder / JOURNAL, json.dumps(data, ensure_ascii=False).encode())


def abandon(folder: Path) -> None:
    """Forget the journal: the renames made were put back, so the stage must never be rolled forward."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(folder / JOURNAL)
    fsync_directory(folder)


def finish(folder: Path, target: Path) -> bool:
    """Make the renames a killed publishing left unmade (a step already made has no staged file left);
    whether there was a journal to finish. A damaged journal is warned about and left unfinished."""
    try:
        plan = load_state(folder / JOURNAL, MAX_JOURNAL_BYTES, _plan_of)
    except DamagedState as exc:
        warn(Problem(f"{target.name}/{folder.name}/{JOURNAL}", f"the record of an interrupted publish is damaged "
                     f"({exc}); what it had published is left as it is", hint="the next build rebuilds every brief "
                     "that differs from the build record"))
        return False
    if plan is None:
        return False
    steps, previous = plan
    for staged, name in steps:
        _forward(folder, target, staged, name, previous.get(name))
    for parent in dict.fromkeys((target / name).parent for _, name in steps):
        fsync_directory(parent)
    abandon(folder)
    return True


def pending(folder: Path) -> bool:
    """Does the journal in `folder` still have a rename to make (a killed build's publishing, half done)?"""
    try:
        plan = load_state(folder / JOURNAL, MAX_JOURNAL_BYTES, _plan_of)
    except DamagedState:
        return False
    return plan is not None and any(staged is not None and os.path.lexists(folder / staged)
                                    for staged, _ in plan[0])


def _forward(folder: Path, target: Path, staged: str | None, name: str, previous: str | None) -> None:
    """One step, if still to be made: the staged file renamed into place (its folder made if need be), or
    the published file removed while it is still the one the stage kept."""
    published = target / name
    if not inside(target, published.parent):  # a link put in the way since: never write through it
        raise OSError(errno.ELOOP, "too many levels of symbolic links (a link in the way)", str(published))
    if staged is not None:
        source = folder / staged
        if os.path.lexists(source) and not os.path.islink(source):  # what a build stages is a file, never a link
            published.parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, published)
        return
    kept = folder / previous if previous else None
    with contextlib.suppress(OSError):
        if kept is not None and os.path.samefile(kept, published):
            os.unlink(published)


def _plan_of(raw: Any) -> tuple[list[Step], dict[str, str]]:
    """The steps and previous names from parsed JSON, every name a plain relative path (else ValueError)."""
    steps = [(_name(staged) if staged is not None else None, _name(name)) for staged, name in raw["steps"]]
    previous = {_name(k): _name(v) for k, v in raw["previous"].items()}
    return steps, previous


def _name(value: Any) -> str:
    """A relative path with no `..`, no empty or absolute part: it cannot leave the folder it is read in."""
    if not isinstance(value, str) or not value or "\0" in value:
        raise ValueError("not a name")
    parts = PurePosixPath(value).parts
    if PurePosixPath(value).is_absolute() or any(p in ("", ".", "..") for p in parts):
        raise ValueError("a name leaving its folder")
    return value
