"""Verification: every tie between the model and the seeds is checked, and every problem is kept."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from briefgen.errors import Problem, did_you_mean
from briefgen.model.loader import Loaded
from briefgen.model.schema import Evidence, Source
from briefgen.model.yamlsrc import Key
from briefgen.sources.formats import SEED_SUFFIXES
from briefgen.sources.formats.plain import SeedError
from briefgen.sources.locate import find
from briefgen.sources.seeds import Seed, pinpoint, read_seed
from briefgen.sources.textnorm import normalise
from briefgen.verify.closest import closest
from briefgen.verify.figures import check_figures
from briefgen.verify.places import best_span, own_words, several_places
from briefgen.workspace import Workspace

Kind = Literal["bluf", "judgment", "figure", "quote", "gap"]
SECTIONS: tuple[tuple[str, Kind], ...] = (
    ("judgments", "judgment"), ("figures", "figure"), ("quotes", "quote"), ("gaps", "gap"))


@dataclass(frozen=True)
class Citation:
    """A verified tie: this passage is in paragraph `paragraph` of the seed of `source`.

    For a PDF seed, `page` and `page_paragraph` say where that paragraph is printed. A passage with skipped
    words may run on to `last_paragraph`; `where` is then the range as a footnote prints it."""

    source: Source
    paragraph: int
    passage: str
    seed_file: str
    page: int | None = None
    page_paragraph: int | None = None
    last_paragraph: int | None = None
    where: str = ""

    @property
    def pinpoint(self) -> str:
        """"¶7", "¶7–8", or "p. 2, ¶3" in a PDF: what a footnote prints."""
        return self.where or pinpoint(self.page, self.page_paragraph or self.paragraph)

    @property
    def paragraphs(self) -> range:
        return range(self.paragraph, (self.last_paragraph or self.paragraph) + 1)


@dataclass(frozen=True)
class ItemCheck:
    kind: Kind
    id: str
    citations: tuple[Citation, ...]
    failed: bool

    @property
    def originators(self) -> int:
        """Distinct originators behind the item; an unknown originator counts once per source."""
        return len({c.source.originator or f"?{c.source.id}" for c in self.citations})


@dataclass
class Verification:
    seeds: dict[str, Seed]
    items: dict[str, ItemCheck] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def mark_failed(self, item_id: str) -> None:
        old = self.items[item_id]
        self.items[item_id] = ItemCheck(old.kind, old.id, old.citations, True)


def verify(ws: Workspace, loaded: Loaded) -> Verification:
    """Check the catalogue, the seeds, ids, every passage, figure numbers and quotes."""
    result = Verification(seeds={})
    result.seeds = _read_seeds(ws, loaded, result.problems)
    _check_unique_ids(loaded, result)
    sources = {s.id: s for s in loaded.catalogue.sources}
    unreadable: set[str] = set()  # sources without a readable seed, reported once at their first citation
    for owner, evidence in _evidence_owners(loaded):
        result.items[owner[2]] = _check_item(loaded, result, sources, unreadable, owner, evidence)
    check_figures(loaded, result)
    _check_quotes(loaded, result)
    return result


def _read_seeds(ws: Workspace, loaded: Loaded, problems: list[Problem]) -> dict[str, Seed]:
    seeds: dict[str, Seed] = {}
    seen_ids: set[str] = set()
    src = loaded.catalogue_src
    root = os.path.realpath(ws.seeds)
    cache = str(ws.cache)
    for i, source in enumerate(loaded.catalogue.sources):
        if source.id in seen_ids:
            problems.append(src.problem(("sources", i, "id"), f"duplicate source id {source.id!r}",
                                        "give each source its own id"))
        seen_ids.add(source.id)
        try:
            seeds[source.id] = read_seed(root, source.file, cache, source.reading)
        except SeedError as exc:
            problems.append(src.problem(("sources", i, "file"), f"{source.file}: {exc}", exc.hint))
    catalogued = {os.path.normpath(s.file) for s in loaded.catalogue.sources}
    with os.scandir(root) as entries:
        strays = sorted(e.name for e in entries if e.name.lower().endswith(SEED_SUFFIXES) and e.is_file()
                        and e.name not in catalogued)
    for name in strays:
        problems.append(Problem(f"seeds/{name}", "seed file is not catalogued", hint=(
            f"add an entry with `file: {name}` to seeds/sources.yaml"), severity="warning"))
    return seeds


def _check_unique_ids(loaded: Loaded, result: Verification) -> None:
    first: dict[str, Key] = {}
    for section, _kind in SECTIONS:
        for i, item in enumerate(getattr(loaded.summary, section)):
            path: Key = (section, i, "id")
            if item.id in first:
                line, _ = loaded.summary_src.where(first[item.id])
                result.problems.append(loaded.summary_src.problem(
                    path, f"duplicate id {item.id!r} (first used on line {line})", "ids must be unique in the model",
                    item=item.id))
            first.setdefault(item.id, path)


Owner = tuple[Key, Kind, str, str]  # the evidence list's key path, the item's kind, id and own words


def _evidence_owners(loaded: Loaded) -> Iterator[tuple[Owner, list[Evidence]]]:
    brief = loaded.summary.brief
    yield (("brief", "bluf_evidence"), "bluf", "bluf", brief.bluf), brief.bluf_evidence
    for i, releasable in enumerate(brief.releasable):
        yield (("brief", "releasable", i, "evidence"), "bluf", f"bluf:{i}", releasable.bluf), releasable.evidence
    for section, kind in SECTIONS:
        for i, item in enumerate(getattr(loaded.summary, section)):
            yield ((section, i, "evidence"), kind, item.id, own_words(item)), item.evidence


def _check_item(loaded: Loaded, result: Verification, sources: dict[str, Source], unreadable: set[str],
                owner: Owner, evidence: list[Evidence]) -> ItemCheck:
    path, kind, item_id, words = owner
    citations: list[Citation] = []
    failed = False
    for j, ev in enumerate(evidence):
        problem = _tie(loaded, result, sources, ((*path, j), item_id, words), ev, citations)
        if problem is None:
            continue
        failed = True
        if problem is _UNREADABLE:
            if ev.source in unreadable:
                continue
            unreadable.add(ev.source)
            problem = _unreadable(loaded, (*path, j), ev.source, item_id)
        result.problems.append(problem)
    return ItemCheck(kind, item_id, tuple(citations), failed)


_UNREADABLE = Problem("", "the cited seed cannot be read")  # a marker: reported once per source, not per item


def _unreadable(loaded: Loaded, path: Key, source: str, item_id: str) -> Problem:
    return loaded.summary_src.problem((*path, "source"), (
        f"source {source!r} has no readable seed, so no item citing it can be verified"),
        "fix its entry in seeds/sources.yaml (reported above)", item=item_id)


def _tie(loaded: Loaded, result: Verification, sources: dict[str, Source], tie: tuple[Key, str, str],
         ev: Evidence, citations: list[Citation]) -> Problem | None:
    src = loaded.summary_src
    path, item_id, words = tie
    source = sources.get(ev.source)
    if source is None:
        hint = did_you_mean(ev.source, sorted(sources), "known sources")
        return src.problem((*path, "source"), f"unknown source {ev.source!r}", hint, item=item_id)
    seed = result.seeds.get(ev.source)
    if seed is None:
        return _UNREADABLE
    found = find(seed, ev.passage)
    if not found.spans:
        return src.problem((*path, "passage"), f"{item_id}: passage not found in {seed.display}",
                           _miss_hint(seed, ev.passage, found.unmatched), item=item_id)
    chosen = best_span(seed, found.spans, words)
    if len(found.spans) > 1:
        result.problems.append(src.problem((*path, "passage"), *several_places(seed, found.spans, chosen, item_id),
                                           severity="warning", item=item_id))
    span = chosen[0]
    page, nth = seed.place(span.first)
    citations.append(Citation(source, span.first, ev.passage, seed.display, page, nth if page is not None else None,
                              span.last if span.last != span.first else None,
                              seed.pinpoint_span(span.first, span.last)))
    return None


def _miss_hint(seed: Seed, passage: str, unmatched: str) -> str:
    if unmatched:
        return (f"with '…' for skipped words, each part must follow the one before, in the same paragraph or the "
                f"next: not found there: “{unmatched}”")
    miss = closest(seed, passage)
    return miss.describe() if miss else "the seed has no text"


def _check_quotes(loaded: Loaded, result: Verification) -> None:
    for i, quote in enumerate(loaded.summary.quotes):
        check = result.items[quote.id]
        text = normalise(quote.text)
        holding = [c for c in check.citations if text in normalise(c.passage)]
        if not holding:
            if not check.failed:
                result.problems.append(loaded.summary_src.problem(
                    ("quotes", i, "text"), f"{quote.id}: the quote's words are not in any of its passages",
                    "quote the seed word for word, and cite the passage that holds it", item=quote.id))
                result.mark_failed(quote.id)
            continue
        if not any(_in_quotation_marks(result.seeds[c.source.id], c.paragraph, text) for c in holding):
            result.problems.append(loaded.summary_src.problem(
                ("quotes", i, "text"), f"{quote.id}: the seed does not put these words in quotation marks",
                "this may be a paraphrase: present it as a judgment, not a quote", severity="warning",
                item=quote.id))


def _in_quotation_marks(seed: Seed, paragraph: int, text: str) -> bool:
    para = seed.normalised(paragraph)
    at = para.find(text)
    while at >= 0:
        if para.count('"', 0, at) % 2 == 1 and '"' in para[at + len(text):]:
            return True
        at = para.find(text, at + 1)
    return False
