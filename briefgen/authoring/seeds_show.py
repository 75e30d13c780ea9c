"""`briefgen seeds show ID [--grep TEXT]`: a seed's numbered paragraphs, each with the pinpoint a footnote prints.

Works on a catalogue that is not complete yet: only the entry's `id`, `file` and `reading` are needed."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from briefgen.authoring.seeds_add import read_catalogue, sources_of
from briefgen.errors import BriefgenError, Problem
from briefgen.model.readings import READINGS
from briefgen.model.yamlsrc import Located
from briefgen.safeio import identities
from briefgen.sources.formats.plain import SeedError
from briefgen.sources.locate import find
from briefgen.sources.seeds import Seed, read_seed, seed_path
from briefgen.text import shown
from briefgen.workspace import Workspace


@dataclass(frozen=True)
class Entry:
    """A catalogue entry as `seeds show` and `seeds update` need it."""

    index: int
    source_id: str
    file: str
    reading: str
    catalogue: Located


def find_entry(ws: Workspace, source_id: str) -> Entry:
    """The catalogue entry with this id; a located error naming the known ids when there is none."""
    _, catalogue = read_catalogue(ws)
    entries = sources_of(catalogue)
    for i, entry in enumerate(entries):
        if isinstance(entry, dict) and str(entry.get("id")) == source_id and catalogue is not None:
            reading = entry.get("reading") if entry.get("reading") in READINGS else READINGS[0]
            return Entry(i, source_id, str(entry.get("file")), str(reading), catalogue)
    known = sorted(str(e.get("id")) for e in entries if isinstance(e, dict))
    raise BriefgenError(Problem(ws.rel(ws.catalogue), f"no source with id {source_id!r}", hint=(
        f"known sources: {', '.join(known[:12])}" if known else "add documents with `briefgen seeds add FILE...`")))


def read_entry(ws: Workspace, entry: Entry) -> Seed:
    try:
        return read_seed(os.path.realpath(ws.seeds), entry.file, str(ws.cache), entry.reading,
                         model=identities(ws.model_files))
    except SeedError as exc:
        raise _at_entry(ws, entry, exc) from None


def entry_path(ws: Workspace, entry: Entry) -> Path:
    """Where the entry's document is, inside seeds/; the located error when its `file` leads out of it."""
    try:
        return Path(seed_path(os.path.realpath(ws.seeds), entry.file))
    except SeedError as exc:
        raise _at_entry(ws, entry, exc) from None


def _at_entry(ws: Workspace, entry: Entry, exc: SeedError) -> BriefgenError:
    """`exc` placed at the entry's `file` (its name shown on one line: the entry is read unvalidated)."""
    line, col = entry.catalogue.where(("sources", entry.index, "file"))
    return BriefgenError(Problem(ws.rel(ws.catalogue), f"{shown(entry.file, line_feeds=False)}: {exc}", line, col,
                                 f"sources[{entry.index}].file", exc.hint))


def show(ws: Workspace, source_id: str, grep: str | None = None) -> tuple[Seed, list[tuple[str, str]]]:
    """The seed and its paragraphs as (pinpoint, text), only those holding `grep` if given: found as a passage
    is (locate.find: normalised, "expanding" in a PDF's "expand-" "ing", run on into the next paragraph)."""
    seed = read_entry(ws, find_entry(ws, source_id))
    wanted = {n for span in find(seed, grep).spans for n in range(span.first, span.last + 1)} if grep else None
    return seed, [(seed.pinpoint(n), text) for n, text in enumerate(seed.paragraphs, start=1)
                  if wanted is None or n in wanted]
