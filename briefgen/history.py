"""Every brief that a build replaces is kept under output/history/, so no earlier brief is lost."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

HISTORY = "history"


def history_folder(out: Path, build_number: int) -> Path:
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    return out / HISTORY / f"{stamp}-build{build_number:05d}"


def preserve(current: Path, folder: Path) -> Path | None:
    """Keep a copy of `current` (if it exists) in `folder`, before a writer renames a new file over it."""
    if not current.exists():
        return None
    folder.mkdir(parents=True, exist_ok=True)
    kept = folder / current.name
    try:
        os.link(current, kept)  # cheap, and the published file stays in place until the rename
    except OSError:
        shutil.copy2(current, kept)
    return kept


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
