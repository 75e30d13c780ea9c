"""`briefgen build`: verify, compose every audience, then write; the last good briefs survive any failure.

Order matters for safety: every check, profile, template, logo and reference document is validated (and
every brief composed and fitted) before the first file is written; then every file and the build record are
written into a staging folder, checked there, and published together (regen/publish.py), each replaced brief
first kept in output/history/. One build at a time holds output/.build.lock.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefgen.atomic import remove_stale_temps
from briefgen.document.nodes import Theme, Writer, WriteResult
from briefgen.errors import BriefgenError, Problem
from briefgen.locking import held
from briefgen.regen.caches import prune_cache
from briefgen.regen.history import HISTORY, check_history, history_folder, ours, prune
from briefgen.regen.inputs import file_digest, input_files, restamp, tool_version
from briefgen.regen.publish import STAGE_PREFIX, Stage, publish, remove_stale_stages, staging, verify_staged
from briefgen.regen.record import LOCK_NAME, AudienceRecord, Lock, read_lock, write_lock
from briefgen.safeio import os_problem
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

    def published(self, target: Path) -> Written:
        """The same file, named where it was published rather than where it was staged."""
        result = WriteResult(target / self.result.path.name, self.result.pages, self.result.notes)
        return Written(self.audience, self.fmt, result, self.dropped)

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
    try:
        with held(lock, ws.rel(lock), "another build is running"):
            tidy(target, ws.cache)
            report = _build_locked(ws, list(audiences), tuple(formats), target, strict, if_changed)
            if keep_history is not None:
                prune(target, keep_history)
    except OSError as exc:  # a full disk, a read-only folder: nothing was published (see publish.py)
        raise BriefgenError(os_problem(exc, _shown(ws, target, exc))) from None
    return report


def _shown(ws: Workspace, target: Path, exc: OSError) -> str:
    """The path an OS error names, as the user knows it: a staged file is named by the output folder."""
    name = exc.filename
    if name is None or STAGE_PREFIX in str(name):
        return ws.rel(target)
    return ws.rel(Path(os.fsdecode(name)))


def tidy(target: Path, cache: Path) -> None:
    """Remove what a build killed mid-write left (the lock proves none is running): its staging folder and
    temporary files, and temporary files an hour old in the cache (where `check`, which takes no lock, may be
    writing one now).

    Such a build's history folder is the newest one when the next build takes the lock, so only that one
    is looked into: a thousand old history folders cost nothing here."""
    remove_stale_stages(target)
    remove_stale_temps(target)
    remove_stale_temps(cache, older_than=3600)
    folders = ours(target)
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
    from briefgen.render.compose import source_date_epoch
    from briefgen.render.profiles import load_profile
    from briefgen.verify.check import require_verified, run_check

    source_date_epoch()  # the PDF library reads it too: refuse a bad one before anything is written
    check_history(target)
    checked = run_check(ws)
    require_verified(checked, strict)
    profiles = {name: load_profile(ws, name) for name in names}  # every profile valid before any write
    plans = [plan for name in names
             if (plan := _plan(checked, name, profiles[name], lock, formats, target, if_changed))]
    report = BuildReport(unchanged=[n for n in names if n not in {p.audience for p in plans}])
    if plans:
        lock.build += 1
        report.history = history_folder(target, lock.build)
    lock.inputs, lock.tool, lock.model = stamps, tool_version(), full_snapshot(checked)
    report.written = _stage_and_publish(plans, target, lock, report.history)
    prune_cache(ws.cache, {stamp.sha256 for stamp in stamps.values()})
    return report


def _stage_and_publish(plans: list[Plan], target: Path, lock: Lock, history: Path | None) -> list[Written]:
    """Write every brief and the build record into a staging folder, check them there, publish them all."""
    written: list[Written] = []
    with staging(target) as stage:
        for plan in plans:
            written.extend(_write(plan, stage, lock))
        write_lock(stage.folder, lock)
        stage.path(LOCK_NAME)
        verify_staged(stage)  # the seam: checks that read the finished files back (publish.STAGED_CHECKS)
        publish(stage, history, LOCK_NAME)
    return [w.published(target) for w in written]


def _intact(record: AudienceRecord | None, formats: tuple[str, ...], target: Path, name: str) -> bool:
    """The lock records this audience and its files are still there."""
    if record is None:
        return False
    wanted = [f for f in formats if f in record.outputs or not record.outputs]
    return bool(wanted) and all((target / f"{name}.{f}").is_file() for f in wanted)


def _plan(checked: Checked, name: str, profile: Profile, lock: Lock, formats: tuple[str, ...], target: Path,
          if_changed: bool) -> Plan | None:
    from briefgen.regen.snapshot import changes, digest, snapshot
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
    # "What changed" compares with the brief before the last one only while the content stays the same.
    baseline = None if record is None else record.baseline if record.digest == key else record.snapshot
    theme = theme_for(checked.ws, profile)
    composed = compose_fitted(checked, name, profile, theme, changes(baseline, snap))
    return Plan(name, profile, theme, composed, key, snap, baseline, wanted)


def _write(plan: Plan, stage: Stage, lock: Lock) -> list[Written]:
    """Write the plan's formats into the staging folder and record them in `lock`."""
    written: list[Written] = []
    record = lock.audiences.get(plan.audience)
    outputs = dict(record.outputs) if record and record.digest == plan.digest else {}
    for fmt in plan.formats:
        path = stage.path(f"{plan.audience}.{fmt}")
        result = writer_for(fmt)(plan.composed.document, path, plan.theme)
        outputs[fmt] = file_digest(path)
        written.append(Written(plan.audience, fmt, result, plan.composed.dropped))
    lock.audiences[plan.audience] = AudienceRecord(
        plan.digest, outputs, list(plan.snapshot["items"]), list(plan.composed.dropped), plan.snapshot,
        plan.baseline)
    pages = next((w.result.pages for w in written if w.fmt == "pdf"), plan.composed.pages or 0)
    # A DOCX has no page count until a word processor lays it out: report the PDF's, made with the same metrics.
    return [Written(w.audience, w.fmt, WriteResult(w.result.path, w.result.pages or pages, w.result.notes),
                    w.dropped) for w in written]
