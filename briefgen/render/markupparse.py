"""Brief markup parsed: the XML a template renders, refused with a MarkupError when it is malformed, declares a
document type (and with it entity bombs) or nests deeper than any brief needs."""

from __future__ import annotations

import re
import xml.parsers.expat
from xml.etree import ElementTree as ET

from briefgen.errors import Unplaced

MAX_DEPTH = 32  # elements inside elements: a brief needs five or six (a box, a list, bold in italic in a link...)


class MarkupError(Unplaced):
    """The template produced markup the reader cannot read: the template is at fault. Where in the output:
    `line` and `column` when the parser says, else the `element` being read (set by the reader)."""

    def __init__(self, message: str, line: int | None = None, column: int = 0) -> None:
        super().__init__(message, "templates must produce brief markup; see briefgen/render/markup.py", line)
        self.column = column
        self.element: ET.Element | None = None
        self.text_in = False  # the fault is text standing directly in `element`, not the element itself


def parse_markup(text: str) -> ET.Element:
    """Parse the template output. Document type declarations (and with them entity bombs) are refused:
    escaped model text can never contain a literal `<!`, so only a template could write one. Elements nested
    deeper than MAX_DEPTH are refused before they are read (the reader recurses)."""
    if "<!DOCTYPE" in text.upper() or "<!ENTITY" in text.upper():
        raise MarkupError("document type declarations are not allowed in brief markup")
    try:  # a lone surrogate ('\ud800' in a template) cannot be encoded, for the parser or any document
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        line, column = text.count("\n", 0, exc.start) + 1, exc.start - text.rfind("\n", 0, exc.start) - 1
        raise MarkupError(f"the template produced U+{ord(text[exc.start]):04X}, half of a surrogate pair, which no "
                          "document can hold", line, column) from None
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        said = re.sub(r": line \d+, column \d+$", "", str(exc))  # the place is carried apart, to be mapped
        raise MarkupError(f"the template produced malformed markup: {said}", *exc.position) from None
    _shallow(root, text)
    return root


def _shallow(root: ET.Element, text: str) -> None:
    """Refuse markup nested more than MAX_DEPTH elements deep (walked without recursion), at the line and
    column where the first element too deep starts."""
    level: list[tuple[ET.Element, int]] = [(root, 1)]
    while level:
        el, depth = level.pop()
        if depth > MAX_DEPTH:
            raise MarkupError(f"the markup nests elements more than {MAX_DEPTH} deep (<{el.tag}> inside "
                              f"{depth - 1} others)", *_too_deep(text))
        level.extend((child, depth + 1) for child in el)


def _too_deep(text: str) -> tuple[int | None, int]:
    """The line and column of the first start tag deeper than MAX_DEPTH (the text parses: it was just read)."""
    parser = xml.parsers.expat.ParserCreate()
    depth = 0

    class Found(Exception):
        def __init__(self, line: int, column: int) -> None:
            super().__init__(line, column)
            self.place = line, column

    def start(*_: object) -> None:
        nonlocal depth
        depth += 1
        if depth > MAX_DEPTH:
            raise Found(parser.CurrentLineNumber, parser.CurrentColumnNumber)

    def end(*_: object) -> None:
        nonlocal depth
        depth -= 1

    parser.StartElementHandler, parser.EndElementHandler = start, end
    try:
        parser.Parse(text, True)
    except Found as found:
        return found.place
    except (xml.parsers.expat.ExpatError, ValueError):
        pass
    return None, 0


def contents(el: ET.Element, allowed: frozenset[str] | None = None) -> list[ET.Element]:
    """The elements inside container `el` (<brief>, <box>, <ul>, <table>, <tr>, <chart>), refusing what no brief
    would show and the reader dropped without a word: text written between them (a sentence outside any <p>),
    and, with `allowed`, an element of another kind (<th> in a <tr>, <p> in a <ul>)."""
    for text, before in ((el.text, None), *((child.tail, child) for child in el)):
        if text and text.strip():
            shown = text.strip()
            where = f"after its <{before.tag}>" if before is not None else "before its first element"
            error = MarkupError(f"text {shown[:40] + '…' if len(shown) > 40 else shown!r} stands directly in "
                                f"<{el.tag}> ({where}), where no brief shows it: put it inside a <p>")
            error.element, error.text_in = el, True
            raise error
    for child in el:
        if allowed is not None and child.tag not in allowed:
            error = MarkupError(f"<{el.tag}> holds {', '.join(f'<{a}>' for a in sorted(allowed))} only, not "
                                f"<{child.tag}>, which no brief would show")
            error.element = child
            raise error
    return list(el)
