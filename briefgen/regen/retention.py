"""What `--keep-history N` keeps: the N newest history folders, and of the build records in `output/.builds/`
only those something still reads.

A build record is needed when it is one of the N newest builds (the newest always, whatever N: the next
build's number and `history` start from it), when a kept history folder is its build's, or the build just
before such a folder's (whose briefs the folder holds), when a version was issued from it, and, for each of
those builds, the record of every audience's last build up to it: `--since buildK` reads an audience's brief
as the latest record up to K that wrote it (builds.state_at), so that record answers for K too. Every other
record is deleted, one file at a time (an unlink is atomic): a process killed midway leaves every record it
had not reached, each whole, and the next prune goes on. When the record of issued versions cannot be read,
no record is deleted: which builds were issued is unknown.

History folders are pruned the same way: each doomed folder is first renamed to a hidden name in
`history/` (one atomic step), then deleted; a kill during the deletion leaves a hidden folder that no
listing counts, which the next build removes while it holds the lock (`sweep`).
"""

from __future__ import annotations

import bisect
import contextlib
import os
import re
import shutil
from pathlib import Path

from briefgen.atomic import fsync_directory
from briefgen.regen.builds import BUILDS, BuildRecord, read_builds
from briefgen.regen.history import HISTORY, NUMBER_DIGITS, check_history, number_of, ours
from briefgen.regen.issued import issued_builds
from briefgen.statefile import DamagedState

RECORD = re.compile(rf"([0-9]{{5,{NUMBER_DIGITS}}})\.json")  # as builds.record_name names them
PRUNED = ".pruned-"  # a history folder being deleted


def prune_history(out: Path, keep: int) -> list[Path]:
    """Delete all but the `keep` newest history folders (only ever when the user asks). Only folders briefgen
    made are counted and deleted; a link, or a folder of another name, is left alone."""
    check_history(out)
    names = ours(out)
    doomed = [out / HISTORY / name for name in names[: max(0, len(names) - keep)]]
    for folder in doomed:
        trash = folder.with_name(PRUNED + folder.name)
        _remove(trash)  # a leftover of a killed prune of the same name
        os.rename(folder, trash)  # gone from every listing at once: never seen half-deleted
        _remove(trash, shown=folder)
    return doomed


def sweep(out: Path) -> None:
    """Remove what a prune killed midway left (call it only while holding the build lock)."""
    left: list[Path] = []
    with contextlib.suppress(OSError), os.scandir(out / HISTORY) as entries:
        left = [Path(e.path) for e in entries if e.name.startswith(PRUNED) and e.is_dir(follow_symlinks=False)]
    for folder in left:
        shutil.rmtree(folder, ignore_errors=True)


def _remove(folder: Path, shown: Path | None = None) -> None:
    try:
        shutil.rmtree(folder)  # does not follow links inside the folder
    except FileNotFoundError:
        return
    except OSError as exc:  # named by the folder the user knows (rmtree names a file by its bare name)
        raise OSError(exc.errno, exc.strerror, str(shown or folder)) from None


def prune_records(out: Path, keep: int) -> list[Path]:
    """Delete the build records no kept history folder, issued version, nor any of the `keep` newest builds
    needs (see the module's docstring); the records deleted."""
    try:
        issued = issued_builds(out)
    except DamagedState:
        return []  # read_issues warns about it wherever it is read
    builds = read_builds(out)
    needed = needed_records(builds, keep, {number_of(name) for name in ours(out)}, issued)
    doomed = [out / BUILDS / name for name, number in _record_files(out / BUILDS)
              if number not in needed and builds and number < max(r.number for r in builds)]
    for path in doomed:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
    if doomed:
        fsync_directory(out / BUILDS)
    return doomed


def needed_records(builds: list[BuildRecord], keep: int, folders: set[int], issued: set[int]) -> set[int]:
    """The numbers of the build records to keep, from `builds` (oldest first), the build numbers of the kept
    history `folders` and of the `issued` versions."""
    builds = sorted(builds, key=lambda record: record.number)
    numbers = [record.number for record in builds]
    anchors = set(numbers[-max(keep, 1):]) | folders | issued
    for folder in folders:  # the build whose briefs the folder holds
        before = bisect.bisect_left(numbers, folder)
        if before:
            anchors.add(numbers[before - 1])
    needed, latest = set(anchors), {}
    for record in builds:
        latest.update(dict.fromkeys(record.audiences, record.number))
        if record.number in anchors:
            needed.update(latest.values())
    return needed


def _record_files(folder: Path) -> list[tuple[str, int]]:
    """The build records in `folder` by name and number: regular files named as briefgen names them."""
    try:
        with os.scandir(folder) as entries:
            return sorted((e.name, int(m.group(1))) for e in entries
                          if (m := RECORD.fullmatch(e.name)) and e.is_file(follow_symlinks=False))
    except OSError:
        return []
