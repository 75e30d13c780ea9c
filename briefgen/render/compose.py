"""Model → template → markup → document model, and the fit that keeps a brief within its page limit."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from xml.etree import ElementTree as ET

from briefgen.document.nodes import Banner, Document, Measure, Meta, NoteRef, Theme
from briefgen.environment import source_date
from briefgen.errors import BriefgenError, Problem, ThemeError, Unplaced
from briefgen.render.citations import Citer
from briefgen.render.context import CiteRegistry, build_context
from briefgen.render.markup import Reader
from briefgen.render.markupparse import MarkupError, parse_markup
from briefgen.render.markupwhere import element_offset, offset_of, open_element, text_offset
from briefgen.render.needles import Needle
from briefgen.render.profiles import Profile
from briefgen.render.release import Release, needles, release_for
from briefgen.render.selection import Selection, select
from briefgen.render.templating import origin, render
from briefgen.verify.check import Checked
from briefgen.verify.verdicts import Citation


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
    registry = CiteRegistry(checked, release.bluf, frozenset(selection.ids()))
    context = build_context(checked, profile, audience, selection, registry, changes, release, edition)
    markup = render(checked.ws, profile.template, context)
    brief = checked.loaded.summary.brief
    meta = Meta(title=brief.title, subject=brief.subject, author=brief.author, keywords=tuple(brief.keywords),
                date=brief_date(checked), file_stem=audience)  # the brief is written to <audience>.docx/.pdf
    citer = Citer(profile.citations, (citation.source for citation in registry.cited))
    reader = Reader(note=lambda n: NoteRef(citer.note(_citation(registry, n))), meta=meta)
    root = None
    try:
        root = parse_markup(markup)
        document = reader.read(root)
    except MarkupError as exc:
        fresh = CiteRegistry(checked, release.bluf, frozenset(selection.ids()))  # the first render's, again
        again = build_context(checked, profile, audience, selection, fresh, changes, release, edition)
        raise _misplaced(checked, profile.template, again, markup, root, exc) from None
    return _with_banner(document, context["banner"]) if checked.markings.active else document


def _misplaced(checked: Checked, template: str, context: dict[str, Any], markup: str, root: ET.Element | None,
               exc: MarkupError) -> BriefgenError:
    """A fault of the template's output, at the template line that wrote it when that can be told, else in
    words at the output's line."""
    offset = (offset_of(markup, exc.line, exc.column) if exc.line
              else (text_offset if exc.text_in else element_offset)(markup, root, exc.element)
              if root is not None and exc.element is not None
              else None)
    found = origin(checked.ws, template, context, offset) if offset is not None else None
    if found is not None:
        opened = open_element(markup) if exc.line else None
        began = origin(checked.ws, template, context, opened[1]) if opened else None
        said = f"{exc.message}: <{opened[0]}>, opened at {began[0]}:{began[1]}, is still open" \
            if opened and began else exc.message
        return BriefgenError(Problem(found[0], f"{said} (in the markup this line writes)", found[1],
                                     hint=exc.hint))
    where = f", line {exc.line}" if exc.line else ""
    return BriefgenError(Problem(f"templates/{template}", f"{exc.message} (in the rendered output{where})",
                                 hint=exc.hint))


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
                   hint: tuple[str, ...] | None = None,
                   expect: Callable[[Document], object] | None = None) -> Composed:
    """Compose; with a page limit, drop the lowest-priority items until the PDF metrics say it fits with
    `fit_slack` of the last page to spare (the margin a word processor's own layout may need). `measure` is
    the PDF writer's: the stage that owns the writers passes it in, so rendering never imports a writer.

    A selection holding a block that no page can hold with its notes does not fit: a smaller one may leave it
    out, and only when none can is it an error. `hint`: the items the last build left out to fit (None when
    there was no last build). It changes only how fast the answer comes, never the answer (the first selection,
    in drop order, that fits). `expect`, if given, is shown the document the compose expects to return as soon
    as it is composed: the fit's, only when a last build's choice backs the expectation (before the fit proves
    it). A caller may start writing that document in another process, and check the choice after."""
    release, selection = _selected(checked, profile, audience)
    hidden = selection.withheld, needles(checked, release)
    if profile.max_pages is None:
        document = compose(checked, audience, profile, selection, changes, release, edition)
        if expect:
            expect(document)
        return Composed(audience, document, (), None, *hidden)
    fit = _Fit(checked, audience, profile, theme, measure, selection, changes, release, edition)
    guess = fit.guess(hint or ())
    if expect and hint is not None:
        expect(fit.document(guess))
    return Composed(audience, *fit.first_fitting(guess), *hidden)


# Items of each section a trial composition takes: every item of a brief of usual size (the shipped analyst
# brief shows 24 in all), and a bounded cost for a model of thousands (issue 20: 0.5 s at 10,000 items whole).
TRIAL_ITEMS = 50


