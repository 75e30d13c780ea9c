"""A remembered `check` verdict, keyed by the content of every input (as git's index remembers stat data).

The verdict is a pure function of the inputs' bytes and briefgen's version, so when no seed, catalogue,
model or template changed since the last check, the stored report is the report. Stat data (size, mtime)
decides which files to re-hash; any changed byte means a full verification. `check --no-cache` skips it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from briefgen.atomic import atomic_write
from briefgen.regen.inputs import Stamp, input_files, restamp, tool_version
from briefgen.workspace import Workspace

CACHE_NAME = "check.json"


@dataclass(frozen=True)
class Verdict:
    text: str
    json: str
    failed: bool
    failed_strict: bool


def _key(stamps: dict[str, Stamp]) -> str:
    payload = json.dumps([tool_version(), {k: v.sha256 for k, v in stamps.items()}], sort_keys=True)
    return hashlib.sha256(payload.encode()).hexdigest()


def _read(ws: Workspace) -> dict[str, Any]:
    try:
        data: dict[str, Any] = json.loads((ws.cache / CACHE_NAME).read_text(encoding="utf-8"))
        return data
    except (OSError, ValueError):
        return {}


def recall(ws: Workspace) -> Verdict | None:
    """The stored verdict when every input is unchanged, else None."""
    stored = _read(ws)
    if not stored:
        return None
    known = {k: Stamp.from_json(v) for k, v in stored.get("stamps", {}).items()}
    stamps, _ = restamp(input_files(ws), known)
    if _key(stamps) != stored.get("key"):
        return None
    return Verdict(**stored["verdict"])


def remember(ws: Workspace, verdict: Verdict) -> None:
    """Store the verdict with the stamps of the inputs it was made from (best effort: a cache)."""
    known = {k: Stamp.from_json(v) for k, v in _read(ws).get("stamps", {}).items()}
    stamps, _ = restamp(input_files(ws), known)
    record = {"key": _key(stamps), "stamps": {k: v.to_json() for k, v in stamps.items()},
              "verdict": vars(verdict)}
    try:
        ws.cache.mkdir(parents=True, exist_ok=True)
        atomic_write(ws.cache / CACHE_NAME, json.dumps(record).encode())
    except OSError:
        pass
