"""How many tags briefgen parses: reading HTML costs 25-50 µs a tag (the styles each element is given), so the
tags of one page are bounded, and so are those of all the pages one seed is made of together (an EPUB's
chapters, an e-mail's HTML bodies and forwarded messages, a DOCX's imported HTML chunks): each within the
page's bound, ten chapters of 380,000 tags took 72 s. Each page's tags are counted before it is parsed."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from briefgen.sources.formats.plain import SeedError

# a long article has some thousands of tags, a very long report page some tens of thousands
MAX_TAGS = 400_000
# a long book has some hundreds of thousands, in all its chapters
MAX_SEED_TAGS = 1_000_000


class TooManyTags(SeedError):
    """A page, or a seed's pages together, holding more tags than briefgen parses: the seed is refused, also
    where a damaged part of it would be read as nothing (a DOCX's HTML chunk)."""


_LEFT: ContextVar[list[int] | None] = ContextVar("tags_left", default=None)


@contextmanager
def one_seed() -> Iterator[None]:
    """Count the tags of the pages read within as one seed's (within another such count, as part of it)."""
    if _LEFT.get() is not None:
        yield
        return
    token = _LEFT.set([MAX_SEED_TAGS])
    try:
        yield
    finally:
        _LEFT.reset(token)


def spend(text: str) -> None:
    """Count a page's tags before it is parsed: refused past MAX_TAGS, or past MAX_SEED_TAGS with the pages of
    its seed read before it."""
    tags = text.count("<")  # at least as many "<" as tags
    if tags > MAX_TAGS:
        raise TooManyTags(f"the page has about {tags:,} tags, more than the {MAX_TAGS:,} briefgen reads in one page "
                        "(a long article has some thousands)",
                        "save the part of the page that matters, or its text as .txt")
    left = _LEFT.get()
    if left is None:
        return
    left[0] -= tags
    if left[0] < 0:
        raise too_many()


def too_many() -> TooManyTags:
    """The refusal of a seed whose pages hold more than MAX_SEED_TAGS tags together."""
    return TooManyTags(f"the document's pages have more than {MAX_SEED_TAGS:,} tags in all, more than briefgen reads "
                     "in one seed (a long book has some hundreds of thousands)",
                     "split it into several seeds, or save the part that matters as .txt")
