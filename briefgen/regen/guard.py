"""Holding the build lock: one writer of output/ at a time (a build, an issue, a watch's rebuild), which first
finishes or removes what a killed one left, and names a system error by the path the user knows."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from briefgen.atomic import remove_stale_temps
from briefgen.errors import BriefgenError
from briefgen.locking import held
from briefgen.regen.history import HISTORY, ours
from briefgen.regen.issued import ISSUED
from briefgen.regen.publish import STAGE_PREFIX, remove_stale_stages
from briefgen.regen.retention import sweep
from briefgen.safeio import os_problem
from briefgen.workspace import Workspace

BUILD_LOCK = ".build.lock"


@contextlib.contextmanager
def building(ws: Workspace, target: Path) -> Iterator[None]:
    """Hold output/.build.lock for the block, the output folder tidied first; an OSError raised in the block
    (a full disk, a read-only folder: nothing was published, see publish.py) becomes a located message."""
    lock = target / BUILD_LOCK
    try:
        with held(lock, ws.rel(lock), "another build is running"):
            tidy(target, ws.cache)
            yield
    except OSError as exc:
        raise BriefgenError(os_problem(exc, shown(ws, target, exc))) from None


def shown(ws: Workspace, target: Path, exc: OSError) -> str:
    """The path an OS error names, as the user knows it: a rename is named by where it publishes, another
    staged file by the output folder."""
    name = exc.filename
    if name is not None and STAGE_PREFIX in str(name) and exc.filename2 is not None:
        name = exc.filename2
    if name is None or STAGE_PREFIX in str(name):
        return ws.rel(target)
    return ws.rel(Path(os.fsdecode(name)))


def tidy(target: Path, cache: Path) -> None:
    """Finish the publishing a killed build had committed to, and remove what a build killed mid-write left
    (the lock proves none is running): its staging folder, temporary files and a history folder it was
    pruning, and temporary files an hour
    old in the cache (where `check`, which takes no lock, may be writing one now).

    Such a build's history folder is the newest one when the next build takes the lock, so only that one
    is looked into: a thousand old history folders cost nothing here."""
    remove_stale_stages(target)
    sweep(target)  # a history folder a killed prune was deleting
    remove_stale_temps(target)
    remove_stale_temps(target / ISSUED)  # the record of issued versions, as an earlier briefgen wrote it
    remove_stale_temps(cache, older_than=3600)
    folders = ours(target)
    if folders:
        remove_stale_temps(target / HISTORY / folders[-1])
