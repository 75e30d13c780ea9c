"""Seed documents: read safely, split into numbered paragraphs, normalised once for matching.

A .txt seed (or any unrecognised name) is UTF-8 text whose paragraphs are its non-blank lines. Markdown, HTML,
PDF and DOCX seeds go through their extractor (briefgen/sources/formats/), which yields the same: one paragraph
a line."""

from __future__ import annotations

import bisect
import hashlib
import os
import re
import unicodedata
from collections.abc import Container
from dataclasses import dataclass, field
from functools import cached_property

from briefgen.model.disguise import named
from briefgen.model.readings import READINGS
from briefgen.safeio import (
    LINK_HINT,
    FileKindError,
    FileTooLarge,
    Identities,
    first_link,
    inside,
    near_name,
    os_problem,
    read_regular,
    seen_name,
)
from briefgen.sources.formats import extract, format_of
from briefgen.sources.formats.plain import SeedError, decode_text
from briefgen.sources.marks import folded, tight, unhyphenated, unmarked, unquoted
from briefgen.sources.textnorm import normalise
from briefgen.text import shown
from briefgen.workspace import SEED_DEPTH

MAX_SEED_BYTES = 5 * 1024 * 1024


_BREAK = re.compile("[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")  # every line break str.splitlines knows
# The line breaks but "\n", each tested with `in` (a regular expression's character class with characters
# beyond Latin-1 is searched character by character: 30 us for a 5 KB seed, a third of a second at 10,000).
_OTHER_BREAKS = "\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"


@dataclass(frozen=True)
class Seed:
    """One seed document. Paragraph n (1-based) is the n-th non-blank line of `text`.

    `pages` (PDF seeds only) holds the page of each paragraph, so a citation can say "p. 2, ¶3"."""

    path: str
    display: str  # as messages and citations show it: seeds/<file>
    text: str = field(repr=False)
    pages: tuple[int, ...] | None = field(default=None, repr=False)
    digest: str = field(default="", repr=False, compare=False)  # sha256 of the bytes read, when asked for

    def place(self, number: int) -> tuple[int | None, int]:
        """Paragraph `number` as (page, paragraph on that page) for a PDF seed, else (None, number)."""
        if self.pages is None:
            return None, number
        page = self.pages[number - 1]
        return page, number - bisect.bisect_left(self.pages, page)

    def pinpoint(self, number: int) -> str:
        """Where paragraph `number` is, as a citation prints it: "¶7", or "p. 2, ¶3" in a PDF."""
        return pinpoint(*self.place(number))

    def pinpoint_span(self, first: int, last: int) -> str:
        """Paragraphs `first` to `last`: "¶3–4", "p. 2, ¶3–4", or "p. 2, ¶5 – p. 3, ¶1" across a page break."""
        if last == first:
            return self.pinpoint(first)
        (page, nth), (end_page, end_nth) = self.place(first), self.place(last)
        if page == end_page:
            return f"{pinpoint(page, nth)}–{end_nth}"
        return f"{pinpoint(page, nth)} – {pinpoint(end_page, end_nth)}"

    @cached_property
    def paragraphs(self) -> tuple[str, ...]:
        """Split only when needed (a miss, a quote check): 10,000 seeds verify without holding two copies."""
        return tuple(stripped for line in self.text.splitlines() if (stripped := line.strip()))

    @cached_property
    def index(self) -> tuple[str, list[int]]:
        """The normalised paragraphs joined by newlines, and where each one starts."""
        starts, parts, pos = [], [], 0
        for para in self.paragraphs:
            norm = normalise(para)
            starts.append(pos)
            parts.append(norm)
            pos += len(norm) + 1
        return "\n".join(parts), starts

    def locate(self, passage: str) -> int | None:
        """The number of the paragraph holding `passage` (after normalisation), or None.

        Normalised text has no newlines, so a match can never straddle two paragraphs. A passage copied
        exactly is found in the raw text first, without normalising the seed at all."""
        at = self.text.find(passage) if _typed_whole(passage) else -1
        if at >= 0:
            return self.paragraph_at(at)
        return self.locate_normalised(passage)

    def in_text(self, passage: str) -> list[int]:
        """Every paragraph holding `passage` exactly as the raw text has it, each once, in order (what `locate`
        finds first, and every later place); empty when the raw text does not hold it, or `passage` cannot be
        found there (a line break in it, white space at either end: it is looked for normalised)."""
        if not _typed_whole(passage):
            return []
        text, found = self.text, list[int]()
        at = text.find(passage)
        while at >= 0:
            number = self.paragraph_at(at)
            if not found or number != found[-1]:
                found.append(number)
            at = text.find(passage, at + 1)
        return found

    def locate_normalised(self, passage: str) -> int | None:
        """`locate` in the normalised paragraphs alone (for a passage the raw text does not hold)."""
        joined, starts = self.index
        needle = normalise(passage)
        at = joined.find(needle) if needle else -1
        return bisect.bisect_right(starts, at) if at >= 0 else None

    @cached_property
    def _raw_starts(self) -> list[int]:
        """Where each paragraph starts in the raw text, split exactly as `paragraphs` splits it."""
        text = self.text
        starts: list[int] = []
        if not any(c in text for c in _OTHER_BREAKS):  # lines end at "\n" only: found with str.find, in C
            pos, end = 0, len(text)
            while pos < end:
                stop = text.find("\n", pos)
                stop = end if stop < 0 else stop
                if stop > pos and not text[pos:stop].isspace():
                    starts.append(pos)
                pos = stop + 1
            return starts
        pos = 0
        for line in text.splitlines(keepends=True):
            if not line.isspace():
                starts.append(pos)
            pos += len(line)
        return starts

    @cached_property
    def as_typed(self) -> Seed:
        """This seed as a passage typed from the page reads (marks.py): superscripts and subscripts as plain
        characters, words a line's end hyphenated whole, no space inside quotation marks nor before : ; ? !;
        itself when that changes nothing."""
        text = tight(unhyphenated(folded(self.text)))
        return self if text == self.text else Seed(self.path, self.display, text, self.pages, self.digest)

    @cached_property
    def unmarked(self) -> Seed | None:
        """`as_typed` without the note numbers glued to its words (marks.py); None if it has none."""
        text = unmarked(self.as_typed.text)
        return None if text == self.as_typed.text else Seed(self.path, self.display, text, self.pages, self.digest)

    @cached_property
    def unquoted(self) -> Seed | None:
        """`unmarked` (or `as_typed`) without quotation marks (marks.py); None if it has none."""
        typed = self.unmarked or self.as_typed
        text = unquoted(typed.text)
        return None if text == typed.text else Seed(self.path, self.display, text, self.pages, self.digest)

    def paragraph_at(self, offset: int) -> int:
        """Paragraph number of a character offset in the raw text."""
        return bisect.bisect_right(self._raw_starts, offset)

    def normalised(self, number: int) -> str:
        """Paragraph `number`, normalised: from the index when it is built, else that paragraph alone (a quote
        check needs one paragraph of a seed whose passages were all found in its raw text)."""
        if "index" not in self.__dict__:
            return normalise(self.paragraphs[number - 1])
        joined, starts = self.index
        end = starts[number] - 1 if number < len(starts) else len(joined)
        return joined[starts[number - 1]:end]


