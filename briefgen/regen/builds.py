"""One small record per successful build (`output/.builds/<N>.json`): when it ran, which audiences it wrote,
the items each showed, and where the briefs it replaced were kept. `briefgen history` lists them and
`--since BUILD` compares with them; the lock keeps only the last build.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefgen.errors import Problem, warn_once
from briefgen.regen.changes import well_formed
from briefgen.regen.history import MAX_NUMBER, counted, number_of, ours
from briefgen.regen.record import MAX_LOCK_BYTES, AudienceRecord
from briefgen.statefile import DamagedState, load_state

BUILDS = ".builds"
MAX_RECORD_BYTES = MAX_LOCK_BYTES  # a build's record holds what the lock holds, at most


@dataclass(frozen=True)
class BuildRecord:
    number: int
    at: str
    audiences: dict[str, dict[str, Any]]  # audience -> {"snapshot", "outputs"}
    model: dict[str, Any]
    history: str | None  # the folder the replaced briefs were kept in, if any were

    def files(self) -> list[str]:
        return sorted(f"{name}.{fmt}" for name, rec in self.audiences.items() for fmt in rec.get("outputs", {}))


def record_name(number: int) -> str:
    """Where build `number`'s record is published, relative to the output folder."""
    return f"{BUILDS}/{number:05d}.json"


def next_number(out: Path, last: int) -> int:
    """The number of the next build: one more than the build record's `last` and than any build recorded in
    .builds/ or named by a history folder, so a build record lost or damaged (its count starting again at 0)
    never reuses a number: the earlier build's record would be replaced, its history folder misread."""
    recorded = (counted(name[:-5]) for name in _names(out / BUILDS) if name.endswith(".json"))
    numbers = [last, *(n for n in recorded if n is not None), *(number_of(name) for name in ours(out))]
    return max(numbers) + 1


def _names(folder: Path) -> list[str]:
    """The names of the regular files in `folder` (a record; a folder or a link of that name is no record, but
    in the way of one, and reported so)."""
    try:
        with os.scandir(folder) as entries:
            return [e.name for e in entries if e.is_file(follow_symlinks=False)]
    except OSError:
        return []


def build_record(number: int, history: str | None, written: dict[str, tuple[AudienceRecord, list[str]]],
                 model: dict[str, Any]) -> bytes:
    """The record of build `number` (published with the briefs, just before the build record): each audience
    it wrote, with the files (outputs) this build wrote of it; `history` is the name of the folder its
    replaced briefs were kept in, if it kept any."""
    data = {"build": number, "at": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"), "history": history,
            "model": model, "audiences": {name: {"snapshot": rec.snapshot, "outputs": {
                fmt: rec.outputs[fmt] for fmt in formats if fmt in rec.outputs}}
                for name, (rec, formats) in written.items()}}
    return json.dumps(data, sort_keys=True, ensure_ascii=False).encode()


def read_builds(out: Path) -> list[BuildRecord]:
    """Every build recorded, oldest first (by number: names sort wrongly past 99999); a damaged record is
    skipped, with a warning."""
    found: list[BuildRecord] = []
    if (out / BUILDS).is_symlink():  # never read through it (nor does a build write through it)
        warn_once(Problem(f"{out.name}/{BUILDS}", "the folder of build records is a symbolic link, so no record in it "
                          "is read", hint="move the folder it points to in place of the link; until then `--since` "
                          "cannot name a build"))
        return found
    with contextlib.suppress(OSError):
        for entry in os.scandir(out / BUILDS):
            if entry.name.endswith(".json") and (record := _read(Path(entry.path))):
                found.append(record)
    return sorted(found, key=lambda record: record.number)


def _read(path: Path) -> BuildRecord | None:
    try:
        return load_state(path, MAX_RECORD_BYTES, _record_of)
    except DamagedState as exc:
        warn_once(Problem(f"{path.parent.parent.name}/{BUILDS}/{path.name}", f"the record of a build is damaged "
                          f"({exc}); it is left out", hint="`--since` cannot name that build; delete the file "
                          "to silence this"))
        return None


def _record_of(raw: Any) -> BuildRecord:
    """A BuildRecord from parsed JSON, every field of the type the readers rely on (else TypeError)."""
    audiences, model, history = raw["audiences"], raw["model"], raw.get("history")
    if not (isinstance(raw["build"], int) and 0 <= raw["build"] <= MAX_NUMBER and isinstance(raw["at"], str)
            and well_formed(model)
            and isinstance(audiences, dict) and (history is None or isinstance(history, str))
            and all(isinstance(rec, dict) and well_formed(rec.get("snapshot"))
                    and isinstance(rec.get("outputs", {}), dict) for rec in audiences.values())):
        raise TypeError("a build record's fields")
    return BuildRecord(raw["build"], raw["at"], audiences, model, history)


def state_at(builds: list[BuildRecord], number: int, audience: str | None) -> dict[str, Any] | None:
    """The snapshot an audience's brief had after build `number` (the whole model for audience None); None
    when build `number` is not recorded."""
    if not any(record.number == number for record in builds):
        return None
    best = None
    for record in builds:
        if record.number > number:
            break
        if audience is None:
            best = record.model
        elif audience in record.audiences:
            best = record.audiences[audience]["snapshot"]
    return best
