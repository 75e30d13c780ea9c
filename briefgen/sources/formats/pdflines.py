"""PDF text lines made into the paragraphs a reader sees: list items apart, running headers and footers gone.

Works on plain records of each line's text and position (pdfdoc.py reads them with pdfminer.six), page by page:
1. running furniture (headers, footers, page numbers: pdffurniture.py) is dropped;
2. a drop cap goes back in front of its paragraph's first line (pdfdropcaps.py), and a list marker that the
   producer drew apart from its item ("2." on its own, the item's text in another block
   on the same baseline, as LibreOffice does for a hanging indent) is put back in front of its item;
3. inside a block, a new paragraph starts where the type size changes (by a twelfth, or at all after a line
   that stops short: a heading), at a bullet or a numbered or lettered marker, and where a line ends a
   sentence (or ends in Thai, Lao, Khmer or Burmese, which mark no paragraph's end) well short of
   the right edge, or the next line is indented or further down than the block's lines follow each other
   (paragraph spacing), or, after a sentence's end, starts the next footnote (pdfnotes.next_note) or goes back
   to a list item's marker (pdfitems.leaves_item);
4. a block continues the paragraph before it when that stops mid-sentence and the block goes on in lower case
   (a page or column break, the hanging indent of a list item's second line), or when the paragraph's last
   line is full (the block's first word would not have fitted on it) and the block goes on in the same size,
   not indented, either mid-sentence (Chinese, and a capitalised word, across a page break) or at the
   distance the paragraph's lines keep (double-spaced text, whose lines pdfminer reads as blocks of one);
5. a paragraph's lines are joined with a space, but none after a word hyphenated at a line's end, nor where
   the break falls inside text written without spaces (Chinese, Japanese, Thai: "无人" + "机" is "无人机").
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import pairwise

from briefgen.sources.formats.pdfdropcaps import with_drop_caps
from briefgen.sources.formats.pdffurniture import running, without_furniture
from briefgen.sources.formats.pdfitems import leaves_item
from briefgen.sources.formats.pdfjoin import ends_drawn, join, run_on_end, spaced_end, vocabulary
from briefgen.sources.formats.pdflists import MARKER, follows
from briefgen.sources.formats.pdfnotes import NOTE_NUMBER, continued_notes, next_note
from briefgen.sources.formats.pdforder import reading_order
from briefgen.sources.formats.pdfpage import Block, Line, Page, whole_lines
from briefgen.sources.formats.pdfsides import beside_parted
from briefgen.sources.formats.plain import SPACELESS, UNPUNCTUATED

__all__ = ["Line", "Page", "join", "paragraphs"]

# What ends a sentence: Latin punctuation, a Devanagari or Bengali danda, Arabic and Urdu full stops and question
# marks, the Armenian and Ethiopic full stops.
ENDS_SENTENCE = tuple('.!?:;"”’)]\u0964\u0965\u061f\u06d4\u0589\u1362')
# A table of contents' entry: its dot leaders (or dots spaced out, middle dots, an ellipsis, a rule) and the
# page number they lead to, arabic or roman ("Introduction ........ 3", "Preface . . . . . xi").
LEADERED = re.compile(r"(?:[.·…_]\s?){4,}\s*(?:\d{1,4}|[ivxlc]{1,6}|[IVXLC]{1,6})$")
# A line of Thai, Lao, Khmer or Burmese breaks between words, written without spaces: the one that did not fit
# is some characters long (one of Chinese or Japanese, which break between any two, is one)
SPACELESS_WORD = 4
_CJK_ENDS = tuple("。．！？｡」』）】〕〉》")  # what ends a sentence, or may, in Chinese and Japanese text
# A word in quotation marks or brackets at a line's end ("will not ‘negotiate’", "the fleet (drones)"): a
# closing mark after a letter or digit ends no sentence (after a stop, `said.”`, it does).
_CLOSED_WORD = re.compile(r"[^\W_][\"”’)\]]+$")


def _ends_sentence(text: str) -> bool:
    """Whether a line's text ends a sentence: ENDS_SENTENCE, but not a word closed by a quotation mark or bracket."""
    return text.endswith(ENDS_SENTENCE) and not _CLOSED_WORD.search(text)


def _stops(text: str) -> bool:
    """Whether a paragraph's text ends a sentence, in a Latin script or in Chinese and Japanese."""
    return _ends_sentence(text) or text.endswith(_CJK_ENDS)


@dataclass(frozen=True)
class _Open:
    """The paragraph read last, which the next block may continue: where it starts, its text, its last line,
    the right edge of the measure that line was set in, and the distance its lines keep (from the line before
    its last one, else the closest lines of its size on the page follow each other; None when none do)."""

    page: int
    text: str
    end: Line
    right: float | None  # None: no measure that text fills (a table cell, a lone line)
    pitch: float | None
    ends_on: int  # the page of its last line