def _typed_whole(passage: str) -> bool:
    """Whether `passage` may be looked for in a seed's raw text: no line break in it, no white space at its ends."""
    return not _BREAK.search(passage) and passage.strip() == passage


def pinpoint(page: int | None, nth: int) -> str:
    """A paragraph's place as footnotes, reports and suggestions print it: "¶7", or "p. 2, ¶3" on a PDF page."""
    return f"¶{nth}" if page is None else f"p. {page}, ¶{nth}"


def read_seed(seeds_root: str, file: str, cache: str | None = None, reading: str = READINGS[0],
              links: Container[str] | None = None, digest: bool = False, model: Identities = frozenset()) -> Seed:
    """Read one seed, refusing anything that is not a small, readable document inside seeds/.

    `seeds_root` is the real path of seeds/; plain string paths keep 10,000 seeds cheap. `cache` (output/.cache)
    keeps what slow extractors (PDF, DOCX) found, keyed by the document's content hash; `reading` is the
    catalogue's way to read an HTML page (its article, or all its blocks). `links`, the names of the entries of
    seeds/ that one scan found to be symbolic links, spares a file directly in seeds/ that is not one the
    resolution of its path: it is opened without following a link, so a link put in its place since is refused.
    `digest` keeps the sha256 of the very bytes read (what a verdict about this text may be keyed by). `model`:
    the identities of the workspace's model and catalogue (Workspace.model_files), which are never a seed: every
    passage would be found in the model that quotes it."""
    candidate = seed_path(seeds_root, file, links)
    name = candidate[len(seeds_root) + 1:]
    plain = links is not None and os.sep not in name and name not in links
    raw, text, pages = read_document(candidate, cache, reading, follow=not plain, refused=model)
    return Seed(candidate, "seeds/" + name, text, pages, hashlib.sha256(raw).hexdigest() if digest else "")


def seed_path(seeds_root: str, file: str, links: Container[str] | None = None) -> str:
    """The path of the catalogue's `file` inside seeds/ (`seeds_root`, real), or a SeedError when it leaves the
    folder, by '..', as an absolute path or through a symbolic link (`links` as for read_seed). The one test of
    containment for every command that reads, or replaces, a catalogued seed."""
    if "\0" in file:  # the catalogue's schema refuses it; `seeds show` and `seeds update` read entries unvalidated
        raise SeedError("the file name holds a NUL character", "write the name as the file has it")
    candidate = os.path.normpath(os.path.join(seeds_root, file))
    if not candidate.startswith(seeds_root + os.sep):
        raise SeedError("the seed path leaves the seeds/ folder", "seed files must live inside seeds/")
    name = candidate[len(seeds_root) + 1:]
    plain = links is not None and os.sep not in name and name not in links
    if not plain and not inside(seeds_root, candidate):
        link = first_link(seeds_root, candidate)[len(seeds_root) + 1:]
        raise SeedError(f"seeds/{link} is a symbolic link that leaves the seeds/ folder",
                        "seed files must live inside seeds/: " + LINK_HINT)
    _noticed(name)
    if not plain and (real := os.path.realpath(candidate)) != candidate:  # through a link: where it really is
        _noticed(real[len(seeds_root) + 1:])
    return candidate


