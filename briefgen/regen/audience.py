"""One audience's brief: composed and fitted, then written into the build's staging folder.

The unit of work a build shares among its workers (regen/workers.py): what it changes outside the staging
folder (the audience's record, the names it staged) it returns as data, for the build to apply in order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefgen.document.formats import FORMATS, Format
from briefgen.document.nodes import Document, Theme, WriteResult
from briefgen.errors import BriefgenError, Problem, Unplaced
from briefgen.regen.inputs import file_digest
from briefgen.regen.issued import Issue
from briefgen.regen.publish import Stage
from briefgen.regen.record import AudienceRecord, Lock
from briefgen.regen.workers import Ahead
from briefgen.workspace import Workspace
from briefgen.writers import writer_for

if TYPE_CHECKING:  # the model, templates and fit load only when there is something to build
    from briefgen.render.compose import Composed
    from briefgen.render.needles import Needle
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
        # 0: a DOCX built alone, with no page limit, has no page count until a word processor lays it out
        count = self.result.pages
        pages = f"{count} page{'s' if count != 1 else ''}, " if count else ""
        boxes = (f"; {self.undrawable} character{'s' if self.undrawable != 1 else ''} no font draws "
                 "(run `briefgen check`)" if self.undrawable and self.fmt == "pdf" else "")
        return f"{ws.rel(self.result.path)}: {pages}{self.result.notes} footnotes{held}{left_out}{boxes}"


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


def cost(profile: Profile) -> float:
    """A guess at an audience's share of the work, to balance the workers: a brief fitted to a page limit is
    laid out at least twice."""
    return 2.0 if profile.max_pages is not None else 1.0


@dataclass(frozen=True)
class Built:
    """One audience composed, fitted and written into the staging folder (by this process or a worker),
    with what the build must then record, check and publish."""

    audience: str
    written: list[Written]
    record: AudienceRecord
    needles: tuple[Needle, ...]
    staged: list[str]  # staged names, in the order written
    retired: list[str]


@dataclass(frozen=True)
class Unwritten:
    """An audience composed and fitted whose files could not be written, and why."""

    audience: str
    problems: list[Problem]


def build_audience(checked: Checked, profiles: dict[str, Profile], lock: Lock, formats: tuple[str, ...], target: Path,
              if_changed: bool, issues: dict[str, list[Issue]], stage: Stage, name: str, *,
              ahead: Ahead[WriteResult] | None = None) -> Built | Unwritten | None:
    """`ahead`, if given: a process readied to write the audience's AHEAD_FORMAT file beside this one."""
    mine = Stage(stage.folder, stage.target)  # its names come back as data: a worker's memory is its own
    early = _Early(ahead, mine, name) if ahead else None
    try:
        plan = _plan(checked, name, profiles[name], lock, formats, target, if_changed, issues.get(name, []),
                     early.send if early else None)
    except BaseException:
        if early:
            early.cancel()  # nothing may still be writing into the staging folder once it is removed
        raise
    if plan is None:
        return None
    try:
        written, record = _write(plan, mine, lock, early)
    except BriefgenError as exc:  # raised once every audience is composed: a fit problem anywhere comes first
        return Unwritten(name, exc.problems)
    return Built(name, written, record, plan.composed.needles, mine.names, mine.retired)


AHEAD_FORMAT: Format = "docx"  # the format a second process can write while this one writes the PDF it fitted


class _Early:
    """The AHEAD_FORMAT file written by a readied process from the moment the fit's expected document is
    composed, while this process proves the fit and then writes the PDF; kept only if the fit chose that
    very document (the document the last build chose, unless the content changed the choice)."""

    def __init__(self, ahead: Ahead[WriteResult], stage: Stage, audience: str) -> None:
        self.ahead, self.stage, self.audience = ahead, stage, audience
        self.sent: Document | None = None

    def send(self, theme: Theme, document: Document) -> None:
        path = self.stage.path(f"{self.audience}.{AHEAD_FORMAT}")
        if self.ahead.give(partial(_write_format, AHEAD_FORMAT, document, path, theme)):
            self.sent = document

    def cancel(self) -> None:
        if self.sent is not None:
            self.ahead.cancel()

    def taker(self, chosen: Document, job: Callable[[], WriteResult]) -> Ahead[WriteResult] | None:
        """The process writing the chosen document's AHEAD_FORMAT file: sent it ahead, or sent `job` now if
        nothing was; None (the file is written here) if it was sent another document (it is stopped) or cannot
        take the job."""
        if self.sent is not None:
            if self.sent is chosen:
                return self.ahead
            self.cancel()
            return None
        return self.ahead if self.ahead.give(job) else None


def _results(plan: Plan, stage: Stage, early: _Early | None) -> list[WriteResult]:
    """Each format's file written: AHEAD_FORMAT's by the readied process (sent the job as the fit began) while
    this process writes the others. An error is the one writing them in order here would raise: the first
    failing format's."""
    jobs = [partial(_write_format, fmt, plan.composed.document, stage.path(f"{plan.audience}.{fmt}"), plan.theme)
            for fmt in plan.formats]
    away = next((i for i, fmt in enumerate(plan.formats) if fmt == AHEAD_FORMAT), None)
    ahead = early.taker(plan.composed.document, jobs[away]) if early and away is not None else None
    if ahead is None or away is None:
        return [_placed(plan.profile, job) for job in jobs]
    here: dict[int, WriteResult | BriefgenError | OSError] = {}
    for index, job in enumerate(jobs):
        if index != away:
            try:
                here[index] = _placed(plan.profile, job)
            except (BriefgenError, OSError) as exc:  # raised in the formats' order, below
                here[index] = exc
    results = []
    for index, job in enumerate(jobs):
        found = _placed(plan.profile, partial(ahead.result, job)) if index == away else here[index]
        if isinstance(found, BaseException):
            raise found
        results.append(found)
    return results


