"""Every brief that a build replaces is kept under output/history/, so no earlier brief is lost."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
from pathlib import Path

from briefgen.atomic import atomic_copy

HISTORY = "history"


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

    A copy already kept there is never replaced; the copy appears complete or not at all."""
    if not current.exists():
        return None
    kept = folder / current.name
    if kept.exists():
        return kept
    folder.mkdir(parents=True, exist_ok=True)
    try:
        os.link(current, kept)  # cheap, atomic, and the published file stays in place until the rename
    except OSError:
        atomic_copy(current, kept)
    return kept


def discard_if_same(kept: Path | None, digest: str) -> None:
    """Forget the copy `preserve` kept when the new file turned out byte-identical to it (nothing was
    replaced), and its folder when that leaves it empty: history holds only briefs that really changed."""
    from briefgen.regen.inputs import file_digest

    if kept is None or file_digest(kept) != digest:
        return
    kept.unlink()
    with contextlib.suppress(OSError):
        kept.parent.rmdir()


def prune(out: Path, keep: int) -> list[Path]:
    """Delete all but the `keep` newest history folders (only ever when the user asks)."""
    root = out / HISTORY
    if not root.is_dir():
        return []
    folders = sorted((p for p in root.iterdir() if p.is_dir()), key=lambda p: p.name)
    doomed = folders[: max(0, len(folders) - keep)]
    for folder in doomed:
        shutil.rmtree(folder)
    return doomed
