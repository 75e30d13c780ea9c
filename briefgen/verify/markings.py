"""Each source's and each item's marking: the scheme in force, the levels checked, every item's effective level.

An item's effective marking is the highest of its own declared marking and the markings of the sources its
evidence cites; declaring one lower than a cited source is an error naming that source. A workspace that
marks nothing and names no scheme has markings off, and builds exactly as before.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from briefgen.errors import Problem
from briefgen.model.loader import Loaded
from briefgen.model.markings import DEFAULT, SHIPPED, Level, Scheme
from briefgen.model.schema import Evidence, LevelSpec
from briefgen.model.yamlsrc import Key
from briefgen.verify.owners import SECTIONS

_SCHEME_HINT = "name a shipped scheme (tlp, generic) or list the levels, lowest first, under `markings:`"


@dataclass(frozen=True)
class Markings:
    """Ranks (positions in the scheme, lowest first) of every source and item; empty when markings are off."""

    scheme: Scheme | None = None
    sources: dict[str, int] = field(default_factory=dict)
    items: dict[str, int] = field(default_factory=dict)  # model ids, "bluf" and "bluf:<n>" (releasable BLUFs)

    @property
    def active(self) -> bool:
        return self.scheme is not None

    def level(self, rank: int) -> Level:
        assert self.scheme is not None
        return self.scheme.levels[rank]

    def item_level(self, item_id: str) -> Level | None:
        return self.level(self.items.get(item_id, 0)) if self.scheme else None

    def source_level(self, source_id: str) -> Level | None:
        return self.level(self.sources.get(source_id, 0)) if self.scheme else None


@dataclass
class _Pass:
    loaded: Loaded
    scheme: Scheme
    problems: list[Problem]

    def rank(self, name: str | None, path: Key, src_file: str, item: str = "") -> int | None:
        if name is None:
            return None
        found = self.scheme.rank(name)
        if found is None:
            located = self.loaded.catalogue_src if src_file == "catalogue" else self.loaded.summary_src
            meant = self.scheme.spelled(name)
            self.problems.append(located.problem(path, f"unknown marking {name!r}", (
                f"did you mean {meant!r}? A marking is typed exactly as the scheme lists it" if meant else
                f"levels of the {self.scheme.name} scheme: {self.scheme.names()}"), item=item))
        return found


def assess(loaded: Loaded) -> tuple[Markings, list[Problem]]:
    """The markings of a loaded workspace, and every marking problem located at its line."""
    problems: list[Problem] = []
    scheme = _scheme(loaded, problems)
    if scheme is None:
        return Markings(), problems
    run = _Pass(loaded, scheme, problems)
    sources = _source_ranks(run)
    items: dict[str, int] = {}
    for path, item_id, declared, evidence in _marked_items(loaded):
        items[item_id] = _effective(run, sources, (path, item_id, declared), evidence)
    return Markings(scheme, sources, items), problems


def scheme_of(loaded: Loaded) -> Scheme | None:
    """The catalogue's marking scheme (None when it marks nothing or names an unknown one: assess reports it)."""
    return _scheme(loaded, [])


def _scheme(loaded: Loaded, problems: list[Problem]) -> Scheme | None:
    named = loaded.catalogue.markings
    if isinstance(named, str):
        if named in SHIPPED:
            return SHIPPED[named]
        problems.append(loaded.catalogue_src.problem(("markings",), f"unknown marking scheme {named!r}",
                                                     _SCHEME_HINT))
        return None
    if isinstance(named, list):
        return _own_scheme(loaded, named, problems)
    used = [m for m in _declared(loaded)]
    return DEFAULT if used else None


def _own_scheme(loaded: Loaded, specs: list[str | LevelSpec], problems: list[Problem]) -> Scheme | None:
    levels = [Level(s, s, s) if isinstance(s, str) else Level(s.name, s.banner or s.name, s.portion or s.name)
              for s in specs]
    seen: dict[str, int] = {}  # each level's name folded to one case: where it is first listed
    for i, level in enumerate(levels):
        if (at := seen.setdefault(level.name.casefold(), i)) != i:
            first = levels[at].name
            problems.append(loaded.catalogue_src.problem(("markings", i), *(
                (f"the level {level.name!r} is listed twice", "list each level once, lowest first")
                if first == level.name else
                (f"the level {level.name!r} differs only in case from {first!r}",
                 "levels that differ only in case read as one marking: list each level once, lowest first"))))
    return Scheme("workspace", tuple(levels)) if len(seen) == len(levels) else None


def _declared(loaded: Loaded) -> Iterator[str]:
    yield from (s.marking for s in loaded.catalogue.sources if s.marking)
    yield from (m for _, _, m, _ in _marked_items(loaded) if m)


def _source_ranks(run: _Pass) -> dict[str, int]:
    """Each source's rank. Under a scheme every source must be marked (whether the scheme is named, or other
    sources or only items carry markings): an unmarked source is an error, and ranks highest meanwhile, never
    as the publishable level."""
    sources = run.loaded.catalogue.sources
    ranks: dict[str, int] = {}
    highest = len(run.scheme.levels) - 1
    for i, source in enumerate(sources):
        if source.marking is None:
            run.problems.append(run.loaded.catalogue_src.problem(
                ("sources", i, "marking"), f"source {source.id!r} has no marking, while {_why_marked(run)}",
                f"under a marking scheme every source is marked, none assumed publishable: add `marking:` "
                f"({run.scheme.names()})"))
        rank = run.rank(source.marking, ("sources", i, "marking"), "catalogue")
        ranks[source.id] = highest if rank is None else rank
    return ranks


def _why_marked(run: _Pass) -> str:
    if any(s.marking for s in run.loaded.catalogue.sources):
        return "other sources carry one"
    if run.loaded.catalogue.markings is not None:
        return "the catalogue names a marking scheme (`markings:`)"
    return "items of the model carry markings"


def _marked_items(loaded: Loaded) -> Iterator[tuple[Key, str, str | None, list[Evidence]]]:
    """(path of the marking key, item id, declared marking, evidence) of the BLUFs and every item."""
    brief = loaded.summary.brief
    yield ("brief", "bluf_marking"), "bluf", brief.bluf_marking, brief.bluf_evidence
    for i, releasable in enumerate(brief.releasable):
        yield ("brief", "releasable", i, "marking"), f"bluf:{i}", releasable.marking, releasable.evidence
    for section, _kind in SECTIONS:
        for i, item in enumerate(getattr(loaded.summary, section)):
            yield (section, i, "marking"), item.id, item.marking, item.evidence


def _effective(run: _Pass, sources: dict[str, int], owner: tuple[Key, str, str | None],
               evidence: list[Evidence]) -> int:
    path, item_id, declared = owner
    own = run.rank(declared, path, "summary", item_id)
    cited = [(sources[ev.source], ev.source) for ev in evidence if ev.source in sources]
    highest, raiser = max(cited, default=(0, ""))
    if own is not None and own < highest:
        level = run.scheme.levels[highest].name
        run.problems.append(run.loaded.summary_src.problem(
            path, f"{item_id}: marked {declared}, below {level} of the source {raiser!r} it cites",
            f"an item is marked at least as high as its sources: mark it {level} or higher, or cite another source",
            item=item_id))
    return max(own or 0, highest)
