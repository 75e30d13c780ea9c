"""`briefgen seeds add FILE...`: copy documents into seeds/ and catalogue them from what they say about themselves.

All or nothing: every file is read, extracted and checked for duplicates before the first one is copied, so a
bad file leaves seeds/ and the catalogue as they were. Documents are copied byte for byte, never edited.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from briefgen.atomic import atomic_write, remove_stale_temps
from briefgen.authoring.catalogue_text import Field, append_entries
from briefgen.authoring.likeness import CLUE_NAMES, same_clue, versions_of
from briefgen.authoring.seednames import short_id, slug, unique
from briefgen.authoring.yamltext import comment
from briefgen.errors import BriefgenError, Problem
from briefgen.locking import held
from briefgen.model.loader import model_file
from briefgen.model.yamlsrc import MAX_YAML_BYTES, Located, compose, decoded, parse
from briefgen.regen.inputs import file_digest
from briefgen.safeio import kind_of, not_utf8, os_problem, read_regular
from briefgen.sources.formats import SEED_SUFFIXES, format_of
from briefgen.sources.formats.plain import SeedError
from briefgen.sources.meta import Clues, document_clues
from briefgen.sources.seeds import read_document
from briefgen.text import shown
from briefgen.workspace import Workspace, output_dir

REQUIRED = {"title": "fill in the document's title (required)",
            "published": "fill in YYYY, YYYY-MM or YYYY-MM-DD, as precise as the document supports (required)"}
OPTIONAL = {"originator": "not found in the document: fill in who published it, or leave null if it does not say",
            "url": "not found in the document: fill in where it was published, or leave null"}
MARKING = "fill in (required): who may see it, a level of the catalogue's scheme (e.g. TLP:CLEAR … TLP:RED)"
ASKED = {"kind": "fill in (required): what it is, e.g. news article, report, press release",
         "descriptor": "fill in (required): one sentence on the source's reliability and context (ICD 206)"}


@dataclass(frozen=True)
class Known:
    """A document already in seeds/: its file name, and its catalogue entry (id and line) when it has one."""

    name: str
    source_id: str | None = None
    line: int | None = None


@dataclass
class Planned:
    given: str  # the path the user gave
    raw: bytes
    target: str  # its file name in seeds/
    copy: bool  # False when the same bytes already sit, uncatalogued, in seeds/
    source_id: str
    clues: Clues
    today: str
    same_as: tuple[str, ...] = ()  # why it looks like another source (a catalogued one or a batch mate), one line each
    marked: bool = False  # the catalogue uses markings: every source must carry one

    def fields(self) -> list[Field]:
        found = self.clues
        fields: list[Field] = [("id", self.source_id, ""), ("file", self.target, "")]
        for key in ("originator", "title", "published"):
            clue = found.get(key)
            fields.append((key, clue.value, clue.origin) if clue else (key, None, {**REQUIRED, **OPTIONAL}[key]))
        fields.append(("information_date", None, "optional: when the information itself dates from, if it says"))
        fields.append(("accessed", self.today, "the day it was added: change it if you obtained it earlier"))
        url = found.get("url")
        fields.append(("url", url.value, url.origin) if url else ("url", None, OPTIONAL["url"]))
        fields += [(key, None, note) for key, note in ASKED.items()]
        if self.marked:
            fields.append(("marking", None, MARKING))
        return fields

    def heading(self) -> str:
        lines = [f"added by `briefgen seeds add` from {comment(os.path.basename(self.given))} on {self.today}"]
        author, originator = self.clues.get("author"), self.clues.get("originator")
        if author and (not originator or author.value != originator.value):
            lines.append(f"the document names its author: {author.value}")
        if "description" in self.clues:
            lines.append(f"it describes itself: {self.clues['description'].value}")
        if "attachments" in self.clues:
            lines.append(f"its attachments are not read: {self.clues['attachments'].value}")
        return "\n".join(lines)

    def to_fill(self) -> tuple[list[str], list[str], list[str]]:
        """(fields taken from the document, fields to check, fields to fill in)."""
        fields = self.fields()
        found = [key for key, value, _ in fields if value is not None and key not in ("id", "file", "accessed")]
        check = [key for key, value, note in fields if value is not None and "check" in note]
        missing = [key for key, value, _ in fields if value is None and key != "information_date"]
        return found, check, missing


def read_catalogue(ws: Workspace) -> tuple[str, Located | None]:
    display = ws.rel(ws.catalogue)
    try:
        raw = read_regular(model_file(ws, ws.catalogue), MAX_YAML_BYTES)
    except FileNotFoundError:
        raise BriefgenError(Problem(display, "file not found", hint="run `briefgen init DIR` to start a workspace")) \
            from None
    except OSError as exc:
        raise BriefgenError(os_problem(exc, display)) from None
    text = decoded(raw, display)
    try:
        empty = compose(text) is None
    except yaml.YAMLError:
        empty = False  # parse() below reports it with its line
    return text, None if empty else parse(text, display)


def known_documents(ws: Workspace, catalogue: Located | None) -> dict[str, Known]:
    """Every document in seeds/ by content hash, with the catalogue entry naming it."""
    entries: dict[str, Known] = {}
    for i, entry in enumerate(sources_of(catalogue)):
        if isinstance(entry, dict) and isinstance(entry.get("file"), str):
            line = catalogue.where(("sources", i))[0] if catalogue else None
            entries[os.path.normpath(entry["file"])] = Known(entry["file"], str(entry.get("id")), line)
    root = os.path.realpath(ws.seeds)
    found: dict[str, Known] = {}
    for rel, known in entries.items():
        path = os.path.realpath(os.path.join(root, rel))
        if path.startswith(root + os.sep) and os.path.isfile(path) and not os.path.islink(path):
            found.setdefault(file_digest(path), known)
    with os.scandir(root) as listing:
        for item in listing:
            if (item.is_file(follow_symlinks=False) and item.name.lower().endswith(SEED_SUFFIXES)
                    and item.name not in entries and not_utf8(item.name) is None):  # such a one is copied
                found.setdefault(file_digest(item.path), Known(item.name))
    return found


@dataclass
class Batch:
    """What one `seeds add` run knows while it plans: documents, ids and file names already taken."""

    ws: Workspace
    known: dict[str, Known]
    ids: set[str]
    names: set[str]
    today: str
    catalogued: list[tuple[str, dict[str, object], int | None]]  # (id, entry, line) of each catalogued source
    marked: bool = False
    planned: list[tuple[str, str, dict[str, object]]] = field(default_factory=list)  # (file, id, clues) so far

    def mates(self, clues: Clues) -> tuple[str, ...]:
        """For each document added earlier in this run with the document's canonical URL or title: a warning."""
        found = []
        for given, source_id, theirs in self.planned:
            key = same_clue(clues, theirs)
            if key is not None:
                found.append(f"its {CLUE_NAMES[key]} is that of {given}, added with it as {source_id!r}: if the "
                             "two are one document in two formats, cite one and remove the other's entry")
        return tuple(found)

    def plan(self, given: Path) -> Planned:
        raw, text = read_new_document(self.ws, given)
        digest = hashlib.sha256(raw).hexdigest()
        same = self.known.get(digest)
        if same and same.source_id is not None:
            where = f", {self.ws.rel(self.ws.catalogue)}:{same.line}" if same.line else ""
            raise SeedError(f"the same document is already catalogued as {same.source_id!r} (seeds/{same.name}{where})",
                            "nothing to add: cite that source")
        fmt = format_of(given.name)
        clues = document_clues(fmt.kind if fmt else None, raw, text)
        base = short_id(clues["title"].value if "title" in clues else "") or short_id(given.stem) or "source"
        source_id = unique(base, self.ids)
        if same:  # the very bytes are already in seeds/, only not catalogued: catalogue that file
            target, copy = same.name, False
        else:
            target, copy = unique(slug(given.stem, 60) or source_id, self.names, given.suffix.lower()), True
        self.known[digest] = Known(target, source_id)
        warnings = versions_of(clues, self.catalogued) + self.mates(clues)
        self.planned.append((str(given), source_id, {key: clue.value for key, clue in clues.items()}))
        return Planned(str(given), raw, target, copy, source_id, clues, self.today, warnings, self.marked)


