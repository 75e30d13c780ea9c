"""output/briefgen.lock: what the last successful build read and wrote, written atomically."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefgen.atomic import atomic_write
from briefgen.regen.inputs import Stamp

LOCK_NAME = "briefgen.lock"
FORMAT_VERSION = 1


@dataclass
class AudienceRecord:
    digest: str  # hash of everything this audience's brief is made from
    outputs: dict[str, str]  # format -> sha256 of the file written
    items: list[str]  # ids shown
    dropped: list[str]  # ids left out to fit
    snapshot: dict[str, Any]  # the model items as this brief showed them (for "what changed")
    baseline: dict[str, Any] | None = None  # the snapshot of the brief before this one

    def present(self, target: Path, name: str, formats: Iterable[str]) -> bool:
        """This audience's files in `formats` that the build recorded are all still in `target` (and it
        recorded one at least): with a digest equal to the inputs', what "up to date" means everywhere."""
        wanted = [f for f in formats if f in self.outputs]
        return bool(wanted) and all((target / f"{name}.{f}").is_file() for f in wanted)


@dataclass
class Lock:
    tool: str = ""
    build: int = 0  # counts successful builds; names history folders
    inputs: dict[str, Stamp] = field(default_factory=dict)
    audiences: dict[str, AudienceRecord] = field(default_factory=dict)
    model: dict[str, Any] = field(default_factory=dict)  # every model item at the last build (for `diff`)

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT_VERSION, "tool": self.tool, "build": self.build,
                "inputs": {k: v.to_json() for k, v in self.inputs.items()},
                "audiences": {k: vars(v) for k, v in self.audiences.items()}, "model": self.model}


def read_lock(out: Path) -> Lock:
    """The recorded state, or an empty one when there is none (or it is unreadable: then we rebuild)."""
    try:
        raw = json.loads((out / LOCK_NAME).read_text(encoding="utf-8"))
        if raw.get("format") != FORMAT_VERSION:
            return Lock()
        return Lock(tool=raw["tool"], build=int(raw["build"]),
                    inputs={k: Stamp.from_json(v) for k, v in raw["inputs"].items()},
                    audiences={k: AudienceRecord(**v) for k, v in raw["audiences"].items()},
                    model=raw.get("model", {}))
    except (OSError, ValueError, KeyError, TypeError):
        return Lock()


def write_lock(out: Path, lock: Lock) -> None:
    atomic_write(out / LOCK_NAME, json.dumps(lock.to_json(), indent=1, sort_keys=True).encode())
