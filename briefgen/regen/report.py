"""`briefgen diff` and `briefgen history`: what changed since a version or build, and what was built and issued."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefgen.errors import BriefgenError, Problem, warn
from briefgen.regen.builds import read_builds
from briefgen.regen.changes import Change, changes
from briefgen.regen.issued import ISSUED, RECORD, Issue, long, read_issues
from briefgen.regen.record import read_lock
from briefgen.regen.since import baseline, check_since
from briefgen.regen.status import target_of
from briefgen.workspace import Workspace


@dataclass(frozen=True)
class Diff:
    audience: str | None  # None: the whole model
    since: str
    changes: list[Change]

    def lines(self) -> list[str]:
        who = f"the {self.audience} brief" if self.audience else "the model"
        if not self.changes:
            return [f"{who}: no changes since {self.since}"]
        return [f"{who}, since {self.since}:", *(f"  {c['what']} {c['detail']}" for c in self.changes)]


def diff_report(ws: Workspace, audiences: tuple[str, ...] = (), since: str | None = None,
                out: Path | None = None) -> list[Diff]:
    """Per audience (those named, else every audience ever issued) since its last issued version or `since`;
    with no audience named and none issued, the whole model since the last build."""
    check_since(since)
    target = target_of(ws, out)
    lock = read_lock(target)
    if not lock.model:
        raise BriefgenError(Problem(ws.rel(target / "briefgen.lock"), "no successful build recorded yet",
                                    hint="run `briefgen build` first"))
    from briefgen.regen.build import resolve_audiences
    from briefgen.regen.snapshot import full_snapshot, snapshot
    from briefgen.regen.standing import told
    from briefgen.render.profiles import load_profile
    from briefgen.verify.check import run_check

    issues = read_issues(target)
    names = resolve_audiences(ws, audiences) if audiences else _still_profiled(ws, target, issues)
    checked = run_check(ws)
    if not names:
        base = baseline(target, lock, None, since, issues)
        return [Diff(None, base.described, changes(base.snapshot, full_snapshot(checked)))]
    found, missing = [], []
    for name in names:
        try:
            base = baseline(target, lock, name, since, issues)
        except BriefgenError as exc:  # --since names a version this audience never had
            if audiences:
                raise
            missing.append(exc.problems[0])
            continue
        profile = load_profile(ws, name)
        found.append(Diff(name, base.described, told(checked, name, profile, base.snapshot,
                                                     snapshot(checked, profile, name))))
    return _or_refused(found, missing)


def _or_refused(found: list[Diff], missing: list[Problem]) -> list[Diff]:
    """The audiences that have what --since names, each other one named in a warning; none: refused."""
    if missing and not found:
        raise BriefgenError(missing[0])
    for problem in missing:
        warn(Problem(problem.file, problem.message, hint=f"{problem.hint}; the audiences that have it are compared"))
    return found


def _still_profiled(ws: Workspace, target: Path, issues: dict[str, list[Issue]]) -> list[str]:
    """The audiences ever issued that still have a profile; a warning names each one retired since (its
    profile deleted or renamed), which nothing can rebuild to compare."""
    from briefgen.render.audiences import audience_names

    known = set(audience_names(ws))
    for name in sorted(set(issues) - known):
        warn(Problem(ws.rel(target / ISSUED / RECORD), f"the {name} brief was issued (last as version "
                     f"{issues[name][-1].version}) but has no profile now, so it is not compared",
                     hint=f"put templates/{name}.yaml back to compare it"))
    return sorted(set(issues) & known)


def history_lines(ws: Workspace, out: Path | None = None) -> list[str]:
    """Every recorded build (oldest first) and every issued version, with where its files are kept."""
    target = target_of(ws, out)
    lines = []
    for record in read_builds(target):
        lines.append(f"build {record.number}  {record.at}  wrote {', '.join(record.files())}"
                     f"{_kept(ws, target / 'history', record.history)}")
    for name, entries in sorted(read_issues(target).items()):
        for entry in entries:
            note = f" — {entry.note}" if entry.note else ""
            lines.append(f"{name} version {entry.version}  issued {long(entry.date)} ({entry.at}) from build "
                         f"{entry.build}: {ws.rel(entry.folder(target, name))}{note}")
    return lines or ["nothing built yet"]


def _kept(ws: Workspace, history: Path, name: str | None) -> str:
    """Where the briefs a build replaced are kept: its history folder, unless pruned or moved since."""
    if name is None:
        return ""
    if (history / name).is_dir():
        return f"; replaced briefs kept in {ws.rel(history / name)}"
    return f"; the briefs it replaced are no longer kept ({ws.rel(history / name)} was pruned or moved)"