def paragraphs(pages: list[Page]) -> Iterator[tuple[int, str]]:
    """(page number, paragraph) in reading order; a paragraph that runs on is joined and keeps its first page."""
    pages = continued_notes(pages, _body_size(pages), ENDS_SENTENCE)
    reader = _Reader(pages)
    for number, page in enumerate(pages, start=1):
        yield from reader.page(number, page)
    yield from reader.close()


class _Reader:
    """Paragraphs read page after page: the one read last stays open for the next block to continue, and
    notes set below it in smaller type (footnotes) wait until it is done, so a paragraph that a page break
    cuts runs on over its page's footnotes."""

    def __init__(self, pages: list[Page]) -> None:
        self.furniture, self.words = running(pages), vocabulary(pages)
        self.ends = sorted(ln.x1 for page in pages for block in page.blocks for ln in block)
        self.body = _body_size(pages)
        self.last: _Open | None = None
        self.held: list[_Open] = []  # notes under the open paragraph
        self.ends_drawn = ends_drawn(pages)

    def page(self, number: int, page: Page) -> Iterator[tuple[int, str]]:
        blocks = reading_order(_attach_markers(whole_lines(beside_parted(with_drop_caps(
            without_furniture(page, self.furniture), self.words)))), page.height)
        on_page = [ln for b in blocks for ln in b]
        spacing = _spacing(on_page)
        for block in blocks:
            left, measure, filled = _measure(block, on_page, self.ends)
            for k, lines in enumerate(block_lines(block, measure)):
                pitch = lines[-2].y0 - lines[-1].y0 if len(lines) > 1 else spacing.get(round(lines[-1].size))
                ends = [spaced_end(ln, measure, self.ends_drawn) for ln in lines]
                text = join([ln.text for ln in lines], self.words, ends)
                found = _Open(number, text, lines[-1], measure if filled else None, pitch, number)
                yield from self._read(found, lines[0], k == 0, lines[0].x0 - left > 0.8 * lines[0].size)

    def _read(self, found: _Open, first: Line, starts_block: bool, indented: bool) -> Iterator[tuple[int, str]]:
        last, held = self.last, self.held[-1] if self.held else None
        if held is not None and starts_block and runs_on(held.text, found.text) \
                and abs(held.end.size - first.size) <= 0.5:  # a note's end (pdfnotes.py)
            self.held[-1] = replace(held, text=self._joined(held, found.text), end=found.end)
            return
        note = last is not None and _note_under(last, found, first, self.body)
        smaller = note and last is not None and first.size < 0.92 * last.end.size  # a footnote, never a run-on
        if last is not None and starts_block and not smaller \
                and continues(last, found.text, first, last.ends_on == found.page, indented):
            self.last = replace(found, page=last.page, text=self._joined(last, found.text))
            return
        if note:
            self.held.append(found)
            return
        yield from self.close()
        self.last = found

    def _joined(self, last: _Open, text: str) -> str:
        """`last` going on in the next block's paragraph `text` (pdfjoin.run_on_end)."""
        return join([last.text, text], self.words, [run_on_end(last.end, last.right, self.ends_drawn)])

    def close(self) -> Iterator[tuple[int, str]]:
        """The open paragraph and the notes under it, done."""
        for done in ([self.last] if self.last is not None else []) + self.held:
            yield done.page, done.text.removesuffix("\u00ad")
        self.last, self.held = None, []


def _note_under(last: _Open, found: _Open, first: Line, body: float) -> bool:
    """Whether a paragraph is a note under the open one, which a page break cuts (it stops mid-sentence on a
    full line of prose: not a heading): set below it on its page, in smaller type or further down than its
    lines follow each other (a footnote). Never text in the `body` size under a line set larger: that line is
    a heading without a stop, and the text under it is no note."""
    end = last.end
    if end.size > 1.1 * body and first.size >= 0.92 * body:
        return False
    cut = last.right is not None and last.right - end.x1 < 3 * end.size and _prose(end.text) \
        and not last.text.endswith(ENDS_SENTENCE + _CJK_ENDS)
    gap = end.y0 - first.y0
    apart = last.pitch is not None and gap > 1.5 * last.pitch
    return cut and found.page == last.ends_on and gap > 0 and (first.size < 0.92 * end.size or apart)


def _body_size(pages: list[Page]) -> float:
    """The size most of the text in the upper halves of the pages (above their footnotes) is set in."""
    sizes = Counter({0.0: 0})
    for page in pages:
        for line in (ln for block in page.blocks for ln in block if ln.y0 > page.height / 2):
            sizes[round(line.size, 1)] += len(line.text)
    return sizes.most_common(1)[0][0]


