"""One heading policy for every writer: the outline never skips a level.

A reader who moves by headings (a screen reader, Word's navigation pane, a PDF's structure tree) expects each
heading to be at most one level below the one before it: the title (level 0), then sections (1), then their
sub-sections (2). A template may print an `<h2>` with no `<h1>` before it; rather than refuse it, every writer
shows such a heading one level below the nearest heading above it in the template's own hierarchy (an `<h2>`
straight after the title is a section heading, and so is the `<h2>` after it), so the document a writer draws is
the outline a reader navigates. The bundled templates never skip,
so their briefs are what they were.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from briefgen.document.nodes import Block, Box, Document, Heading

TITLE_LEVEL = 0


def without_skipped_levels(doc: Document) -> Document:
    """The document with each heading at most one level below the heading before it (in reading order, boxes
    included); a heading never goes deeper than the template put it, and the title stays the title."""
    levels = iter(_levels(doc.blocks))
    blocks = _relevelled(doc.blocks, levels)
    return doc if blocks == doc.blocks else replace(doc, blocks=blocks)


def top_level(doc: Document) -> int:
    """The level a structure tree's H1 stands for: the first heading's in reading order, which must be an H1
    (the title's, or a section's when the template printed no title or printed it later). A heading above
    it (a title after the sections) is an H1 too: `tree_level`."""
    return next((heading.level for heading in _headings(doc.blocks)), TITLE_LEVEL)


def tree_level(level: int, top: int) -> int:
    """The H level of a heading at `level` in a tree whose H1 is `top`: levels never skip going down
    (without_skipped_levels), so neither do these, and the first is H1."""
    return max(1, level - top + 1)


def _levels(blocks: tuple[Block, ...]) -> list[int]:
    """The level each heading should have, in reading order: one below the nearest heading before it that
    the template put at a higher level (so headings the template made siblings stay siblings)."""
    out: list[int] = []
    open_: list[tuple[int, int]] = []  # (the template's level, the level given) of the headings still open
    for heading in _headings(blocks):
        asked = max(heading.level, TITLE_LEVEL)
        while open_ and open_[-1][0] >= asked:
            open_.pop()
        level = TITLE_LEVEL if asked == TITLE_LEVEL else (open_[-1][1] if open_ else TITLE_LEVEL) + 1
        open_.append((asked, level))
        out.append(level)
    return out


def _headings(blocks: tuple[Block, ...]) -> list[Heading]:
    found: list[Heading] = []
    for block in blocks:
        if isinstance(block, Heading):
            found.append(block)
        elif isinstance(block, Box):
            found.extend(_headings(block.blocks))
    return found


def _relevelled(blocks: tuple[Block, ...], levels: Iterator[int]) -> tuple[Block, ...]:
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Heading):
            level = next(levels)
            out.append(block if level == block.level else replace(block, level=level))
        elif isinstance(block, Box):
            out.append(replace(block, blocks=_relevelled(block.blocks, levels)))
        else:
            out.append(block)
    return tuple(out)
