"""`briefgen build`: verify, compose every audience, then write; the last good briefs survive any failure.

Order matters for safety: every check, profile, template, logo and reference document is validated before
the first file is written; then each audience is composed, fitted and written into a staging folder (two
audiences at a time where the machine has the cores, regen/workers.py), the build record beside them, all
checked there and published together (regen/publish.py), each replaced brief first kept in output/history/.
One build at a time holds output/.build.lock.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.atomic import remove_stale_temps
from briefgen.collector import collection_paused
from briefgen.document.nodes import FORMATS, WriteResult
from briefgen.environment import source_date
from briefgen.errors import BriefgenError, Problem
from briefgen.forking import workers_for
from briefgen.locking import held
from briefgen.regen.audience import AHEAD_FORMAT, Built, Unwritten, Written, build_audience, cost
from briefgen.regen.builds import record_build
from briefgen.regen.caches import prune_cache
from briefgen.regen.history import HISTORY, check_history, history_folder, ours, prune
from briefgen.regen.inputs import Stamp, input_files, restamp, tool_version
from briefgen.regen.issued import read_issues
from briefgen.regen.publish import STAGE_PREFIX, Stage, publish, remove_stale_stages, staging, verify_staged
from briefgen.regen.record import LOCK_NAME, Lock, read_lock, write_lock
from briefgen.regen.workers import Ahead, run
from briefgen.safeio import os_problem
from briefgen.workspace import Workspace, output_dir
from briefgen.writers import prepare_writer

if TYPE_CHECKING:  # the model, templates and fit load only when there is something to build
    from briefgen.render.profiles import Profile
    from briefgen.render.release import Needle
    from briefgen.verify.check import Checked

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
            with collection_paused():  # what a build loads lives to its end (collector.py)
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
    with _ahead(names, formats) as ahead:
        return _build_ready(ws, names, formats, target, strict, if_changed, lock, stamps, ahead)


def _ahead(names: list[str], formats: tuple[str, ...]) -> AbstractContextManager[Ahead[WriteResult] | None]:
    """One audience, a core to spare: a process forked now loads the AHEAD_FORMAT writer while this one
    verifies, composes and fits, then writes that file while this one writes the PDF it fitted."""
    ahead = Ahead[WriteResult].start(partial(prepare_writer, AHEAD_FORMAT)) if (
        len(names) == 1 and AHEAD_FORMAT in formats and workers_for(2) >= 2) else None
    return nullcontext() if ahead is None else ahead


def _build_ready(ws: Workspace, names: list[str], formats: tuple[str, ...], target: Path, strict: bool,
                 if_changed: bool, lock: Lock, stamps: dict[str, Stamp],
                 ahead: Ahead[WriteResult] | None) -> BuildReport:
    from briefgen.regen.snapshot import full_snapshot

    checked, profiles = _ready(ws, target, names, strict, stamps)
    issues = read_issues(target)
    with staging(target) as stage:
        work = partial(build_audience, checked, profiles, lock, formats, target, if_changed, issues, stage,
                       ahead=ahead)
        done = _built(run(names, work, [cost(profiles[n]) for n in names], workers_for(len(names))))
        report = BuildReport(unchanged=[n for n in names if n not in {d.audience for d in done}])
        if done:
            lock.build += 1
            report.history = history_folder(target, lock.build)
        lock.inputs, lock.tool, lock.model = stamps, tool_version(), full_snapshot(checked)
        written = _staged(stage, lock, done)
        _check_and_publish(stage, lock, written, {built.audience: built.needles for built in done}, report.history)
    report.written = [replace(w.published(target), undrawable=checked.undrawable) for w in written]
    if done:
        record_build(target, lock.build, report.history, {d.audience: lock.audiences[d.audience] for d in done},
                     lock.model)
    prune_cache(ws.cache, {stamp.sha256 for stamp in stamps.values()})
    return report


def _ready(ws: Workspace, target: Path, names: list[str], strict: bool,
           stamps: dict[str, Stamp]) -> tuple[Checked, dict[str, Profile]]:
    """The verified model and the audiences' profiles, once every input a build uses is known to be sound.
    Verification reuses the ties `check` (or the last build) stored for the seeds' bytes as stamped."""
    from briefgen.regen.checkcache import seed_digests, tie_store
    from briefgen.render.profilecheck import audience_fonts, check_profiles
    from briefgen.render.profiles import load_profile
    from briefgen.verify.check import require_verified, run_check

    source_date()  # the PDF library reads it too: refuse a bad one before anything is written
    check_history(target)
    store = tie_store(ws)
    checked = run_check(ws, fonts=partial(audience_fonts, ws, names), store=store, digests=seed_digests(stamps))
    store.save()
    require_verified(checked, strict)
    profile_errors = [p for p in check_profiles(ws, checked.loaded, names) if p.severity == "error"]
    if profile_errors:  # every profile, template, logo, reference and chart sound before any write
        raise BriefgenError(profile_errors)
    return checked, {name: load_profile(ws, name) for name in names}


def _built(outcomes: list[Built | Unwritten | None]) -> list[Built]:
    """The audiences built, or the first audience's problem with writing (after every audience was composed
    and fitted, so a problem with fitting, in any audience, is the one raised first)."""
    for failed in (o for o in outcomes if isinstance(o, Unwritten)):
        raise BriefgenError(failed.problems)
    return [o for o in outcomes if isinstance(o, Built)]


def _staged(stage: Stage, lock: Lock, done: list[Built]) -> list[Written]:
    """Take each audience's files into the stage and its record into the lock, in the audiences' order."""
    for built in done:
        lock.audiences[built.audience] = built.record
        stage.names.extend(built.staged)
        stage.retired.extend(built.retired)
    return [w for built in done for w in built.written]


def _check_and_publish(stage: Stage, lock: Lock, written: list[Written], needles: dict[str, tuple[Needle, ...]],
                       history: Path | None) -> None:
    """Write the build record beside the staged briefs, check them there (the staged checks, then the
    spillage check against each audience's withheld material), publish them all."""
    from briefgen.regen.spillage import Staged, check_spillage

    write_lock(stage.folder, lock)
    stage.path(LOCK_NAME)
    verify_staged(stage)  # the seam: checks that read the finished files back (publish.STAGED_CHECKS)
    target = stage.target
    check_spillage([Staged(w.audience, w.result.path, f"{target.name}/{w.result.path.name}") for w in written],
                   needles)
    publish(stage, history, LOCK_NAME)
