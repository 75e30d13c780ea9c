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

from briefgen.regen.record import AudienceRecord

BUILDS = ".builds"


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
    """Every build recorded, oldest first; an unreadable record is skipped."""
    found: list[BuildRecord] = []
    with contextlib.suppress(OSError):
        for entry in sorted(os.scandir(out / BUILDS), key=lambda e: e.name):
            if entry.name.endswith(".json") and (record := _read(Path(entry.path))):
                found.append(record)
    return found


def _read(path: Path) -> BuildRecord | None:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return BuildRecord(int(raw["build"]), str(raw["at"]), dict(raw["audiences"]), dict(raw["model"]),
                           raw.get("history"))
    except (OSError, ValueError, KeyError, TypeError):
        return None


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
