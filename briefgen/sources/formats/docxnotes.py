"""The marks a document's footnote and endnote references read as: Word's own, numbered as the settings'
w:footnotePr and w:endnotePr say (w:numFmt, w:numStart), and each section's own where its w:sectPr says
otherwise (its format, its first number, or a count restarted in each section: w:numRestart eachSect), as Word
and LibreOffice number them; a footnote's decimal from 1, an endnote's in lower-case roman numerals from i,
unless they say otherwise. A count restarted on each page cannot be known without the pages: it counts on.

A mark is read glued to its word ("a top priority1 by", as Word copies it), so that a passage copied with it is
found, and one that leaves it out is too (marks.unmarked drops a number or a * † ‡ § glued to a word). A mark in
letters or roman numerals ("priorityiv") could not be told from the word, so a passage leaving it out would not
be found: such references read as nothing, as all footnote references did before.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from briefgen.document.wordcounting import chicago
from briefgen.sources.formats.docxink import W

DEFAULT_FORMATS = {"footnote": "decimal", "endnote": "lowerRoman"}
KINDS = tuple(DEFAULT_FORMATS)
SECTION, P, PPR, BODY = f"{W}sectPr", f"{W}p", f"{W}pPr", f"{W}body"
NOTE_PROPERTIES = {f"{W}footnotePr": "footnote", f"{W}endnotePr": "endnote"}


@dataclass(frozen=True)
class Numbering:
    """How a kind of notes' references are numbered in a section."""

    fmt: str
    start: int = 1
    restart: bool = False  # counted from `start` again at the section's start


def numbering(found: dict[str, str], base: Numbering) -> Numbering:
    """`base` as the settings of a w:footnotePr or w:endnotePr (by name: "numFmt", "numStart"…) change it."""
    try:
        start = max(int(found["numStart"]), 0) if "numStart" in found else base.start
    except ValueError:
        start = base.start
    restart = found["numRestart"] == "eachSect" if "numRestart" in found else base.restart
    return replace(base, fmt=found.get("numFmt") or base.fmt, start=start, restart=restart)


def settings_of(properties: Any) -> dict[str, str]:
    """The settings a w:footnotePr or w:endnotePr element (parsed, or None) holds, by name."""
    return {} if properties is None else {str(child.tag)[len(W):]: str(child.get(f"{W}val", ""))
                                          for child in properties if isinstance(child.tag, str)}


def section_notes(events: Iterator[tuple[str, Any]]) -> list[dict[str, dict[str, str]]]:
    """Each section's own footnote and endnote settings (by kind, then by name), in the document's order, from
    the main part's events: a section ends with a paragraph whose properties hold a w:sectPr, the last with the
    body's. Each setting is taken as it ends, before the stream lets its element go."""
    sections: list[dict[str, dict[str, str]]] = []
    current: dict[str, dict[str, str]] = {kind: {} for kind in KINDS}
    path: list[str] = []
    for event, element in events:
        if event == "start":
            path.append(element.tag)
            continue
        path.pop()
        if len(path) > 1 and path[-2] == SECTION and path[-1] in NOTE_PROPERTIES:
            current[NOTE_PROPERTIES[path[-1]]][str(element.tag)[len(W):]] = str(element.get(f"{W}val", ""))
        elif element.tag == SECTION and (path[-2:] == [P, PPR] or path[-1:] == [BODY]):
            sections.append(current)
            current = {kind: {} for kind in KINDS}
        elif element.tag == SECTION:
            current = {kind: {} for kind in KINDS}  # a record of old properties (w:sectPrChange): not these
    return sections


class NoteMarks:
    """The marks of a part's note references, in order, section by section."""

    def __init__(self, settings: Any = None, sections: list[dict[str, dict[str, str]]] | None = None) -> None:
        """`settings`: the settings part (parsed, or None); `sections`: section_notes' (None: one section)."""
        defaults = {kind: numbering(settings_of(settings.find(f"{W}{kind}Pr") if settings is not None else None),
                                    Numbering(DEFAULT_FORMATS[kind])) for kind in KINDS}
        self.sections = [{kind: numbering(section[kind], defaults[kind]) for kind in KINDS}
                         for section in sections or []] or [defaults]
        self.section = 0
        self.last = {kind: here.start - 1 for kind, here in self.sections[0].items()}  # the last number given

    def mark(self, kind: str) -> str:
        """The next reference's mark, to a note of `kind` ("footnote", "endnote")."""
        self.last[kind] += 1
        return mark(self.last[kind], self.sections[min(self.section, len(self.sections) - 1)][kind].fmt)

    def section_ended(self) -> None:
        """A section ended: the next one's numbering applies, from its first number if it restarts."""
        self.section += 1
        if self.section < len(self.sections):
            for kind, here in self.sections[self.section].items():
                self.last[kind] = here.start - 1 if here.restart else self.last[kind]


def mark(number: int, fmt: str) -> str:
    """`number` as Word marks it in the format `fmt`: "" in letters or roman numerals (see the module)."""
    if fmt == "chicago" and number > 0:
        return chicago(number)
    if "Roman" in fmt or "Letter" in fmt:
        return ""
    return str(number)
