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

from briefgen.atomic import atomic_write
from briefgen.document.nodes import Theme
from briefgen.environment import source_time
from briefgen.errors import BriefgenError, Problem, warn_once
from briefgen.regen.changes import well_formed
from briefgen.regen.inputs import file_digest
from briefgen.safeio import DamagedState, load_state

if TYPE_CHECKING:  # `status` and `history` read the record without loading pydantic
    from briefgen.render.profiles import Profile

ISSUED = "issued"
RECORD = "issued.json"
FORMAT_VERSION = 1
MAX_RECORD_BYTES = 1024 * 1024 * 1024  # a snapshot of the model per issued version


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
        if name not in self.files or not path.is_file():
            return None
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
        return load_state(out / ISSUED / RECORD, MAX_RECORD_BYTES, _issues_of) or {}
    except DamagedState as exc:
        warn_once(Problem(f"{out.name}/{ISSUED}/{RECORD}", f"the record of issued versions is damaged ({exc}); "
                          "it is ignored, as if nothing had been issued", hint="restore it from a backup before "
                          "the next `briefgen issue`, which would start it again at version 1"))
        return {}


def _issues_of(raw: Any) -> dict[str, list[Issue]]:
    """The issued versions from parsed JSON, every field of the type the readers rely on (else TypeError)."""
    if not isinstance(raw, dict) or raw.get("format") != FORMAT_VERSION:
        raise DamagedState("not a record this briefgen wrote")
    issues = {str(name): [Issue(**entry) for entry in entries] for name, entries in raw["audiences"].items()}
    for issue in (issue for entries in issues.values() for issue in entries):
        if not (isinstance(issue.version, int) and isinstance(issue.build, int) and isinstance(issue.snapshot, dict)
                and all(isinstance(v, str) for v in (issue.date, issue.at, issue.note, issue.digest))
                and isinstance(issue.files, dict) and all(isinstance(v, str) for v in issue.files.values())
                and well_formed(issue.snapshot)):
            raise TypeError("an issued version's fields")
        dt.date.fromisoformat(issue.date)  # printed as a long date: a ValueError here, not there
    return issues


def write_issues(out: Path, issues: dict[str, list[Issue]]) -> None:
    (out / ISSUED).mkdir(parents=True, exist_ok=True)
    data = {"format": FORMAT_VERSION, "audiences": {k: [asdict(i) for i in v] for k, v in issues.items()}}
    atomic_write(out / ISSUED / RECORD, json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False).encode())


def edition(issues: list[Issue], digest: str) -> Edition:
    """The last issued version is the baseline, unless this brief is that version: then the one before."""
    if not issues:
        return Edition(None, None, 1)
    last = issues[-1]
    if last.digest == digest:
        return Edition(issues[-2] if len(issues) > 1 else None, last, last.version + 1)
    return Edition(last, None, last.version + 1)


def find(issues: list[Issue], version: int) -> Issue | None:
    return next((i for i in issues if i.version == version), None)


def today() -> tuple[str, str]:
    """The issue date and time: SOURCE_DATE_EPOCH when set (reproducible runs), else the clock, in UTC."""
    now = source_time() or dt.datetime.now(dt.UTC)  # a bad value is refused, as a build refuses it
    return now.date().isoformat(), now.strftime("%Y-%m-%dT%H:%M:%SZ")
