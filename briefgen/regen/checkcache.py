"""A remembered `check` verdict, keyed by the content of every input (as git's index remembers stat data).

The verdict is a pure function of the inputs' bytes and briefgen's version, so when no seed, catalogue,
model or template changed since the last check, the stored report is the report. Stat data (size, mtime)
decides which files to re-hash. When a seed changed, the passages of the seeds that did not are not searched
again: each passage's tie is kept by its seed's content hash (verify/ties.py); and when nothing but seeds
changed, the stored verdict may stand once the changed seeds answer every question the last check asked of
them as before (regen/cutoff.py, from the record's `Cutoff`). `check --no-cache` uses none of it.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from briefgen.atomic import atomic_write
from briefgen.errors import Problem, warn
from briefgen.forking import collect, fork, stop, workers_for
from briefgen.regen.inputs import Stamp, input_files, restamp, tool_version
from briefgen.statefile import DamagedState, load_state
from briefgen.verify.ties import STORE_NAME, TieStore
from briefgen.workspace import Workspace

CACHE_NAME = "check.json"
STAMP_BESIDE_FROM = 1000  # input files; below it a fork costs more than stamping them
MAX_CACHE_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True)
class Verdict:
    """A check's report as text and (when a command asked for it) as JSON, and whether it failed. A verdict
    without its JSON stands for `check --json` only once verified again: the JSON of 10,000 items takes as
    long to make as a tenth of their check."""

    text: str
    json: str | None
    failed: bool
    failed_strict: bool

    def serves(self, as_json: bool) -> bool:
        return self.json is not None or not as_json

    def report(self, as_json: bool) -> str:
        if not as_json:
            return self.text
        if self.json is None:
            raise ValueError("a verdict made without its JSON was asked for it")
        return self.json


@dataclass(frozen=True)
class Cutoff:
    """What a later check needs to let this verdict stand after seeds alone changed: the token of the tie store
    written with it, and each catalogued seed file's readings. Only made when the verdict was made from exactly
    the stamped bytes of every catalogued seed (regen/cutoff.py, `seed_readings`)."""

    token: str
    seeds: dict[str, list[str]]

    def to_json(self) -> dict[str, object]:
        return {"token": self.token, "seeds": self.seeds}

    @classmethod
    def from_json(cls, raw: object) -> Cutoff | None:
        if raw is None:
            return None
        if not (isinstance(raw, dict) and isinstance(raw["token"], str) and isinstance(raw["seeds"], dict) and all(
                isinstance(v, list) and all(isinstance(r, str) for r in v) for v in raw["seeds"].values())):
            raise TypeError("a cutoff is {token, seeds}")
        return cls(raw["token"], raw["seeds"])


@dataclass(frozen=True)
class Record:
    """The stored check: the inputs' stamps, their key, the verdict made from them, and its cutoff."""

    stamps: dict[str, Stamp]
    key: str
    verdict: Verdict
    cutoff: Cutoff | None

    @property
    def current(self) -> bool:
        """Made by this briefgen (the key covers its version) from the stamps stored with it."""
        return _key(self.stamps) == self.key


