"""`briefgen status` and `briefgen diff`: how the workspace stands against the last build and the last issue."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefgen.document.formats import FORMATS
from briefgen.errors import BriefgenError, Problem
from briefgen.regen.changes import Change, changes
from briefgen.regen.changes import name as item_name
from briefgen.regen.inputs import asset_digests, file_digest, input_files, restamp, tool_version
from briefgen.regen.issued import issued_changed, read_issues
from briefgen.regen.madefrom import changed_for, made_now
from briefgen.regen.publish import interrupted
from briefgen.regen.record import Lock, read_lock
from briefgen.regen.since import baseline, check_since
from briefgen.render.audiences import audience_names
from briefgen.workspace import Workspace, output_target

if TYPE_CHECKING:  # the model loads only when something changed
    from briefgen.verify.check import Checked


@dataclass
class AudienceState:
    name: str
    up_to_date: bool
    reason: str = ""
    affected: list[str] = field(default_factory=list)  # ids, for the JSON report
    affected_names: list[str] = field(default_factory=list)  # the same items as the brief names them
    edited: list[str] = field(default_factory=list)  # published files whose digest no longer matches the lock
    issued_changed: list[str] = field(default_factory=list)  # issued copies changed or gone since issued
    since: str = ""  # what `changes` counts from ("version 3 of 3 December 2026"), when there is something
    changes: list[Change] = field(default_factory=list)
    since_problem: Problem | None = None  # `--since` names what this audience never had (version 3 of 2)

    def to_json(self) -> dict[str, Any]:
        return {"up_to_date": self.up_to_date, "reason": self.reason, "affected_items": self.affected,
                "edited_by_hand": self.edited, "issued_changed": self.issued_changed, "changes_since": self.since,
                "changes": [{"what": c["what"], "detail": c["detail"]} for c in self.changes]}


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
                "audiences": {a.name: a.to_json() for a in self.audiences},
                "problems": [p.to_json() for p in self.problems]}


def target_of(ws: Workspace, out: Path | None) -> Path:
    """The output directory to read (never created: status and diff only look)."""
    return output_target(ws, out)


def workspace_status(ws: Workspace, out: Path | None = None, since: str | None = None) -> Status:
    """How the workspace stands; first of all, a publishing a killed build left half done (its briefs a mix
    of old and new until the next build finishes it)."""
    check_since(since)
    target = target_of(ws, out)
    status = _status(ws, target, since)
    status.problems.extend(a.since_problem for a in status.audiences if a.since_problem is not None)
    stage = interrupted(target)
    if stage is not None:
        status.problems.insert(0, Problem(f"{target.name}/{stage.name}", "a build was killed while publishing: "
                                          "some briefs are new and some old until it is finished",
                                          hint="run `briefgen build --if-changed`, which finishes it first"))
    return status


def _status(ws: Workspace, target: Path, since: str | None) -> Status:
    lock = read_lock(target)
    stamps, _ = restamp(input_files(ws), lock.inputs)
    names = audience_names(ws)
    if not lock.audiences:
        return Status(False, [], [AudienceState(n, False, "never built") for n in names])
    now = made_now(stamps)
    if all(n not in lock.audiences or lock.audiences[n].current(target, n, FORMATS, now) for n in names):
        states = [_unchanged(target, lock, n, since) for n in names]
        return Status(True, [], states)
    changed = changed_for(lock, stamps, tool_version())  # TOOL among them: an upgrade is a reason too
    missing = [n for n in names if n in lock.audiences and not _outputs_present(target, lock, n)]
    from briefgen.verify.check import run_check

    try:
        checked = run_check(ws)
    except BriefgenError as exc:
        return Status(True, changed, [AudienceState(n, False, _unloaded(exc.problems)) for n in names],
                      exc.problems)
    states = [_audience_state(checked, target, lock, name, changed, name in missing, since) for name in names]
    return Status(True, changed, states, checked.verification.errors)


def _unloaded(problems: list[Problem]) -> str:
    """An audience's state when the model cannot be loaded: which files stop it ("seeds/sources.yaml does not
    load", where "the model does not load" sent the analyst to summary.yaml for a catalogue's fault)."""
    files = list(dict.fromkeys(p.file for p in problems)) or ["the model"]
    return f"{' and '.join(files)} {'does' if len(files) == 1 else 'do'} not load"