def compose_trial(checked: Checked, audience: str, profile: Profile,
                  edition: tuple[list[dict[str, str]], dict[str, Any]] | None = None) -> Document:
    """The audience's brief composed as a build composes it before fitting it to its pages, from the
    TRIAL_ITEMS most important items of each section it shows: what `check` runs each template on, so an error
    only running the template finds is not left to the build. `edition`: what changed and the edition context
    the build would use (None: a first edition)."""
    release, selection = _selected(checked, profile, audience)
    changes, context = edition if edition else (None, None)
    return compose(checked, audience, profile, selection.first(TRIAL_ITEMS), changes, release, context)


def _selected(checked: Checked, profile: Profile, audience: str) -> tuple[Release, Selection]:
    """The audience's release (its ceiling over the model's markings) and every item the profile asks for."""
    release = release_for(checked, profile, audience)
    return release, select(checked.loaded.summary, profile, audience, release.allows)


class _Fit:
    """The fit's selections in drop order (the n-th leaves out the n lowest items), each made once."""

    def __init__(self, checked: Checked, audience: str, profile: Profile, theme: Theme, measure: Measure,
                 first: Selection, *rest: Any) -> None:
        self.checked, self.audience, self.profile, self.theme = checked, audience, profile, theme
        self.measure = measure
        self.selections, self.victims = [first], list[str]()  # victims[n]: what selection n + 1 leaves out
        self._rest = rest  # changes, release, edition: as compose takes them
        self.documents: dict[int, Document] = {}
        self.last: tuple[int, float] | Unplaced = (0, 0.0)  # the latest selection's measure, or why it failed

    def selection(self, n: int) -> Selection | None:
        """The n-th selection; None when fewer can be made (one judgment must stay)."""
        while len(self.selections) <= n:
            smaller = self.selections[-1].drop_lowest()
            if smaller is None:
                return None
            self.selections.append(smaller[0])
            self.victims.append(smaller[1])
        return self.selections[n]

    def document(self, n: int) -> Document:
        """Selection n composed (once)."""
        if n not in self.documents:
            self.documents[n] = compose(self.checked, self.audience, self.profile, self.selections[n], *self._rest)
        return self.documents[n]

    def first_fitting(self, guess: int) -> tuple[Document, tuple[str, ...], int]:
        """The first selection, in drop order, that fits. Those before `guess` are expected to overflow: each
        is probed (nothing drawn, stopped a page past the limit); from `guess` on, each is laid out in full
        (the layout the PDF is written from). Probes and layouts place alike, so the guess changes only how
        fast the answer comes."""
        for n in range(guess):
            if self._fits(n, self.profile.max_pages):
                return self._fitted(n)
        n = guess
        while not self._fits(n):
            if self.selection(n + 1) is None:
                raise self._cannot()
            n += 1
        return self._fitted(n)

    def guess(self, hint: tuple[str, ...]) -> int:
        """How many of the hint's items, in order, are the first ones the drop order leaves out."""
        n = 0
        while n < len(hint) and self.selection(n + 1) is not None and self.victims[n] == hint[n]:
            n += 1
        return n

    def _fits(self, n: int, limit: int | None = None) -> bool:
        """Whether selection n fits. One holding a block that no page can hold with its notes does not (a
        smaller selection may leave that block out); a probe stops before finding out, and says the same."""
        try:
            self.last = _measure(self.measure, self.document(n), self.theme, self.profile, limit)
        except Unplaced as exc:
            self.last = exc
            return False
        return _fits(self.last, self.profile)

    def _fitted(self, n: int) -> tuple[Document, tuple[str, ...], int]:
        pages, _ = _measure(self.measure, self.documents[n], self.theme, self.profile)  # remembered: no layout
        return self.documents[n], tuple(self.victims[:n]), pages

    def _cannot(self) -> BriefgenError:
        """Why not even the smallest selection fits."""
        last = self.last
        why = last.message if isinstance(last, Unplaced) else f"it needs {last[0]} pages even with a single judgment"
        return _cannot_fit(self.audience, self.profile, why)


def _fits(measured: tuple[int, float], profile: Profile) -> bool:
    pages, free = measured
    limit = profile.max_pages or pages
    return pages < limit or (pages == limit and free >= profile.fit_slack)


def _measure(measure: Measure, document: Document, theme: Theme, profile: Profile,
             limit: int | None = None) -> tuple[int, float]:
    try:
        return measure(document, theme, limit)
    except ThemeError as exc:
        raise profile.place(exc) from None


def _cannot_fit(audience: str, profile: Profile, why: str) -> BriefgenError:
    return BriefgenError(profile.problem(("max_pages",), f"the {audience} brief cannot fit max_pages "
                                         f"{profile.max_pages}: {why}",
                                         "shorten the BLUF and the top judgment, or raise max_pages"))