def _attach_markers(blocks: list[Block]) -> list[Block]:
    """Put each marker drawn alone back in front of the line on its baseline, to its right."""
    lines = [ln for b in blocks for ln in b]
    moved: dict[int, Line] = {}  # id of the item's line -> that line with its marker
    dropped: set[int] = set()
    for line in lines:
        found = MARKER.match(line.text)
        if not found or found.end() != len(line.text):
            continue
        beside = [o for o in lines if o is not line and o.x0 >= line.x1 - 1 and abs(o.y0 - line.y0) < 0.3 * line.size
                  and id(o) not in moved]
        if beside:
            item = min(beside, key=lambda o: o.x0)
            moved[id(item)] = replace(item, text=f"{line.text} {item.text}", x0=line.x0)
            dropped.add(id(line))
    out = [[moved.get(id(ln), ln) for ln in b if id(ln) not in dropped] for b in blocks]
    return [b for b in out if b]


def _breaks(prev: Line, line: Line, block: Block, measure: float, closest: float, above: str | None) -> bool:
    """Whether `line` starts a new paragraph inside a block; `measure`, the right edge of the text set from the
    block's left edge on the page; `closest`, the least distance between two of the block's lines; `above`,
    the list number the nearest numbered line above it starts with."""
    size, before = line.size, prev.size
    if abs(size - before) > 0.08 * max(size, before) or line.rtl != prev.rtl or LEADERED.search(prev.text) \
            or (prev.cells and line.cells):
        return True  # another size or direction; a table of contents' entry ends at its page number; a table's row
    marker = MARKER.match(line.text)
    if marker and marker.group("bullet"):
        return True
    left, right = min(ln.x0 for ln in block), max(measure, *(ln.x1 for ln in block))
    short = right - prev.x1 > max(0.2 * (right - left), 2 * size)
    if short and abs(size - before) > 0.05 * max(size, before):  # a heading a size above its text, unpunctuated
        return True
    if marker:  # "2." or "b)": a new item when the line before ended a sentence (also "。") or stopped short, or
        return _stops(prev.text) or short or follows(above, marker.group("numbered"))  # after "1."
    if not _ends_sentence(prev.text) and not UNPUNCTUATED.match(prev.text[-1]):
        return False  # mid-sentence; a script without spaces (Thai) has no mark at a paragraph's end: its layout
    # a list item's next line at its hanging indent, under its text, is no indented paragraph
    indented = line.x0 - left > 0.8 * size and prev.x0 - left < 0.4 * size and not MARKER.match(prev.text)
    spaced = prev.y0 - line.y0 > closest + 0.25 * size  # paragraph spacing above it
    return indented or short or spaced


def _ended(text: str) -> bool:
    """Whether a line may end a paragraph: it ends a sentence, or in a script that marks no sentence's end."""
    return _stops(text) or UNPUNCTUATED.match(text[-1:]) is not None


def block_lines(block: Block, measure: float = 0.0) -> Iterator[list[Line]]:
    """The lines of each paragraph of a block (`measure`: as _breaks takes it)."""
    current: list[Line] = []
    closest = min((a.y0 - b.y0 for a, b in pairwise(block) if a.y0 - b.y0 > 0.5 * b.size), default=float("inf"))
    above: str | None = None  # the list number the nearest numbered line so far starts with
    note: Line | None = None  # the nearest line so far that starts with a note's number (pdfnotes.next_note)
    item: Line | None = None  # the nearest line so far that starts with a list's marker (pdfitems.leaves_item)
    for i, line in enumerate(block):
        if current and (_breaks(block[i - 1], line, block, measure, closest, above) or (_ended(block[i - 1].text)
                        and (next_note(note, line) or leaves_item(item, block[i - 1], line)))):
            yield current
            current = []
        current.append(line)
        if marker := MARKER.match(line.text):
            above, item = marker.group("numbered") or above, line
        note = line if NOTE_NUMBER.match(line.text) else note
    if current:
        yield current


def runs_on(last: str, first: str) -> bool:
    """Whether a paragraph goes on in the next block: it stops mid-sentence and the next starts in lower case
    (and is not a list item: "a) …" after a heading starts a list)."""
    return not _ends_sentence(last) and first[:1].islower() and not MARKER.match(first)


def _measure(block: Block, lines: list[Line], ends: list[float]) -> tuple[float, float, bool]:
    """The left and right edges of the measure a block is set to: as far as the page's lines beside it
    (overlapping it from left to right: its column's, not the other columns') reach; and whether text fills
    it, two lines of the document or more (`ends`: where each ends, in order) reaching its right edge (not
    one table cell longer than the others)."""
    left, right = min(ln.x0 for ln in block), max(ln.x1 for ln in block)
    column = [ln for ln in lines if ln.x1 >= left and ln.x0 <= right and ln.rtl == block[0].rtl]
    beside = max(_next_column(block, lines, right), right)
    edge, size = max(ln.x1 for ln in column if ln.x1 <= beside), block[0].size
    filled = bisect.bisect_right(ends, edge + 0.5 * size) - bisect.bisect_left(ends, edge - 3 * size) >= 2
    return min(ln.x0 for ln in column), edge, filled


