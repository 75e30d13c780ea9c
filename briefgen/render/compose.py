"""Model → template → markup → document model, and the fit that keeps a brief within its page limit."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from briefgen.document.nodes import Banner, Document, Measure, Meta, NoteRef, Theme
from briefgen.environment import source_date
from briefgen.errors import BriefgenError, Problem, ThemeError, Unplaced
from briefgen.render.citations import Citer
from briefgen.render.context import CiteRegistry, build_context
from briefgen.render.markup import MarkupError, Reader, parse_markup
from briefgen.render.profiles import Profile
from briefgen.render.release import Needle, Release, needles, release_for
from briefgen.render.selection import Selection, select
from briefgen.render.templating import render
from briefgen.verify.check import Checked
from briefgen.verify.passages import Citation


@dataclass(frozen=True)
class Composed:
    audience: str
    document: Document
    dropped: tuple[str, ...]  # item ids left out to fit the page limit
    pages: int | None  # as measured by the fit, when the audience has a page limit
    withheld: tuple[str, ...] = ()  # item ids the audience would see but for its ceiling
    needles: tuple[Needle, ...] = ()  # withheld text the spillage check must not find in the files


def brief_date(checked: Checked) -> str:
    """The date stamped on the brief: SOURCE_DATE_EPOCH when set (reproducible builds), else as_of."""
    fixed = source_date()
    return fixed.isoformat() if fixed else checked.loaded.summary.brief.as_of


def compose(checked: Checked, audience: str, profile: Profile, selection: Selection,
            changes: list[dict[str, str]] | None = None, release: Release | None = None,
            edition: dict[str, Any] | None = None) -> Document:
    release = release or Release(checked.markings)
    registry = CiteRegistry(checked, release.bluf)
    context = build_context(checked, profile, audience, selection, registry, changes, release, edition)
    markup = render(checked.ws, profile.template, context)
    brief = checked.loaded.summary.brief
    meta = Meta(title=brief.title, subject=brief.subject, author=brief.author, keywords=tuple(brief.keywords),
                date=brief_date(checked))
    citer = Citer(profile.citations)
    reader = Reader(note=lambda n: NoteRef(citer.note(_citation(registry, n))), meta=meta)
    try:
        document = reader.read(parse_markup(markup))
    except MarkupError as exc:  # the line is the rendered output's, not the template's: said in words
        where = f", line {exc.line}" if exc.line else ""
        raise BriefgenError(Problem(f"templates/{profile.template}", f"{exc.message} (in the rendered output{where})",
                                    hint=exc.hint)) from None
    return _with_banner(document, context["banner"]) if checked.markings.active else document


def _with_banner(document: Document, text: str) -> Document:
    """The rolled-up banner opens the brief whatever the template printed (the writers repeat the first
    banner at the top and bottom of every page): a template cannot type a lower one by hand."""
    blocks = tuple(b for b in document.blocks if not isinstance(b, Banner))
    return Document(document.meta, (Banner(text), *blocks))


def _citation(registry: CiteRegistry, n: int) -> Citation:
    if n >= len(registry.cited):
        raise MarkupError(f"<cite n=\"{n}\"/> names no citation: print citations with the `cite` filter")
    return registry.cited[n]


def compose_fitted(checked: Checked, audience: str, profile: Profile, theme: Theme, measure: Measure,
                   changes: list[dict[str, str]] | None = None, edition: dict[str, Any] | None = None,
                   ) -> Composed:
    """Compose; with a page limit, drop the lowest-priority items until the PDF metrics say it fits with
    `fit_slack` of the last page to spare (the margin a word processor's own layout may need). `measure` is
    the PDF writer's: the stage that owns the writers passes it in, so rendering never imports a writer."""
    release = release_for(checked, profile, audience)
    selection = select(checked.loaded.summary, profile, audience, release.allows)
    document = compose(checked, audience, profile, selection, changes, release, edition)
    hidden = selection.withheld, needles(checked, release)
    if profile.max_pages is None:
        return Composed(audience, document, (), None, *hidden)
    dropped: list[str] = []
    while not _fits(pages := _measure(measure, document, theme, audience, profile), profile):
        smaller = selection.drop_lowest()
        if smaller is None:
            raise _cannot_fit(audience, profile, f"it needs {pages[0]} pages even with a single judgment")
        selection, victim = smaller
        dropped.append(victim)
        document = compose(checked, audience, profile, selection, changes, release, edition)
    return Composed(audience, document, tuple(dropped), pages[0], *hidden)


def _fits(measured: tuple[int, float], profile: Profile) -> bool:
    pages, free = measured
    limit = profile.max_pages or pages
    return pages < limit or (pages == limit and free >= profile.fit_slack)


def _measure(measure: Measure, document: Document, theme: Theme,
             audience: str, profile: Profile) -> tuple[int, float]:
    try:
        return measure(document, theme)
    except ThemeError as exc:
        raise profile.place(exc) from None
    except Unplaced as exc:  # one block cannot fit any page: no selection will help
        raise _cannot_fit(audience, profile, exc.message) from None


def _cannot_fit(audience: str, profile: Profile, why: str) -> BriefgenError:
    return BriefgenError(profile.problem(("max_pages",), f"the {audience} brief cannot fit max_pages "
                                         f"{profile.max_pages}: {why}",
                                         "shorten the BLUF and the top judgment, or raise max_pages"))
