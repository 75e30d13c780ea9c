"""All or nothing: a build writes every file into a staging folder, checks them there, then publishes them.

The three steps, in the order `build` takes them:

1. stage: each writer writes `<audience>.<format>` (and the build record) into `output/.staging-XXXXXXXX/`,
   a folder on the same file system as the published files. A failure here (a full disk, a writer error)
   removes the folder: nothing published has been touched.
2. verify: every check in STAGED_CHECKS reads the staged files back; one that raises BriefgenError stops the
   build before anything is published. This is the seam for checks on finished files (a spillage check).
3. publish: every file about to be replaced is first kept in the history folder (hard links, else copies;
   this is where a full disk can still stop a build, before any rename), then each staged file is renamed
   over its published name, the build record last, and the folder is synced.

Each rename is atomic; the set of renames is not one atomic act, but it runs only once every file is written,
synced and verified, and renames within one folder do not fail for lack of space. A process killed in the
middle of them leaves a mix of complete old and new briefs and the old build record, so the next build
rebuilds the audiences that differ.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from briefgen.atomic import fsync_directory
from briefgen.regen.history import preserve

STAGE_PREFIX = ".staging-"
_STAGE = re.compile(re.escape(STAGE_PREFIX) + r"[a-z0-9_]{8}")


@dataclass
class Stage:
    """The staging folder of one build and the names staged in it, in the order they were written."""

    folder: Path
    target: Path
    names: list[str] = field(default_factory=list)
    retired: list[str] = field(default_factory=list)  # published files this build replaces with nothing

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


def publish(stage: Stage, history: Path | None, last: str) -> None:
    """Keep the files about to be replaced in `history`, then rename every staged file into place, `last`
    (the build record) after all the others."""
    order = [n for n in stage.names if n != last] + [n for n in stage.names if n == last]
    if history is not None:  # a file the build would rewrite byte for byte is not copied into history
        for name in [*order, *stage.retired]:
            if name != last and not _same(stage.folder / name, stage.target / name):
                preserve(stage.target / name, history)
    for name in order:
        os.replace(stage.folder / name, stage.target / name)
    for name in stage.retired:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(stage.target / name)
    fsync_directory(stage.target)


def _same(staged: Path, published: Path) -> bool:
    try:
        return staged.is_file() and published.stat().st_size == staged.stat().st_size and \
            published.read_bytes() == staged.read_bytes()
    except OSError:
        return False


def remove_stale_stages(target: Path) -> None:
    """Remove the staging folders a killed build left (call it only while holding the build lock)."""
    with contextlib.suppress(OSError):
        for entry in os.scandir(target):
            if _STAGE.fullmatch(entry.name) and entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)
