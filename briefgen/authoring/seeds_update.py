"""`briefgen seeds update ID FILE`: a newer version of a source's document, under the same id.

The new document replaces the old one's bytes in seeds/ (same file name, so the catalogue entry stays as it is
but for its `accessed` date), and every passage the model cites from that source is looked up in both versions:
the report says which stayed, which moved to another paragraph, and which vanished (those are errors, located
at their line in summary.yaml, with the closest text the new version has)."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from briefgen.atomic import atomic_write
from briefgen.authoring.seeds_add import read_catalogue, read_new_document
from briefgen.authoring.seeds_show import Entry, entry_path, find_entry, read_entry
from briefgen.errors import BriefgenError, Problem
from briefgen.locking import held
from briefgen.model.loader import Loaded, load_workspace
from briefgen.model.yamlpos import editor_lines
from briefgen.model.yamlsrc import Key, parse
from briefgen.sources.formats.plain import SeedError
from briefgen.sources.locate import find
from briefgen.sources.seeds import Seed, read_document
from briefgen.verify.closest import closest
from briefgen.verify.owners import evidence_owners
from briefgen.verify.places import no_near_text
from briefgen.workspace import Workspace, output_dir


@dataclass(frozen=True)
class Moved:
    item: str
    before: str  # pinpoint in the old version ("" when it was not found there either)
    after: str  # pinpoint in the new version ("" when it vanished)
    problem: Problem | None = None  # for a passage that vanished: where it is cited, and the closest text


@dataclass(frozen=True)
class Updated:
    file: str  # seeds/<file>
    stayed: int
    changes: list[Moved]


def update(ws: Workspace, source_id: str, given: Path, today: dt.date) -> Updated:
    lock = output_dir(ws) / ".seeds.lock"
    with held(lock, ws.rel(lock), "another 'briefgen seeds add' is running"):
        return _update_locked(ws, source_id, given, today)


def _update_locked(ws: Workspace, source_id: str, given: Path, today: dt.date) -> Updated:
    entry = find_entry(ws, source_id)
    target = entry_path(ws, entry)  # never replaced outside seeds/, whatever the unvalidated entry names
    _same_format(ws, entry, given)
    try:
        raw, _ = read_new_document(ws, given)
    except SeedError as exc:
        raise BriefgenError(Problem(str(given), str(exc), exc.line, hint=exc.hint)) from None
    loaded = load_workspace(ws, draft=True)
    old = _old_seed(ws, entry)
    _, text, pages = read_document(str(given), str(ws.cache), entry.reading)
    new = Seed(str(given), f"seeds/{entry.file}", text, pages)
    changes, stayed = _compare(loaded, source_id, old, new)
    catalogue = _with_accessed(ws, entry, today)
    atomic_write(target, raw)
    if catalogue is not None:
        atomic_write(ws.catalogue, catalogue.encode("utf-8"))
    return Updated(f"seeds/{entry.file}", stayed, changes)


def _same_format(ws: Workspace, entry: Entry, given: Path) -> None:
    old, new = os.path.splitext(entry.file)[1].lower(), given.suffix.lower()
    if old != new:
        line, col = entry.catalogue.where(("sources", entry.index, "file"))
        raise BriefgenError(Problem(ws.rel(ws.catalogue), (
            f"{given.name} is a {new or 'file without suffix'} document, but source {entry.source_id!r} is "
            f"{entry.file} ({old or 'no suffix'})"), line, col, f"sources[{entry.index}].file", (
            "a newer version must be in the same format: convert it, or add it as a new source with "
            "`briefgen seeds add`")))


def _old_seed(ws: Workspace, entry: Entry) -> Seed | None:
    try:
        return read_entry(ws, entry)
    except BriefgenError:  # the old version is gone or unreadable: every passage is compared with nothing
        return None


def _cited(loaded: Loaded, source_id: str) -> Iterator[tuple[Key, str, str]]:
    """(key path of the passage, item id, passage) for every citation of `source_id` in the model: every
    evidence list verification asks about, a releasable BLUF's (`bluf:0`) too."""
    for (key, _kind, item_id, _words), evidence in evidence_owners(loaded):
        for j, ev in enumerate(evidence):
            if ev.source == source_id:
                yield (*key, j, "passage"), item_id, ev.passage


def _where(seed: Seed | None, passage: str) -> str:
    spans = find(seed, passage).spans if seed is not None else ()
    return ", ".join(seed.pinpoint_span(s.first, s.last) for s in spans) if seed is not None else ""


def _compare(loaded: Loaded, source_id: str, old: Seed | None, new: Seed) -> tuple[list[Moved], int]:
    changes, stayed = [], 0
    for path, item, passage in _cited(loaded, source_id):
        before, after = _where(old, passage), _where(new, passage)
        if before == after and after:
            stayed += 1
            continue
        problem = None
        if not after:
            miss = closest(new, passage)
            problem = loaded.summary_src.problem(
                path, f"{item}: passage no longer in {new.display} (the new version)",
                miss.describe() if miss else no_near_text(new), item=item)
        changes.append(Moved(item, before, after, problem))
    return changes, stayed


def _with_accessed(ws: Workspace, entry: Entry, today: dt.date) -> str | None:
    """The catalogue text with this entry's `accessed` date set to today; None when it has no such line."""
    text, _ = read_catalogue(ws)
    line, _col = entry.catalogue.where(("sources", entry.index, "accessed"))
    key_line, _ = entry.catalogue.where(("sources", entry.index, "accessed"), key=True)
    if line is None or key_line != line:
        return None
    lines = editor_lines(text)  # the lines `where` counts: str.splitlines also breaks at U+2028 and U+0085
    changed = re.sub(r"(accessed:\s*)(\"[^\"]*\"|'[^']*'|[^\s#]+)", rf'\g<1>"{today.isoformat()}"',
                     lines[line - 1], count=1)
    if changed == lines[line - 1]:
        return None
    updated = "".join([*lines[: line - 1], changed, *lines[line:]])
    parse(updated, ws.rel(ws.catalogue))  # proves the edit kept the file valid YAML
    return updated
