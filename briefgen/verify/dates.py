"""A catalogue entry's dates must tell one possible story: the copy was accessed no earlier than the document
was published, and the information it holds dates from no later than its publication; and a source the model
cites should not date from after the brief's information cutoff (`as_of`), which the brief prints.

Each date is only as precise as the entry gives it ("2025", "2025-09", "2025-09-18"), so a date stands for the
span of days it may mean, and only dates whose spans cannot overlap in the right order are refused."""

from __future__ import annotations

import calendar
import datetime as dt
import functools

from briefgen.errors import Problem
from briefgen.model.loader import Loaded
from briefgen.model.schema import Source
from briefgen.verify.owners import evidence_owners


@functools.lru_cache(maxsize=4096)  # a large catalogue repeats its dates: 30,000 spans, a few hundred distinct
def _span(value: str) -> tuple[dt.date, dt.date]:
    """The first and last day a partial date (validated by the schema) may mean."""
    parts = [int(p) for p in value.split("-")]
    year, month, day = [*parts, 0, 0][:3]
    if day:
        return dt.date(year, month, day), dt.date(year, month, day)
    if month:
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _source_dates(loaded: Loaded, i: int, source: Source) -> list[Problem]:
    src, problems = loaded.catalogue_src, []
    published = _span(source.published)
    if _span(source.accessed)[1] < published[0]:
        problems.append(src.problem(
            ("sources", i, "accessed"),
            f"accessed {source.accessed}, before the document was published ({source.published})",
            "a copy cannot be obtained before it exists: correct `accessed` (the day this copy was obtained) "
            "or `published`"))
    if source.information_date is not None and _span(source.information_date)[0] > published[1]:
        problems.append(src.problem(
            ("sources", i, "information_date"),
            f"the information dates from {source.information_date}, after the document was published "
            f"({source.published})",
            "`information_date` is when the information itself dates from, no later than publication: "
            "correct it or `published`, or leave it out"))
    return problems


def date_problems(loaded: Loaded) -> list[Problem]:
    """Every catalogue entry whose dates contradict each other, at the line of the date to correct; a warning
    for each cited source whose information begins after the cutoff, and for each date far in the future."""
    return [p for i, source in enumerate(loaded.catalogue.sources) for p in _source_dates(loaded, i, source)] + (
        _after_cutoff(loaded)) + _in_the_future(loaded, dt.date.today())


# A date further ahead of this machine's clock than this is a typo (2205 for 2025, 2999), not a clock a little
# wrong, nor a date that passes while a stored check result still says so.
FUTURE_DAYS = 366
_FUTURE_HINT = ("correct the year (no document is published, obtained or dated a year from now); if the date is "
                "right, set this machine's clock right")


def _in_the_future(loaded: Loaded, today: dt.date) -> list[Problem]:
    """A warning at each catalogue date and at the brief's cutoff that begins more than FUTURE_DAYS after today."""
    latest = today + dt.timedelta(days=FUTURE_DAYS)
    clock = "more than a year after today, by this machine's clock"
    found = [loaded.catalogue_src.problem(("sources", i, key), f"{source.id}: {key.replace('_', ' ')} {value} is "
                                          f"{clock}", _FUTURE_HINT, severity="warning")
             for i, source in enumerate(loaded.catalogue.sources)
             for key, value in (("published", source.published), ("accessed", source.accessed),
                                ("information_date", source.information_date))
             if value is not None and _span(value)[0] > latest]
    as_of = loaded.summary.brief.as_of
    if _span(as_of)[0] > latest:
        found.append(loaded.summary_src.problem(("brief", "as_of"), f"the information cutoff {as_of} is {clock}",
                                                _FUTURE_HINT, severity="warning"))
    return found


def _after_cutoff(loaded: Loaded) -> list[Problem]:
    """A brief "information as of 15 October" citing a document published (or whose information dates from)
    in December tells its reader something untrue: one of the two dates is wrong."""
    summary = loaded.summary
    cutoff = dt.date.fromisoformat(summary.brief.as_of)
    cited = {ev.source for _owner, evidence in evidence_owners(loaded) for ev in evidence}
    problems = []
    for i, source in enumerate(loaded.catalogue.sources):
        key, date = ("information_date", source.information_date) if source.information_date else (
            "published", source.published)
        if source.id in cited and _span(date)[0] > cutoff:
            problems.append(loaded.catalogue_src.problem(
                ("sources", i, key), f"{source.id}: {key.replace('_', ' ')} {date}, after the brief's information "
                f"cutoff ({summary.brief.as_of}, `as_of` in seeds/summary.yaml)",
                "move the cutoff to the latest information the brief uses, or correct this date",
                severity="warning"))
    return problems