def _write_format(fmt: Format, document: Document, path: Path, theme: Theme) -> WriteResult:
    """The job of writing one format: a child sent it unpickles only document types (not the model's)."""
    return writer_for(fmt)(document, path, theme)


def _placed(profile: Profile, job: Callable[[], WriteResult]) -> WriteResult:
    """The job's result; a block no page can hold is reported where the profile sets the page up."""
    try:
        return job()
    except Unplaced as exc:
        raise profile.place(exc) from None


def _redline(plan: Plan, stage: Stage, outputs: dict[str, str], written: list[Written]) -> list[Written]:
    """The audience's redline against its last issued DOCX, staged beside the brief; with no issued version
    (or one the redline cannot read), an old redline is left out of the record (publishing then retires it to
    history)."""
    from briefgen.regen.redlines import REDLINE, stage_redline

    docx = next((w for w in written if w.fmt == "docx"), None)
    if docx is None:  # the redline published (if any) stays, with the DOCX it was made with
        return []
    outputs.pop(REDLINE, None)
    made = plan.redline_base is not None and stage_redline(
        plan.redline_base, docx.result.path, stage.folder / f"{plan.audience}.{REDLINE}", plan.composed.document.meta,
        plan.composed.needles)
    if not made:
        stage.retire(f"{plan.audience}.{REDLINE}")
        return []
    path = stage.path(f"{plan.audience}.{REDLINE}")
    outputs[REDLINE] = file_digest(path)
    return [Written(plan.audience, REDLINE, WriteResult(path, docx.result.pages, docx.result.notes),
                    plan.composed.dropped, docx.withheld)]


def _plan(checked: Checked, name: str, profile: Profile, lock: Lock, formats: tuple[str, ...], target: Path,
          if_changed: bool, issues: list[Issue],
          expect: Callable[[Theme, Document], object] | None = None) -> Plan | None:
    from briefgen.regen.issued import versioned
    from briefgen.regen.standing import content, since_last
    from briefgen.render.assets import theme_for
    from briefgen.render.compose import compose_fitted
    from briefgen.writers.pdf.writer import measure

    snap, key = made = content(checked, name, profile)
    record = lock.audiences.get(name)
    wanted = tuple(f for f in FORMATS if f in formats and f in profile.formats)
    if if_changed and record and record.built(wanted):  # only the files not made from this content (or gone)
        wanted = tuple(f for f in wanted if f in record.outputs and not (
            record.written_from([f], 0, key) and record.present(target, name, [f])))
        if not wanted:
            return None
    ed, baseline, told = since_last(checked, name, profile, made, record, issues)
    theme = versioned(theme_for(checked.ws, profile), profile, ed)
    composed = compose_fitted(checked, name, profile, theme, measure, told,
                              ed.context(), hint=tuple(record.dropped) if record else None,
                              expect=partial(expect, theme) if expect and AHEAD_FORMAT in wanted else None)
    return Plan(name, profile, theme, composed, key, snap, baseline, wanted,
                ed.baseline.docx(target, name) if ed.baseline else None)


def _unwritten(plan: Plan, record: AudienceRecord | None) -> tuple[dict[str, str], dict[str, list[str]]]:
    """What the record keeps of the audience's files this build does not write (`build -f pdf` leaves the
    DOCX, and the redline made with it): their digests, and what each was made from (the build records what
    it writes as made from the inputs now)."""
    from briefgen.regen.redlines import REDLINE

    if record is None:
        return {}, {}
    kept = [f for f in record.outputs if f not in plan.formats and (
        f in plan.profile.formats or (f == REDLINE and "docx" not in plan.formats))]
    return {f: record.outputs[f] for f in kept}, {f: record.made_from[f] for f in kept if f in record.made_from}


def _write(plan: Plan, stage: Stage, lock: Lock, early: _Early | None = None) -> tuple[list[Written], AudienceRecord]:
    """Write the plan's formats (and its redline) into the staging folder; the files, and their record."""
    written: list[Written] = []
    outputs, made_from = _unwritten(plan, lock.audiences.get(plan.audience))
    for fmt, result in zip(plan.formats, _results(plan, stage, early), strict=True):
        outputs[fmt] = file_digest(result.path)
        written.append(Written(plan.audience, fmt, result, plan.composed.dropped, len(plan.composed.withheld)))
    written.extend(_redline(plan, stage, outputs, written))
    record = AudienceRecord(plan.digest, outputs, list(plan.snapshot["items"]), list(plan.composed.dropped),
                            plan.snapshot, plan.baseline, made_from, list(plan.profile.formats))
    pages = next((w.result.pages for w in written if w.fmt == "pdf"), plan.composed.pages or 0)
    # A DOCX has no page count until a word processor lays it out: report the PDF's, made with the same metrics.
    return [Written(w.audience, w.fmt, WriteResult(w.result.path, w.result.pages or pages, w.result.notes),
                    w.dropped, w.withheld) for w in written], record
