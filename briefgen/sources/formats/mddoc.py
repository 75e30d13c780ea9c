"""Markdown seeds: markup stripped to text, one paragraph per block (heading, paragraph, list item, table cell).

markdown-it-py parses CommonMark (and tables) exactly as renderers do, so `**bold**`, links and entities become
the words a reader sees; code blocks keep their lines apart; HTML blocks go through the HTML extractor; a YAML
front matter block is metadata, not text.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from markdown_it import MarkdownIt
from markdown_it.token import Token

from briefgen.sources.formats import Extracted, paragraphs_of
from briefgen.sources.formats.htmldoc import text_blocks
from briefgen.sources.formats.plain import SeedError, decode_text

FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_INLINE_TEXT = {"text": True, "code_inline": True, "softbreak": False, "hardbreak": False}


def split_front_matter(text: str) -> tuple[str | None, str]:
    """(the front matter's YAML, or None; the Markdown after it)."""
    found = FRONT_MATTER.match(text)
    if not found:
        return None, text
    return found.group(1) or "", text[found.end():]


def blocks(text: str) -> Iterator[str]:
    """The text of each block, in reading order."""
    parser = MarkdownIt("commonmark").enable("table")
    for token in parser.parse(text):
        if token.type == "inline":
            yield _inline_text(token)
        elif token.type in ("fence", "code_block"):
            yield from token.content.split("\n")
        elif token.type == "html_block":
            yield from text_blocks(token.content)


def first_heading(text: str) -> str:
    """The text of the document's first level-1 heading ("" when it has none)."""
    tokens = MarkdownIt("commonmark").parse(text)
    for opening, inline in itertools.pairwise(tokens):
        if opening.type == "heading_open" and opening.tag == "h1":
            return _inline_text(inline)
    return ""


def _inline_text(token: Token) -> str:
    """What a reader sees of an inline run: words and code, breaks as spaces; no images, no raw tags."""
    parts = []
    for child in token.children or ():
        keep = _INLINE_TEXT.get(child.type)
        if keep is not None:
            parts.append(child.content if keep else " ")
    return "".join(parts)


def extract(raw: bytes) -> Extracted:
    _, body = split_front_matter(decode_text(raw))
    paragraphs = paragraphs_of(blocks(body))
    if not paragraphs:
        raise SeedError("the Markdown document has no text", "check that the file holds the document's text")
    return Extracted(tuple(paragraphs))
