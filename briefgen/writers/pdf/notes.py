"""Footnote numbering for the PDF: notes belong to the page where their reference lands.

Numbers run through the document in reading order; a key cited twice on one page gets one note (both
references show its number); cited again on a later page, it gets a new number there."""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.sax.saxutils import quoteattr

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from briefgen.doc import Link, Note, Span
from briefgen.writers.pdf.fonts import markup

RULE_SPACE = 7.0  # points above the first note: the rule sits in the middle of it


@dataclass(frozen=True)
class PlacedNote:
    number: int
    note: Note
    first: int  # the occurrence whose marker the note links back to


@dataclass
class Numbering:
    numbers: list[int] = field(default_factory=list)  # occurrence -> number shown
    pages: dict[int, list[PlacedNote]] = field(default_factory=dict)  # page -> its notes, in order

    @property
    def count(self) -> int:
        return sum(len(notes) for notes in self.pages.values())


def number_notes(notes: list[Note], placement: dict[int, int]) -> Numbering:
    """Number every occurrence given the page each one landed on in the previous layout (default 1)."""
    result = Numbering()
    seen: dict[tuple[int, str], int] = {}
    page = 1
    for index, note in enumerate(notes):
        page = placement.get(index, page)
        key = (page, note.key)
        if key not in seen:
            seen[key] = result.count + 1
            result.pages.setdefault(page, []).append(PlacedNote(seen[key], note, index))
        result.numbers.append(seen[key])
    return result


def note_paragraph(placed: PlacedNote, style: ParagraphStyle, family: str, accent: str) -> Paragraph:
    """The note text, its number linking back to the first marker that cites it."""
    body = "".join(_run(run, family, accent) for run in placed.note.content)
    number = f'<a name="n{placed.number}"/><a href="#r{placed.first}" color="{accent}">{placed.number}</a>'
    return Paragraph(f"{number}\u2002{body}", style)


def _run(run: Span | Link, family: str, accent: str) -> str:
    if isinstance(run, Link):
        return f'<a href={quoteattr(run.url)} color="{accent}">{markup(run.text, family)}</a>'
    text = markup(run.text, family)
    if run.bold:
        text = f"<b>{text}</b>"
    return f"<i>{text}</i>" if run.italic else text


def reserve(paragraphs: list[Paragraph], width: float) -> float:
    """Height the notes of one page need at its foot (0 when it has none)."""
    if not paragraphs:
        return 0.0
    return RULE_SPACE + sum(p.wrap(width, 10_000)[1] + p.style.spaceAfter for p in paragraphs)
