"""Footnotes at the foot of the page that cites them.

reportlab has no footnotes, so:
- `Numbering` gives each note reference its number: one note per key in the whole document, numbered in order of
  first citation, so the PDF's n-th note is the DOCX's n-th note (document/notes.py).
- `Ledger` keeps the notes of the page being laid out (those first cited there), measures them and draws them
  above the bottom margin; a reference back to a note drawn on an earlier page adds nothing to its page.
- `NoteFrame` shrinks the body frame by the height of the notes of every flowable it places, and splits a
  flowable so that its first part fits together with that part's notes.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, KeepTogether, Paragraph, Table
from reportlab.platypus.flowables import Flowable

from briefgen.document import layout
from briefgen.document.layout import tag_size
from briefgen.document.nodes import Note
from briefgen.writers.pdf import shaping
from briefgen.writers.pdf.markup import MARKER_CB, InlineMarkup, hex_of, note_dest, plain, ref_dest
from briefgen.writers.pdf.paragraphs import paragraph
from briefgen.writers.pdf.styles import Kit
from briefgen.writers.pdf.tags import Element, artifact, tagger_of

RULE_GAP = 4.0  # points between the last body line and the note rule, and between the rule and the notes


class Numbering:
    """Note numbers for references in reading order (document/notes.py's policy): a key's first citation
    makes a note, numbered in order; a later citation, on any page, refers back to that note's number."""

    def __init__(self) -> None:
        self.notes: list[Note] = []  # by reference id
        self.numbers: list[int] = []  # by reference id
        self.by_number: dict[int, Note] = {}
        self._seen: dict[str, int] = {}

    def cite(self, note: Note) -> tuple[int, int, bool]:
        rid = len(self.notes)
        number = self._seen.get(note.key)
        first = number is None
        if number is None:
            number = self._seen[note.key] = len(self._seen) + 1
            self.by_number[number] = note
        self.notes.append(note)
        self.numbers.append(number)
        return rid, number, first


def _frag_ids(frags: Iterable[Any]) -> Iterable[int]:
    for frag in frags:
        if isinstance(frag, list):  # once wrapped, reportlab keeps "words": [width, (frag, text), ...]
            yield from _frag_ids(part for part, _ in frag[1:])
            continue
        cb = getattr(frag, "cbDefn", None)
        if cb is not None and getattr(cb, "name", "") == MARKER_CB:
            yield int(cb.label)


def marker_ids(flowable: Flowable) -> Iterable[int]:
    """The reference ids inside a flowable (or the part of one a split left)."""
    if isinstance(flowable, Paragraph):
        yield from _frag_ids(flowable.frags)
    elif isinstance(flowable, Table):
        for row in flowable._cellvalues:
            for cell in row:
                for item in cell if isinstance(cell, list | tuple) else [cell]:
                    yield from marker_ids(item)
    elif isinstance(flowable, KeepTogether):
        for item in flowable._content:
            yield from marker_ids(item)


class Ledger:
    """The notes of the page being laid out."""

    def __init__(self, kit: Kit, numbering: Numbering, language: str = "") -> None:
        self.kit = kit
        self.numbering = numbering
        self.language = language  # the brief's: a note is its sentence, whatever script a title quoted in it
        self.on_page: list[int] = []
        self.done: set[int] = set()  # numbers already drawn on earlier pages
        self.drawn: dict[int, int] = {}  # reference id -> page it was drawn on
        self.printed = 0
        self._paras: dict[int, tuple[Paragraph, float]] = {}
        fam = kit.family("footnote")
        self._markup = InlineMarkup(fam, kit.family("box_title"), tag_size(kit.theme.body_size), kit.accent, None,
                                    fontset=kit.theme.fonts)

    def new_numbers(self, flowable: Flowable) -> list[int]:
        found: list[int] = []
        for rid in marker_ids(flowable):
            number = self.numbering.numbers[rid]
            if number not in self.on_page and number not in self.done and number not in found:
                found.append(number)
        return found

    def _para(self, number: int) -> tuple[Paragraph, float]:
        if number not in self._paras:
            note = self.numbering.by_number[number]
            text = (f'<a name="{note_dest(number)}"/><a href="#{ref_dest(number)}" '
                    f'color="{hex_of(self.kit.accent)}"><super>{self._markup.text(str(number))}</super></a>&nbsp;'
                    + self._markup(note.content))
            # a Note, placed in the structure after what first cites it (tags.Tagger.cite)
            tag = Element("Note", note=self.numbering.numbers.index(number), ident=note_dest(number))
            # shaped and ordered as any paragraph (an Arabic originator or title was drawn letter by letter,
            # left to right), in the brief's direction: the citation's words are the brief's language
            style = shaping.style_for(self.kit.styles["footnote"], plain(note.content), self.language or None)
            para = paragraph(text, style, tag=tag)
            _, height = para.wrap(self.kit.text_width, self.kit.text_height)
            self._paras[number] = (para, height + para.getSpaceAfter())
        return self._paras[number]

    def height(self, numbers: list[int]) -> float:
        if not numbers:
            return 0.0
        return 2 * RULE_GAP + sum(self._para(n)[1] for n in numbers)

    def extra(self, new: list[int]) -> float:
        """How much the notes area grows if these numbers join the page."""
        return self.height(self.on_page + new) - self.height(self.on_page) if new else 0.0

    def record(self, canv: Canvas, kind: str, label: str | None) -> None:
        """onDraw callback: a reference was drawn on the current page."""
        if label is not None:
            self.drawn[int(label)] = canv.getPageNumber()
            tagger = tagger_of(canv)
            if tagger is not None:
                tagger.cite(int(label))

    def draw(self, canv: Canvas) -> None:
        """Draw the page's notes above the bottom margin with a short rule over them; start a new page."""
        numbers, self.on_page = sorted(self.on_page), []
        self.done.update(numbers)
        self.printed += len(numbers)
        if not numbers or _dry(canv):
            return
        kit = self.kit
        x, y = kit.margins[3], kit.margins[2] + self.height(numbers) - RULE_GAP
        with artifact(canv, "Layout"):
            canv.saveState()
            canv.setStrokeColor(kit.muted)
            canv.setLineWidth(0.5)
            canv.line(x, y, x + kit.text_width * layout.NOTE_RULE_WIDTH, y)
            canv.restoreState()
        y -= RULE_GAP
        for number in numbers:
            para, height = self._para(number)
            para.drawOn(canv, x, y - para.height)
            y -= height


def _dry(canv: Canvas) -> bool:
    """A probe's canvas (writer.py): flowables and notes are placed and measured, never drawn."""
    return getattr(canv, "dry", False)


def _not_drawn(*_args: Any, **_kwargs: Any) -> None:
    pass


def _placed_dry(add: Callable[[Flowable, Canvas, int], int], flowable: Flowable, canv: Canvas, split: int) -> int:
    """`add` placing the flowable where it would be drawn, without drawing it (this placement only)."""
    flowable.drawOn = _not_drawn
    try:
        return add(flowable, canv, split)
    finally:
        del flowable.drawOn


class NoteFrame(Frame):  # type: ignore[misc]
    """A frame whose usable bottom rises by the height of the notes of what it holds."""

    _y1p: float

    def __init__(self, ledger: Ledger, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.ledger = ledger

    def __deepcopy__(self, memo: dict[int, Any]) -> NoteFrame:
        """reportlab deep-copies the current frame to measure keep-together groups; a shallow copy that
        shares the ledger is enough (the frame's own state is scalars) and avoids copying every note."""
        return copy.copy(self)

    def _reset(self) -> None:
        """A new page: the bottom drops back to the margin (Frame keeps _y1p between pages)."""
        super()._reset()
        self._y1p = self._y1 + self._bottomPadding

    def _add(self, flowable: Flowable, canv: Canvas, trySplit: int = 0) -> int:
        new = self.ledger.new_numbers(flowable)
        extra = self.ledger.extra(new)
        self._y1p += extra
        add = super()._add
        placed: int = _placed_dry(add, flowable, canv, trySplit) if _dry(canv) else add(flowable, canv, trySplit)
        if placed:
            self.ledger.on_page.extend(new)
        else:
            self._y1p -= extra
        return placed

    add = _add

    def split(self, flowable: Flowable, canv: Canvas) -> list[Flowable]:
        """Split so that the first part and its notes fit; [] if no such split exists.

        A keep-together group (a heading and what follows it) stays whole only if all its notes fit too:
        measured without them, it would "fit", come apart, and leave its heading alone at the page foot.
        At the top of a page moving on cannot help (and reportlab would regroup and retry forever), so there
        the group is split as it comes."""
        base = self._y1p
        grouped = isinstance(flowable, KeepTogether) and not getattr(self, "_atTop", 0)
        need = self.ledger.extra(self.ledger.new_numbers(flowable)) if grouped else 0.0
        try:
            for _ in range(6):
                self._y1p = base + need
                parts: list[Flowable] = super().split(flowable, canv)
                if not parts:
                    return []
                first_need = self.ledger.extra(self.ledger.new_numbers(parts[0]))
                if first_need <= need:
                    return parts
                need = first_need
            return []
        finally:
            self._y1p = base
