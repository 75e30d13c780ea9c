"""Model → template → markup → document model, and the fit that keeps a brief within its page limit."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from briefgen.document.nodes import Document, Meta, NoteRef, Theme
from briefgen.errors import BriefgenError, Problem
from briefgen.render.citations import Citer
from briefgen.render.context import CiteRegistry, build_context
from briefgen.render.markup import MarkupError, Reader, parse_markup
from briefgen.render.profiles import Profile
from briefgen.render.selection import Selection, select
from briefgen.render.templating import render
from briefgen.verify.check import Checked


@dataclass(frozen=True)
class Composed:
    audience: str
    document: Document
    dropped: tuple[str, ...]  # item ids left out to fit the page limit
    pages: int | None  # as measured by the fit, when the audience has a page limit


def brief_date(checked: Checked) -> str:
    """The date stamped on the brief: SOURCE_DATE_EPOCH when set (reproducible builds), else as_of."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date().isoformat()
    return checked.loaded.summary.brief.as_of


def compose(checked: Checked, audience: str, profile: Profile, selection: Selection,
            changes: list[dict[str, str]] | None = None, edition: dict[str, Any] | None = None) -> Document:
    registry = CiteRegistry(checked)
    context = build_context(checked, profile, audience, selection, registry, changes, edition)
    markup = render(checked.ws, profile.template, context)
    brief = checked.loaded.summary.brief
    meta = Meta(title=brief.title, subject=brief.subject, author=brief.author, keywords=tuple(brief.keywords),
                date=brief_date(checked))
    citer = Citer()
    reader = Reader(note=lambda n: NoteRef(citer.note(registry.cited[n])), meta=meta)
    try:
        return reader.read(parse_markup(markup))
    except (MarkupError, IndexError, ValueError) as exc:
        line = getattr(exc, "line", None)
        raise BriefgenError(Problem(f"templates/{profile.template}", f"{exc} (in the rendered output"
                                    f"{f', line {line}' if line else ''})",
                                    hint="templates must produce brief markup; see briefgen/render/markup.py"),
                            ) from None


def compose_fitted(checked: Checked, audience: str, profile: Profile, theme: Theme,
                   changes: list[dict[str, str]] | None = None, edition: dict[str, Any] | None = None,
                   ) -> Composed:
    """Compose; with a page limit, drop the lowest-priority items until the PDF metrics say it fits with
    `fit_slack` of the last page to spare (the margin a word processor's own layout may need)."""
    selection = select(checked.loaded.summary, profile, audience)
    document = compose(checked, audience, profile, selection, changes, edition)
    if profile.max_pages is None:
        return Composed(audience, document, (), None)
    from briefgen.writers.pdf.writer import measure

    dropped: list[str] = []
    while not _fits(pages := _measure(measure, document, theme, audience, profile), profile):
        smaller = selection.drop_lowest()
        if smaller is None:
            raise _cannot_fit(audience, profile, f"it needs {pages[0]} pages even with a single judgment")
        selection, victim = smaller
        dropped.append(victim)
        document = compose(checked, audience, profile, selection, changes, edition)
    return Composed(audience, document, tuple(dropped), pages[0])


def _fits(measured: tuple[int, float], profile: Profile) -> bool:
    pages, free = measured
    limit = profile.max_pages or pages
    return pages < limit or (pages == limit and free >= profile.fit_slack)


def _measure(measure: Callable[[Document, Theme], tuple[int, float]], document: Document, theme: Theme,
             audience: str, profile: Profile) -> tuple[int, float]:
    try:
        return measure(document, theme)
    except BriefgenError as exc:  # one block cannot fit any page: no selection will help
        raise _cannot_fit(audience, profile, exc.problems[0].message.split(": ")[-1]) from None


def _cannot_fit(audience: str, profile: Profile, why: str) -> BriefgenError:
    return BriefgenError(profile.problem(("max_pages",), f"the {audience} brief cannot fit max_pages "
                                         f"{profile.max_pages}: {why}",
                                         "shorten the BLUF and the top judgment, or raise max_pages"))
