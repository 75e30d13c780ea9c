"""Verification: every tie between the model and the seeds is checked, and every problem is kept."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial

from briefgen.errors import Problem, did_you_mean
from briefgen.model.loader import Loaded
from briefgen.model.schema import Catalogue, Evidence, Source
from briefgen.model.yamlsrc import Key
from briefgen.sources.textnorm import normalise
from briefgen.verify.figures import check_figures
from briefgen.verify.halves import shared
from briefgen.verify.owners import SECTIONS, Owner, evidence_owners
from briefgen.verify.places import in_quotation_marks, several_places, tie_of
from briefgen.verify.reading import CASE_HINT, Folder, known_before, read_seeds
from briefgen.verify.shelf import Shelf
from briefgen.verify.ties import Content, Tie, TieStore, quoted_key, tie_key
from briefgen.verify.verdicts import Citation, ItemCheck, Verification
from briefgen.workspace import Workspace


@dataclass
class EarlySeeds:
    """The seeds verify() will read (those the tie store does not know), read while a child parses a large model
    (load_workspace's `meanwhile`); `folder` holds them until verify() takes each, in whichever process (a
    child that shares the verification, verify/halves.py, is forked with them)."""

    ws: Workspace
    store: TieStore | None = None
    digests: Mapping[str, str] | None = None
    folder: Folder | None = None

    def __call__(self, catalogue: Catalogue) -> None:
        with contextlib.suppress(OSError):  # seeds/ cannot be listed: verify() says so, in its turn
            self.folder = folder = Folder.scan(self.ws)
            wanted = _unknown(self.store, [folder.stamped(source, self.digests or {}) for source in catalogue.sources])
            for i, source in enumerate(catalogue.sources):
                if wanted(i):
                    folder.read_early(source, digest=self.store is not None)


def _unknown(store: TieStore | None, stamped: list[Content | None]) -> Callable[[int], bool]:
    """Whether the tie store does not know catalogue entry i's bytes, as stamped (its seed is to be read)."""
    return lambda i: not known_before(store, stamped[i])


def verify(ws: Workspace, loaded: Loaded, store: TieStore | None = None,
           digests: Mapping[str, str] | None = None, meanwhile: Callable[[], None] | None = None,
           early: EarlySeeds | None = None) -> Verification:
    """Check the catalogue, the seeds, ids, every passage, figure numbers and quotes.

    With a `store` (the last check's ties) and `digests` (the sha256 of seed files by name, from their stamps),
    a question the store answers for the same bytes is not asked again, and its seed is not read. The seeds of
    a large catalogue that the store does not know are read and searched in two processes (verify/halves.py).
    `meanwhile`: work of the caller's own, done once, before the items are verified (while the second
    process finishes its half, when there is one). `early`: the seeds of this process's half read already."""
    folder = early.folder if early is not None and early.folder is not None else Folder.scan(ws)
    stamped = [folder.stamped(source, digests or {}) for source in loaded.catalogue.sources]
    answers = shared(loaded, partial(folder.read, digest=store is not None), meanwhile, _unknown(store, stamped))
    if answers is not None:  # the seeds read early for the child's half: answered by it (or read again below)
        folder.early.clear()
    if answers is None and meanwhile is not None:
        meanwhile()
    result = Verification(seeds=Shelf(), store=store, answers=answers)
    read_seeds(loaded, result, folder, stamped)
    _check_unique_ids(loaded, result)
    sources = {s.id: s for s in loaded.catalogue.sources}
    unreadable: set[str] = set()  # sources without a readable seed, reported once at their first citation
    for owner, evidence in evidence_owners(loaded):
        result.items[owner[2]] = _check_item(loaded, result, sources, unreadable, owner, evidence)
    check_figures(loaded, result)
    _check_quotes(loaded, result)
    folder.early.clear()  # seeds read early and not taken (an entry naming a file another entry names)
    return result


def _check_unique_ids(loaded: Loaded, result: Verification) -> None:
    first: dict[str, Key] = {}  # by the id folded to one case: ids differing only in case collide too
    for section, _kind in SECTIONS:
        for i, item in enumerate(getattr(loaded.summary, section)):
            path: Key = (section, i, "id")
            folded = item.id.casefold()
            if folded in first:
                result.problems.append(_duplicate_id(loaded, first[folded], path, item.id))
            first.setdefault(folded, path)