def _key(stamps: dict[str, Stamp]) -> str:
    """A digest of briefgen's version and every input's name, content hash and, for a symbolic link, where it
    leads (names hold no NUL; a link's target may hold any bytes a path can)."""
    digest = hashlib.sha256(tool_version().encode() + b"\0")
    digest.update("\0".join([f"{name}\0{stamp.sha256}" + (f"\0>{stamp.link}" if stamp.link else "")
                             for name, stamp in sorted(stamps.items())]).encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def _read(ws: Workspace) -> Record | None:
    """The stored record; None when there are none, or (with a warning) when the file is
    damaged: a cache is then only recomputed."""
    path = ws.cache / CACHE_NAME
    if os.path.lexists(ws.output) and not ws.output.is_dir():  # a file, a pipe, a device: nothing is kept there
        warn(Problem(ws.rel(ws.output), "the output path exists and is not a directory, so no check result is "
                     "kept", hint="remove the file: output/ is the folder briefgen keeps its briefs and caches in"))
        return None
    try:
        return load_state(path, MAX_CACHE_BYTES, _record_of)
    except DamagedState:
        warn(Problem(ws.rel(path), "the stored check result is damaged; it is ignored and checked afresh",
                     hint="nothing to do: the next check replaces it"))
        return None


def _record_of(data: Any) -> Record:
    """A Record from parsed JSON, every field of the type the code relies on (else TypeError)."""
    stamps = {str(k): Stamp.from_json(v) for k, v in data["stamps"].items()}
    verdict = Verdict(**data["verdict"])
    cutoff = Cutoff.from_json(data.get("cutoff"))
    if not (isinstance(data["key"], str) and isinstance(verdict.text, str)
            and isinstance(verdict.json, (str, type(None)))
            and isinstance(verdict.failed, bool) and isinstance(verdict.failed_strict, bool)):
        raise TypeError("field types")
    return Record(stamps, data["key"], verdict, cutoff)


def recall(ws: Workspace) -> tuple[Verdict | None, dict[str, Stamp], Record | None]:
    """The stored verdict when every input is unchanged (else None), the inputs' stamps as they are now, and
    the stored record (None when there is none)."""
    stored = _read(ws)
    stamps, _ = restamp(input_files(ws), stored.stamps if stored else {})
    if stored is None:
        return None, stamps, None
    if _key(stamps) != stored.key:
        return None, stamps, stored
    if stamps != stored.stamps:  # the same inputs, hashed again (a copied workspace): keep their new stat data
        remember(ws, stored.verdict, stamps, stored.cutoff)
    return stored.verdict, stamps, stored


def stamps_now(ws: Workspace, files: dict[str, str] | None = None) -> dict[str, Stamp]:
    """The inputs' stamps as they are now (of `files`, when listed already), hashing only the files whose size
    or mtime moved since the stored record's (every file when there is none)."""
    stored = _read(ws)
    return restamp(input_files(ws) if files is None else files, stored.stamps if stored else {})[0]


def stamps_beside(ws: Workspace, meanwhile: Callable[[], object]) -> dict[str, Stamp]:
    """stamps_now(ws), and `meanwhile` done at the same time: from STAMP_BESIDE_FROM inputs, where two cores
    are free, a child forked now reads the last record and stamps the inputs while this process does
    `meanwhile` (`check --no-cache`: its imports; ~40 and ~60 ms at 10,000 seeds). The stamps are complete
    when this returns, before anything is verified. A child that fails leaves the stamps to this process."""
    files = input_files(ws)
    forked = fork(lambda: marshal.dumps({name: tuple(s.to_json())
                                         for name, s in stamps_now(ws, files).items()})) if (
        len(files) >= STAMP_BESIDE_FROM and workers_for(2) >= 2) else None
    if forked is None:
        meanwhile()
        return stamps_now(ws, files)
    pid, pipe = forked
    try:
        meanwhile()
    except BaseException:
        stop(pid, pipe)
        raise
    sent = collect(pid, pipe)
    try:
        return {name: Stamp.from_json(list(fields)) for name, fields in marshal.loads(sent or b"").items()}
    except (EOFError, ValueError, TypeError, AttributeError):  # nothing sent, or cut short
        return stamps_now(ws, files)


def seed_digests(stamps: dict[str, Stamp]) -> dict[str, str]:
    """The sha256 of each seed file by its name in seeds/, as its stamp says."""
    return {name[6:]: stamp.sha256 for name, stamp in stamps.items() if name.startswith("seeds/")}


def tie_store(ws: Workspace) -> TieStore:
    """The ties the last check found, to be kept for the same seed bytes, passages and briefgen code."""
    return TieStore(ws.cache / STORE_NAME, tool_version()).load()


def remember(ws: Workspace, verdict: Verdict, stamps: dict[str, Stamp] | None = None,
             cutoff: Cutoff | None = None) -> None:
    """Store the verdict with the stamps of the inputs it was made from (best effort: a cache). Stamps taken
    before the verification began are the safe ones: a file changed since then no longer matches them."""
    if stamps is None:
        stamps = stamps_now(ws)
    record = {"key": _key(stamps), "stamps": {k: v.to_json() for k, v in stamps.items()},
              "verdict": vars(verdict), "cutoff": cutoff.to_json() if cutoff else None}
    try:
        ws.cache.mkdir(parents=True, exist_ok=True)
        atomic_write(ws.cache / CACHE_NAME, json.dumps(record).encode())
    except OSError:
        pass
