"""The PDF writer: `write(doc, path, theme)`, and `count_pages` for the fit, both over one layout engine.

reportlab has no footnotes, so the layout runs in passes: each pass records the page every note reference
lands on; the next pass numbers the notes per page, shrinks each page's text frame by the height of its
notes and draws them at the foot under a short rule. It stops when the placement no longer moves.
"""

from __future__ import annotations

import io
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Table

from briefgen.doc import Banner, Document, Theme, WriteResult
from briefgen.errors import BriefgenError, Problem
from briefgen.writers.pdf.flow import Flow, note_style
from briefgen.writers.pdf.fonts import face_name, markup
from briefgen.writers.pdf.notes import RULE_SPACE, Numbering, note_paragraph, number_notes, reserve
from briefgen.writers.pdf.styles import MUTED, RULE, colour, family, page_of
from briefgen.layout import NOTE_RULE_WIDTH

MAX_PASSES = 6


@dataclass
class Pass:
    """Everything one layout pass needs from the previous one."""

    numbering: Numbering
    total_pages: int
    notes: dict[int, list[Paragraph]] = field(default_factory=dict)
    reserves: dict[int, float] = field(default_factory=dict)


class BriefTemplate(BaseDocTemplate):  # type: ignore[misc]
    def __init__(self, target: Any, doc: Document, theme: Theme, plan: Pass) -> None:
        self.theme, self.plan, self.page_geom = theme, plan, page_of(theme)
        self.placement: dict[int, int] = {}
        self.banner = next((b.text for b in doc.blocks if isinstance(b, Banner)), "")
        self._outline_top = False
        self._bookmarks = 0
        g = self.page_geom
        meta = doc.meta
        super().__init__(target, pagesize=(g.width, g.height), leftMargin=g.left, rightMargin=g.right,
                         topMargin=g.top, bottomMargin=g.bottom, title=meta.title, author=meta.author,
                         subject=meta.subject, keywords=", ".join(meta.keywords), creator="briefgen",
                         producer="briefgen (reportlab)", invariant=1, lang=meta.language,
                         initialFontName=face_name(family("body", theme)), initialFontSize=theme.body_size)
        frame = Frame(g.left, g.bottom, g.text_width, g.text_height, id="body", leftPadding=0, rightPadding=0,
                      topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate("page", [frame], onPage=self._decorate, onPageEnd=self._notes)])

    def beforePage(self) -> None:
        frame = self.pageTemplate.frames[0]
        held = self.plan.reserves.get(self.page, 0.0)
        frame._y1 = self.page_geom.bottom + held
        frame._height = self.page_geom.text_height - held
        frame._geom()

    def afterFlowable(self, flowable: Any) -> None:
        for ref in getattr(flowable, "refs", ()):
            self.placement[ref] = self.page
        outline = getattr(flowable, "outline", None)
        if outline and outline[0] in (1, 2):
            level, title, anchor = outline
            self._bookmarks += 1
            key = f"s{self._bookmarks}-{anchor}"
            self.canv.bookmarkPage(key)
            depth = 0 if level == 1 or not self._outline_top else 1
            self._outline_top = self._outline_top or level == 1
            self.canv.addOutlineEntry(title, key, depth, closed=False)

    def _decorate(self, canvas: Canvas, _doc: Any) -> None:
        g, theme = self.page_geom, self.theme
        canvas.saveState()
        small = theme.body_size * 0.75
        canvas.setFont(face_name(family("heading", theme)), small)
        canvas.setFillColor(MUTED)
        if theme.organisation:
            canvas.drawString(g.left, g.height - g.top + 8, theme.organisation)
        if self.page > 1 and self.banner:
            canvas.setFillColor(colour("banner", theme))
            canvas.setFont(face_name(family("heading", theme), True), small)
            canvas.drawCentredString(g.width / 2, g.height - g.top + 8, self.banner.upper())
        if self.page == 1 and theme.logo is not None:
            self._logo(canvas)
        self._footer(canvas, small)
        canvas.restoreState()

    def _logo(self, canvas: Canvas) -> None:
        g = self.page_geom
        height = g.top - 6 * mm
        try:
            canvas.drawImage(str(self.theme.logo), g.width - g.right - 40 * mm, g.height - g.top + 3,
                             width=40 * mm, height=height, preserveAspectRatio=True, anchor="ne", mask="auto")
        except OSError as exc:
            raise BriefgenError(Problem(str(self.theme.logo), f"cannot draw the logo: {exc}")) from None

    def _footer(self, canvas: Canvas, size: float) -> None:
        g, theme = self.page_geom, self.theme
        y = g.bottom - 10 * mm + 2
        canvas.setFillColor(MUTED)
        canvas.setFont(face_name(family("heading", theme)), size)
        if theme.footer:
            canvas.drawString(g.left, y, theme.footer)
        canvas.drawRightString(g.width - g.right, y, f"Page {self.page} of {max(self.plan.total_pages, self.page)}")
        if self.banner:
            canvas.setFillColor(colour("banner", theme))
            canvas.setFont(face_name(family("heading", theme), True), size)
            canvas.drawCentredString(g.width / 2, y, self.banner.upper())

    def _notes(self, canvas: Canvas, _doc: Any) -> None:
        paragraphs = self.plan.notes.get(self.page, [])
        held = self.plan.reserves.get(self.page, 0.0)
        if not paragraphs or not held:  # the first pass places text only
            return
        g = self.page_geom
        top = g.bottom + held
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(g.left, top - RULE_SPACE / 2, g.left + g.text_width * NOTE_RULE_WIDTH, top - RULE_SPACE / 2)
        canvas.restoreState()
        y = top - RULE_SPACE
        for para in paragraphs:
            _, height = para.wrap(g.text_width, g.height)
            para.drawOn(canvas, g.left, y - height)
            y -= height + para.style.spaceAfter


