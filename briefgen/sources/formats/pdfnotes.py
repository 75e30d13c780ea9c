"""A footnote that a page break cuts: Word and LibreOffice go on with a long note at the foot of the next page.

The note's end there would read as a paragraph of its own, after the next page's text. Here, before the pages'
lines become paragraphs (pdflines.py), that end is moved to the foot of the page its note starts on, under
everything there, where the note held under its page's text (pdflines._Reader) takes it in as its next lines.

A note's end is moved when the last note of a page (a block set smaller than the document's text, in the
lower half of the page, the lowest such block whose last line is a full line of prose) stops mid-sentence, and
the first note at the foot of the next page, in the same size, starts in lower case.
"""

from __future__ import annotations

import re
from dataclasses import replace

from briefgen.sources.formats.pdfpage import Block, Line, Page

NOTE_SIZE = 0.92  # a note is set this much smaller than the text, or more
# A footnote's number glued to its text at a line's start, as typst sets it at the page's foot (a superscript
# glyph in its text's size, on its baseline: "2Note 3: …"); not an ordinal ("2nd").
NOTE_NUMBER = re.compile(r"(\d{1,3})(?!(?:st|nd|rd|th)\b)(?=[^\W\d_])")


def continued_notes(pages: list[Page], body: float, ends: tuple[str, ...]) -> list[Page]:
    """`pages` with the end of each note that a page break cuts moved under its start (the module's
    description); `body`, the size of the document's text; `ends`, what ends a sentence."""
    out = list(pages)
    for k in range(len(out) - 1):
        cut = _cut_note(out[k], body, ends)
        if cut is None:
            continue
        rest = _first_note(out[k + 1], body)
        if rest is None or not rest[0].text[:1].islower() or abs(rest[0].size - cut[-1].size) > 0.5:
            continue
        lowest = min(line.y0 for block in out[k].blocks for line in block)
        shift = lowest - 1.5 * cut[-1].size - rest[0].y0
        moved = [replace(line, y0=line.y0 + shift) for line in rest]
        out[k] = Page(out[k].height, [*out[k].blocks, moved])
        out[k + 1] = Page(out[k + 1].height, [block for block in out[k + 1].blocks if block is not rest])
    return out


def _notes(page: Page, body: float) -> list[Block]:
    """The page's blocks set smaller than its text, in its lower half."""
    return [block for block in page.blocks if all(line.size < NOTE_SIZE * body for line in block)
            and all(line.y0 < page.height / 2 for line in block)]


def _cut_note(page: Page, body: float, ends: tuple[str, ...]) -> Block | None:
    """The page's last note when it stops mid-sentence on a full line of prose, else None."""
    notes = [block for block in _notes(page, body) if len(block[-1].text.split()) >= 4]
    if not notes:
        return None
    note = min(notes, key=lambda block: block[-1].y0)
    right = max(line.x1 for line in note)
    full = right - note[-1].x1 < 3 * note[-1].size
    return note if full and not note[-1].text.rstrip().endswith(ends) else None


def _first_note(page: Page, body: float) -> Block | None:
    notes = _notes(page, body)
    return max(notes, key=lambda block: block[0].y0) if notes else None


def next_note(note: Line | None, line: Line) -> bool:
    """Whether `line` starts the footnote after `note`'s (the nearest line above it starting with a note's
    number, NOTE_NUMBER): its own number is the next one, at the same left edge. typst sets a note's number in
    its text's size on its baseline, so two notes of a line each, one under the other, were read as one
    paragraph ("2Note 3: … Μαΐου. 3Note 7: …"); pdflines asks this after a line that ends a sentence."""
    above = NOTE_NUMBER.match(note.text) if note is not None else None
    found = NOTE_NUMBER.match(line.text)
    return note is not None and above is not None and found is not None \
        and int(found.group(1)) == int(above.group(1)) + 1 and abs(note.x0 - line.x0) < 0.4 * line.size
