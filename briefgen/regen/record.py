"""output/briefgen.lock: what the last successful build read and wrote, written atomically."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefgen.atomic import atomic_write
from briefgen.errors import Problem, warn
from briefgen.regen.changes import well_formed
from briefgen.regen.history import MAX_NUMBER
from briefgen.regen.inputs import Stamp
from briefgen.statefile import UPGRADE_HINT, DamagedState, NewerState, expect_format, load_state

LOCK_NAME = "briefgen.lock"
FORMAT_VERSION = 1
MAX_LOCK_BYTES = 1024 * 1024 * 1024  # it holds a snapshot of the model: at most a few times the model's size


@dataclass
class AudienceRecord:
    digest: str  # hash of everything this audience's brief is made from
    outputs: dict[str, str]  # format -> sha256 of the file written
    items: list[str]  # ids shown
    dropped: list[str]  # ids left out to fit
    snapshot: dict[str, Any]  # the model items as this brief showed them (for "what changed")
    baseline: dict[str, Any] | None = None  # the snapshot of the brief before this one
    # Per format: [the content digest, the inputs' fingerprint] its file was written from (regen/madefrom.py).
    # Absent (a record from before briefgen kept it, or a format never written): unknown, so out of date.
    made_from: dict[str, list[str]] = field(default_factory=dict)
    offered: list[str] = field(default_factory=list)  # the formats the audience's profile offered (docx, pdf)

    def present(self, target: Path, name: str, formats: Iterable[str]) -> bool:
        """This audience's files in `formats` that the build recorded are all still in `target` (and it
        recorded one at least)."""
        wanted = [f for f in formats if f in self.outputs]
        return bool(wanted) and all((target / f"{name}.{f}").is_file() for f in wanted)

    def written_from(self, formats: Iterable[str], at: int, value: str) -> bool:
        """Was each of `formats` (one at least) written from `value`: the content digest (`at` 0) or the
        inputs' fingerprint (`at` 1)?"""
        wanted = list(formats)
        return bool(wanted) and all(len(self.made_from.get(f, ())) == 2 and self.made_from[f][at] == value
                                    for f in wanted)

    def built(self, formats: Iterable[str]) -> list[str]:
        """Those of `formats` a build wrote for this audience (a format never built is not out of date: it
        is not there; `build` without -f writes it)."""
        return [f for f in formats if f in self.outputs]

    def current(self, target: Path, name: str, formats: Iterable[str], inputs: str) -> bool:
        """Is every one of `formats` the profile offered and a build wrote made from the inputs whose
        fingerprint is `inputs`, and still in `target`? "Up to date" when nothing need be loaded to tell."""
        wanted = self.built(f for f in formats if f in self.offered)
        return self.written_from(wanted, 1, inputs) and self.present(target, name, wanted)


@dataclass
class Lock:
    tool: str = ""
    build: int = 0  # counts successful builds; names history folders
    inputs: dict[str, Stamp] = field(default_factory=dict)
    audiences: dict[str, AudienceRecord] = field(default_factory=dict)
    model: dict[str, Any] = field(default_factory=dict)  # every model item when every brief was last current
    # Inputs some brief is still made from, by fingerprint: how they differ from `inputs` (None: absent).
    earlier: dict[str, dict[str, str | None]] = field(default_factory=dict)
    model_build: int = 0  # the build `model` is from (0: the last one, as before briefgen kept this)

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT_VERSION, "tool": self.tool, "build": self.build,
                "inputs": {k: v.to_json() for k, v in self.inputs.items()},
                "audiences": {k: vars(v) for k, v in self.audiences.items()}, "model": self.model,
                "earlier": self.earlier, "model_build": self.model_build}


def read_lock(out: Path) -> Lock:
    """The recorded state, or an empty one when there is none. A damaged record (not JSON, the wrong shape, a
    link, unreadable) is reported as a warning and treated as absent: the next build rebuilds everything."""
    path = out / LOCK_NAME
    try:
        return load_state(path, MAX_LOCK_BYTES, _lock_of) or Lock()
    except DamagedState as exc:
        return _damaged(path, exc)


def quiet_lock(out: Path) -> Lock:
    """The recorded state, empty for none or a damaged record, without a warning (`read_lock` gives it)."""
    try:
        return load_state(out / LOCK_NAME, MAX_LOCK_BYTES, _lock_of) or Lock()
    except DamagedState:
        return Lock()


def _lock_of(data: Any) -> Lock:
    """A Lock from parsed JSON, every field of the type the code relies on (else TypeError)."""
    expect_format(data, FORMAT_VERSION, "build record")
    inputs = {str(k): Stamp.from_json(v) for k, v in _dict(data["inputs"]).items()}
    audiences = {str(k): _record(_dict(v)) for k, v in _dict(data["audiences"]).items()}
    tool, build = data["tool"], data["build"]
    if not isinstance(tool, str) or not isinstance(build, int) or not 0 <= build <= MAX_NUMBER:
        raise TypeError("tool or build")
    earlier = {str(k): _delta(v) for k, v in _dict(data.get("earlier", {})).items()}
    model_build = data.get("model_build", 0)
    if not isinstance(model_build, int) or model_build < 0:
        raise TypeError("model_build")
    model = _dict(data.get("model", {}))
    if not well_formed(model):
        raise TypeError("model")
    return Lock(tool, build, inputs, audiences, model, earlier, model_build)


def _delta(raw: Any) -> dict[str, str | None]:
    """One entry of `earlier`: input names to content hashes, or None for an input absent then."""
    if not all(v is None or isinstance(v, str) for v in _dict(raw).values()):
        raise TypeError("earlier inputs")
    return {str(k): v for k, v in raw.items()}


def _record(raw: dict[str, Any]) -> AudienceRecord:
    record = AudienceRecord(**raw)
    outputs_ok = all(isinstance(k, str) and isinstance(v, str) for k, v in _dict(record.outputs).items()) and all(
        isinstance(v, list) and all(isinstance(part, str) for part in v) for v in _dict(record.made_from).values()
    ) and isinstance(record.offered, list) and all(isinstance(f, str) for f in record.offered)
    if not (isinstance(record.digest, str) and outputs_ok and isinstance(record.items, list)
            and isinstance(record.dropped, list) and well_formed(record.snapshot)
            and (record.baseline is None or well_formed(record.baseline))):
        raise TypeError("audience record")
    return record


def _dict(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise TypeError("not a mapping")
    return value


def _damaged(path: Path, exc: DamagedState) -> Lock:
    newer = isinstance(exc, NewerState)
    state = f"was {exc}" if newer else f"is damaged ({exc})"
    warn(Problem(f"{path.parent.name}/{path.name}", f"the build record {state}; it is ignored, so every brief "
                 "counts as changed", hint=f"{UPGRADE_HINT}; a build with this one replaces the record" if newer
                 else "the next successful build writes a new one"))
    return Lock()


def write_lock(out: Path, lock: Lock) -> None:
    atomic_write(out / LOCK_NAME, json.dumps(lock.to_json(), indent=1, sort_keys=True).encode())
