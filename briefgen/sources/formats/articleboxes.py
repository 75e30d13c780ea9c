"""Text a page writes loose in a division, given the paragraph a browser draws for it.

A browser lays out words that stand directly in a <div>, <section> or <main>, beside blocks or alone, as a block
of their own (CSS 2's anonymous block boxes): `<div>Editor's note: …</div>` among paragraphs is a paragraph on
the screen. trafilatura reads such words only when a page has too few <p> to go on, so on an ordinary article
they were lost. Each run of loose words and inline elements is wrapped here in a <p> inside its container; the
container keeps its tag and attributes, so the extractor's rules about containers (comments, related links,
share boxes) apply to it as before.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from briefgen.sources.formats.htmldoc import BLOCKS

# Containers whose own words the extractor drops (a <figure> is a division by the time this runs); the others,
# <li>, <td>, <blockquote>, <dd>, <address>, are read with their words.
_CONTAINERS = ("div", "section", "article", "main", "center", "hgroup", "search", "body")
_BLOCK_TAGS = BLOCKS - {"br"}


def loose_text_as_paragraphs(tree: Any) -> None:
    """Wrap each run of words standing loose in a container (with the inline elements among them) in a <p>."""
    for container in list(tree.iter(*_CONTAINERS)):
        _wrap(container)


def _wrap(container: Any) -> None:
    kids = [(kid, _inline(kid)) for kid in container]
    if container.text is None and not any(inline for _, inline in kids):
        return  # blocks only: nothing stands loose
    placed: list[Any] = []
    text, run = container.text, []
    for kid, inline in kids:
        if inline:
            run.append(kid)
            continue
        placed += _run(text, run)
        placed.append(kid)
        text, kid.tail = kid.tail, None
        run = []
    placed += _run(text, run)
    container.text = None
    container.extend(placed)  # each kid moves to its place in turn (an element has one parent), in order


def _run(text: str | None, run: list[Any]) -> list[Any]:
    """The run as a paragraph when it shows a word; else its elements as they were (an anchor, a picture)."""
    if not _shows_words(text, run):
        return run
    paragraph = etree.Element("p")
    paragraph.text = text
    paragraph.extend(run)
    return [paragraph]


def _shows_words(text: str | None, run: list[Any]) -> bool:
    if text and not text.isspace():
        return True
    for kid in run:
        if kid.tail and not kid.tail.isspace():
            return True
        if isinstance(kid.tag, str) and any(not part.isspace() for part in kid.itertext()):
            return True
    return False


def _inline(kid: Any) -> bool:
    """An element that runs on in its line: no block tag of its own or inside it (a comment is inline too)."""
    if not isinstance(kid.tag, str):
        return True
    if kid.tag in _BLOCK_TAGS:
        return False
    return not any(isinstance(d.tag, str) and d.tag in _BLOCK_TAGS for d in kid.iterdescendants())
