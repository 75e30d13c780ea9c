"""`briefgen build`: verify, compose every audience, then write; the last good briefs survive any failure.

Order matters for safety: every check, profile and template runs (and every brief is composed and fitted)
before the first file is replaced; each replaced brief is first kept in output/history/; each file and the
lock are written to a temporary name and renamed into place; one build at a time holds output/.build.lock.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefgen.atomic import remove_stale_temps
from briefgen.document.nodes import Theme, Writer, WriteResult
from briefgen.errors import BriefgenError, Problem
from briefgen.locking import held
from briefgen.regen.builds import record_build
from briefgen.regen.caches import prune_cache
from briefgen.regen.history import HISTORY, discard_if_same, history_folder, preserve, prune
from briefgen.regen.inputs import file_digest, input_files, restamp, tool_version
from briefgen.regen.issued import Issue, read_issues
from briefgen.regen.record import AudienceRecord, Lock, read_lock, write_lock
from briefgen.workspace import Workspace, output_dir

if TYPE_CHECKING:  # the model, templates and fit load only when there is something to build
    from briefgen.render.compose import Composed
    from briefgen.render.profiles import Profile
    from briefgen.verify.check import Checked

FORMATS = ("docx", "pdf")


@dataclass(frozen=True)
class Written:
    audience: str
    fmt: str
    result: WriteResult
    dropped: tuple[str, ...]

    def line(self, ws: Workspace) -> str:
        left_out = f"; left out to fit: {', '.join(self.dropped)}" if self.dropped else ""
        pages = f"{self.result.pages} page{'s' if self.result.pages != 1 else ''}"
        return f"{ws.rel(self.result.path)}: {pages}, {self.result.notes} footnotes{left_out}"


@dataclass(frozen=True)
class Plan:
    """One audience to rebuild, composed and fitted, not yet written."""

    audience: str
    profile: Profile
    theme: Theme
    composed: Composed
    digest: str
    snapshot: dict[str, Any]
    baseline: dict[str, Any] | None
    formats: tuple[str, ...]
    redline_base: Path | None = None  # the last issued DOCX, to write <audience>.redline.docx against


@dataclass
class BuildReport:
    written: list[Written] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)  # audiences already up to date
    history: Path | None = None

    @property
    def up_to_date(self) -> bool:
        return not self.written


def writer_for(fmt: str) -> Writer:
    """Import a writer only when its format is asked for (each costs ~0.15 s of imports)."""
    if fmt == "docx":
        from briefgen.writers.docx.writer import write as write_docx
        return write_docx
    from briefgen.writers.pdf.writer import write as write_pdf
    return write_pdf


def resolve_audiences(ws: Workspace, wanted: Iterable[str]) -> list[str]:
    from briefgen.render.audiences import audience_names

    chosen = list(dict.fromkeys(wanted)) or audience_names(ws)
    if not chosen:
        raise BriefgenError(Problem("templates/", "no audiences defined", hint="add templates/<name>.yaml"))
    return chosen


def build(ws: Workspace, audiences: Iterable[str] = (), formats: Iterable[str] = FORMATS, out: Path | None = None,
          *, strict: bool = False, if_changed: bool = False, keep_history: int | None = None) -> BuildReport:
    target = output_dir(ws, out)
    lock = target / ".build.lock"
    with held(lock, ws.rel(lock), "another build is running"):
        tidy(target, ws.cache)
        report = _build_locked(ws, list(audiences), tuple(formats), target, strict, if_changed)
        if keep_history is not None:
            prune(target, keep_history)
    return report


def tidy(target: Path, cache: Path) -> None:
    """Remove the temporary files of a build that was killed mid-write (the lock proves none is running),
    and those an hour old in the cache (where `check`, which takes no lock, may be writing one now).

    Such a build's history folder is the newest one when the next build takes the lock, so only that one
    is looked into: a thousand old history folders cost nothing here."""
    remove_stale_temps(target)
    remove_stale_temps(cache, older_than=3600)
    with contextlib.suppress(OSError):
        folders = sorted(entry.name for entry in os.scandir(target / HISTORY) if entry.is_dir())
        if folders:
            remove_stale_temps(target / HISTORY / folders[-1])


def _build_locked(ws: Workspace, audiences: list[str], formats: tuple[str, ...], target: Path, strict: bool,
                  if_changed: bool) -> BuildReport:
    lock = read_lock(target)
    stamps, touched = restamp(input_files(ws), lock.inputs)
    names = resolve_audiences(ws, audiences)
    if if_changed and not touched and lock.tool == tool_version() and all(
            _intact(lock.audiences.get(n), formats, target, n) for n in names):
        return BuildReport(unchanged=names)
    from briefgen.regen.snapshot import full_snapshot
    from briefgen.render.profiles import load_profile
    from briefgen.verify.check import require_verified, run_check

    checked = run_check(ws)
    require_verified(checked, strict)
    profiles = {name: load_profile(ws, name) for name in names}  # every profile valid before any write
    issues = read_issues(target)
    plans = [plan for name in names if (plan := _plan(checked, name, profiles[name], lock, formats, target,
                                                      if_changed, issues.get(name, [])))]
    report = BuildReport(unchanged=[n for n in names if n not in {p.audience for p in plans}])
    if plans:
        lock.build += 1
        report.history = history_folder(target, lock.build)
        for plan in plans:
            report.written.extend(_write(plan, target, report.history, lock))
        record_build(target, lock.build, report.history, {p.audience: lock.audiences[p.audience] for p in plans},
                     full_snapshot(checked))
    lock.inputs, lock.tool, lock.model = stamps, tool_version(), full_snapshot(checked)
    write_lock(target, lock)
    prune_cache(ws.cache, {stamp.sha256 for stamp in stamps.values()})
    return report


def _intact(record: AudienceRecord | None, formats: tuple[str, ...], target: Path, name: str) -> bool:
    """The lock records this audience and its files are still there."""
    if record is None:
        return False
    wanted = [f for f in formats if f in record.outputs or not record.outputs]
    return bool(wanted) and all((target / f"{name}.{f}").is_file() for f in wanted)


def _plan(checked: Checked, name: str, profile: Profile, lock: Lock, formats: tuple[str, ...], target: Path,
          if_changed: bool, issues: list[Issue]) -> Plan | None:
    from briefgen.regen.changes import changes
    from briefgen.regen.issued import edition, versioned
    from briefgen.regen.snapshot import digest, snapshot
    from briefgen.render.compose import compose_fitted
    from briefgen.render.profiles import theme_for
    from briefgen.render.templating import template_sources

    snap = snapshot(checked, profile, name)
    key = digest(snap, profile, template_sources(checked.ws, profile.template), tool_version())
    record = lock.audiences.get(name)
    wanted = tuple(f for f in FORMATS if f in formats and f in profile.formats)
    if if_changed and record and record.digest == key and all(
            f in record.outputs and (target / f"{name}.{f}").is_file() for f in wanted):
        return None
    # "What changed" compares with the last issued version; before any issue, with the brief before the last
    # one while the content stays the same.
    ed = edition(issues, key)
    baseline = None if record is None else record.baseline if record.digest == key else record.snapshot
    theme = versioned(theme_for(checked.ws, profile), profile, ed)
    composed = compose_fitted(checked, name, profile, theme, changes(ed.since(baseline), snap), ed.context())
    return Plan(name, profile, theme, composed, key, snap, baseline, wanted,
                ed.baseline.docx(target, name) if ed.baseline else None)


def _write(plan: Plan, target: Path, history: Path, lock: Lock) -> list[Written]:
    written: list[Written] = []
    record = lock.audiences.get(plan.audience)
    outputs = dict(record.outputs) if record and record.digest == plan.digest else {}
    for fmt in plan.formats:
        path = target / f"{plan.audience}.{fmt}"
        kept = preserve(path, history)
        result = writer_for(fmt)(plan.composed.document, path, plan.theme)
        outputs[fmt] = file_digest(path)
        discard_if_same(kept, outputs[fmt])
        written.append(Written(plan.audience, fmt, result, plan.composed.dropped))
    if "docx" in plan.formats:
        from briefgen.regen.redlines import REDLINE, redline_path, refresh_redline

        outputs.pop(REDLINE, None)
        outputs.update(refresh_redline(plan.redline_base, target / f"{plan.audience}.docx", history,
                                       plan.composed.document.meta))
        docx = next(w.result for w in written if w.fmt == "docx")
        if REDLINE in outputs:  # the same pages and notes as the brief it marks up
            written.append(Written(plan.audience, REDLINE, WriteResult(redline_path(docx.path), docx.pages,
                                                                       docx.notes), plan.composed.dropped))
    lock.audiences[plan.audience] = AudienceRecord(
        plan.digest, outputs, list(plan.snapshot["items"]), list(plan.composed.dropped), plan.snapshot,
        plan.baseline)
    pages = next((w.result.pages for w in written if w.fmt == "pdf"), plan.composed.pages or 0)
    # A DOCX has no page count until a word processor lays it out: report the PDF's, made with the same metrics.
    return [Written(w.audience, w.fmt, WriteResult(w.result.path, w.result.pages or pages, w.result.notes),
                    w.dropped) for w in written]
