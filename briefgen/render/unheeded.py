"""What a reference DOCX sets for its pages that a brief takes into neither format (UNTAKEN): automatic
hyphenation, a page colour, a page border, line numbers, text columns, a line grid, vertical alignment or text,
a right-to-left section. The PDF draws none of them, so the DOCX writer leaves them out
(writers/docx/reference.py) and `check` names those the reference turns on, rather than leave them out
silently."""

from __future__ import annotations

from xml.etree.ElementTree import Element

from briefgen.document.wordvalues import on_off
from briefgen.render.wordml import W, on

# What a reference may set for its pages that a brief takes into neither format, as the PDF draws none of it: the
# w: element saying it (a section's; the settings' autoHyphenation, the document's background), in words
UNTAKEN = {"autoHyphenation": "automatic hyphenation", "background": "a page colour", "pgBorders": "a page border",
           "lnNumType": "line numbers", "cols": "text columns", "docGrid": "a line grid",
           "vAlign": "vertical alignment", "textDirection": "vertical text", "bidi": "a right-to-left section"}
_GRIDS = ("lines", "linesAndChars", "snapToChars")  # a docGrid's types that move lines (default: none)
_VERTICAL = ("center", "both", "bottom")  # a vAlign other than top
_ACROSS = ("lrTb", "tb", "lrTbV", "tbV")  # text directions that run across the page, as a brief's does


def unheeded(document: Element | None, section: Element | None, settings: Element | None) -> tuple[str, ...]:
    """The reference's settings that the brief does not take and that it turns on, in words (UNTAKEN's)."""
    said = set()
    if settings is not None and on(settings.find(f"{W}autoHyphenation")):
        said.add("autoHyphenation")
    if document is not None and document.find(f"{W}background") is not None:
        said.add("background")
    if section is not None:
        said |= {name for name in UNTAKEN if _turned_on(section.find(f"{W}{name}"), name)}
    return tuple(words for name, words in UNTAKEN.items() if name in said)


def _turned_on(element: Element | None, name: str) -> bool:
    """Whether a section's property, where it stands, changes the page from a brief's own."""
    if element is None:
        return False
    value = element.get(f"{W}val", "")
    if name == "pgBorders":
        return any(edge.get(f"{W}val") not in (None, "nil", "none") for edge in element)
    if name == "cols":
        return (element.get(f"{W}num") or "1").strip() not in ("", "0", "1") or len(element) > 1
    if name == "docGrid":
        return element.get(f"{W}type") in _GRIDS
    if name == "bidi":
        return bool(on_off(element.get(f"{W}val")))
    counted = (element.get(f"{W}countBy") or "1").strip() not in ("0", "")  # numbering every so many lines
    return {"lnNumType": counted, "vAlign": value in _VERTICAL, "textDirection": value not in _ACROSS}.get(name, False)