def read_new_document(ws: Workspace, given: Path) -> tuple[bytes, str]:
    """The document's bytes and its text (one paragraph a line), once it is known to be a supported, readable
    document with text."""
    if not given.is_file():
        if not given.exists():
            raise SeedError("file not found", "check the path")
        kind = kind_of(given.stat().st_mode)
        raise SeedError(f"the path is {kind}, not a regular file", "name the documents in it: briefgen seeds add "
                        f"{shown(str(given), line_feeds=False)}/*.pdf" if given.is_dir() else "check the path")
    suffix = given.suffix.lower()
    if suffix not in SEED_SUFFIXES:
        raise SeedError(f"unsupported format {suffix or '(no suffix)'!r}",
                        f"save it as one of {', '.join(SEED_SUFFIXES)} (UTF-8 text for .txt and .md)")
    raw, text, _ = read_document(str(given), str(ws.cache))  # proves its text can be read; caches it for `check`
    return raw, text


def add_seeds(ws: Workspace, files: list[Path], today: dt.date) -> list[tuple[Planned, int | None]]:
    """Copy and catalogue every file, or none of them; each planned entry with its line in sources.yaml.

    One addition at a time per workspace (output/.seeds.lock): two at once would each append to the
    catalogue it read, and the later write would drop the other's entries."""
    lock = output_dir(ws) / ".seeds.lock"
    with held(lock, ws.rel(lock), "another 'briefgen seeds add' is running"):
        return _add_locked(ws, files, today)