def _duplicate_id(loaded: Loaded, earlier: Key, path: Key, item_id: str) -> Problem:
    src = loaded.summary_src
    line, _ = src.where(earlier)
    other = getattr(loaded.summary, str(earlier[0]))[earlier[1]].id
    if other == item_id:
        return src.problem(path, f"duplicate id {item_id!r} (first used on line {line})",
                           "ids must be unique in the model", item=item_id)
    return src.problem(path, f"id {item_id!r} differs only in case from {other!r} (line {line})", CASE_HINT,
                       item=item_id)


def _check_item(loaded: Loaded, result: Verification, sources: dict[str, Source], unreadable: set[str],
                owner: Owner, evidence: list[Evidence]) -> ItemCheck:
    path, kind, item_id, words = owner
    citations: list[Citation] = []
    failed = False
    for j, ev in enumerate(evidence):
        problem = _tie(loaded, result, sources, (path, j, item_id, words), ev, citations)
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


def _tie(loaded: Loaded, result: Verification, sources: dict[str, Source], tie: tuple[Key, int, str, str],
         ev: Evidence, citations: list[Citation]) -> Problem | None:
    """Verify evidence entry `j` of the list at `path` (`tie`: path, j, the item's id and own words); a citation
    added, or the problem (the key path of a problem is built only then: 20,000 ties verify at 10,000 seeds)."""
    src = loaded.summary_src
    path, j, item_id, words = tie
    source_id = ev.source
    source = sources.get(source_id)
    if source is None:
        hint = did_you_mean(source_id, sorted(sources), "known sources")
        return src.problem((*path, j, "source"), f"unknown source {source_id!r}", hint, item=item_id)
    found = _found(result, source_id, ev.passage, words)
    if found is None:
        return _UNREADABLE
    display = result.seeds.displays[source_id]
    first, last = found.first, found.last
    if first <= 0:  # not found (Tie.found)
        return src.problem((*path, j, "passage"), f"{item_id}: passage not found in {display}", found.miss_hint,
                           item=item_id)
    if found.places:
        result.problems.append(src.problem((*path, j, "passage"), *several_places(
            display, found.places, found.chosen, found.decided, item_id), severity="warning", item=item_id))
    citations.append(Citation(source, first, ev.passage, display, found.page, found.nth,
                              last if last != first else None, found.where))
    return None


def _found(result: Verification, source_id: str, passage: str, words: str) -> Tie | None:
    """The tie of `passage` to the seed of `source_id` (None when it has no readable seed), from the store when
    it holds the answer for these bytes."""
    if source_id not in result.seeds:
        return None
    store, content = result.store, result.seeds.contents.get(source_id)
    key = tie_key(content, passage, words) if content is not None else None
    known = store.tie(key) if store is not None and key is not None else None
    if known is not None:
        return known
    raw = result.answers.ties.get((source_id, passage, words)) if result.answers is not None else None
    if raw is not None:
        found = Tie._make(raw)
    elif (seed := result.seeds.get(source_id)) is not None:
        found = tie_of(seed, passage, words)
        content = result.seeds.contents.get(source_id)  # the bytes read, should they differ from the stamp's
    else:
        return None
    if store is not None and content is not None:
        store.put_tie(tie_key(content, passage, words), found)
    return found


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
        if not any(_quoted(result, c, text) for c in holding):
            result.problems.append(loaded.summary_src.problem(
                ("quotes", i, "text"), f"{quote.id}: the seed does not put these words in quotation marks",
                "this may be a paraphrase: present it as a judgment, not a quote", severity="warning",
                item=quote.id))


def _quoted(result: Verification, citation: Citation, text: str) -> bool:
    """Does the seed put `text` in quotation marks in the cited paragraph? From the store or the halves when
    they know."""
    source_id = citation.source.id
    store, content = result.store, result.seeds.contents.get(source_id)
    key = quoted_key(content, citation.paragraph, text) if content is not None else None
    known = store.flag(key) if store is not None and key is not None else None
    if known is not None:
        return known
    answer = result.answers.quoted.get((source_id, citation.paragraph, text)) if result.answers else None
    if answer is not None:
        quoted = answer
    elif (seed := result.seeds.get(source_id)) is not None:
        quoted = in_quotation_marks(seed, citation.paragraph, text)
        content = result.seeds.contents.get(source_id)  # the bytes read, should they differ from the stamp's
    else:
        return False
    if store is not None and content is not None:
        store.put_flag(quoted_key(content, citation.paragraph, text), quoted)
    return quoted
