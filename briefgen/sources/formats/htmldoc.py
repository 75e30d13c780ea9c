"""HTML seeds read as raw blocks: the visible text, one paragraph per block element; scripts, styles and the head
are dropped. The default reading keeps only the article (article.py); this one is `reading: blocks`.

The standard library's html.parser is lenient with broken markup, decodes entities, and runs no script; we only
need text and where blocks begin and end, so no third-party parser is worth its weight here.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from briefgen.sources.formats import Extracted, paragraphs_of
from briefgen.sources.formats.listmarks import Numbering, list_sizes
from briefgen.sources.formats.pagebytes import decode as decode  # read here, and by the other readers
from briefgen.sources.formats.plain import SeedError, unbroken
from briefgen.sources.formats.stylesheet import Sheet
from briefgen.sources.formats.tagbudget import spend
from briefgen.sources.formats.visibility import VOID, Visibility, page_sheet
from briefgen.text import raised

# Elements that begin and end a paragraph (inline elements such as <a>, <b>, <span> do not); an SVG drawing's
# <text> (a chart's label) is one too.
BLOCKS = frozenset({"address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details", "dialog",
                    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
                    "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "nav", "ol", "p", "pre",
                    "section", "summary", "table", "tbody", "td", "tfoot", "th", "text", "thead", "tr", "ul"})
# `display` values that make an element a block of its own whatever its tag (`inline-block` and the like keep the
# element in its line but make its content a block: read by its tag, as are the table's parts).
BLOCK_DISPLAYS = frozenset({"block", "flex", "grid", "list-item", "table", "flow-root", "table-caption"})
# Where a comment ends, from just after its `<!--`: at once (`<!-->`, `<!--->`), else at `-->` or `--!>`.
_ENDS_AT_ONCE = re.compile(r"-?>")
_COMMENT_END = re.compile(r"--!?>")
_MARKUP_OPEN = re.compile("<[A-Za-z!/?]")  # what begins a tag, an end tag, a comment or a declaration


def quote_mark(depth: int, opening: bool) -> str:
    """The quotation mark a browser draws around a <q> element's text (its CSS `quotes`): double outside,
    single inside; English marks (matching folds every language's marks alike)."""
    return ("\u201c" if opening else "\u201d") if depth % 2 else ("\u2018" if opening else "\u2019")


class LenientParser(HTMLParser):
    """html.parser reading a marked section and a comment as browsers do. Before Python 3.13 it gives up, with an
    AssertionError, on a marked section whose keyword is not CDATA, IF and the like (`<![CDAT x]>`, `<![ x]>`); a
    browser reads any such `<![…>` in a page as a comment (a "bogus comment", to its first `>`). And it ends a
    comment only at `-->`, where HTML ends `<!-->` and `<!--->` at once and a comment at `--!>` too: the text after
    them, to the next comment's end, was lost."""

    def parse_comment(self, i: int, report: int = 1) -> int:
        if not self.rawdata.startswith("<!--", i):
            return super().parse_comment(i, bool(report))
        start = i + 4
        found = _ENDS_AT_ONCE.match(self.rawdata, start) or _COMMENT_END.search(self.rawdata, start)
        if found is None and not self._closing:
            return -1  # not ended yet: html.parser waits for more of the page
        end, stop = (found.start(), found.end()) if found else (len(self.rawdata), len(self.rawdata))
        if report:  # a comment the page never ends runs to its end, as a browser reads it (html.parser: text)
            self.handle_comment(self.rawdata[start:end])
        return stop

    def close(self) -> None:
        """Read the rest of the page. A tag, comment or declaration the page never ends (no `>` after it) runs to
        the page's end, where a browser shows nothing more; html.parser read it as text, one `<` at a time, each
        time searching the rest of the page for its end (a page of "<a " took minutes a hundred kilobytes)."""
        self._closing = True
        unended = _MARKUP_OPEN.search(self.rawdata, self.rawdata.rfind(">") + 1)
        if unended is not None:
            self.rawdata = self.rawdata[:unended.start()]
        super().close()

    _closing = False  # close() is reading the rest of the page: nothing more will come

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        try:
            return super().parse_marked_section(i, bool(report))
        except AssertionError:
            return self.parse_bogus_comment(i)


class HtmlText(LenientParser):
    """Collects visible text, cutting it into blocks at block elements; <pre> keeps its lines apart."""

    def __init__(self, rows: bool = False, sheet: Sheet | None = None) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.visibility = Visibility(sheet)
        self.numbering = Numbering()
        self._tag_at = 0
        self._sizes: dict[int, int] = {}  # the items of each list of `_sized`, by where its start tag begins
        self._sized: str | None = None
        self._mark = ""  # the number of the list item whose text has not begun yet
        self._blocks = BLOCKS - {"td", "th"} if rows else BLOCKS  # rows: a table row is one block
        self._current: list[str] = []
        self._pre = 0
        self._quotes: list[bool] = []  # the open <q> elements, and whether each is seen
        self._head = False  # </head> may be left out: the head also ends where the body's content begins
        self._shapes: dict[str, list[bool]] = {}  # whether each open element of a name is a block, innermost last
        self._scripts: list[tuple[str, list[str], int]] = []  # each open <sup>, <sub>: where its text begins

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        gone = self.visibility.start(tag, named)
        self.numbering.start(tag, named, self.visibility.values, self._items)
        if tag in ("sup", "sub"):
            self._scripts.append((tag, self._current, len(self._current)))
        elif tag == "q":
            self._quotes.append(not self.visibility.hidden)
            if self._quotes[-1]:
                self._current.append(quote_mark(len(self._quotes), opening=True))
        elif tag == "head":
            self._head = True
        elif self._opens_block(tag):
            self._head = False
            self._pre += tag == "pre"
            self.flush()
            if tag == "li" and not gone:
                mark = self.numbering.item(named, self.visibility.values)
                self._mark = "" if self.visibility.hidden else mark
        elif tag in ("td", "th"):
            self._current.append(" ")

    def _opens_block(self, tag: str) -> bool:
        """Whether the element just started is a block, by its tag or by the `display` its style gives it
        (`<span style="display: block">` is one, `li { display: inline }` makes a menu's items one line)."""
        display = self.visibility.values.get("display", "")
        block = (tag in self._blocks and (display != "inline" or tag == "br")) or display in BLOCK_DISPLAYS
        if tag not in VOID:
            self._shapes.setdefault(tag, []).append(block)
        return block

    def _closes_block(self, tag: str) -> bool:
        """Whether the element an end tag closes was a block (as _opens_block found it at its start)."""
        shapes = self._shapes.get(tag)
        return shapes.pop() if shapes else tag in self._blocks

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._blocks:  # <br/>, <hr/>; a self-closed element (<div hidden/>) hides nothing
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        self.visibility.end(tag)
        self.numbering.end(tag)
        self._mark = "" if tag in ("li", "ol") else self._mark
        if tag in ("sup", "sub"):
            self._script_ends(tag)
        elif tag == "q" and self._quotes:
            if self._quotes[-1]:
                self._current.append(quote_mark(len(self._quotes), opening=False))
            self._quotes.pop()
        elif tag == "head":
            self._head = False
        elif self._closes_block(tag):
            self.flush()
            self._pre = max(0, self._pre - (tag == "pre"))

    def _script_ends(self, tag: str) -> None:
        """A <sup> or <sub> ends: its text, when still in the current block, as the characters it raises or
        lowers to (text.raised: `10<sup>3</sup>` reads `10³`, as the page shows it)."""
        while any(opened == tag for opened, _, _ in self._scripts):
            opened, pieces, start = self._scripts.pop()
            if opened == tag:
                shown = raised("".join(pieces[start:]), lowered=tag == "sub") if pieces is self._current else None
                if shown is not None:
                    pieces[start:] = [shown]
                return

    def handle_data(self, data: str) -> None:
        if self.visibility.hidden or self._head:
            return
        if self._mark and not data.isspace():  # the number sits beside the item's first line of text
            self._current.append(self._mark + " ")
            self._mark = ""
        if self._pre:
            lines = data.split("\n")
            for line in lines[:-1]:
                self._current.append(line)
                self.flush()
            self._current.append(lines[-1])
        else:
            self._current.append(data)

    def parse_starttag(self, i: int) -> int:
        self._tag_at = i  # where in `rawdata` the start tag being read begins
        return super().parse_starttag(i)

    def _items(self) -> int:
        """The items of the list whose start tag is being read (the page's lists are counted once, when a
        reversed one first asks)."""
        if self._sized is not self.rawdata:
            self._sizes, self._sized = list_sizes(self.rawdata), self.rawdata
        return self._sizes.get(self._tag_at, 0)

    def drain(self) -> str:
        """The text collected since the last block began, taken out."""
        found, self._current = "".join(self._current), []
        return found

    def flush(self) -> None:
        if self._current:
            self.blocks.append(unbroken("".join(self._current)))
            self._current = []

    def read(self, html: str, end: bool = False) -> list[str]:
        """The paragraphs of one more piece of the document (HTML blocks of a Markdown file, read in order, so an
        element opened in one piece hides what follows until it is closed); `end` when there is no more."""
        self.feed(html)
        if end:
            self.close()
        self.flush()
        found, self.blocks = self.blocks, []
        return paragraphs_of(found)


def text_blocks(text: str, rows: bool = False, sheet: Sheet | None = None) -> list[str]:
    """The paragraphs of an HTML text: each table cell, or with `rows` each table row (its cells joined by
    spaces, as the article reading numbers them). `sheet`: the page's style rules, when already read. Its tags
    are counted first (tagbudget.py)."""
    spend(text)
    parser = HtmlText(rows, page_sheet(text) if sheet is None else sheet)
    parser.feed(text)
    parser.close()
    parser.flush()
    return paragraphs_of(parser.blocks)


def extract(raw: bytes) -> Extracted:
    """The page read as raw blocks (`reading: blocks`): every visible block, site furniture included."""
    paragraphs = text_blocks(decode(raw))
    if not paragraphs:
        raise no_text()
    return Extracted(tuple(paragraphs))


def no_text() -> SeedError:
    return SeedError("the page has no visible text", "save the page with its text, not only scripts or images")
