"""The paragraphs of a Word 97-2003 story as Word shows it, from its characters (docfib.py), the unshown ones NUL
(docchars.py): Word's control characters ([MS-DOC] 2.8.25) read as the text they stand for.

U+000D ends a paragraph and U+0007 a table cell (a row's end mark too: an empty cell, dropped), U+000C a section
break (where the section table ends a section; elsewhere it is a page break inside a paragraph, and reads as a
space, as a DOCX's does); U+000B (a line break) and a tab read as white space, U+001E (a non-breaking hyphen) as
`-`, U+001F (an optional hyphen) as nothing. A field, U+0013 code U+0014 result U+0015, reads as its result (a field
nested in another's code is code too; a field with no result separator shows nothing, but for a ruby, the EQ field
with no result LibreOffice and Word write for it, which reads as its base text, as the RTF reader reads it). U+0002,
a footnote's automatic reference (where the footnotes' PLC has one), reads as the footnote's number glued to its
word (`priority1`, as the DOCX reader gives it), an endnote's as nothing (Word numbers them in roman numerals);
pictures (U+0001), drawn objects (U+0008), comment marks (U+0005) and the other controls are nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from briefgen.sources.formats.rtfwords import RUBY

BEGIN, SEPARATE, END = "\x13", "\x14", "\x15"
ENDS = frozenset("\r\x07")
AS_TEXT = {"\x0b": "\n", "\x0c": "\n", "\t": "\t", "\x1e": "-"}
SECTION = "\x0c"
NOTE = "\x02"
CONTROL = re.compile("[\x00-\x1f]")
SURROGATE = re.compile("[\ud800-\udfff]")


class Story:
    """Reads one story's characters into paragraphs."""

    def __init__(self, footnote_refs: frozenset[int] = frozenset(), label: Callable[[int], str] | None = None,
                 sections: frozenset[int] = frozenset()) -> None:
        self.footnote_refs = footnote_refs  # the positions of the story's footnote references (the main text's)
        self.label = label  # a paragraph's list label, by the position of its mark
        self.sections = sections  # the positions of the section breaks that end the sections' last paragraphs
        self.notes = 0
        self.fields: list[tuple[bool, list[str]]] = []  # each open field: whether its result has begun, its code
        self.current: list[str] = []

    def paragraphs(self, text: str) -> Iterator[str]:
        """The paragraphs of `text`, the story's characters from its first."""
        position = 0
        for found in CONTROL.finditer(text):
            self._add(text[position:found.start()])
            position = found.end()
            char = found.group()
            if char in ENDS or (char == SECTION and found.start() in self.sections):
                label = self.label(found.start()) if self.label is not None and char != SECTION else ""
                yield label + self._paragraph()
            elif char == BEGIN:
                self.fields.append((False, []))
            elif char == SEPARATE and self.fields:
                self.fields[-1] = (True, [])
            elif char == END and self.fields:
                self._end_field()
            elif char == NOTE:
                self._add(self._note(found.start()))
            else:
                self._add(AS_TEXT.get(char, ""))
        self._add(text[position:])
        yield self._paragraph()

    def _paragraph(self) -> str:
        """The paragraph read so far, a character beyond U+FFFF made one of its two surrogates."""
        text = "".join(self.current)
        self.current = []
        if SURROGATE.search(text):
            return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
        return text

    def _add(self, text: str) -> None:
        if not text or not all(shown for shown, _ in self.fields[:-1]):
            return
        if not self.fields or self.fields[-1][0]:
            self.current.append(text)
        else:
            self.fields[-1][1].append(text)  # the innermost field's code

    def _shown(self) -> bool:
        return all(shown for shown, _ in self.fields)

    def _end_field(self) -> None:
        """A field ends: one with no result shows nothing, or for a ruby (an EQ field) its base text."""
        shown, code = self.fields.pop()
        ruby = None if shown else RUBY.search("".join(code))
        if ruby is not None:
            self._add(ruby.group("base"))

    def _note(self, position: int) -> str:
        if position not in self.footnote_refs or not self._shown():
            return ""
        self.notes += 1
        return str(self.notes)