def _add_locked(ws: Workspace, files: list[Path], today: dt.date) -> list[tuple[Planned, int | None]]:
    remove_stale_temps(ws.seeds)  # what a killed addition left; the lock proves no addition runs now
    text, catalogue = read_catalogue(ws)
    ids = {str(e.get("id")) for e in sources_of(catalogue) if isinstance(e, dict)}
    batch = Batch(ws, known_documents(ws, catalogue), ids, {n.lower() for n in os.listdir(ws.seeds)},
                  today.isoformat(), _catalogued(catalogue), _uses_markings(catalogue))
    plans, problems = [], []
    for given in files:
        try:
            plans.append(batch.plan(given))
        except SeedError as exc:
            problems.append(Problem(str(given), str(exc), exc.line, hint=exc.hint))
    if problems:
        raise BriefgenError([*problems, Problem(ws.rel(ws.catalogue), "nothing was added", severity="warning")])
    display = ws.rel(ws.catalogue)
    updated = append_entries(text, display, [(plan.fields(), plan.heading()) for plan in plans])
    _commit(ws, plans, updated)
    located, first = parse(updated, display), len(sources_of(catalogue))
    return [(plan, located.where(("sources", first + i))[0]) for i, plan in enumerate(plans)]


def _catalogued(catalogue: Located | None) -> list[tuple[str, dict[str, object], int | None]]:
    return [(str(e.get("id")), e, catalogue.where(("sources", i))[0] if catalogue else None)
            for i, e in enumerate(sources_of(catalogue)) if isinstance(e, dict)]


def _uses_markings(catalogue: Located | None) -> bool:
    data = catalogue.data if catalogue else None
    return isinstance(data, dict) and (data.get("markings") is not None or any(
        isinstance(e, dict) and e.get("marking") is not None for e in sources_of(catalogue)))


def sources_of(catalogue: Located | None) -> list[object]:
    data = catalogue.data if catalogue else None
    sources = data.get("sources") if isinstance(data, dict) else None
    return sources if isinstance(sources, list) else []


def _commit(ws: Workspace, plans: list[Planned], catalogue: str) -> None:
    """Copy the documents, then write the catalogue; a failure removes the copies again."""
    copied: list[Path] = []
    try:
        for plan in plans:
            if plan.copy:
                target = ws.seeds / plan.target
                if target.exists():
                    raise BriefgenError(Problem(ws.rel(target), "appeared while adding; nothing was added", hint=(
                        "another program wrote into seeds/ meanwhile: run the command again")))
                copied.append(target)
                atomic_write(target, plan.raw)
        atomic_write(ws.catalogue, catalogue.encode("utf-8"))
    except OSError as exc:
        _undo(copied)
        problem = os_problem(exc, ws.rel(Path(exc.filename)) if exc.filename else ws.rel(ws.seeds))
        raise BriefgenError([problem, Problem(ws.rel(ws.catalogue), "nothing was added", severity="warning")]) \
            from None
    except BaseException:
        _undo(copied)
        raise


def _undo(copied: list[Path]) -> None:
    for path in copied:
        path.unlink(missing_ok=True)
