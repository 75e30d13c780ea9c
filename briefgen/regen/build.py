"""`briefgen build`: verify, compose every audience, then write; the last good briefs survive any failure.

Order matters for safety: every check, profile, template, logo and reference document is validated (and
every brief composed and fitted) before the first file is written; then every file and the build record are
written into a staging folder, checked there, and published together (regen/publish.py), each replaced brief
first kept in output/history/. One build at a time holds output/.build.lock.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefgen.atomic import remove_stale_temps
from briefgen.document.nodes import FORMATS, Format, Theme, WriteResult
from briefgen.environment import source_date
from briefgen.errors import BriefgenError, Problem, Unplaced
from briefgen.locking import held
from briefgen.regen.builds import record_build
from briefgen.regen.caches import prune_cache
from briefgen.regen.history import HISTORY, check_history, history_folder, ours, prune
from briefgen.regen.inputs import asset_digests, file_digest, input_files, restamp, tool_version
from briefgen.regen.issued import Issue, read_issues
from briefgen.regen.publish import STAGE_PREFIX, Stage, publish, remove_stale_stages, staging, verify_staged
from briefgen.regen.record import LOCK_NAME, AudienceRecord, Lock, read_lock, write_lock
from briefgen.safeio import os_problem
from briefgen.workspace import Workspace, output_dir
from briefgen.writers import writer_for

if TYPE_CHECKING:  # the model, templates and fit load only when there is something to build
    from briefgen.render.compose import Composed
    from briefgen.render.profiles import Profile
    from briefgen.verify.check import Checked

@dataclass(frozen=True)
class Written:
    audience: str
    fmt: str
    result: WriteResult
    dropped: tuple[str, ...]
    withheld: int = 0  # items withheld for the audience's ceiling
    undrawable: int = 0  # characters of the model no font draws (`check` names them)

    def published(self, target: Path) -> Written:
        """The same file, named where it was published rather than where it was staged."""
        result = WriteResult(target / self.result.path.name, self.result.pages, self.result.notes)
        return replace(self, result=result)

    def line(self, ws: Workspace) -> str:
        left_out = f"; left out to fit: {', '.join(self.dropped)}" if self.dropped else ""
        held = f"; {self.withheld} item{'s' if self.withheld != 1 else ''} withheld for the ceiling" if (
            self.withheld) else ""
        pages = f"{self.result.pages} page{'s' if self.result.pages != 1 else ''}"
        boxes = (f"; {self.undrawable} character{'s' if self.undrawable != 1 else ''} no font draws "
                 "(run `briefgen check`)" if self.undrawable and self.fmt == "pdf" else "")
        return f"{ws.rel(self.result.path)}: {pages}, {self.result.notes} footnotes{held}{left_out}{boxes}"


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
    formats: tuple[Format, ...]
    redline_base: Path | None = None  # the last issued DOCX, to write <audience>.redline.docx against


@dataclass
class BuildReport:
    written: list[Written] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)  # audiences already up to date
    history: Path | None = None

    @property
    def up_to_date(self) -> bool:
        return not self.written


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
            (record := lock.audiences.get(n)) and record.present(target, n, formats) for n in names):
        return BuildReport(unchanged=names)
    from briefgen.regen.snapshot import full_snapshot
    from briefgen.render.profilecheck import audience_fonts, check_profiles
    from briefgen.render.profiles import load_profile
    from briefgen.verify.check import require_verified, run_check

    source_date()  # the PDF library reads it too: refuse a bad one before anything is written
    check_history(target)
    checked = run_check(ws, fontsets=audience_fonts(ws, names))
    require_verified(checked, strict)
    profile_errors = [p for p in check_profiles(ws, checked.loaded.summary, names) if p.severity == "error"]
    if profile_errors:  # every profile, template, logo, reference and chart sound before any write
        raise BriefgenError(profile_errors)
    profiles = {name: load_profile(ws, name) for name in names}
    issues = read_issues(target)
    plans = [plan for name in names if (plan := _plan(checked, name, profiles[name], lock, formats, target,
                                                      if_changed, issues.get(name, [])))]
    report = BuildReport(unchanged=[n for n in names if n not in {p.audience for p in plans}])
    if plans:
        lock.build += 1
        report.history = history_folder(target, lock.build)
    lock.inputs, lock.tool, lock.model = stamps, tool_version(), full_snapshot(checked)
    report.written = [replace(w, undrawable=checked.undrawable)
                      for w in _stage_and_publish(plans, target, lock, report.history)]
    if plans:
        record_build(target, lock.build, report.history, {p.audience: lock.audiences[p.audience] for p in plans},
                     lock.model)
    prune_cache(ws.cache, {stamp.sha256 for stamp in stamps.values()})
    return report


def _redline(plan: Plan, stage: Stage, outputs: dict[str, str], written: list[Written]) -> list[Written]:
    """The audience's redline against its last issued DOCX, staged beside the brief; with no issued version,
    an old redline is left out of the record (publishing then retires it to history)."""
    from briefgen.regen.redlines import REDLINE, stage_redline

    outputs.pop(REDLINE, None)
    docx = next((w for w in written if w.fmt == "docx"), None)
    if docx is None or plan.redline_base is None:
        if docx is not None:
            stage.retire(f"{plan.audience}.{REDLINE}")
        return []
    path = stage.path(f"{plan.audience}.{REDLINE}")
    stage_redline(plan.redline_base, docx.result.path, path, plan.composed.document.meta)
    outputs[REDLINE] = file_digest(path)
    return [Written(plan.audience, REDLINE, WriteResult(path, docx.result.pages, docx.result.notes),
                    plan.composed.dropped, docx.withheld)]


def _stage_and_publish(plans: list[Plan], target: Path, lock: Lock, history: Path | None) -> list[Written]:
    """Write every brief (and redline) and the build record into a staging folder, check them there (the
    staged checks, then the spillage check against each audience's withheld material), publish them all."""
    from briefgen.regen.spillage import Staged, check_spillage

    written: list[Written] = []
    with staging(target) as stage:
        for plan in plans:
            written.extend(_write(plan, stage, lock))
        write_lock(stage.folder, lock)
        stage.path(LOCK_NAME)
        verify_staged(stage)  # the seam: checks that read the finished files back (publish.STAGED_CHECKS)
        check_spillage([Staged(w.audience, w.result.path, f"{target.name}/{w.result.path.name}") for w in written],
                       {plan.audience: plan.composed.needles for plan in plans})
        publish(stage, history, LOCK_NAME)
    return [w.published(target) for w in written]


def _plan(checked: Checked, name: str, profile: Profile, lock: Lock, formats: tuple[str, ...], target: Path,
          if_changed: bool, issues: list[Issue]) -> Plan | None:
    from briefgen.regen.changes import changes
    from briefgen.regen.issued import edition, versioned
    from briefgen.regen.snapshot import digest, snapshot
    from briefgen.render.assets import theme_for
    from briefgen.render.compose import compose_fitted
    from briefgen.render.release import release_for, withheld_ids
    from briefgen.render.templating import template_sources
    from briefgen.writers.pdf.writer import measure

    snap = snapshot(checked, profile, name)
    key = digest(snap, profile, template_sources(checked.ws, profile.template) + asset_digests(checked.ws),
                 tool_version())
    record = lock.audiences.get(name)
    wanted = tuple(f for f in FORMATS if f in formats and f in profile.formats)
    if if_changed and record and record.digest == key and set(wanted) <= record.outputs.keys() and \
            record.present(target, name, wanted):
        return None
    # "What changed" compares with the last issued version; before any issue, with the brief before the last
    # one while the content stays the same.
    ed = edition(issues, key)
    baseline = None if record is None else record.baseline if record.digest == key else record.snapshot
    theme = versioned(theme_for(checked.ws, profile), profile, ed)
    hidden = {i for i in withheld_ids(checked, release_for(checked, profile, name)) if not i.startswith("bluf")}
    composed = compose_fitted(checked, name, profile, theme, measure, changes(ed.since(baseline), snap, hidden),
                              ed.context())
    return Plan(name, profile, theme, composed, key, snap, baseline, wanted,
                ed.baseline.docx(target, name) if ed.baseline else None)


def _write(plan: Plan, stage: Stage, lock: Lock) -> list[Written]:
    """Write the plan's formats (and its redline) into the staging folder and record them in `lock`."""
    written: list[Written] = []
    record = lock.audiences.get(plan.audience)
    outputs = dict(record.outputs) if record and record.digest == plan.digest else {}
    for fmt in plan.formats:
        path = stage.path(f"{plan.audience}.{fmt}")
        try:
            result = writer_for(fmt)(plan.composed.document, path, plan.theme)
        except Unplaced as exc:
            raise plan.profile.place(exc) from None
        outputs[fmt] = file_digest(path)
        written.append(Written(plan.audience, fmt, WriteResult(path, result.pages, result.notes),
                               plan.composed.dropped, len(plan.composed.withheld)))
    written.extend(_redline(plan, stage, outputs, written))
    lock.audiences[plan.audience] = AudienceRecord(
        plan.digest, outputs, list(plan.snapshot["items"]), list(plan.composed.dropped), plan.snapshot,
        plan.baseline)
    pages = next((w.result.pages for w in written if w.fmt == "pdf"), plan.composed.pages or 0)
    # A DOCX has no page count until a word processor lays it out: report the PDF's, made with the same metrics.
    return [Written(w.audience, w.fmt, WriteResult(w.result.path, w.result.pages or pages, w.result.notes),
                    w.dropped, w.withheld) for w in written]
