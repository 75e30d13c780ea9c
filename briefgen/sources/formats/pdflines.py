"""PDF text lines made into the paragraphs a reader sees: list items apart, running headers and footers gone.

Works on plain records of each line's text and position (pdfdoc.py reads them with pdfminer.six), page by page:
1. running furniture is dropped: a line in the top or bottom eighth of the page that recurs there on other
   pages, word for word, or as a page number does (at the same height on each page, its number counting with
   the pages and written as a page number: "Page 3 of 9", "Report · 3"), or that is only a page number there;
   a line whose numbers change otherwise ("Week 1: 400 drones", "Week 2: 900 drones") or only happen to count
   with the pages ("Week 3" heading page 3, "Week 4" page 4) is the document's text and stays;
2. a list marker that the producer drew apart from its item ("2." on its own, the item's text in another block
   on the same baseline, as LibreOffice does for a hanging indent) is put back in front of its item;
3. inside a block, a new paragraph starts where the type size changes, at a bullet or a numbered or lettered
   marker, and where a line ends a sentence well short of the right edge or the next line is indented;
4. a block that goes on mid-sentence in lower case continues the paragraph before it (a page or column break,
   or the hanging indent of a list item's second line);
5. a paragraph's lines are joined with a space, but none after a word hyphenated at a line's end, nor where
   the break falls inside text written without spaces (Chinese, Japanese, Thai: "无人" + "机" is "无人机").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import pairwise

from briefgen.document.nodes import one_line

ENDS_SENTENCE = tuple('.!?:;"”’)]')
# Bullets as PDFs draw them, including the Symbol and Wingdings private-use code points Word's lists use and
# an unmapped glyph code (a symbol font whose codes pdffonts.py cannot read); ZapfDingbats' ● ■ ✔ ➢ are read.
_UNREADABLE_BULLET = re.compile(r"^(?:[\uf0a7\uf0b7\uf076\uf0d8\uf0fc]|\(cid:\d+\))(?=\s)")
_BULLET = r"[•●▪◦‣■□►✓✔➢❖–-]"
_NUMBERED = r"\(?(?:\d{1,3}|[a-z]|[ivx]{1,5})[.)]|[A-Z]\)"
MARKER = re.compile(rf"^(?:(?P<bullet>{_BULLET})|(?P<numbered>{_NUMBERED}))(?=\s|$)")
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?#(?:\s*(?:of|/)\s*#)?$|^[-–—]\s*#\s*[-–—]$", re.IGNORECASE)
_NUMBER = re.compile(r"\d+")
# CJK punctuation: ideographic comma and full stop, corner brackets, the fullwidth and vertical forms of marks.
_MARKS = "\u3001-\u303f\ufe10-\ufe1f\ufe30-\ufe4f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
_CJK_MARK = re.compile(f"[{_MARKS}]")
# Scripts whose words are not spaced: Han (with radicals, strokes and ideographs of every extension), hiragana,
# katakana (halfwidth too), bopomofo, fullwidth letters and digits, and Thai, Lao, Khmer and Myanmar. Not
# Hangul: Korean spaces its words.
_SPACELESS = re.compile(f"[{_MARKS}\u2e80-\u2fdf\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3400-\u4dbf"
                        "\u4e00-\u9fff\uf900-\ufaff\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff66-\uff9f"
                        "\U00020000-\U0003ffff\u0e00-\u0eff\u1780-\u17ff\u1000-\u109f]")
BAND = 0.125  # the share of the page's height at its top and at its bottom where running furniture sits
SAME_HEIGHT = 2.0  # points: a running line is drawn at the same distance from the page's edge on every page
# A number written as a page number ("@" stands for it in a line's key): after a word for page ("page @", "p. @",
# "Seite @", "стр. @", "第@页"), before "of" and the page count ("@ of 9", "@/9"), or set off from the line's
# words by a separator at the start or end of the line ("Report · @", "@ | Report", "- @ -").
_PAGE_MARK = re.compile(r"(?:\b(?:page|pg|seite|p[aá]gina|страница|sayfa|strona|side|sida|sivu)\s*@"
                        r"|\b(?:pp?|pg|s|pag|стр|blz)\.\s*@|صفحة\s*@|第\s*@\s*[页頁]|@\s*(?:ページ|페이지|页|頁)"
                        r"|@\s*(?:of|de|von|sur|di|из|z|van|af|/)\s*#|^@\s*[|·•–—/:,-]|[|·•–—/:,-]\s*@$"
                        r"|[-–—]\s*@\s*[-–—])", re.IGNORECASE)


@dataclass(frozen=True)
class Line:
    text: str  # one line, no trailing break; a bullet drawn from a symbol font reads "•"
    x0: float
    x1: float
    y0: float  # baseline side (PDF y grows upwards)
    size: float  # the line's height


Block = list[Line]


def bullet_text(text: str) -> str:
    """A line's text with a leading bullet that has no readable character (Word's Symbol-font bullet, an
    unmapped glyph code) read as "•"."""
    return _UNREADABLE_BULLET.sub("•", text, count=1)


@dataclass(frozen=True)
class Page:
    height: float
    blocks: list[Block]


def paragraphs(pages: list[Page]) -> Iterator[tuple[int, str]]:
    """(page number, paragraph) in reading order; a paragraph that runs on is joined and keeps its first page."""
    furniture = _running(pages)
    last: tuple[int, str] | None = None
    for number, page in enumerate(pages, start=1):
        blocks = _attach_markers([[ln for ln in b if not _is_furniture(ln, page, furniture)] for b in page.blocks])
        for block in blocks:
            for k, text in enumerate(block_paragraphs(block)):
                if last is not None and k == 0 and runs_on(last[1], text):
                    last = (last[0], join([last[1], text]))
                    continue
                if last is not None:
                    yield last
                last = (number, text)
    if last is not None:
        yield last


def _key(text: str) -> str:
    return _NUMBER.sub("#", " ".join(text.lower().split()))


def _in_band(line: Line, page: Page) -> bool:
    return line.y0 > page.height * (1 - BAND) or line.y0 < page.height * BAND


OnPages = dict[int, set[tuple[tuple[int, ...], float]]]  # page -> (the line's numbers, its distance from the edge)


def _banded(pages: list[Page]) -> dict[str, OnPages]:
    """For the text (numbers masked) of each line in a top or bottom band: its numbers and its distance from
    the nearer edge, on each page."""
    found: dict[str, OnPages] = defaultdict(lambda: defaultdict(set))
    for number, page in enumerate(pages, start=1):
        for line in (ln for block in page.blocks for ln in block if _in_band(ln, page)):
            edge = min(line.y0, page.height - line.y0)
            found[_key(line.text)][number].add((tuple(int(n) for n in _NUMBER.findall(line.text)), edge))
    return found


def _recurs(key: str, on_pages: OnPages) -> bool:
    """Whether a line is running furniture: on two pages or more, with the same numbers, or as a page number
    (_paged). Numbers that change otherwise are the text's ("Week 1: 400 drones", "Week 2: 900 drones"), and so
    are lines with other numbers on the same page (notes): a page has one page number."""
    if len(on_pages) < 2 or any(len(found) > 1 for found in on_pages.values()):
        return False
    pages = sorted(on_pages)
    columns = list(zip(*(next(iter(on_pages[page]))[0] for page in pages), strict=True))
    changing = [column for column in columns if len(set(column)) > 1]
    return not changing or _paged(key, on_pages, columns, changing)


def _paged(key: str, on_pages: OnPages, columns: list[tuple[int, ...]], changing: list[tuple[int, ...]]) -> bool:
    """Whether a line whose numbers change is a running header's or footer's page number: one number counts
    with the pages, is written as a page number (_PAGE_MARK), and any other (a section's) changes seldom; and
    the line is at the same height on every page (a page template draws it). A heading that happens to count
    with the pages ("Week 3" at the top of page 3, "Week 4" of page 4) is none."""
    pages = sorted(on_pages)
    counting = [k for k, column in enumerate(columns) if column in changing and _counts(pages, column)]
    if len(counting) != 1 or not all(_steady(column) for k, column in enumerate(columns)
                                     if column in changing and k != counting[0]):
        return False
    edges = [edge for found in on_pages.values() for _, edge in found]
    return max(edges) - min(edges) <= SAME_HEIGHT and bool(_PAGE_MARK.search(_marked(key, counting[0])))


def _marked(key: str, nth: int) -> str:
    """`key` with its `nth` masked number (from 0) written "@"."""
    parts = key.split("#")
    return "#".join(parts[:nth + 1]) + "@" + "#".join(parts[nth + 1:])


def _counts(pages: list[int], numbers: tuple[int, ...]) -> bool:
    """Whether a number goes up with the pages it is on (pages in order): from one to the next it grows by as
    many pages as lie between them, for most of the steps (a blank page the count skips, or a count that
    starts again with a new part, puts one step off)."""
    steps = list(pairwise(zip(pages, numbers, strict=True)))
    counted = sum(after[1] - before[1] == after[0] - before[0] for before, after in steps)
    return 2 * counted > len(steps)


def _steady(numbers: tuple[int, ...]) -> bool:
    """Whether a number stays the same from page to page for most of the steps (a section's or a part's)."""
    changes = sum(before != after for before, after in pairwise(numbers))
    return 2 * changes < len(numbers) - 1


def _running(pages: list[Page]) -> set[str]:
    """The keys of the lines in the top or bottom band that recur as running furniture does."""
    return {key for key, on_pages in _banded(pages).items() if _recurs(key, on_pages)}


def _is_furniture(line: Line, page: Page, running: set[str]) -> bool:
    if not _in_band(line, page):
        return False
    key = _key(line.text)
    return key in running or bool(_PAGE_NUMBER.match(key))


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


def _breaks(prev: Line, line: Line, block: Block) -> bool:
    """Whether `line` starts a new paragraph inside a block."""
    size, before = line.size, prev.size
    if abs(size - before) > 0.2 * max(size, before):
        return True
    marker = MARKER.match(line.text)
    if marker and marker.group("bullet"):
        return True
    left, right = min(ln.x0 for ln in block), max(ln.x1 for ln in block)
    short = right - prev.x1 > max(0.2 * (right - left), 2 * size)
    if marker:  # "2." or "b)": a new item when the line before ended a sentence or stopped short
        return prev.text.endswith(ENDS_SENTENCE) or short
    if not prev.text.endswith(ENDS_SENTENCE):
        return False
    indented = line.x0 - left > 0.8 * size and prev.x0 - left < 0.4 * size
    return indented or short


def block_paragraphs(block: Block) -> Iterator[str]:
    current: list[str] = []
    for i, line in enumerate(block):
        if current and _breaks(block[i - 1], line, block):
            yield join(current)
            current = []
        current.append(line.text)
    if current:
        yield join(current)


def join(lines: list[str]) -> str:
    """One paragraph from its lines: a word hyphenated at a line's end is joined again, keeping a real hyphen,
    and a line break inside text written without spaces (Chinese, Japanese, Thai) adds none."""
    out = ""
    for raw in lines:
        text = raw.rstrip()
        if out.endswith("\u00ad"):
            out = out[:-1] + text.lstrip()
        elif _unspaced(out, text.lstrip()):
            out += text.lstrip()
        else:
            out += " " + text
    return one_line(out)


def _unspaced(before: str, after: str) -> bool:
    """Whether a line goes on from the text before it with no space: after a word hyphenated at the line's end
    (its hyphen kept), or where the break falls between two characters of scripts written without spaces
    between words (Han, kana, Thai, …) or next to a CJK punctuation mark ("。", "、", "「")."""
    if not before or not after:
        return False
    if before.endswith("-") and before[-2:-1].isalpha() and after[0].isalpha():
        return True
    last, first = before[-1], after[0]
    if _CJK_MARK.match(last) or _CJK_MARK.match(first):
        return True
    return bool(_SPACELESS.match(last) and _SPACELESS.match(first))


def runs_on(last: str, first: str) -> bool:
    """Whether a paragraph goes on in the next block: it stops mid-sentence and the next starts in lower case
    (and is not a list item: "a) …" after a heading starts a list)."""
    return not last.endswith(ENDS_SENTENCE) and first[:1].islower() and not MARKER.match(first)