def _marker(plan: Pass, accent: str) -> Any:
    """Superscript note numbers; linked to their notes once a pass draws them (not in the first)."""
    def marker(index: int) -> str:
        numbers = plan.numbering.numbers
        number = numbers[index] if index < len(numbers) else index + 1
        if not plan.reserves:
            return f"<super>{number}</super>"
        return f'<a name="r{index}"/><super><a href="#n{number}" color="{accent}">{number}</a></super>'
    return marker


def _plan(doc: Document, theme: Theme, placement: dict[int, int], total: int) -> Pass:
    numbering = number_notes(doc.notes(), placement)
    plan = Pass(numbering, total)
    style = note_style(theme)
    fam = family("body", theme)
    width = page_of(theme).text_width
    for page, placed in numbering.pages.items():
        plan.notes[page] = [note_paragraph(p, style, fam, theme.accent) for p in placed]
        plan.reserves[page] = reserve(plan.notes[page], width)
    if not placement:  # first pass: nothing is placed yet, so hold nothing back
        plan.reserves = {}
    return plan


def _layout(doc: Document, theme: Theme, target: Any) -> tuple[int, int]:
    """Run passes until note placement is stable; write the last into `target`. Returns (pages, notes)."""
    placement: dict[int, int] = {}
    total = 1
    for attempt in range(MAX_PASSES):
        plan = _plan(doc, theme, placement, total)
        buffer = io.BytesIO() if attempt < MAX_PASSES - 1 else target
        template = BriefTemplate(buffer, doc, theme, plan)
        flow = Flow(theme, _marker(plan, theme.accent))
        template.build(_with_refs(flow.flowables(doc.blocks)))
        stable = template.placement == placement and template.page == total and attempt > 0
        placement, total = template.placement, template.page
        if stable:
            if buffer is not target:
                target.write(buffer.getvalue())
            return total, plan.numbering.count
    return total, number_notes(doc.notes(), placement).count


def _with_refs(flowables: list[Any]) -> list[Any]:
    """Make split pieces of paragraphs and tables keep their note references (on the last piece)."""
    for flow in flowables:
        if isinstance(flow, Paragraph | Table) and getattr(flow, "refs", None):
            flow.split = _splitter(flow)
    return flowables


def _splitter(flow: Any) -> Any:
    original = flow.split

    def split(avail_width: float, avail_height: float) -> list[Any]:
        pieces = original(avail_width, avail_height)
        if pieces:
            for piece in pieces:
                piece.refs = []
            pieces[-1].refs = flow.refs
            _with_refs(pieces)
        return pieces
    return split


def count_pages(doc: Document, theme: Theme) -> int:
    """Pages the document takes, laid out in memory exactly as `write` would."""
    return _layout(doc, theme, io.BytesIO())[0]


def write(doc: Document, path: Path, theme: Theme) -> WriteResult:
    """Write the PDF atomically: a temporary file beside `path`, flushed, then renamed into place."""
    buffer = io.BytesIO()
    pages, notes = _layout(doc, theme, buffer)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(buffer.getvalue())
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return WriteResult(path, pages, notes)
