"""A brief's text in reading order, two ways: what the document model says a reader should hear, and what the
PDF's structure tree gives a reader (Poppler's `pdfinfo -struct-text`, which prints the text of each structure
element in tree order). A screen reader follows the tree, so the two must agree.

The model's order: blocks in order (the banner, printed as a running artifact, left out); each paragraph-like
run (a heading, paragraph, list item after its bullet, table cell, quote or attribution, chart caption) followed
by the notes it cites first, each as its number and text; a re-citation shows its number only; a box's title
before its blocks; a table's column titles, then its cells row by row. A chart's own drawing is a Figure, read
through its alt text (which `tests/pdfua.py` checks), so the text drawn inside Figure elements is left out of
the tree's side.

`difference` compares with all whitespace removed and case folded (house styles may print headings in capitals):
the order and every character. `word_difference` also holds the word breaks to the model's: a line break must
not glue two words in the tree's text (Poppler joins a marked-content sequence's lines as the PDF's text has
them; ISO 32000-1 14.8.2.5 is about identifying word breaks in Tagged PDF).
"""

from __future__ import annotations

import difflib
import re
import subprocess
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from briefgen.document.nodes import (
    Banner,
    Block,
    Box,
    BulletList,
    Chart,
    Document,
    Heading,
    Inlines,
    Link,
    NoteRef,
    Paragraph,
    Quote,
    Span,
    Table,
)
from briefgen.document.notes import ascending, numbers
from briefgen.text import safe_text

_CONTENT = re.compile(r'^(\s*)"(.*)"\s*$')
_ELEMENT = re.compile(r"^(\s*)([A-Za-z][\w.-]*)")
BULLET = "•"  # the label the PDF writer prints before each list item, read as the item's Lbl


class _Reader:
    """Walks a document in reading order, numbering notes as every writer does."""

    def __init__(self, doc: Document) -> None:
        self.numbers = numbers(doc)
        self.read: set[str] = set()

    def run(self, inlines: Inlines) -> Iterator[str]:
        """A paragraph-like run's text, then the text of each note it cites first."""
        text, new = [], []
        for index, item in enumerate(inlines):
            if isinstance(item, Span | Link):
                text.append(item.label if isinstance(item, Link) else item.text)
                continue
            if not isinstance(item, NoteRef):
                continue
            if index and isinstance(inlines[index - 1], NoteRef):
                text.append(",")
            text.append(str(self.numbers[item.note.key]))
            if item.note.key not in self.read:
                self.read.add(item.note.key)
                new.append(item.note)
        yield "".join(text)
        for note in new:
            yield f"{self.numbers[note.key]} " + "".join(
                i.label if isinstance(i, Link) else i.text for i in note.content if isinstance(i, Span | Link))

    def block(self, block: Block) -> Iterator[str]:
        if isinstance(block, Banner):
            return
        if isinstance(block, Heading | Paragraph):
            yield from self.run(block.content)
        elif isinstance(block, Box):
            yield block.title
            for inner in block.blocks:
                yield from self.block(inner)
        elif isinstance(block, BulletList):
            for item in block.items:
                texts = list(self.run(item))
                if squash(texts):  # an item with nothing to print draws no bullet either
                    yield BULLET
                yield from texts
        elif isinstance(block, Table):
            yield from (column.title for column in block.columns)
            for row in block.rows:
                for cell in row:
                    yield from self.run(cell)
        elif isinstance(block, Quote):
            yield from self.run(block.content)
            yield from self.run(block.attribution)
        elif isinstance(block, Chart):
            yield from self.run(block.caption)


def model_text(doc: Document) -> list[str]:
    """The document's text in reading order, one string per paragraph-like run or note."""
    doc = ascending(doc)  # the writers' numbering policy
    reader = _Reader(doc)
    return [safe_text(text) for block in doc.blocks for text in reader.block(block) if text]  # as the writers print it


def struct_text(pdfinfo: str, path: Path) -> list[str]:
    """The text of the PDF's structure elements in tree order, by `pdfinfo -struct-text`; the text drawn
    inside Figure elements left out."""
    out = subprocess.run([pdfinfo, "-struct-text", str(path)], capture_output=True, text=True, check=True).stdout
    return tree_text(out)


def tree_text(listing: str) -> list[str]:
    found: list[str] = []
    figure: int | None = None  # the indent of the Figure being skipped
    for line in listing.splitlines():
        indent = len(line) - len(line.lstrip())
        if figure is not None and indent > figure:
            continue
        figure = None
        content = _CONTENT.match(line)
        if content:
            found.append(content.group(2))
            continue
        element = _ELEMENT.match(line)
        if element and element.group(2) == "Figure":
            figure = indent
    return found


def squash(texts: list[str]) -> str:
    """The texts run together without white space and invisible format characters (soft hyphens, zero-width
    spaces and joiners: drawn as nothing unless a line breaks at them), case folded."""
    joined = "".join(c for c in "".join(texts) if unicodedata.category(c) != "Cf")
    return re.sub(r"\s+", "", joined).casefold()


POPPLER_UNKNOWN = "\ufffd"  # what pdfinfo -struct-text prints for a character newer than its tables (ঀ U+0980)


def difference(expected: list[str], actual: list[str]) -> str | None:
    """None when both read the same; otherwise where they part, with some context on each side."""
    want, got = squash(expected), squash(actual)
    if len(want) == len(got) and all(a == b or b == POPPLER_UNKNOWN for a, b in zip(want, got, strict=True)):
        return None
    at = next((i for i, (a, b) in enumerate(zip(want, got, strict=False)) if a != b and b != POPPLER_UNKNOWN),
              min(len(want), len(got)))
    return (f"reading order differs at character {at} of {len(want)}:\n"
            f"  model: ...{want[max(0, at - 60):at + 60]}...\n  tree:  ...{got[max(0, at - 60):at + 60]}...")


def word_difference(expected: list[str], actual: list[str]) -> list[str]:
    """The stretches of words the tree reads otherwise than the model (case folded, any whitespace one break),
    each as "'model words' read as 'tree words'"; empty when every word break agrees."""
    want = " ".join(expected).casefold().split()
    got = " ".join(actual).casefold().split()
    matcher = difflib.SequenceMatcher(None, want, got, autojunk=False)
    return [f"{' '.join(want[a:b])!r} read as {' '.join(got[c:d])!r}"
            for tag, a, b, c, d in matcher.get_opcodes() if tag != "equal"]
