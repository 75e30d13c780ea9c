"""Markdown seeds: markup stripped to text, one paragraph per block (heading, paragraph, list item, table cell).

markdown-it-py parses CommonMark (and tables) exactly as renderers do, so `**bold**`, links and entities become
the words a reader sees; code blocks keep their lines apart; HTML blocks go through the HTML extractor; a YAML
front matter block is metadata, not text. Text that inline or block HTML hides (`<span hidden>`, `<div
style="display:none">` … `</div>` around Markdown, a class a <style> element hides) is not read, by the HTML
reader's rules (visibility.py): the open elements are followed across the document as the rendered page nests them.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from markdown_it import MarkdownIt
from markdown_it.token import Token

from briefgen.sources.formats import Extracted, paragraphs_of
from briefgen.sources.formats.htmldoc import BLOCKS, HtmlText
from briefgen.sources.formats.plain import SeedError, decode_text, unbroken
from briefgen.sources.formats.visibility import page_sheet

FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
TOML_FRONT_MATTER = re.compile(r"\A\+\+\+[ \t]*\r?\n(.*?\r?\n)?\+\+\+[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_NOTE_DEFINED = re.compile(r"^ {0,3}\[\^([^\]\s]+)\]:", re.MULTILINE)
_NOTE_LINE = re.compile(r"\n(?=\[\^([^\]\s]+)\]:)")
_NOTE_REFERENCE = re.compile(r"\[\^([^\]\s]+)\](:\s*)?")
_TAG_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)")
_INLINE_TEXT = {"text": True, "code_inline": True, "softbreak": False, "hardbreak": False}
# markdown-it stops reading blocks nested this deep and drops their text without a word (its default is 20, which
# 21 `>` of a quoted mail thread reach). 200 levels parse within Python's recursion limit (measured: 400 quote
# levels and 400 list levels parse); a seed that reaches it is refused rather than read in part.
MAX_NESTING = 200


def split_front_matter(text: str) -> tuple[str | None, str]:
    """(the front matter's YAML, or None; the Markdown after it)."""
    found = FRONT_MATTER.match(text)
    if not found:
        toml = TOML_FRONT_MATTER.match(text)  # metadata too, but not YAML: none is taken from it
        return (None, text[toml.end():]) if toml else (None, text)
    return found.group(1) or "", text[found.end():]


def footnoted(body: str, texts: list[str]) -> list[str]:
    """The blocks' texts with each footnote reference as the note's number (numbered in the order the notes are
    first referred to) and each note's text without its `[^label]:`; a `[^x]` no line defines stays as written,
    as renderers leave it."""
    defined = set(_NOTE_DEFINED.findall(body))
    if not defined:
        return texts
    numbers: dict[str, int] = {}
    for found in _NOTE_REFERENCE.finditer(body):
        if found.group(1) in defined and not found.group(2):
            numbers.setdefault(found.group(1), len(numbers) + 1)

    def mark(found: re.Match[str]) -> str:
        label = found.group(1)
        if label not in defined:
            return found.group()
        return "" if found.group(2) is not None and found.start() == 0 else str(numbers.get(label, ""))

    return [_NOTE_REFERENCE.sub(mark, part) for text in texts for part in _notes_apart(text, defined)]


def _notes_apart(text: str, defined: set[str]) -> list[str]:
    """A block's text cut before each line that defines a note (consecutive definitions make one paragraph
    for CommonMark; renderers show a note each)."""
    parts = _NOTE_LINE.split(text)
    out = parts[:1]
    for label, part in zip(parts[1::2], parts[2::2], strict=True):
        if label in defined:
            out.append(part)
        else:
            out[-1] += "\n" + part
    return out


def blocks(text: str, offset: int = 0) -> Iterator[str]:
    """The text of each block, in reading order; none that HTML in the document hides. `offset`: the lines of
    the file before `text` (its front matter), for the line an error names."""
    tokens = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table").parse(text)
    _check_depth(tokens, offset)
    html = HtmlText(sheet=page_sheet("".join(_raw_html(tokens))))
    mark = ""  # the number of the ordered list's item whose text comes next, as the rendered page draws it
    for token in tokens:
        if token.type == "inline":
            text, mark = _numbered(mark, _inline_text(token, html))
            yield text
        elif token.type in ("fence", "code_block"):
            if not html.visibility.hidden:
                first, *rest = token.content.split("\n")
                text, mark = _numbered(mark, first)
                yield from (text, *rest)
        elif token.type == "html_block":
            yield from html.read(token.content)
        elif token.tag and not token.hidden:  # a tight list's paragraphs are not in the page
            _follow(html, token)
            if token.type.startswith("list_item"):  # an item with no text (only code) leaves its number unused
                mark = html.numbering.item({}, {}) if token.nesting == 1 and not html.visibility.hidden else ""
    yield from html.read("", end=True)


def _numbered(mark: str, text: str) -> tuple[str, str]:
    """`text` with the number of the list item it begins before it, when it has words (the number stands beside
    the item's first line, even of code), and the number still waiting for its text."""
    return (f"{mark} {text}", "") if mark and text.strip() else (text, mark)


def _raw_html(tokens: list[Token]) -> Iterator[str]:
    """The document's HTML, block and inline, in order (so its <style> rules style the whole page)."""
    for token in tokens:
        if token.type == "html_block":
            yield token.content
        for child in token.children or ():
            if child.type == "html_inline":
                yield child.content


def _follow(html: HtmlText, token: Token) -> None:
    """Keep the open elements as the rendered page has them: Markdown's own <p>, <li>, <em> … open and close too
    (an ordered list counting its items from its `start`, as the page numbers them, whatever numbers the
    Markdown writes: "1." "1." "1." is rendered 1, 2, 3)."""
    if token.nesting == 1:
        attrs: dict[str, str | None] = {name: str(value) for name, value in token.attrs.items()}
        html.visibility.start(token.tag, attrs)
        html.numbering.start(token.tag, attrs, {}, lambda: 0)
    elif token.nesting == -1:
        html.visibility.end(token.tag)
        html.numbering.end(token.tag)


def _check_depth(tokens: list[Token], offset: int) -> None:
    """Refuse a document nested as deep as markdown-it reads: its text there would be dropped."""
    deepest = max(tokens, key=lambda token: token.level, default=None)
    if deepest is None or deepest.level < MAX_NESTING - 1:
        return
    line = offset + deepest.map[0] + 1 if deepest.map else None
    raise SeedError(f"the Markdown nests block quotes and lists more than {MAX_NESTING - 2} levels deep (a list "
                    "counts two a level); text nested deeper would be lost",
                    "remove some `>` quote markers or list indentation", line)


def first_heading(text: str) -> str:
    """The text of the document's first level-1 heading ("" when it has none)."""
    tokens = MarkdownIt("commonmark").parse(text)
    for opening, inline in itertools.pairwise(tokens):
        if opening.type == "heading_open" and opening.tag == "h1":
            return _inline_text(inline)
    return ""


def _inline_text(token: Token, html: HtmlText | None = None) -> str:
    """What a reader sees of an inline run: words and code, breaks as spaces; no images, no raw tags, and (given
    the document's HTML state) nothing inline HTML hides."""
    parts = []
    for child in token.children or ():
        if html is not None:
            if child.type == "html_inline":
                html.feed(child.content)
                parts.append(html.drain())  # what the tag itself draws: a <q>'s quotation mark
                if (tag := _TAG_NAME.match(child.content)) and tag.group(1).lower() in BLOCKS:
                    parts.append("\n")  # a <br> breaks the line: a space, as a hard break is (none between CJK)
            elif child.tag:
                _follow(html, child)
            if html.visibility.hidden:
                continue
        keep = _INLINE_TEXT.get(child.type)
        if keep is not None:
            parts.append(child.content if keep else "\n")  # a break, soft or hard: nothing between CJK
    return unbroken("".join(parts))


def extract(raw: bytes) -> Extracted:
    text = decode_text(raw, "Markdown text")
    _, body = split_front_matter(text)
    paragraphs = paragraphs_of(footnoted(body, list(blocks(body, text[: len(text) - len(body)].count("\n")))))
    if not paragraphs:
        raise SeedError("the Markdown document has no text", "check that the file holds the document's text")
    return Extracted(tuple(paragraphs))
