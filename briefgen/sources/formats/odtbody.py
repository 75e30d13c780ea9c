"""The body of an OpenDocument text (office:text) as LibreOffice shows it, a paragraph at a time (odtdoc.py opens
the file): each heading and paragraph (text:h, text:p) is one, in lists and table cells too; a list item starts
with its label (odtlists.py) and a space; a frame's or shape's paragraphs (a text box) follow the paragraph it is
anchored in, as the DOCX reader orders text boxes; a footnote or endnote (text:note) reads as its mark glued to
the word before (`priority1`, as the DOCX reader reads one: none for a mark holding letters, as endnotes' roman
numerals), its paragraphs after the body's, footnotes first. Spaces (text:s), tabs and line breaks read as
spaces, a soft page break as nothing; a field reads as the text it shows, a ruby as its base.

A heading numbered by the outline style starts with its chapter number. Not read: text a style hides
(text:display="none") or a hidden-text field hides, a hidden section (a hidden-paragraph field's paragraph is
read: LibreOffice shows it unless told to hide such paragraphs), tracked changes' deleted text (kept apart in
text:tracked-changes: the text reads as if they were accepted), comments (office:annotation), an index's
source, declarations and forms; headers and footers are in styles.xml, which is read for its styles only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from briefgen.sources.formats.odtlists import Counts, Lists, label
from briefgen.sources.formats.odtstyles import DRAW, OFFICE, OUTLINE, TEXT, Level, Styles

PARAGRAPHS = frozenset({f"{TEXT}p", f"{TEXT}h"})
# Elements whose content is not shown where they stand (or at all)
UNREAD = frozenset({f"{TEXT}tracked-changes", f"{TEXT}sequence-decls", f"{TEXT}variable-decls",
                    f"{TEXT}user-field-decls", f"{TEXT}dde-connection-decls", f"{OFFICE}forms", f"{OFFICE}annotation",
                    f"{OFFICE}annotation-end", f"{TEXT}index-source", f"{TEXT}ruby-text", f"{TEXT}note-citation",
                    f"{TEXT}number", f"{TEXT}hidden-paragraph", f"{TEXT}bookmark-ref-start", f"{TEXT}change",
                    f"{DRAW}image", "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}title",
                    "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}desc", f"{DRAW}object",
                    f"{DRAW}object-ole", f"{TEXT}soft-page-break"})
# Drawing elements whose paragraphs are a text box's (read after their anchor's paragraph)
DRAWN = frozenset({f"{DRAW}frame", f"{DRAW}custom-shape", f"{DRAW}rect", f"{DRAW}ellipse", f"{DRAW}text-box",
                   f"{DRAW}polygon", f"{DRAW}path", f"{DRAW}circle", f"{DRAW}g", f"{DRAW}a", f"{DRAW}caption"})


Levels = tuple[str | None, Counts | None, int]  # a list's style, counts and level (none outside a list)


class BodyReader:
    """The paragraphs read so far: the body's (with each paragraph's text boxes after it), its notes'."""

    def __init__(self, styles: Styles) -> None:
        self.styles = styles
        self.lists = Lists()
        self.outline = Counts()  # the headings' chapter numbers
        self.found: list[str] = []
        self.notes: dict[str, list[str]] = {"footnote": [], "endnote": []}
        self.sink = self.found

    def paragraphs(self) -> list[str]:
        """The body's paragraphs read so far, then its notes'."""
        return [*self.found, *self.notes["footnote"], *self.notes["endnote"]]

    def blocks(self, element: Any, levels: Levels = (None, None, 0)) -> None:
        """The paragraphs of the blocks in `element` (in a list: its style, counts and level)."""
        for child in element:
            self.block(child, levels)

    def block(self, child: Any, levels: Levels = (None, None, 0)) -> None:
        """The paragraphs of a block: a heading, paragraph, list, table, section, frame…"""
        tag = child.tag
        if tag == f"{TEXT}h" and levels[1] is None:
            self.heading(child)
        elif tag in PARAGRAPHS:
            self.paragraph(child)
        elif tag == f"{TEXT}list":
            self.numbered(child, levels)
        elif tag in DRAWN:
            self.sink.extend(self.drawn(child))
        elif not (tag in UNREAD or not isinstance(tag, str) or self.hidden_section(child)):
            self.blocks(child, levels)

    def hidden_section(self, element: Any) -> bool:
        return bool(element.tag == f"{TEXT}section") and (element.get(f"{TEXT}display") == "none" or (
            element.get(f"{TEXT}display") == "condition" and element.get(f"{TEXT}is-hidden") == "true"))

    def numbered(self, element: Any, levels: Levels) -> None:
        """A list's items, each a level deeper than the list it is in, counted (odtlists.py)."""
        style, counts, level = levels
        style = element.get(f"{TEXT}style-name") or style
        if counts is None:
            counts = self.lists.begin(element.get(f"{TEXT}continue-numbering") == "true",
                                      element.get(f"{TEXT}continue-list"),
                                      element.get("{http://www.w3.org/XML/1998/namespace}id"))
        level = min(level + 1, 10)
        for item in element:
            first = next((child for child in item if isinstance(child.tag, str)), None)
            if item.tag != f"{TEXT}list-item" or first is None or first.tag not in PARAGRAPHS:
                self.blocks(item, (style, counts, level))
                continue
            name = style or self.styles.list_style(first.get(f"{TEXT}style-name"))
            levels_of = self.styles.lists.get(name or "", {})
            counts.count(level, levels_of.get(level, Level()).start, _number(item.get(f"{TEXT}start-value")))
            self.paragraph(first, label(levels_of, counts, level))
            self.blocks(_after(item, first), (style, counts, level))

    def heading(self, element: Any) -> None:
        """A heading, after its chapter number when the outline style numbers its level."""
        level = min(max(_number(element.get(f"{TEXT}outline-level")) or 1, 1), 10)
        outline = self.styles.lists.get(OUTLINE, {})
        if element.get(f"{TEXT}is-list-header") == "true" or not outline.get(level, Level()).num_format:
            self.paragraph(element)
            return
        self.outline.count(level, outline[level].start, _number(element.get(f"{TEXT}start-value")))
        self.paragraph(element, label(outline, self.outline, level))

    def paragraph(self, element: Any, mark: str = "") -> None:
        """A paragraph's text (after its list label) and then its text boxes' paragraphs; none if hidden."""
        if self.styles.is_hidden(element.get(f"{TEXT}style-name")):
            return
        pieces: list[str] = []
        boxes: list[str] = []
        self.inline(element, pieces, boxes)
        text = "".join(pieces)
        self.sink.append(f"{mark} {text}" if mark and text.strip() else text)
        self.sink.extend(boxes)

    def inline(self, element: Any, pieces: list[str], boxes: list[str]) -> None:
        """The text shown in `element`, into `pieces`; the paragraphs of its text boxes into `boxes`."""
        if element.text:
            pieces.append(element.text)
        for child in element:
            self.piece(child, pieces, boxes)
            if child.tail:
                pieces.append(child.tail)

    def piece(self, child: Any, pieces: list[str], boxes: list[str]) -> None:
        tag = child.tag
        reading = INLINE.get(tag) if isinstance(tag, str) else _nothing
        if reading is not None:
            reading(self, child, pieces, boxes)
        elif tag in DRAWN:
            boxes.extend(self.drawn(child))
        elif tag not in UNREAD and not self.styles.is_hidden(child.get(f"{TEXT}style-name")):
            self.inline(child, pieces, boxes)

    def drawn(self, element: Any) -> list[str]:
        """The paragraphs of a frame, shape or text box (and of those inside it)."""
        sink, self.sink = self.sink, []
        try:
            self.blocks(element)
            return self.sink
        finally:
            self.sink = sink

    def note(self, element: Any, pieces: list[str], boxes: list[str]) -> None:
        mark = "".join(element.find(f"{TEXT}note-citation").itertext()) \
            if element.find(f"{TEXT}note-citation") is not None else ""
        pieces.append("" if any(char.isalpha() for char in mark) else mark.strip())
        body = element.find(f"{TEXT}note-body")
        kind = "endnote" if element.get(f"{TEXT}note-class") == "endnote" else "footnote"
        if body is not None:
            sink, self.sink = self.sink, self.notes[kind]
            try:
                self.blocks(body)
            finally:
                self.sink = sink


