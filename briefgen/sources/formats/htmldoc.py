"""HTML seeds read as raw blocks: the visible text, one paragraph per block element; scripts, styles and the head
are dropped. The default reading keeps only the article (article.py); this one is `reading: blocks`.

The standard library's html.parser is lenient with broken markup, decodes entities, and runs no script; we only
need text and where blocks begin and end, so no third-party parser is worth its weight here.
"""

from __future__ import annotations

import codecs
import re
from html.parser import HTMLParser

from briefgen.sources.formats import Extracted, paragraphs_of
from briefgen.sources.formats.plain import SeedError

# Elements whose content is never text a reader sees on the page.
HIDDEN = frozenset({"script", "style", "noscript", "template", "title", "svg", "math", "iframe", "object",
                    "canvas", "select", "textarea", "button"})
# Elements that begin and end a paragraph (inline elements such as <a>, <b>, <span> do not).
BLOCKS = frozenset({"address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details", "dialog",
                    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
                    "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "nav", "ol", "p", "pre",
                    "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"})
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def decode(raw: bytes) -> str:
    """Text of an HTML file: a BOM, else a declared <meta charset>, else UTF-8, else the web's Windows-1252."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            return raw.decode(encoding, errors="replace")
    declared = _CHARSET.search(raw[:4096])
    if declared:
        name = declared.group(1).decode("ascii")
        try:
            return raw.decode(name)
        except LookupError:
            raise SeedError(f"the page declares an unknown character set {name!r}",
                            "re-save the page as UTF-8") from None
        except UnicodeDecodeError as exc:
            raise SeedError(f"the page is not valid {name} text (byte {exc.start})", "re-save the page as UTF-8",
                            raw[: exc.start].count(b"\n") + 1) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


class _Text(HTMLParser):
    """Collects visible text, cutting it into blocks at block elements; <pre> keeps its lines apart."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._current: list[str] = []
        self._hidden = 0
        self._pre = 0
        self._head = False  # </head> may be left out: the head also ends where the body's content begins

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "head":
            self._head = True
        elif tag in HIDDEN:
            self._hidden += 1
        elif tag in BLOCKS:
            self._head = False
            self._pre += tag == "pre"
            self.flush()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCKS:  # <br/>, <hr/>; a self-closed hidden element hides nothing
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self._head = False
        elif tag in HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in BLOCKS:
            self.flush()
            self._pre = max(0, self._pre - (tag == "pre"))

    def handle_data(self, data: str) -> None:
        if self._hidden or self._head:
            return
        if self._pre:
            lines = data.split("\n")
            for line in lines[:-1]:
                self._current.append(line)
                self.flush()
            self._current.append(lines[-1])
        else:
            self._current.append(data)

    def flush(self) -> None:
        if self._current:
            self.blocks.append("".join(self._current))
            self._current = []


def text_blocks(text: str) -> list[str]:
    """The paragraphs of an HTML text (also used for HTML inside Markdown)."""
    parser = _Text()
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
