"""Running furniture of a PDF: headers, footers and page numbers, which are not the document's text.

A line in the top or bottom eighth of the page is furniture when it recurs there on other pages word for word,
or as a page number does (at the same height on each page, its number counting with the pages and written as a
page number: "Page 3 of 9", "Report · 3"), or when it is only a page number. A line whose numbers change
otherwise ("Week 1: 400 drones", "Week 2: 900 drones") or only happen to count with the pages ("Week 3" heading
page 3, "Week 4" page 4) is the document's text.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from itertools import pairwise

from briefgen.sources.formats.pdflists import MARKER
from briefgen.sources.formats.pdfpage import Line, Page

_PAGE_NUMBER = re.compile(r"^(?:page\s+)?#(?:\s*(?:of|/)\s*#)?$|^[-–—]\s*#\s*[-–—]$", re.IGNORECASE)
_NUMBER = re.compile(r"\d+")
_LINE_NUMBER = re.compile(r"\d{1,4}$")
LINE_NUMBERS = 5  # the fewest line numbers down a margin taken for them
BAND = 0.125  # the share of the page's height at its top and at its bottom where running furniture sits
SAME_HEIGHT = 2.0  # points: a running line is drawn at the same distance from the page's edge on every page
# A number written as a page number ("@" stands for it in a line's key): after a word for page ("page @", "p. @",
# "Seite @", "стр. @", "第@页"), before "of" and the page count ("@ of 9", "@/9"), or set off from the line's
# words by a separator at the start or end of the line ("Report · @", "@ | Report", "- @ -").
_PAGE_MARK = re.compile(r"(?:\b(?:page|pg|seite|p[aá]gina|страница|sayfa|strona|side|sida|sivu)\s*@"
                        r"|\b(?:pp?|pg|s|pag|стр|blz)\.\s*@|صفحة\s*@|第\s*@\s*[页頁]|@\s*(?:ページ|페이지|页|頁)"
                        r"|@\s*(?:of|de|von|sur|di|из|z|van|af|/)\s*#|^@\s*[|·•–—/:,-]|[|·•–—/:,-]\s*@$"
                        r"|[-–—]\s*@\s*[-–—])", re.IGNORECASE)


def _key(text: str) -> str:
    return _NUMBER.sub("#", " ".join(text.lower().split()))


def _in_band(line: Line, page: Page) -> bool:
    return line.y0 > page.height * (1 - BAND) or line.y0 < page.height * BAND


# page -> (the line's numbers, its distance from the nearer edge, its left and right ends)
OnPages = dict[int, set[tuple[tuple[int, ...], float, float, float]]]


def _banded(pages: list[Page]) -> dict[str, OnPages]:
    """For the text (numbers masked) of each line in a top or bottom band: its numbers and its distance from
    the nearer edge, on each page."""
    found: dict[str, OnPages] = defaultdict(lambda: defaultdict(set))
    for number, page in enumerate(pages, start=1):
        for line in (ln for block in page.blocks for ln in block if _in_band(ln, page)):
            edge = min(line.y0, page.height - line.y0)
            found[_key(line.text)][number].add((tuple(int(n) for n in _NUMBER.findall(line.text)), edge, line.x0,
                                                line.x1))
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
    return _placed_alike(on_pages) if not changing else _paged(key, on_pages, columns, changing)


def _placed_alike(on_pages: OnPages) -> bool:
    """Whether a line is at the same place on two of its pages or more (its height, and its left or right end:
    a page template's, odd and even pages mirrored or not), not a word that happens to recur near the edge."""
    places = [place for found in on_pages.values() for _, *place in found]
    return any(abs(a[0] - b[0]) <= SAME_HEIGHT and (abs(a[1] - b[1]) <= SAME_HEIGHT or abs(a[2] - b[2]) <= SAME_HEIGHT)
               for k, a in enumerate(places) for b in places[k + 1:])


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
    edges = [edge for found in on_pages.values() for _, edge, _, _ in found]
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


def running(pages: list[Page]) -> set[str]:
    """The keys of the lines in the top or bottom band that recur as running furniture does; never a list's
    marker alone (a bullet drawn apart from its item, LibreOffice's at a tab, starting two pages at one place)."""
    return {key for key, on_pages in _banded(pages).items() if not MARKER.fullmatch(key) and _recurs(key, on_pages)}


def without_furniture(page: Page, running: set[str]) -> list[list[Line]]:
    """The page's blocks without its running lines and page numbers. A line that is only a number is a page
    number where no text that stays shares its baseline: a row's cell ("375" in a spreadsheet's top row beside
    "District 0") is text."""
    lines = [line for block in page.blocks for line in block if _in_band(line, page)]
    kept = [line for line in lines if _key(line.text) not in running and not _PAGE_NUMBER.match(_key(line.text))]
    heights = sorted(line.y0 for line in kept)
    numbers = _line_numbers(page)
    return [[line for line in block if id(line) not in numbers and not _furniture(line, page, running, heights)]
            for block in page.blocks]


def _line_numbers(page: Page) -> set[int]:
    """The ids of the page's line numbers: numbers alone on their lines in the margin left (or right) of all
    its other text, LINE_NUMBERS of them or more, going up from the top of the page (a contract's, a bill's,
    a pleading's; every line's or every fifth's), which number the lines and are none of their text."""
    lines = [line for block in page.blocks for line in block]
    numbers = [line for line in lines if _LINE_NUMBER.match(line.text)]
    text = [line for line in lines if not _LINE_NUMBER.match(line.text)]
    if len(numbers) < LINE_NUMBERS or not text:
        return set()
    left, right = min(line.x0 for line in text), max(line.x1 for line in text)
    found: set[int] = set()
    for side in ([n for n in numbers if n.x1 < left], [n for n in numbers if n.x0 > right]):
        values = [int(line.text) for line in sorted(side, key=lambda line: -line.y0)]
        if len(values) >= LINE_NUMBERS and all(b > a for a, b in pairwise(values)):
            found.update(id(line) for line in side)
    return found


def _furniture(line: Line, page: Page, running: set[str], kept: list[float]) -> bool:
    """Whether a line is furniture; `kept`: the baselines, in order, of the band's lines that are not."""
    if not _in_band(line, page):
        return False
    key = _key(line.text)
    if key in running:
        return True
    if not _PAGE_NUMBER.match(key):
        return False
    at = bisect.bisect_left(kept, line.y0 - 0.3 * line.size)
    return at == len(kept) or kept[at] > line.y0 + 0.3 * line.size
