"""A catalogue entry's dates must tell one possible story: the copy was accessed no earlier than the document
was published, and the information it holds dates from no later than its publication.

Each date is only as precise as the entry gives it ("2025", "2025-09", "2025-09-18"), so a date stands for the
span of days it may mean, and only dates whose spans cannot overlap in the right order are refused."""

from __future__ import annotations

import calendar
import datetime as dt

from briefgen.errors import Problem
from briefgen.model.loader import Loaded
from briefgen.model.schema import Source


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
    """Every catalogue entry whose dates contradict each other, at the line of the date to correct."""
    return [p for i, source in enumerate(loaded.catalogue.sources) for p in _source_dates(loaded, i, source)]
