"""Keeping output/.cache from growing without end: entries for inputs that no longer exist are removed.

The cache holds parsed YAML (`yaml-<sha256>.marshal`), extracted seed text
(`seed-<kind>-<versions>-<sha256>.marshal`), compiled templates (`templates/__jinja2_*.cache`), the last
check's verdict and its ties (`ties.marshal`: rewritten by each check with only the entries it used, so it
never grows past one workspace's passages). Parses are keyed by the content hash of the file they came from,
so after a build every such entry whose hash is not among the current inputs is dead weight; compiled
templates are keyed by a hash jinja does not expose, so those unused for 30 days go (one recompile brings a live
one back)."""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

from briefgen.locking import held

TEMPLATE_DAYS = 30
CACHE_LOCK = ".lock"


def prune_cache(cache: Path, live: set[str]) -> int:
    """Delete parse entries whose content hash is not in `live`, and stale compiled templates; how many went.

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
    cutoff = time.time() - TEMPLATE_DAYS * 86400
    with contextlib.suppress(OSError):
        for entry in os.scandir(cache / "templates"):
            if entry.name.startswith("__jinja2_") and entry.stat().st_mtime < cutoff:
                removed += _unlink(entry.path)
    return removed


def _unlink(path: str) -> int:
    try:
        os.unlink(path)
    except OSError:
        return 0
    return 1
