"""All or nothing: a build writes every file into a staging folder, checks them there, then publishes them.

The four steps, in the order `build` takes them:

1. stage: each writer writes `<audience>.<format>` (and the build record, and the build's record for
   `.builds/`) into `output/.staging-XXXXXXXX/`, a folder on the same file system as the published files. A
   failure here (a full disk, a writer error) removes the folder: nothing published has been touched.
2. verify: every check in STAGED_CHECKS reads the staged files back; one that raises BriefgenError stops the
   build before anything is published. This is the seam for checks on finished files (a spillage check).
3. keep: every file about to be replaced is first kept in the history folder (hard links, else copies), and
   in the staging folder too (a hard link, else a copy), to put back should a rename fail; a full disk can
   stop a build here, before any rename. What stands in the way of any path to be written (a folder, a
   link, a file where a folder goes, a folder that cannot be written) was refused before (regen/targets.py).
4. publish: the list of renames is committed to a journal in the staging folder (regen/journal.py); then
   each staged file is renamed over its published name (the folders it needs made), a brief replaced by
   nothing is moved aside, the build records last (the lock the very last); a rename that fails puts every
   file renamed so far back as it was, in reverse order, and forgets the journal, so a failed build
   publishes nothing.

Each rename is atomic, and a reader always finds the old file or the new one. A process killed in the middle
of the renames (SIGKILL, power loss) leaves the journal: the next run that takes the build lock (a build, an
issue, a watch's rebuild) first makes the renames left, so output/ is the whole new set before it reads
anything. Killed before the journal was written, nothing was published; the staging folder is removed.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from briefgen.atomic import fsync_directory
from briefgen.regen.history import preserve
from briefgen.regen.journal import Step, abandon, commit, finish, pending

STAGE_PREFIX = ".staging-"
_STAGE = re.compile(re.escape(STAGE_PREFIX) + r"[a-z0-9_]{8}")


@dataclass
class Stage:
    """The staging folder of one build and the names staged in it, in the order they were written."""

    folder: Path
    target: Path
    names: list[str] = field(default_factory=list)
    retired: list[str] = field(default_factory=list)  # published files this build replaces with nothing
    records: list[str] = field(default_factory=list)  # staged records published after the briefs, in order

    def path(self, name: str) -> Path:
        """Where the file `name` is to be written; it will be published as target/name."""
        if name not in self.names:
            self.names.append(name)
        return self.folder / name

    def retire(self, name: str) -> None:
        """Publishing moves target/name (if there) to the history folder and leaves nothing in its place."""
        self.retired.append(name)


StagedCheck = Callable[[Stage], None]
# Checks that read the staged files back before anything is published; each raises BriefgenError to stop it.
STAGED_CHECKS: list[StagedCheck] = []


@contextlib.contextmanager
def staging(target: Path) -> Iterator[Stage]:
    """A fresh staging folder inside `target`, removed (with whatever is left in it) when the block ends."""
    folder = Path(tempfile.mkdtemp(prefix=STAGE_PREFIX, dir=target))
    try:
        yield Stage(folder, target)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def verify_staged(stage: Stage) -> None:
    for check in STAGED_CHECKS:
        check(stage)


def keep_in_history(stage: Stage, history: Path, records: tuple[str, ...]) -> bool:
    """Keep in `history` each published brief this build replaces or retires (not `records`, and not one it
    rewrites byte for byte); whether anything was kept."""
    kept = False
    for name in [*stage.names, *stage.retired]:
        if name not in records and not _same(stage.folder / name, stage.target / name):
            kept = preserve(stage.target / name, history) is not None or kept
    return kept


def publish(stage: Stage, records: tuple[str, ...]) -> None:
    """Rename every staged file into place and move each retired one aside, then `records` in their order:
    all of them, or, when one rename fails, none (every file renamed so far is put back, every folder made
    for them removed, then the error is raised). Committed first (regen/journal.py): a process killed between
    two renames has the rest made by the next run."""
    briefs = [n for n in stage.names if n not in records]
    last = [n for n in records if n in stage.names]
    previous = _keep_previous(stage, [*briefs, *stage.retired, *last])
    steps: list[Step] = [*((n, n) for n in briefs), *((None, n) for n in stage.retired if n in previous),
                         *((n, n) for n in last)]
    done: list[tuple[Path, Path | None]] = []  # (published path, its previous file kept in the stage, if any)
    made: list[Path] = []
    try:  # from the commit on: interrupted anywhere after it, the journal is forgotten with the renames undone
        commit(stage.folder, steps, {n: previous[n].name for staged, n in steps if staged is None})
        _make_folders(stage.target, [n for _, n in steps], made)
        for staged, name in steps:
            _move(stage.folder / staged if staged else None, stage.target / name, previous.get(name), done)
    except BaseException:
        with uninterrupted():  # a second Ctrl-C here would leave a half put-back with its journal
            _put_back(done, made)
            abandon(stage.folder)
        raise
    for folder in dict.fromkeys((stage.target / name).parent for name in [*briefs, *last]):
        fsync_directory(folder)


@contextlib.contextmanager
def uninterrupted() -> Iterator[None]:
    """Hold back Ctrl-C, a hang-up and a polite kill for the block (delivered when it ends): the block is
    either done whole or, killed outright (SIGKILL), left to the journal."""
    held = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _make_folders(target: Path, names: list[str], made: list[Path]) -> None:
    """Make the folders below `target` the published names need (an issued version's), outermost first,
    adding each to `made`, to remove should publishing fail."""
    for name in names:
        missing = [p for p in reversed((target / name).relative_to(target).parents) if str(p) != "."]
        for folder in (target / p for p in missing):
            if not folder.is_dir():
                folder.mkdir()
                made.append(folder)


def _keep_previous(stage: Stage, names: list[str]) -> dict[str, Path]:
    """A second name, inside the staging folder, for each published file about to be replaced or retired: a
    hard link (else a copy), made before the first rename so that any of them can be put back."""
    kept: dict[str, Path] = {}
    for index, name in enumerate(names):
        published = stage.target / name
        if not published.is_file() or published.is_symlink():
            continue
        kept[name] = stage.folder / f".previous-{index}"
        try:
            os.link(published, kept[name], follow_symlinks=False)
        except OSError:
            shutil.copy2(published, kept[name])
    return kept


def _move(staged: Path | None, published: Path, previous: Path | None, done: list[tuple[Path, Path | None]],
          ) -> None:
    """Rename `staged` over `published`; with no staged file, remove `published` (its previous file is kept
    in the stage). Either way, note how to put it back."""
    if staged is None:
        os.unlink(published)
    else:
        os.replace(staged, published)
    done.append((published, previous))


def _put_back(done: list[tuple[Path, Path | None]], made: list[Path]) -> None:
    """Undo the renames made so far, last first: each published path gets its previous file again, or is
    removed if it had none; then the folders made for them. Best effort: a step that fails does not stop
    the others."""
    for published, previous in reversed(done):
        with contextlib.suppress(OSError):
            if previous is None:
                os.unlink(published)
            else:
                os.replace(previous, published)
    for folder in reversed(made):
        with contextlib.suppress(OSError):
            folder.rmdir()


def _same(staged: Path, published: Path) -> bool:
    try:
        return staged.is_file() and published.stat().st_size == staged.stat().st_size and \
            published.read_bytes() == staged.read_bytes()
    except OSError:
        return False


def interrupted(target: Path) -> Path | None:
    """A staging folder whose publishing was committed and not finished (a killed build's), if any: one whose
    every rename was made before the kill is only tidied away by the next build."""
    with contextlib.suppress(OSError), os.scandir(target) as entries:
        for entry in entries:
            if _STAGE.fullmatch(entry.name) and entry.is_dir(follow_symlinks=False) and pending(Path(entry.path)):
                return Path(entry.path)
    return None


def remove_stale_stages(target: Path) -> None:
    """Finish the publishing a killed build had committed to, then remove the staging folders killed builds
    left (call it only while holding the build lock). A journal that cannot be finished now (a link put in
    the way, a read-only folder) raises, its folder kept for the next run."""
    stale: list[Path] = []
    with contextlib.suppress(OSError), os.scandir(target) as entries:
        stale = [Path(e.path) for e in entries if _STAGE.fullmatch(e.name) and e.is_dir(follow_symlinks=False)]
    for folder in stale:  # one at most was committed: the next build to take the lock finishes it
        finish(folder, target)
        shutil.rmtree(folder, ignore_errors=True)
