"""What stands in the way of a path a build or an issue will write, found before the first file is replaced.

A build writes briefs, the build record, its small record in `.builds/`, history and the cache; `issue` writes
`issued/` too. Each of these paths must be absent or what briefgen would put there: a regular file where a
file goes, a folder where a folder goes, never a symbolic link, in a folder that can be written. Everything
wrong is reported at once, each at its own path, before anything published changes.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.document.formats import FORMATS
from briefgen.errors import BriefgenError, Problem
from briefgen.regen.builds import BUILDS, next_number, record_name
from briefgen.regen.caches import CACHE_LOCK
from briefgen.regen.history import HISTORY
from briefgen.regen.record import LOCK_NAME, read_lock
from briefgen.regen.redlines import REDLINE
from briefgen.safeio import kind_of, os_problem
from briefgen.workspace import Workspace

if TYPE_CHECKING:
    from briefgen.render.profiles import Profile

_REMOVE = "nothing was published: move what is there elsewhere, then run the command again"


@dataclass(frozen=True)
class Target:
    """A path briefgen will write: a file (replaced by a rename) or a folder (files are made inside it)."""

    path: Path
    folder: bool = False
    staged_in: Path | None = None  # a folder files are renamed into from a staging folder made in this one


def check_targets(targets: Iterable[Target], shown: Callable[[Path], str]) -> None:
    """Raise one BriefgenError naming every target something stands in the way of (`shown` names a path as
    the user knows it); return quietly when every one can be written."""
    problems: list[Problem] = []
    seen: set[Path] = set()
    for target in targets:
        if target.path not in seen:
            seen.add(target.path)
            problems.extend(p for p in _in_the_way(target, shown) if p not in problems)  # a folder's once
    if problems:
        raise BriefgenError(problems)


def _in_the_way(target: Target, shown: Callable[[Path], str]) -> list[Problem]:
    """What is wrong with one target: what occupies its path, or a folder that cannot be written."""
    try:
        mode = os.lstat(target.path).st_mode
    except FileNotFoundError:  # absent: it is made in its folder, which is a target of its own
        return []
    except OSError as exc:  # a file where a folder of the path should be: reported at that folder
        return [] if exc.errno == errno.ENOTDIR else [os_problem(exc, shown(target.path))]
    where = shown(target.path)
    if stat.S_ISLNK(mode):
        return [Problem(where, "a symbolic link is in the way (briefgen never writes through a link)",
                        hint=_REMOVE)]
    if target.folder and not stat.S_ISDIR(mode):
        what = "a file" if stat.S_ISREG(mode) else kind_of(mode)
        return [Problem(where, f"{what} is in the way: briefgen keeps a folder here", hint=_REMOVE)]
    if not target.folder and not stat.S_ISREG(mode):
        what = "a folder" if stat.S_ISDIR(mode) else kind_of(mode)
        return [Problem(where, f"{what} is in the way of a file briefgen writes", hint=_REMOVE)]
    refused = _unwritable(target.path if target.folder else target.path.parent)
    if refused is not None:
        return [os_problem(refused, shown(target.path if target.folder else target.path.parent))]
    return [] if target.staged_in is None else _crossing(target.path, target.staged_in, shown)


def _crossing(folder: Path, stage: Path, shown: Callable[[Path], str]) -> list[Problem]:
    """A folder files are published into by a rename from the staging folder must be on the same file system
    (and mount) as the folder the stage is made in: a rename cannot cross, so publishing would fail midway.
    Probed with a rename of an empty file, which is what the system answers to."""
    try:
        fd, probe = tempfile.mkstemp(prefix=".probe.", suffix=".tmp", dir=stage)
    except OSError:
        return []  # the folder's own check reports it
    os.close(fd)
    try:
        os.rename(probe, folder / os.path.basename(probe))
        os.unlink(folder / os.path.basename(probe))
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            return []
        return [Problem(shown(folder), f"on another file system (a mount point) than {shown(stage)}, which "
                        "briefgen publishes into it from: a file cannot be renamed across them",
                        hint=f"mount {shown(stage)} as a whole instead, or keep this folder on its file "
                        "system (a link to elsewhere is refused too)")]
    finally:
        with contextlib.suppress(OSError):
            os.unlink(probe)
    return []


def _unwritable(folder: Path) -> OSError | None:
    """Why files cannot be made or renamed in `folder` (a read-only file system, no permission), or None."""
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return OSError(errno.EROFS, "read-only file system", str(folder))
    except OSError:
        return None  # the rename itself reports what the system says
    if not os.access(folder, os.W_OK | os.X_OK):
        return OSError(errno.EACCES, "permission denied", str(folder))
    return None


def build_targets(ws: Workspace, target: Path, names: list[str], formats: tuple[str, ...]) -> list[Target]:
    """Every path a build of `names` in `formats` would write now (for `issue`, before it records anything)."""
    from briefgen.render.profiles import load_profile

    number = next_number(target, read_lock(target).build)
    return build_writes(ws, target, names, formats, {n: load_profile(ws, n) for n in names}, number)


def build_writes(ws: Workspace, target: Path, names: list[str], formats: tuple[str, ...],
                 profiles: dict[str, Profile], number: int) -> list[Target]:
    """Every path build `number` of `names` in `formats` may write: their briefs and redlines, the build
    record, its record in .builds/, history and the cache."""
    briefs = [f"{n}.{f}" for n in names for f in FORMATS if f in formats and f in profiles[n].formats]
    briefs += [f"{n}.{REDLINE}" for n in names if "docx" in formats and "docx" in profiles[n].formats]
    return [Target(target, folder=True), *(Target(target / name) for name in briefs), Target(target / LOCK_NAME),
            Target(target / HISTORY, folder=True), Target(target / BUILDS, folder=True, staged_in=target),
            Target(target / record_name(number)), Target(ws.cache, folder=True), Target(ws.cache / CACHE_LOCK)]