def _next_column(block: Block, lines: list[Line], right: float) -> float:
    """Where the next column right of a block starts: the third nearest start of a line right of `right` at the
    block's heights (stray labels aside); infinity when there is none. A line over or under the block that
    reaches past it runs across both columns (an abstract over two), and sets no column's measure."""
    reach = 2 * block[0].size  # a block of a line or two has fewer lines of the next column beside it
    low, high = min(ln.y0 for ln in block) - reach, max(ln.y0 + ln.size for ln in block) + reach
    starts = sorted(ln.x0 for ln in lines if ln.x0 > right and low <= ln.y0 <= high)
    return starts[2] if len(starts) > 2 else float("inf")


def _spacing(lines: list[Line]) -> dict[int, float]:
    """The distance at which lines of a type size most often follow each other on the page, one under the
    other (in reading order, at the same left edge), by size, when seen twice at least: the distance a
    paragraph's lines keep, which paragraph spacing adds to."""
    seen: dict[int, Counter[float]] = defaultdict(Counter)
    for before, after in pairwise(lines):
        distance, size = before.y0 - after.y0, round(after.size)
        if round(before.size) == size and abs(before.x0 - after.x0) < size and size * 0.9 < distance < size * 4:
            seen[size][round(distance * 2) / 2] += 1
    return {size: max(counts, key=lambda d: (counts[d], -d)) for size, counts in seen.items()
            if max(counts.values()) > 1}


def continues(last: _Open, text: str, first: Line, same_page: bool, indented: bool) -> bool:
    """Whether the next block goes on with the paragraph read last (a page or column break, a hanging indent,
    or lines set so far apart that each is a block of its own, as in double-spaced text).

    It does when the paragraph stops mid-sentence and the block starts in lower case (runs_on); or when the
    paragraph's last line is full (the block's first word would not have fitted on it), in the same type
    size, the block's first line not `indented` from its column's edge (a new paragraph's may be; but after a
    list item stopped mid-sentence, it is the item's next line, at its hanging indent) and no list item, and
    either the paragraph stops mid-sentence, in any script (a paragraph ending in Thai, Lao, Khmer or Burmese,
    which mark no sentence's end, only where the block is not below it: a page or column break), or the block's
    line, a line of prose, follows under it on the same page at the distance the paragraph's own lines keep or
    closer (no paragraph spacing between them; the page's most common distance may be that of lines taller
    than these, set with Thai). Never a block below the paragraph's last line and wholly before its start
    on the line (a table's next row, its first cell, after the row's last cell), nor after a table of contents'
    entry (LEADERED), nor after a line of table cells read apart (Line.cells: its cell's next line is in its block)."""
    end = last.end
    if end.cells or first.rtl != end.rtl or (same_page and first.y0 < end.y0 and first.x1 < end.x0) \
            or LEADERED.search(last.text):
        return False  # below and wholly before its end: a table's next row; after a table of contents' entry
    if runs_on(last.text, text):
        return True
    if not text or MARKER.match(text) or abs(first.size - end.size) > 0.2 * max(first.size, end.size) \
            or (indented and (_stops(last.text) or not MARKER.match(last.text))) or not _full(last, text, first):
        return False
    below = same_page and first.y0 < end.y0
    if below and end.y0 - first.y0 > 1.5 * (last.pitch or 2 * end.size):
        return False  # further down than its lines follow each other: a note, a caption
    if not _stops(last.text) and not (below and UNPUNCTUATED.match(last.text[-1])):
        return True  # mid-sentence; Thai, which marks no sentence's end, only across a page or column break
    return below and last.pitch is not None and end.y0 - first.y0 - last.pitch <= 0.15 * first.size \
        and _prose(first.text)


def _prose(line: str) -> bool:
    """Whether a line reads as a line of running text: four words or more, or eight characters of a script
    without spaces (not a table cell's, a heading's or a label's)."""
    return len(line.split()) >= 4 or len(SPACELESS.findall(line)) >= 8


def _full(last: _Open, text: str, first: Line) -> bool:
    """Whether the paragraph's last line was broken because the next word did not fit: a line of prose, the
    room left at its end less than that word (one character of a script without spaces), a space, and some
    slack."""
    if last.right is None or not _prose(last.end.text):
        return False
    width = (first.x1 - first.x0) / max(1, len(first.text))
    word = SPACELESS_WORD if UNPUNCTUATED.match(text[0]) else 1 if SPACELESS.match(text[0]) \
        else len(text.split(maxsplit=1)[0])
    return last.right - last.end.x1 < (word + 1.5) * width


