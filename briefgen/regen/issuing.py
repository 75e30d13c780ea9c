"""`briefgen issue`: declare the latest build of each audience issued, as version N.

The build must still be current (no input changed since, no published file edited): what is issued is
what was reviewed. The briefs are then written once more, now stamped with their version and issue date
(same content, so the same digest), and copied into `output/issued/<audience>-v<N>/`, never overwritten.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from briefgen.document.formats import FORMATS
from briefgen.environment import source_time
from briefgen.errors import BriefgenError, Problem, warn
from briefgen.locking import held
from briefgen.model.disguise import disguise, hint_for, named, unseen
from briefgen.regen.build import build_held, resolve_audiences
from briefgen.regen.guard import building
from briefgen.regen.history import counted
from briefgen.regen.inputs import file_digest, input_files, restamp, tool_version
from briefgen.regen.issued import AT_FORMAT, ISSUED, RECORD, REVIEW_HINT, Issue, Issuing, issues_to_extend, today
from briefgen.regen.madefrom import TOOL, changed_for, made_now
from briefgen.regen.record import LOCK_NAME, Lock, quiet_lock, read_lock
from briefgen.regen.targets import Target, build_targets, check_targets
from briefgen.render.audiences import profile_path
from briefgen.text import first_unsafe
from briefgen.workspace import Workspace, output_checked, output_dir

MAX_NOTE = 2_000  # characters of an issue's note


def issue(ws: Workspace, audiences: Iterable[str] = (), note: str = "", out: Path | None = None,
          ) -> list[tuple[str, Issue]]:
    """Issue the latest build of `audiences`: all or nothing. The build lock is held from the first look at
    the build record to the last rename, so no build slips in between; the new versions, their copies, the
    record of issued versions and the briefs stamped with their version are published together (publish.py),
    or, on any failure, none of them."""
    _check_note(note)
    if not (named := output_checked(ws, out)).is_dir():  # nothing built there: said before any folder or lock is made
        _issuable(ws, named, read_lock(named), audiences)
    target = output_dir(ws, out)
    lock_path = target / ".issue.lock"
    reviewed = quiet_lock(target)  # the briefs as reviewed: read before waiting for a build running now
    with held(lock_path, ws.rel(lock_path), "another 'briefgen issue' is running"), building(ws, target):
        lock = read_lock(target)
        issues = issues_to_extend(target)
        names = _unissued(ws, target, lock, _issuable(ws, target, lock, audiences), issues)
        _unchanged_since_reviewed(ws, target, reviewed, lock, names)
        date, at = today()
        _in_order(ws, target, names, issues, at)
        made = {}
        for name in names:
            record = lock.audiences[name]
            done = issues.setdefault(name, [])
            made[name] = Issue(_next_version(target, name, done), date, at, note, lock.build, record.digest,
                               record.snapshot)
            done.append(made[name])
        # Before any brief is composed again (regen/targets.py):
        check_targets([*build_targets(ws, target, names, FORMATS), *_targets(target, made)], ws.rel)
        build_held(ws, target, names, FORMATS, issuing=Issuing(issues, made, {
            n: lock.audiences[n].dropped for n in names}))
    return list(made.items())


def _unchanged_since_reviewed(ws: Workspace, target: Path, reviewed: Lock, lock: Lock, names: list[str]) -> None:
    """A build that ran while this issue waited for the lock (cron's) must not be issued unreviewed; one that
    rewrote only other audiences' briefs (another analyst's `issue -a public` re-stamping its own) changed
    nothing issued here, and refusing for it made two audiences impossible to issue at the same time."""
    moved = [n for n in names if (was := reviewed.audiences.get(n)) is None or was.outputs != lock.audiences[n].outputs]
    if moved:
        raise BriefgenError(Problem(ws.rel(target / LOCK_NAME), f"build {lock.build} ran while this issue waited "
                                    f"for it and rewrote the {', '.join(moved)} brief (the briefs reviewed were "
                                    f"build {reviewed.build})", hint=REVIEW_HINT))


def _in_order(ws: Workspace, target: Path, names: list[str], issues: dict[str, list[Issue]], at: str) -> None:
    """A version is issued after the one it supersedes: a clock set back, or a SOURCE_DATE_EPOCH left over
    from another job (0, a commit's time), would date version N before version N-1 in every brief."""
    for name in names:
        last = issues.get(name, [])[-1:]
        if last and at < last[0].at:
            fixed = source_time() is not None
            raise BriefgenError(Problem("SOURCE_DATE_EPOCH" if fixed else ws.rel(target / ISSUED / RECORD),
                                        f"{'it' if fixed else 'the clock'} dates this issue {at}, before {name} "
                                        f"version {last[0].version} ({last[0].at}), which it would supersede",
                                        hint=_redate_hint(fixed, last[0].at)))


def _redate_hint(fixed: bool, at: str) -> str:
    epoch = int(dt.datetime.strptime(at, AT_FORMAT).replace(tzinfo=dt.UTC).timestamp())
    return (f"unset SOURCE_DATE_EPOCH, or give a time after that version's ({epoch})" if fixed else
            f"set the system clock right; if that version's date is the wrong one, SOURCE_DATE_EPOCH={epoch} "
            "issues this one at the same time")


def _check_note(note: str) -> None:
    """The note is printed in the brief's document control: no character a document cannot hold, and a line's
    length (a 100,000-character note was blamed on the template, as a paragraph longer than a brief holds)."""
    if len(note) > MAX_NOTE:
        raise BriefgenError(Problem("--note", f"the note is {len(note):,} characters long: it is printed in the "
                                    f"brief's document control, which holds at most {MAX_NOTE:,}",
                                    hint="shorten it, and keep a longer account of the version elsewhere"))
    if note.strip() and (invisible := unseen(note)):  # printed, it would be a note no reader sees
        raise BriefgenError(Problem("--note", f"the note holds only characters no page shows ({named(invisible)})",
                                    hint="write the note in words, or leave --note out"))
    disguised = disguise(note)
    if disguised is not None:  # a "Trojan source" in the document control: it would show other words
        raise BriefgenError(Problem("--note", f"the note {disguised}", hint=hint_for(disguised)))
    bad = first_unsafe(note)
    if bad is not None:
        raise BriefgenError(Problem("--note", f"contains the control character U+{ord(bad):04X}, which documents "
                                    "cannot hold", hint="delete it (a terminal's colour codes, pasted, are such "
                                    "characters)"))


def _issuable(ws: Workspace, target: Path, lock: Lock, audiences: Iterable[str]) -> list[str]:
    """The audiences to issue: each built, its build still current and its files as written."""
    where = ws.rel(target / "briefgen.lock")
    wanted = list(audiences)
    for name in wanted:
        profile_path(ws, name)  # a known audience, or a clear error
    names = resolve_audiences(ws, wanted) if wanted else sorted(lock.audiences)
    never = [n for n in names if n not in lock.audiences]
    if never or not names:
        what = f"never built: {', '.join(never)}" if never else "no brief has been built yet"
        raise BriefgenError(Problem(where, what, hint=REVIEW_HINT))
    stamps, _ = restamp(input_files(ws), lock.inputs)
    now = made_now(stamps)
    if not all((record := lock.audiences[n]).written_from(record.built(f for f in FORMATS if f in record.offered),
                                                          1, now) for n in names):  # each brief's every format
        changed = sorted(changed_for(lock, stamps, tool_version(), names), key=lambda n: n == TOOL)
        what = ", ".join(changed[:5]) + (" …" if len(changed) > 5 else "") if changed else "briefgen itself"
        raise BriefgenError(Problem(where, f"the inputs changed since the last build ({what}), so the published "
                                    "briefs are not what the workspace holds now", hint=REVIEW_HINT))
    edited = [f"{n}.{fmt}" for n in names for fmt, digest in lock.audiences[n].outputs.items()
              if _digest(target / f"{n}.{fmt}") != digest]
    if edited:
        raise BriefgenError(Problem(ws.rel(target / edited[0]), "changed since briefgen wrote it (its digest no "
                                    "longer matches output/briefgen.lock); only a brief as built can be issued",
                                    hint=REVIEW_HINT))
    return names


def _unissued(ws: Workspace, target: Path, lock: Lock, names: list[str], issues: dict[str, list[Issue]]) -> list[str]:
    """The audiences whose latest build is not already their latest version issued (the same content once
    more would be a version 2 that supersedes version 1 and changes nothing); a warning names the others, and
    when none is left, an error."""
    same = {n: done[-1].version for n in names
            if (done := issues.get(n)) and done[-1].digest == lock.audiences[n].digest}
    if not same:
        return names
    issued = ", ".join(f"{n} as version {v}" for n, v in same.items())
    problem = Problem(ws.rel(target / ISSUED), f"already issued, unchanged since: {issued}",
                      hint="change the model or the seeds and build; then issue the new content")
    left = [n for n in names if n not in same]
    if not left:
        raise BriefgenError(problem)
    warn(problem)
    return left


def _targets(target: Path, made: dict[str, Issue]) -> list[Target]:
    """The paths `issue` writes besides a build's: the record of issued versions and each version's folder."""
    return [Target(target / ISSUED, folder=True, staged_in=target), Target(target / ISSUED / RECORD),
            *(Target(entry.folder(target, name), folder=True) for name, entry in made.items())]


def _next_version(target: Path, name: str, done: list[Issue]) -> int:
    """One more than any version recorded or kept on disk (so a lost record never reuses a folder)."""
    on_disk = (counted(p.name.rsplit("-v", 1)[1]) for p in (target / ISSUED).glob(f"{name}-v*"))
    return max([0, *(n for n in on_disk if n is not None), *(i.version for i in done)]) + 1


def _digest(path: Path) -> str:
    return file_digest(path) if path.is_file() else ""
