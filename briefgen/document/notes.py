"""One footnote numbering policy for every writer.

A note is numbered where its key is first cited, in reading order (1, 2, 3, ...), and a later citation of the
same key refers back to that number rather than making a new note: the n-th note has the same text in every
format, and "see note 12" means the same note in the DOCX and the PDF. Marks cited together (a cluster of
adjacent references) are printed in ascending order, whether they are new notes or references back.
"""

from __future__ import annotations

from dataclasses import replace

from briefgen.document.nodes import (
    Block,
    Box,
    BulletList,
    Chart,
    Document,
    Heading,
    Inline,
    Inlines,
    NoteRef,
    Paragraph,
    Quote,
    Table,
)


def numbers(doc: Document) -> dict[str, int]:
    """Note key -> its number: the order of first citation."""
    found: dict[str, int] = {}
    for note in doc.notes():
        found.setdefault(note.key, len(found) + 1)
    return found


def ascending(doc: Document) -> Document:
    """The document with every cluster of adjacent note references sorted by note number. Sorting cannot
    change the numbers: the new notes of a cluster keep their order and follow every earlier one."""
    order = numbers(doc)
    if not order:
        return doc
    return replace(doc, blocks=tuple(_block(block, order) for block in doc.blocks))


def _block(block: Block, order: dict[str, int]) -> Block:
    if isinstance(block, Heading | Paragraph):
        return replace(block, content=_sorted(block.content, order))
    if isinstance(block, Chart):
        return replace(block, caption=_sorted(block.caption, order))
    if isinstance(block, Quote):
        return replace(block, content=_sorted(block.content, order), attribution=_sorted(block.attribution, order))
    if isinstance(block, BulletList):
        return replace(block, items=tuple(_sorted(item, order) for item in block.items))
    if isinstance(block, Table):
        return replace(block, rows=tuple(tuple(_sorted(cell, order) for cell in row) for row in block.rows))
    if isinstance(block, Box):
        return replace(block, blocks=tuple(_block(inner, order) for inner in block.blocks))
    return block


def _sorted(inlines: Inlines, order: dict[str, int]) -> Inlines:
    out: list[Inline] = []
    cluster: list[NoteRef] = []
    for item in (*inlines, None):
        if isinstance(item, NoteRef):
            cluster.append(item)
            continue
        ordered: list[NoteRef] = sorted(cluster, key=lambda ref: order[ref.note.key])
        out.extend(ordered)
        cluster = []
        if item is not None:
            out.append(item)
    return tuple(out)
