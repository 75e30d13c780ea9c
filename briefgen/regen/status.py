"""`briefgen status` and `briefgen diff`: how the workspace stands against the last successful build."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from briefgen.errors import BriefgenError, Problem
from briefgen.regen.inputs import asset_digests, changed_names, input_files, restamp, tool_version
from briefgen.regen.record import Lock, read_lock
from briefgen.render.audiences import audience_names
from briefgen.workspace import Workspace

if TYPE_CHECKING:  # the model loads only when something changed
    from briefgen.verify.check import Checked


@dataclass
class AudienceState:
    name: str
    up_to_date: bool
    reason: str = ""
    affected: list[str] = field(default_factory=list)


@dataclass
class Status:
    built: bool
    changed_inputs: list[str]
    audiences: list[AudienceState]
    problems: list[Problem] = field(default_factory=list)

    @property
    def up_to_date(self) -> bool:
        return self.built and all(a.up_to_date for a in self.audiences) and not self.problems

    def to_json(self) -> dict[str, Any]:
        return {"up_to_date": self.up_to_date, "built": self.built, "changed_inputs": self.changed_inputs,
                "audiences": {a.name: {"up_to_date": a.up_to_date, "reason": a.reason, "affected_items": a.affected}
                              for a in self.audiences},
                "problems": [p.to_json() for p in self.problems]}


def workspace_status(ws: Workspace) -> Status:
    lock = read_lock(ws.output)
    stamps, _ = restamp(input_files(ws), lock.inputs)
    names = audience_names(ws)
    if not lock.audiences:
        return Status(False, [], [AudienceState(n, False, "never built") for n in names])
    changed = changed_names(lock.inputs, stamps)
    missing = [n for n in names if n in lock.audiences and not _outputs_present(ws, lock, n)]
    if not changed and not missing and lock.tool == tool_version():
        states = [AudienceState(n, True) if n in lock.audiences else AudienceState(n, False, "never built")
                  for n in names]
        return Status(True, [], states)
    from briefgen.verify.check import run_check

    try:
        checked = run_check(ws)
    except BriefgenError as exc:
        return Status(True, changed, [AudienceState(n, False, "the model does not load") for n in names],
                      exc.problems)
    states = [_audience_state(checked, lock, name, changed, name in missing) for name in names]
    return Status(True, changed, states, checked.verification.errors)


def _outputs_present(ws: Workspace, lock: Lock, name: str) -> bool:
    record = lock.audiences.get(name)
    return record is not None and record.present(ws.output, name, record.outputs)


def _audience_state(checked: Checked, lock: Lock, name: str, changed: list[str], missing: bool) -> AudienceState:
    record = lock.audiences.get(name)
    if record is None:
        return AudienceState(name, False, "never built")
    from briefgen.regen.snapshot import changes, digest, snapshot
    from briefgen.render.profiles import load_profile
    from briefgen.render.templating import template_sources

    profile = load_profile(checked.ws, name)
    snap = snapshot(checked, profile, name)
    affected = sorted(_affected(checked, changed) | {c["what"].split()[-1].rstrip(":")
                                                      for c in changes(record.snapshot, snap)})
    if missing:
        return AudienceState(name, False, "an output file is missing", affected)
    same = digest(snap, profile, template_sources(checked.ws, profile.template) + asset_digests(checked.ws),
                 tool_version()) == record.digest
    return AudienceState(name, same, "" if same else "its inputs changed", affected if not same else [])


def _affected(checked: Checked, changed: list[str]) -> set[str]:
    """Items whose evidence sits in a changed seed (or all of them, when the catalogue changed)."""
    by_file = {f"seeds/{s.file}": s.id for s in checked.loaded.catalogue.sources}
    sources = {by_file[name] for name in changed if name in by_file}
    return {item.id for item in checked.verification.items.values()
            if any(c.source.id in sources for c in item.citations)}


def model_diff(ws: Workspace) -> list[dict[str, str]]:
    """What changed in the model and its evidence since the last successful build."""
    lock = read_lock(ws.output)
    if not lock.model:
        raise BriefgenError(Problem(ws.rel(ws.output / "briefgen.lock"), "no successful build recorded yet",
                                    hint="run `briefgen build` first"))
    from briefgen.regen.snapshot import changes, full_snapshot
    from briefgen.verify.check import run_check

    return changes(lock.model, full_snapshot(run_check(ws)))
