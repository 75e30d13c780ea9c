"""The catalogued seeds put on verification's shelf, each entry in catalogue order with its problem reported in
its place: read now; or, when the tie store knows its bytes, read only if a question about it is not stored;
or taken from the halves of a large check (verify/halves.py), which read it already."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefgen.errors import Problem
from briefgen.model.loader import Loaded
from briefgen.model.schema import Source
from briefgen.safeio import NOT_UTF8_SEED_HINT, Identities, identities, names_a_file, not_utf8
from briefgen.sources.formats import SEED_SUFFIXES
from briefgen.sources.formats.plain import SeedError
from briefgen.sources.seeds import Seed, read_seed
from briefgen.verify.ties import Content, TieStore, content_key, readable_key
from briefgen.workspace import Workspace

if TYPE_CHECKING:
    from briefgen.verify.verdicts import Verification


# ids that differ only in case are refused like duplicates (in the model and in the catalogue)
CASE_HINT = ("ids that differ only in case read as one id and collide as file names on Windows and macOS: "
             "rename one")


@dataclass(frozen=True)
class Folder:
    """seeds/ as one scan found it: its real path (resolved once: each seed then costs no walk of its path's
    links), its entries (name, whether a symbolic link, whether a seed file), which of them are links."""

    root: str
    entries: list[tuple[str, bool, bool]]
    links: frozenset[str]
    cache: str
    model: Identities  # the model and catalogue, never a seed
    early: dict[tuple[str, str, bool], Seed | SeedError] = field(default_factory=dict, compare=False)  # read_early

    @classmethod
    def scan(cls, ws: Workspace) -> Folder:
        root = os.path.realpath(ws.seeds)
        with os.scandir(root) as scan:
            entries = [(e.name, e.is_symlink(), e.name.lower().endswith(SEED_SUFFIXES) and names_a_file(e))
                       for e in scan]
        return cls(root, entries, frozenset(name for name, link, _ in entries if link), str(ws.cache),
                   identities(ws.model_files))

    def read(self, source: Source, digest: bool = False) -> Seed:
        """The seed of one catalogue entry (SeedError when it cannot be read); `digest`: with its bytes' hash.
        A seed read early for this very read is taken (once) rather than read again."""
        early = self.early.pop((source.file, source.reading, digest), None)
        if isinstance(early, SeedError):
            raise early
        if early is not None:
            return early
        return read_seed(self.root, source.file, self.cache, source.reading, self.links, digest, self.model)

    def read_early(self, source: Source, digest: bool = False) -> None:
        """Read an entry's seed now, for the read() of it to come (its SeedError, if any, is raised then)."""
        try:
            seed: Seed | SeedError = self.read(source, digest)
        except SeedError as exc:
            seed = exc
        self.early[source.file, source.reading, digest] = seed

    def stamped(self, source: Source, digests: Mapping[str, str]) -> Content | None:
        """The content key of an entry's seed as its stamp's hash gives it (None for a link: the check decides
        about links afresh, or a file without a stamp)."""
        name = os.path.normpath(source.file)
        digest = digests.get(name) if name not in self.links else None
        return content_key(digest, name, source.reading) if digest else None


def known_before(store: TieStore | None, content: Content | None) -> bool:
    """Whether an earlier check read these very bytes (`content`, as the stamp gives it) without trouble."""
    return store is not None and content is not None and bool(store.flag(readable_key(content)))


def read_seeds(loaded: Loaded, result: Verification, folder: Folder, stamped: list[Content | None]) -> None:
    """Shelve every catalogue entry; `stamped`: each entry's content key as its stamp gives it (Folder.stamped)."""
    seen_ids: dict[str, int] = {}  # each id folded to one case: the index of the entry that has it first
    seen_files: dict[str, int] = {}  # the same for each seed's path
    src, problems, hashed = loaded.catalogue_src, result.problems, result.store is not None
    for i, source in enumerate(loaded.catalogue.sources):
        if (first := seen_ids.setdefault(source.id.casefold(), i)) != i:
            problems.append(_duplicate_id(loaded, first, i))
        if (first := seen_files.setdefault(os.path.normpath(source.file).casefold(), i)) != i:
            problems.append(_duplicate_file(loaded, first, i))

        def read(i: int = i, source: Source = source) -> Seed | None:
            try:
                return folder.read(source, hashed)
            except SeedError as exc:
                problems.append(src.problem(("sources", i, "file"), f"{source.file}: {exc}", exc.hint))
                return None

        if not _answered(result, i, source, read):
            _shelve(result, source, read, stamped[i])
    catalogued = {os.path.normpath(s.file) for s in loaded.catalogue.sources}
    for name in sorted(name for name, _, seed_file in folder.entries if seed_file and name not in catalogued):
        problems.append(_uncatalogued(name))


