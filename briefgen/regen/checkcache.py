"""A remembered `check` verdict, keyed by the content of every input (as git's index remembers stat data).

The verdict is a pure function of the inputs' bytes and briefgen's version, so when no seed, catalogue,
model or template changed since the last check, the stored report is the report. Stat data (size, mtime)
decides which files to re-hash; any changed byte means a full verification. `check --no-cache` skips it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from briefgen.atomic import atomic_write
from briefgen.errors import Problem, warn
from briefgen.regen.inputs import Stamp, input_files, restamp, tool_version
from briefgen.safeio import read_state
from briefgen.workspace import Workspace

CACHE_NAME = "check.json"
MAX_CACHE_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True)
class Verdict:
    text: str
    json: str
    failed: bool
    failed_strict: bool


def _key(stamps: dict[str, Stamp]) -> str:
    payload = json.dumps([tool_version(), {k: v.sha256 for k, v in stamps.items()}], sort_keys=True)
    return hashlib.sha256(payload.encode()).hexdigest()


def _read(ws: Workspace) -> tuple[dict[str, Stamp], str, Verdict] | None:
    """The stored stamps, key and verdict; None when there are none, or (with a warning) when the file is
    damaged: a cache is then only recomputed."""
    path = ws.cache / CACHE_NAME
    try:
        raw = read_state(path, MAX_CACHE_BYTES)
        if raw is None:
            return None
        data = json.loads(raw)
        stamps = {str(k): Stamp.from_json(v) for k, v in data["stamps"].items()}
        verdict = Verdict(**data["verdict"])
        if not (isinstance(data["key"], str) and isinstance(verdict.text, str) and isinstance(verdict.json, str)
                and isinstance(verdict.failed, bool) and isinstance(verdict.failed_strict, bool)):
            raise TypeError("field types")
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        warn(Problem(ws.rel(path), "the stored check result is damaged; it is ignored and checked afresh",
                     hint="nothing to do: the next check replaces it"))
        return None
    return stamps, data["key"], verdict


def recall(ws: Workspace) -> Verdict | None:
    """The stored verdict when every input is unchanged, else None."""
    stored = _read(ws)
    if stored is None:
        return None
    known, key, verdict = stored
    stamps, _ = restamp(input_files(ws), known)
    return verdict if _key(stamps) == key else None


def remember(ws: Workspace, verdict: Verdict) -> None:
    """Store the verdict with the stamps of the inputs it was made from (best effort: a cache)."""
    stored = _read(ws)
    stamps, _ = restamp(input_files(ws), stored[0] if stored else {})
    record = {"key": _key(stamps), "stamps": {k: v.to_json() for k, v in stamps.items()},
              "verdict": vars(verdict)}
    try:
        ws.cache.mkdir(parents=True, exist_ok=True)
        atomic_write(ws.cache / CACHE_NAME, json.dumps(record).encode())
    except OSError:
        pass
