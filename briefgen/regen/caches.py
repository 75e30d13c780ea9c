"""Keeping output/.cache from growing without end: entries for inputs that no longer exist are removed.

The cache holds parsed YAML (`yaml-<sha256>.marshal`), extracted seed text
(`seed-<kind>-<versions>-<sha256>.marshal`), the last check's verdict and its ties (`ties.marshal`: rewritten
by each check with only the entries it used, so it never grows past one workspace's passages). Parses are keyed
by the content hash of the file they came from, so after a build every such entry whose hash is not among the
current inputs is dead weight. Compiled templates an older briefgen kept (`templates/__jinja2_*.cache`) are
never read (render/bytecode.py says why) and go at the first build."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from briefgen.locking import held

CACHE_LOCK = ".lock"


def prune_cache(cache: Path, live: set[str]) -> int:
    """Delete parse entries whose content hash is not in `live`, and compiled templates; how many went.

    Held under the cache's own lock, not the build's: builds into different `-o` folders share one cache.
    A `check` (which takes no lock) reading an entry removed here only recomputes it."""
    with held(cache / CACHE_LOCK, CACHE_LOCK, "another build is tidying the cache"):
        return _prune(cache, live)


def _prune(cache: Path, live: set[str]) -> int:
    removed = 0
    with contextlib.suppress(OSError):
        for entry in os.scandir(cache):
            name = entry.name.removesuffix(".marshal")
            if name != entry.name and name.startswith(("yaml-", "seed-")) and name.rsplit("-", 1)[-1] not in live:
                removed += _unlink(entry.path)
    with contextlib.suppress(OSError):
        for entry in os.scandir(cache / "templates"):
            if entry.name.startswith("__jinja2_"):
                removed += _unlink(entry.path)
    with contextlib.suppress(OSError):
        os.rmdir(cache / "templates")  # only when empty: what else is there is not briefgen's to remove
    return removed


def _unlink(path: str) -> int:
    try:
        os.unlink(path)
    except OSError:
        return 0
    return 1