def _number(value: str | None) -> int | None:
    return int(value) if value is not None and value.isdigit() and len(value) < 10 else None


def _after(item: Any, first: Any) -> list[Any]:
    """The children of a list item after its first paragraph."""
    children = [child for child in item]
    return children[children.index(first) + 1:]


def _nothing(reader: BodyReader, element: Any, pieces: list[str], boxes: list[str]) -> None:
    return None


def _spaces(reader: BodyReader, element: Any, pieces: list[str], boxes: list[str]) -> None:
    count = element.get(f"{TEXT}c", "1")
    pieces.append(" " * (min(int(count), 100) if count.isdigit() and len(count) < 6 else 1))


def _hidden_text(reader: BodyReader, element: Any, pieces: list[str], boxes: list[str]) -> None:
    if element.get(f"{TEXT}is-hidden") != "true":
        pieces.append(element.get(f"{TEXT}string-value", ""))


def _variable(reader: BodyReader, element: Any, pieces: list[str], boxes: list[str]) -> None:
    if element.get(f"{TEXT}display") != "none":
        reader.inline(element, pieces, boxes)


Reading = Callable[[BodyReader, Any, list[str], list[str]], None]
INLINE: dict[str, Reading] = {
    f"{TEXT}s": _spaces, f"{TEXT}tab": lambda r, e, p, b: p.append(" "),
    f"{TEXT}line-break": lambda r, e, p, b: p.append("\n"), f"{TEXT}note": BodyReader.note,
    f"{TEXT}hidden-text": _hidden_text, f"{TEXT}variable-set": _variable, f"{TEXT}user-field-get": _variable,
    f"{TEXT}variable-get": _variable, f"{TEXT}expression": _variable, f"{TEXT}sequence": _variable,
}
