"""Whether a document being added looks like one catalogued already, or like another added with it: the same
canonical URL (as one page's links agree) or the same title (as normalised for passages)."""

from __future__ import annotations

import re

from briefgen.sources.meta import Clues
from briefgen.sources.textnorm import normalise


def _url_key(url: str) -> str:
    """A link as the same page's links agree: no scheme, "www.", fragment, trailing slash or case in the host."""
    rest = re.sub(r"^[a-z]+://(www\.)?", "", url.strip(), flags=re.IGNORECASE).split("#")[0].rstrip("/")
    host, _, path = rest.partition("/")
    return f"{host.lower()}/{path}"


CLUE_NAMES = {"url": "canonical URL", "title": "title"}


def same_clue(mine: Clues, theirs: dict[str, object]) -> str | None:
    """The clue ('url' or 'title') two documents share, as the same page's links and titles agree; None."""
    for key, same in (("url", _url_key), ("title", normalise)):
        clue, other = mine.get(key), theirs.get(key)
        if clue and isinstance(other, str) and same(clue.value) == same(other):
            return key
    return None


def versions_of(clues: Clues, catalogued: list[tuple[str, dict[str, object], int | None]]) -> tuple[str, ...]:
    """For each catalogued source whose canonical URL or title is the document's: why it looks the same."""
    found = []
    for source_id, entry, line in catalogued:
        key = same_clue(clues, entry)
        if key is not None:
            found.append(f"this may be a newer version of a catalogued source: its {CLUE_NAMES[key]} is that of "
                         f"source {source_id!r} (line {line}): `briefgen seeds update {source_id} FILE` replaces "
                         "that source's document with this newer version instead")
    return tuple(found)
