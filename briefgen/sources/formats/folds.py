"""Elements whose text a browser draws only in some of their parts, and parts drawn only while something else is
not: a closed <details> shows its <summary> only; an SVG drawing draws the text of its <text> elements (a
chart's labels) and of the HTML in a <foreignObject>, never the rest (its title is a tooltip); a folded section
of an AMP accordion (`<amp-accordion><section>`, without `expanded`) shows its heading, its first child, only;
and an AMP component's `fallback` (shown when the component cannot be) and `placeholder` (shown until it has
loaded) are not drawn once the page is read.
"""

from __future__ import annotations

from dataclasses import replace

from briefgen.sources.formats.cssselect import Tree
from briefgen.sources.formats.ink import Ink

_DRAWN = frozenset({"text", "foreignobject"})  # an SVG drawing's parts that draw text


def shut(tag: str, attrs: dict[str, str | None], tree: Tree, ink: Ink) -> Ink:
    """`ink` for an element (the one `tree` met last) whose parent's gave `ink`: shut inside a closed <details>,
    an <svg> or a folded AMP section, open again (as around it) in the details' <summary>, the drawing's <text>
    or the section's heading."""
    parent = tree[-2][-1].tag if len(tree) > 1 and tree[-2] else ""
    if tag in ("details", "svg") or (tag == "section" and parent == "amp-accordion"):
        folded = tag == "svg" or ("open" not in attrs and "expanded" not in attrs)
        return replace(ink, shut=ink.shut or folded, shut_outside=ink.shut)
    first = len(tree[-1]) == 1  # the first element of its parent
    if ink.shut and (tag in _DRAWN or (tag == "summary" and parent == "details") or (
            parent == "section" and first and len(tree) > 2 and tree[-3] and tree[-3][-1].tag == "amp-accordion")):
        return replace(ink, shut=ink.shut_outside)
    return ink


def unfilled(attrs: dict[str, str | None], tree: Tree) -> bool:
    """An AMP component's `fallback` or `placeholder` child (the element `tree` met last)."""
    if "fallback" not in attrs and "placeholder" not in attrs:
        return False
    return len(tree) > 1 and bool(tree[-2]) and tree[-2][-1].tag.startswith("amp-")