def _duplicate_id(loaded: Loaded, first: int, i: int) -> Problem:
    src, sources = loaded.catalogue_src, loaded.catalogue.sources
    line, _ = src.where(("sources", first, "id"))
    source_id, other = sources[i].id, sources[first].id
    if source_id == other:
        return src.problem(("sources", i, "id"), f"duplicate source id {source_id!r} (first used on line {line})",
                           "give each source its own id")
    return src.problem(("sources", i, "id"), f"source id {source_id!r} differs only in case from {other!r} "
                       f"(line {line})", CASE_HINT)


def _duplicate_file(loaded: Loaded, first: int, i: int) -> Problem:
    """Two entries for one document would count its originator twice (corroboration is counted by source)."""
    src, sources = loaded.catalogue_src, loaded.catalogue.sources
    line, _ = src.where(("sources", first, "file"))
    name, other = sources[i].file, sources[first].file
    if os.path.normpath(name) == os.path.normpath(other):
        return src.problem(("sources", i, "file"), f"{name}: the document is catalogued twice (also as "
                           f"{sources[first].id!r}, line {line})", "catalogue each document once, and cite that "
                           "entry: two entries would count one document as two sources")
    return src.problem(("sources", i, "file"), f"{name}: the name differs only in case from {other!r} "
                       f"({sources[first].id!r}, line {line})", "rename one of the files (and its `file`): on Windows "
                       "and macOS the two names are one file")


def _uncatalogued(name: str) -> Problem:
    """The warning for a seed file no entry names; for a name that is not UTF-8 (no entry can name it), that
    briefgen ignores the file, the name shown with its bytes escaped."""
    escaped = not_utf8(name)
    if escaped is not None:
        return Problem(f"seeds/{escaped}", "the file name is not UTF-8, so briefgen ignores the file",
                       hint=NOT_UTF8_SEED_HINT, severity="warning")
    return Problem(f"seeds/{name}", "seed file is not catalogued", hint=(
        f"add an entry with `file: {name}` to seeds/sources.yaml"), severity="warning")


def _answered(result: Verification, i: int, source: Source, read: Callable[[], Seed | None]) -> bool:
    """Shelve catalogue entry `i` as the halves read it (and tell the store, when there is one, that its bytes
    read without trouble); False when neither half read it: it is read now, and its problem reported."""
    answers, shelf = result.answers, result.seeds
    if answers is None:
        return False
    if (seed := answers.seeds.get(i)) is not None:
        shelf.put(source.id, seed)
        digest = seed.digest
    elif (named := answers.named.get(i)) is not None:
        display, digest = named
        shelf.put_later(source.id, display, read)  # read here only if a question about it was not answered
    else:
        return False
    if result.store is not None:  # with a store, both halves read with the bytes' hash
        shelf.contents[source.id] = content_key(digest, os.path.normpath(source.file), source.reading)
        result.store.put_flag(readable_key(shelf.contents[source.id]), True)
    return True


def _shelve(result: Verification, source: Source, read: Callable[[], Seed | None], content: Content | None) -> None:
    """Read the seed now; or, when a check read these very bytes without trouble before (`content`, from the
    hash its stamp gives), only when a question about it is not in the store."""
    shelf, store, name = result.seeds, result.store, os.path.normpath(source.file)
    if content is not None and known_before(store, content):
        shelf.put_later(source.id, "seeds/" + name, read)
        shelf.contents[source.id] = content
        return
    seed = read()
    if seed is None:
        return
    shelf.put(source.id, seed)
    if store is not None:
        shelf.contents[source.id] = content_key(seed.digest, name, source.reading)
        store.put_flag(readable_key(shelf.contents[source.id]), True)