def _noticed(name: str) -> None:
    """Refuse a seed whose change no command would notice (`build --if-changed`, `status`, the stored check,
    `watch`): one deeper in seeds/ than they look (workspace.SEED_DEPTH), or hidden (a name starting with '.',
    which they pass over, as editors' and systems' own files are)."""
    parts = name.split(os.sep)
    if len(parts) > SEED_DEPTH + 1:
        raise SeedError(f"the seed is {len(parts) - 1} folders deep in seeds/, deeper than briefgen looks for "
                        f"changes ({SEED_DEPTH}): a brief built from it would not be rebuilt when it changes",
                        f"move it at most {SEED_DEPTH} folders down in seeds/, and point `file` at it there")
    if any(part.startswith(".") for part in parts):
        raise SeedError("the seed's path has a hidden name (starting with '.'), which briefgen passes over when it "
                        "looks for changes: a brief built from it would not be rebuilt when it changes",
                        "rename the file (or folder) without the leading '.', and point `file` at it")


def read_document(path: str, cache: str | None = None, reading: str = READINGS[0], follow: bool = True,
                  refused: Identities = frozenset()) -> tuple[bytes, str, tuple[int, ...] | None]:
    """A document's bytes, its text (one paragraph a line) and, for a PDF, each paragraph's page: plain text
    decoded, other formats extracted; a SeedError when it is too large, cannot be read or is `refused`."""
    fmt = format_of(path)
    raw = read_limited(path, fmt.max_bytes if fmt else MAX_SEED_BYTES, follow, refused)
    if not raw and fmt is not None:  # an empty text file is a text file with no text (below)
        raise SeedError("the file is empty (0 bytes)", "copy the document into seeds/ again: a download or copy may "
                        "not have finished")
    if fmt is None:
        text = decode_text(raw)
        if not text or text.isspace():  # as `not text.strip()`, without a copy of the text
            raise SeedError("the text file has no text (it is empty or blank)",
                            "check that the file holds the document's text")
        return raw, text, None
    found = extract(fmt, raw, cache, reading)
    return raw, "\n".join(found.paragraphs), found.pages


def _missing_hint(path: str) -> str:
    """What to do about a seed not found: the name of the file its folder does hold, when the two differ only in
    case, in the encoding of accents (a name typed in the catalogue, the file copied from a Mac), or in
    characters no one sees (a zero-width space pasted with the name, a space at its end)."""
    near = near_name(path)
    if near is None:
        return "check the `file` name, or copy the document into seeds/"
    name = os.path.basename(path)
    theirs, ours = _unseen(name), _unseen(near)
    unseen = [c for c in dict.fromkeys(theirs + ours) if theirs.count(c) != ours.count(c)]
    ways = [way for way, differs in (
        ("in case", seen_name(near) != seen_name(name)),
        ("in how its accented letters are encoded (Unicode NFC against NFD: it looks the same)",
         _visible(near).casefold() != _visible(name).casefold()),
        (f"in characters no one sees ({named(unseen)})", bool(unseen))) if differs]
    return (f"the folder holds '{shown(near, line_feeds=False)}', which differs from this name only "
            f"{' and '.join(ways)}: write `file` exactly as the folder has it, or rename the file")


def _unseen(name: str) -> list[str]:
    """The characters of `name` no one sees: format characters anywhere, white space at its ends."""
    ends = name[:len(name) - len(name.lstrip())] + name[len(name.rstrip()):]
    return [c for c in name.strip() if unicodedata.category(c) == "Cf"] + list(ends)


def _visible(name: str) -> str:
    return "".join(c for c in name if unicodedata.category(c) != "Cf").strip()


def read_limited(path: str, limit: int, follow: bool = True, refused: Identities = frozenset()) -> bytes:
    """The bytes of a regular file of at most `limit` bytes (a symbolic link refused unless `follow`)."""
    try:
        return read_regular(path, limit, follow=follow, refused=refused)
    except FileTooLarge:
        raise SeedError(f"seed is larger than {limit // 1048576} MB", "split or trim the document") from None
    except FileKindError as exc:
        raise SeedError(f"seed path {exc.strerror}",
                        "point `file` at a document inside seeds/") from None
    except FileNotFoundError:
        raise SeedError("seed file not found", _missing_hint(path)) from None
    except OSError as exc:
        problem = os_problem(exc)
        raise SeedError(f"cannot read the seed: {problem.message}", problem.hint) from None


