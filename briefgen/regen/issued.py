"""The record of issued versions (`output/issued/issued.json`) and what it means for the next brief.

An issued version is a build of one audience that someone declared published: version N (counting up per
audience), the issue date, a note, the content digest and snapshot of that build, and the files as issued,
kept in `output/issued/<audience>-v<N>/` and never overwritten. A brief compares itself with the last issued
version of its audience (or, when it *is* that version, with the one before): its "what changed" section,
its redline and its document-control block all follow from `edition()`.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefgen.atomic import atomic_copy, atomic_write
from briefgen.document.formats import FORMATS
from briefgen.document.nodes import Theme
from briefgen.environment import source_time
from briefgen.errors import BriefgenError, Problem, warn_once
from briefgen.regen.changes import well_formed
from briefgen.regen.history import MAX_NUMBER
from briefgen.regen.inputs import file_digest
from briefgen.render.audiences import is_audience_name
from briefgen.safeio import first_link
from briefgen.statefile import UPGRADE_HINT, DamagedState, NewerState, expect_format, load_state
from briefgen.text import first_unsafe

if TYPE_CHECKING:  # `status` and `history` read the record without loading pydantic
    from briefgen.regen.publish import Stage
    from briefgen.regen.record import Lock
    from briefgen.render.profiles import Profile

ISSUED = "issued"
RECORD = "issued.json"
FORMAT_VERSION = 1
MAX_RECORD_BYTES = 1024 * 1024 * 1024  # a snapshot of the model per issued version
AT_FORMAT = "%Y-%m-%dT%H:%M:%SZ"  # the time of an issue, UTC
REVIEW_HINT = "run `briefgen build`, review the briefs, then issue them"


@dataclass
class Issue:
    version: int
    date: str  # ISO date printed on the brief
    at: str  # ISO time of the `briefgen issue` run, UTC
    note: str
    build: int  # the build that was issued
    digest: str  # that build's content digest for this audience
    snapshot: dict[str, Any]
    files: dict[str, str] = field(default_factory=dict)  # file name -> sha256, as issued

    def folder(self, out: Path, audience: str) -> Path:
        return out / ISSUED / f"{audience}-v{self.version}"

    def docx(self, out: Path, audience: str) -> Path | None:
        """The DOCX as issued, to write a redline against; checked before a build writes anything."""
        name = f"{audience}.docx"
        path = self.folder(out, audience) / name
        if name not in self.files:
            return None
        if not path.is_file():
            warn_once(Problem(path.relative_to(out.parent).as_posix(), f"version {self.version} as issued is gone "
                              "(moved or deleted since), so no redline is made against it",
                              hint=f"put the folder back from a backup for the redline; what changed still counts "
                              f"from version {self.version}, which issued/issued.json keeps"))
            return None
        link = first_link(out, path)
        if link != str(path) or path.is_symlink():
            raise BriefgenError(Problem(link.removeprefix(f"{out.parent}/"), "a symbolic link "
                                        "stands in an issued version's place: briefgen never reads one through "
                                        "a link", hint="put the version back as issued, or move the link aside "
                                        "to make no redline"))
        if file_digest(path) != self.files[name]:
            where = path.relative_to(out.parent).as_posix()
            raise BriefgenError(Problem(where, f"version {self.version} as issued has changed since (its digest no "
                                        "longer matches issued/issued.json), so no redline can be made against it",
                                        hint="restore the file as issued, or move the folder aside to make no "
                                        "redline"))
        return path


@dataclass(frozen=True)
class Edition:
    """How one build of an audience stands against its issued versions."""

    baseline: Issue | None  # the issued version this brief is compared with (None: none yet)
    current: Issue | None  # the issued version this brief *is* (same content), if any
    next_version: int

    def context(self, fallback: str = "the last brief") -> dict[str, Any]:
        """What a template knows of the edition: its version, whether it is issued, what it supersedes."""
        from briefgen.render.context import edition_context

        issue, base = self.current, self.baseline
        return edition_context(issue.version if issue else self.next_version, issue is not None,
                               long(issue.date) if issue else "", issue.note if issue else "",
                               base.version if base else None, long(base.date) if base else "",
                               f"version {base.version} of {long(base.date)}" if base else fallback)

    def since(self, fallback: dict[str, Any] | None) -> dict[str, Any] | None:
        """The snapshot "what changed" starts from: the baseline issue's; none for a first issue; before any
        issue, `fallback` (the previous build's)."""
        if self.baseline is not None:
            return self.baseline.snapshot
        return None if self.current is not None else fallback

    def footer_line(self) -> str:
        if self.current:
            return f"Version {self.current.version} of {long(self.current.date)}"
        return f"Draft of version {self.next_version}"


def versioned(theme: Theme, profile: Profile, ed: Edition) -> Theme:
    """The theme with the version added to the footer line, when the profile asks for it."""
    control = profile.document_control
    if control is None or not control.in_footer:
        return theme
    return replace(theme, footer=" · ".join(part for part in (theme.footer, ed.footer_line()) if part))


def long(iso: str) -> str:
    day = dt.date.fromisoformat(iso)
    return f"{day.day} {day:%B %Y}"


def read_issues(out: Path) -> dict[str, list[Issue]]:
    """Every issued version per audience, oldest first (none when the record is missing; none, with a warning,
    when it is damaged)."""
    try:
        return _load(out)
    except DamagedState as exc:
        warn_once(_damaged(out, exc, "it is ignored, as if nothing had been issued", "restore it from a backup "
                           "before the next `briefgen issue`"))
        return {}


def issues_to_extend(out: Path) -> dict[str, list[Issue]]:
    """The record `issue` adds to: a damaged one (garbage, a link, a newer briefgen's) is refused, never
    replaced by one that has forgotten every version in it. Something other than a file in its place is
    left to the check of what is in the way (regen/targets.py), which names it."""
    path = out / ISSUED / RECORD
    if path.parent.is_symlink() or path.is_symlink() or (path.exists() and not path.is_file()):
        return {}
    try:
        return _load(out)
    except DamagedState as exc:
        raise BriefgenError(_damaged(out, exc, "issuing would replace it", "restore it from a backup, or move it "
                                     "aside to start a new record (version numbers go on from the folders kept)"),
                            ) from None


def issued_builds(out: Path) -> set[int]:
    """The builds a version was issued from; DamagedState when the record cannot be read (not when absent)."""
    return {issue.build for issues in _load(out).values() for issue in issues}


def _load(out: Path) -> dict[str, list[Issue]]:
    """The record as stored; never read through a link, the issued/ folder's included."""
    if (out / ISSUED).is_symlink():
        raise DamagedState(f"{out.name}/{ISSUED} is a symbolic link")
    return load_state(out / ISSUED / RECORD, MAX_RECORD_BYTES, _issues_of) or {}


def _damaged(out: Path, exc: DamagedState, outcome: str, hint: str) -> Problem:
    """The message for a record that cannot be used: damaged, with `hint`, or a newer briefgen's, with its own."""
    line, col = exc.at or (None, None)  # a JSON syntax error's place, in front as in every other file:line
    if isinstance(exc, NewerState):
        return Problem(f"{out.name}/{ISSUED}/{RECORD}", f"the record of issued versions was {exc}; {outcome}",
                       hint=f"{UPGRADE_HINT}; the record is left as it is")
    return Problem(f"{out.name}/{ISSUED}/{RECORD}", f"the record of issued versions is damaged ({exc.short}); "
                   f"{outcome}", line, col, hint=hint)


def _issues_of(raw: Any) -> dict[str, list[Issue]]:
    """The issued versions from parsed JSON, every field of the type and form the readers rely on (else
    DamagedState saying what is wrong, or TypeError): a hand-edited record is damaged, never half believed."""
    expect_format(raw, FORMAT_VERSION, "record")
    issues = {str(name): [Issue(**entry) for entry in entries] for name, entries in raw["audiences"].items()}
    for name, entries in issues.items():
        if not is_audience_name(name):
            raise DamagedState(f"{name!r} is not an audience name")
        for issue in entries:
            _check_issue(name, issue)
        versions = [issue.version for issue in entries]
        if versions != sorted(set(versions)):  # each version once, oldest first
            raise DamagedState(f"the {name} versions are not each once, oldest first: {versions[:10]}")
    return issues


def _check_issue(name: str, issue: Issue) -> None:
    """One issued version's fields: what names a folder, what is printed and what is compared."""
    if not (_counts(issue.version, 1) and _counts(issue.build, 0) and isinstance(issue.snapshot, dict)
            and all(isinstance(v, str) for v in (issue.date, issue.at, issue.note, issue.digest))
            and isinstance(issue.files, dict) and all(isinstance(v, str) for v in issue.files.values())
            and well_formed(issue.snapshot)):
        raise DamagedState(f"{name} version {issue.version!r}: a field is not what briefgen writes")
    where = f"{name} version {issue.version}"
    try:
        dt.date.fromisoformat(issue.date)  # printed as a long date
        dt.datetime.strptime(issue.at, AT_FORMAT)  # compared with the next issue's time, and read back as one
    except ValueError:
        raise DamagedState(f"{where} has a date or time briefgen never writes") from None
    if first_unsafe(issue.note) is not None:
        raise DamagedState(f"{where} has a control character in its note")
    if any(not f.startswith(f"{name}.") or "/" in f or "\\" in f for f in issue.files):
        raise DamagedState(f"{where} lists a file that is not one of its briefs")


def _counts(value: object, least: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and least <= value <= MAX_NUMBER


@dataclass(frozen=True)
class Issuing:
    """What `briefgen issue` adds to the build it runs: the record of issued versions with this run's new ones
    in it (the build stamps each brief from it), those new ones, and what each build reviewed left out to fit."""

    issues: dict[str, list[Issue]]
    made: dict[str, Issue]
    reviewed_dropped: dict[str, list[str]]

    def stage(self, stage: Stage, lock: Lock) -> None:
        """Stage a copy of each new version's briefs (its own file, sharing nothing with output/) and the
        record, to be published with the briefs or not at all."""
        for name, entry in self.made.items():
            record = lock.audiences.get(name)
            formats = [f for f in FORMATS if record and f in record.outputs]
            if record is None or record.digest != entry.digest or not all(
                    (stage.folder / f"{name}.{fmt}").is_file() for fmt in formats):
                raise BriefgenError(Problem(name, "the brief rebuilt for issuing differs from the build reviewed",
                                            hint=REVIEW_HINT))
            self._as_reviewed(name, record.dropped)
            for fmt in formats:
                kept = entry.folder(Path(), name) / f"{name}.{fmt}"
                atomic_copy(stage.folder / f"{name}.{fmt}", stage.path(kept.as_posix()))
                entry.files[f"{name}.{fmt}"] = record.outputs[fmt]
        atomic_write(stage.path(f"{ISSUED}/{RECORD}"), _encoded(self.issues))
        stage.records.append(f"{ISSUED}/{RECORD}")

    def _as_reviewed(self, name: str, dropped: list[str]) -> None:
        """The issued brief leaves out to fit what the reviewed one did, no more: the version stamp and the
        note take room on a page-limited brief, and an item silently gone would be issued unreviewed."""
        more = [i for i in dropped if i not in self.reviewed_dropped.get(name, [])]
        if more:
            raise BriefgenError(Problem(name, f"issued, the brief would leave out to fit what the build reviewed "
                                        f"showed ({', '.join(more)}): its version and note take room",
                                        hint="shorten the note, or give the brief more room (max_pages), then "
                                        "build, review and issue"))


def _encoded(issues: dict[str, list[Issue]]) -> bytes:
    data = {"format": FORMAT_VERSION, "audiences": {k: [asdict(i) for i in v] for k, v in issues.items()}}
    return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False).encode()


def edition(issues: list[Issue], digest: str) -> Edition:
    """The last issued version is the baseline, unless this brief is that version: then the one before."""
    if not issues:
        return Edition(None, None, 1)
    last = issues[-1]
    if last.digest == digest:
        return Edition(issues[-2] if len(issues) > 1 else None, last, last.version + 1)
    return Edition(last, None, last.version + 1)


def issued_changed(out: Path, audience: str, issues: list[Issue]) -> list[str]:
    """The files of the audience's issued versions that are gone or no longer as issued (their digests in the
    record): the copies are the record of what readers hold, so `status` names any edited or lost by hand."""
    found = []
    for issue in issues:
        for name, digest in sorted(issue.files.items()):
            path = issue.folder(out, audience) / name
            if path.is_symlink() or not path.is_file() or file_digest(path) != digest:
                found.append(path.relative_to(out).as_posix())
    return found


def find(issues: list[Issue], version: int) -> Issue | None:
    return next((i for i in issues if i.version == version), None)


def today() -> tuple[str, str]:
    """The issue date and time: SOURCE_DATE_EPOCH when set (reproducible runs), else the clock, in UTC."""
    now = source_time() or dt.datetime.now(dt.UTC)  # a bad value is refused, as a build refuses it
    return now.date().isoformat(), now.strftime(AT_FORMAT)