def _outputs_present(target: Path, lock: Lock, name: str) -> bool:
    record = lock.audiences.get(name)
    return record is not None and record.present(target, name, record.outputs)


def _edited(target: Path, lock: Lock, name: str) -> list[str]:
    record = lock.audiences[name]
    return [f"{name}.{fmt}" for fmt, digest in sorted(record.outputs.items())
            if (target / f"{name}.{fmt}").is_file() and file_digest(target / f"{name}.{fmt}") != digest]


def _unchanged(target: Path, lock: Lock, name: str, since: str | None) -> AudienceState:
    """An audience when no input moved: its last build is the workspace, so compare that with the baseline."""
    if name not in lock.audiences:
        return AudienceState(name, False, "never built")
    return _with_changes(target, lock, AudienceState(name, True), lock.audiences[name].snapshot, since)


def _with_changes(target: Path, lock: Lock, state: AudienceState, now: dict[str, Any], since: str | None,
                  ) -> AudienceState:
    state.edited = _edited(target, lock, state.name)
    state.issued_changed = issued_changed(target, state.name, read_issues(target).get(state.name, []))
    if state.edited:
        state.up_to_date, state.reason = False, "edited by hand after briefgen wrote it"
    if since is not None or read_issues(target).get(state.name):
        try:
            base = baseline(target, lock, state.name, since)
        except BriefgenError as exc:  # this audience has no such version or build: said, the others shown
            state.since_problem = exc.problems[0]
            return state
        state.since, state.changes = base.described, changes(base.snapshot, now)
    return state


def _audience_state(checked: Checked, target: Path, lock: Lock, name: str, changed: list[str], missing: bool,
                    since: str | None) -> AudienceState:
    record = lock.audiences.get(name)
    if record is None:
        return AudienceState(name, False, "never built")
    from briefgen.regen.snapshot import digest, snapshot, withheld_from
    from briefgen.render.profiles import load_profile
    from briefgen.render.templating import template_sources

    profile = load_profile(checked.ws, name)
    snap = snapshot(checked, profile, name)
    affected = sorted(_affected(checked, changed) | {c["item"] for c in changes(record.snapshot, snap) if "item" in c})
    if missing:
        state = AudienceState(name, False, "an output file is missing", affected)
    else:
        key = digest(snap, profile, template_sources(checked.ws, profile.template) + asset_digests(checked.ws),
                     tool_version(), withheld_from(checked, profile, name))
        made = record.built(profile.formats)
        stale = [f"{name}.{f}" for f in made if not record.written_from([f], 0, key)]
        same = bool(made) and not stale
        state = AudienceState(name, same, "" if same else _why(stale, len(made)), affected if not same else [])
    shown = {**record.snapshot.get("items", {}), **snap["items"]}
    state.affected_names = [item_name(shown[i]) for i in state.affected if i in shown]
    return _with_changes(target, lock, state, snap, since)


def _why(stale: list[str], formats: int) -> str:
    """Why an audience is out of date: its inputs changed since its files were built (since some of them
    were, after a build of other formats: `build -f pdf`)."""
    if not stale or len(stale) >= formats:
        return "its inputs changed"
    return f"its inputs changed since {', '.join(stale)} {'was' if len(stale) == 1 else 'were'} built"


def _affected(checked: Checked, changed: list[str]) -> set[str]:
    """Items whose evidence sits in a changed seed (or all of them, when the catalogue changed)."""
    by_file = {f"seeds/{s.file}": s.id for s in checked.loaded.catalogue.sources}
    sources = {by_file[name] for name in changed if name in by_file}
    return {item.id for item in checked.verification.items.values()
            if any(c.source.id in sources for c in item.citations)}
