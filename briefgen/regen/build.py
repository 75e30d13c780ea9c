"""`briefgen build`: verify, compose every audience, then write; the last good briefs survive any failure.

Order matters for safety: every check, profile, template, logo and reference document is validated before
the first file is written; then each audience is composed, fitted and written into a staging folder (two
audiences at a time where the machine has the cores, regen/workers.py), the build record beside them, all
checked there and published together (regen/publish.py), each replaced brief first kept in output/history/.
One build at a time holds output/.build.lock.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefgen.atomic import atomic_write
from briefgen.collector import collection_paused
from briefgen.document.formats import FORMATS
from briefgen.document.nodes import WriteResult
from briefgen.environment import source_date
from briefgen.errors import BriefgenError, Problem, warn
from briefgen.forking import workers_for
from briefgen.regen.audience import AHEAD_FORMAT, Built, Unwritten, Written, build_audience, cost
from briefgen.regen.builds import BUILDS, build_record, next_number, record_name
from briefgen.regen.caches import prune_cache
from briefgen.regen.guard import building, shown
from briefgen.regen.history import check_history, history_folder
from briefgen.regen.inputs import Stamp, input_files, moved, restamp, tool_version
from briefgen.regen.issued import Issuing, read_issues
from briefgen.regen.madefrom import made_now, rebased
from briefgen.regen.publish import (
    Stage,
    keep_in_history,
    publish,
    staging,
    verify_staged,
)
from briefgen.regen.record import LOCK_NAME, AudienceRecord, Lock, read_lock, write_lock
from briefgen.regen.retention import prune_history, prune_records
from briefgen.regen.targets import Target, build_writes, check_targets
from briefgen.regen.workers import Ahead, run
from briefgen.safeio import os_problem
from briefgen.workspace import Workspace, output_dir
from briefgen.writers import prepare_writer

if TYPE_CHECKING:  # the model, templates and fit load only when there is something to build
    from briefgen.render.needles import Needle
    from briefgen.render.profiles import Profile
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
    with building(ws, target):
        report = build_held(ws, target, list(audiences), tuple(formats), strict=strict, if_changed=if_changed)
        if keep_history is not None:
            _prune(ws, target, keep_history, records=not report.up_to_date)
    return report


def _prune(ws: Workspace, target: Path, keep: int, *, records: bool) -> None:
    """Prune history once the briefs are published, and the build records it no longer needs when this build
    recorded one (regen/retention.py): a folder or record that cannot be deleted is told, not a failed build
    (the briefs and their record are already in place)."""
    for step, what in ((prune_history, "history"), *(((prune_records, "the build records"),) if records else ())):
        try:
            step(target, keep)
        except OSError as exc:
            warn(replace(os_problem(exc, shown(ws, target, exc)),
                         hint=f"{what} was not pruned: the briefs are published; remove it by hand"))


def build_held(ws: Workspace, target: Path, audiences: list[str], formats: tuple[str, ...], *, strict: bool = False,
               if_changed: bool = False, issuing: Issuing | None = None) -> BuildReport:
    """A build by one holding the build lock (regen/guard.py); `issuing`: the versions an issue adds, staged
    and published with the briefs (regen/issuing.py)."""
    with collection_paused():  # what a build loads lives to its end (collector.py)
        return _build_locked(ws, audiences, formats, target, strict, if_changed, issuing)


def _build_locked(ws: Workspace, audiences: list[str], formats: tuple[str, ...], target: Path, strict: bool,
                  if_changed: bool, issuing: Issuing | None) -> BuildReport:
    from briefgen.model.yamlsrc import parsing_ahead

    with parsing_ahead(ws.model_files, ws.cache):  # a large model not parsed before: a child parses it meanwhile
        return _build_stamped(ws, audiences, formats, target, strict, if_changed, issuing)


def _build_stamped(ws: Workspace, audiences: list[str], formats: tuple[str, ...], target: Path, strict: bool,
                   if_changed: bool, issuing: Issuing | None) -> BuildReport:
    lock = read_lock(target)
    stamps, _ = restamp(input_files(ws), lock.inputs)
    names = resolve_audiences(ws, audiences)
    now = made_now(stamps)
    if if_changed and all(
            (record := lock.audiences.get(n)) and record.current(target, n, formats, now) for n in names):
        return BuildReport(unchanged=names)  # touching no file, even when stat data alone moved (a copy)
    with _ahead(names, formats) as ahead:
        return _build_ready(ws, names, formats, target, (strict, if_changed), lock, stamps, now, ahead, issuing)


def _ahead(names: list[str], formats: tuple[str, ...]) -> AbstractContextManager[Ahead[WriteResult] | None]:
    """One audience, a core to spare: a process forked now loads the AHEAD_FORMAT writer while this one
    verifies, composes and fits, then writes that file while this one writes the PDF it fitted."""
    ahead = Ahead[WriteResult].start(partial(prepare_writer, AHEAD_FORMAT)) if (
        len(names) == 1 and AHEAD_FORMAT in formats and workers_for(2) >= 2) else None
    return nullcontext() if ahead is None else ahead


def _build_ready(ws: Workspace, names: list[str], formats: tuple[str, ...], target: Path, modes: tuple[bool, bool],
                 lock: Lock, stamps: dict[str, Stamp], now: str, ahead: Ahead[WriteResult] | None,
                 issuing: Issuing | None) -> BuildReport:
    from briefgen.regen.snapshot import folder_ceiling, full_snapshot

    strict, if_changed = modes
    checked, profiles = _ready(ws, target, names, strict, stamps)
    number = next_number(target, lock.build)
    check_targets(build_writes(ws, target, names, formats, profiles, number), ws.rel)
    issues = issuing.issues if issuing else read_issues(target)
    with staging(target) as stage:
        work = partial(build_audience, checked, profiles, lock, formats, target, if_changed, issues, stage,
                       ahead=ahead)
        done = _built(run(names, work, [cost(profiles[n]) for n in names], workers_for(len(names))))
        report = BuildReport(unchanged=[n for n in names if n not in {d.audience for d in done}])
        written = _staged(stage, lock, done, now)
        if issuing:
            issuing.stage(stage, lock)
        for name in report.unchanged:
            _confirm(lock.audiences[name], now)
        before = lock.build
        if done:
            lock.build = number
            report.history = history_folder(target, lock.build)
        _unmoved(ws, stamps)
        model = full_snapshot(checked, folder_ceiling(checked, [_profile(ws, profiles, n) for n in lock.audiences]))
        _advance(lock, stamps, now, resolve_audiences(ws, ()), model, before)
        _check_and_publish(stage, lock, written, {built.audience: built.needles for built in done}, report.history,
                           (done, model))
    report.written = [replace(w.published(target), undrawable=checked.undrawable) for w in written]
    _tidy_cache(ws, {stamp.sha256 for stamp in stamps.values()})
    return report


def _profile(ws: Workspace, profiles: dict[str, Profile], name: str) -> Profile | None:
    """The profile of an audience the folder holds (loaded for this build, or now), None when it is gone."""
    from briefgen.render.profiles import load_profile

    if name in profiles:
        return profiles[name]
    try:
        return load_profile(ws, name)
    except BriefgenError:
        return None


def _unmoved(ws: Workspace, stamps: dict[str, Stamp]) -> None:
    """Refuse to publish what was read from inputs written while the build ran: it may have been verified
    against one version of a seed and be recorded as made from another (which a later run would trust)."""
    changed = moved(input_files(ws), stamps)
    if changed:
        more = f" (and {len(changed) - 1} more)" if len(changed) > 1 else ""
        raise BriefgenError(Problem(changed[0], f"changed while the build was running{more}, so the briefs may "
                                    "have been made from another version of it; nothing was published",
                                    hint="run the build again once the edits are saved"))


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


def _staged(stage: Stage, lock: Lock, done: list[Built], now: str) -> list[Written]:
    """Take each audience's files into the stage and its record into the lock, in the audiences' order; each
    format written is recorded as made from the inputs whose fingerprint is `now`."""
    for built in done:
        for fmt in {w.fmt for w in built.written if w.fmt in FORMATS}:
            built.record.made_from[fmt] = [built.record.digest, now]
        lock.audiences[built.audience] = built.record
        _confirm(built.record, now)
        stage.names.extend(built.staged)
        stage.retired.extend(built.retired)
    return [w for built in done for w in built.written]


def _confirm(record: AudienceRecord, now: str) -> None:
    """An audience this build wrote, or found up to date: its digest is the content the inputs now give, so
    each of its files made from that content (written now, or before: `--if-changed` rewrites only the others)
    is recorded as made from these inputs."""
    for fmt, made in record.made_from.items():
        if made[0] == record.digest:
            record.made_from[fmt] = [record.digest, now]


def _advance(lock: Lock, stamps: dict[str, Stamp], now: str, every: list[str], model: dict[str, Any],
             before: int) -> None:
    """The lock's inputs become this build's (those some brief still stands on kept as `earlier`); its model
    too, when every brief built (every audience's every format) is now made from them: else `diff` would
    count from inputs some brief does not show yet."""
    lock.earlier = rebased(lock, stamps, tool_version())
    lock.inputs, lock.tool = stamps, tool_version()
    records = [lock.audiences[n] for n in every if n in lock.audiences]
    if not lock.model or all(r.written_from(r.built(r.offered), 1, now) for r in records):
        lock.model, lock.model_build = model, lock.build
    elif not lock.model_build:  # a record from before briefgen kept it: its model is the build before this
        lock.model_build = before


def _check_and_publish(stage: Stage, lock: Lock, written: list[Written], needles: dict[str, tuple[Needle, ...]],
                       history: Path | None, built: tuple[list[Built], dict[str, Any]]) -> None:
    """Write the build record beside the staged briefs, check them there (the staged checks, then the
    spillage check against each audience's withheld material), make sure nothing stands in the way of any of
    them, then publish them all, this build's record in .builds/ and the build record last; or nothing."""
    from briefgen.regen.spillage import Staged, check_spillage

    write_lock(stage.folder, lock)
    stage.path(LOCK_NAME)
    verify_staged(stage)  # the seam: checks that read the finished files back (publish.STAGED_CHECKS)
    target = stage.target
    check_spillage([Staged(w.audience, w.result.path, f"{target.name}/{w.result.path.name}") for w in written],
                   needles)
    done, model = built
    records = (*([record_name(lock.build)] if done else []), *stage.records, LOCK_NAME)
    check_targets([*(Target(target / name) for name in [*stage.names, *stage.retired, *records]),
                   Target(target / BUILDS, folder=True, staged_in=target)],
                  lambda path: f"{target.name}/{path.relative_to(target)}")
    kept = history is not None and keep_in_history(stage, history, records)
    try:
        if done:
            _stage_record(stage, lock.build, history.name if kept and history else None, (done, model))
        publish(stage, records)
    except BaseException:
        if kept and history is not None:  # this build's own folder: what it kept is still published
            shutil.rmtree(history, ignore_errors=True)
        raise


def _stage_record(stage: Stage, number: int, history: str | None, built: tuple[list[Built], dict[str, Any]],
                  ) -> None:
    """This build's record for .builds/ (the audiences and files it wrote, the model it read), staged to be
    published with the briefs."""
    done, model = built
    written = {d.audience: (d.record, sorted({w.fmt for w in d.written})) for d in done}
    atomic_write(stage.path(record_name(number)), build_record(number, history, written, model))


def _tidy_cache(ws: Workspace, live: set[str]) -> None:
    """Prune the cache once the briefs are published: a failure here is told, not a failed build (the briefs
    and their record are already in place)."""
    try:
        prune_cache(ws.cache, live)
    except (OSError, BriefgenError) as exc:
        problems = exc.problems if isinstance(exc, BriefgenError) else [os_problem(exc, shown(ws, ws.cache, exc))]
        for problem in problems:
            warn(replace(problem, hint=problem.hint or "the cache is only tidied: the briefs are published"))
