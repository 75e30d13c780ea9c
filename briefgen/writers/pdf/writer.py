"""The PDF writer: `write(doc, path, theme)` and the in-memory `count_pages(doc, theme)` the fit step calls.

Notes are numbered as in every format (document/notes.py). The footers print "page X of Y": the canvas keeps
each finished page open and draws the running header and footer on all of them once the total is known, so a
document is laid out once, however many pages it takes (the margins they stand in never move the text).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, partial
from io import BytesIO
from pathlib import Path
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, PageTemplate, Spacer
from reportlab.platypus.doctemplate import LayoutError
from reportlab.platypus.flowables import Flowable

from briefgen.atomic import atomic_write
from briefgen.document.fields import FieldValues
from briefgen.document.nodes import Banner, Document, Theme, WriteResult, one_line, safe_text
from briefgen.document.notes import ascending
from briefgen.document.outline import top_level, without_skipped_levels
from briefgen.errors import Unplaced
from briefgen.safeio import FileVersion, file_version
from briefgen.writers.pdf import tags
from briefgen.writers.pdf.flowables import StoryBuilder
from briefgen.writers.pdf.letterhead import Letterhead, banner_line, with_room
from briefgen.writers.pdf.notes import Ledger, NoteFrame, Numbering
from briefgen.writers.pdf.page import Decorator, timestamp
from briefgen.writers.pdf.structure import Finish
from briefgen.writers.pdf.styles import Kit, kit
from briefgen.writers.pdf.tags import Tagger, artifact

Furnish = Callable[[int], "Decorator | Letterhead"]  # page total -> what draws a page's header and footer


class _LayoutCanvas(Canvas):  # type: ignore[misc]
    """A canvas that draws but does not serialise when the build ends: a layout that is only measured costs
    no font subsetting or compression, and the one that is kept is serialised later, without laying out again.

    A finished page is kept open (its drawing state set aside, reportlab's page counter moved on so that
    bookmarks and links name the right page); `serialise` draws every page's furniture with the page total,
    then closes the pages in order."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.tagger = Tagger()  # this pass's structure (tags.py)
        self.furnish: Furnish | None = None  # set by the template before anything is drawn
        self.kept: list[dict[str, Any]] = []
        self.lead = 0  # operators opening this page's content that put it in place (a mirrored page's move)

    def showPage(self) -> None:
        self.kept.append(dict(self.__dict__))
        self._doc.pageCounter += 1
        self._startPage()
        self.lead = 0

    def save(self) -> None:
        pass

    def serialise(self) -> None:
        kept, self.kept = self.kept, []
        decorate = self.furnish(len(kept)) if self.furnish is not None else None
        self._doc.pageCounter -= len(kept)
        for number, state in enumerate(kept, 1):
            self.__dict__.update(state)
            if isinstance(decorate, Letterhead) and decorate.has_under:
                self._under(decorate, number)
            if decorate is not None:
                with artifact(self):
                    decorate(self, number)
            Canvas.showPage(self)
        Canvas.save(self)

    def _under(self, letterhead: Letterhead, page: int) -> None:
        """The house's watermark and pictures set behind text, drawn before the page's own content: behind the
        text, as in Word."""
        canvas: Canvas = self  # reportlab's content list of the page, `_code`, is untyped
        body, canvas._code = canvas._code[self.lead:], canvas._code[:self.lead]  # moved with the page
        with artifact(canvas):
            letterhead.under(canvas, page)
        canvas._code.extend(body)


class _ProbeCanvas(Canvas):  # type: ignore[misc]
    """The canvas of a probe: frames and notes see `dry` and place without drawing; no page is kept, nothing
    is tagged or saved."""

    dry = True
    tagger = None

    def showPage(self) -> None:
        self._doc.pageCounter += 1
        self._startPage()

    def save(self) -> None:
        pass


class _PastLimit(Exception):
    """A probe's layout began a page past its limit."""


class _Template(BaseDocTemplate):  # type: ignore[misc]
    def __init__(self, target: Any, doc: Document, kit: Kit, ledger: Ledger, banner: str) -> None:
        meta = doc.meta
        super().__init__(
            target, pagesize=kit.page, topMargin=kit.margins[0], rightMargin=kit.margins[1],
            bottomMargin=kit.margins[2], leftMargin=kit.margins[3], title=_info(meta.title) or UNTITLED,
            author=_info(meta.author), subject=_info(meta.subject),
            keywords=[_info(k) for k in meta.keywords], creator="briefgen", invariant=1,
            lang=safe_text(meta.language) or None, allowSplitting=1,
            # pages start in the body font: keeps the unembedded base-14 Helvetica out of the file
            initialFontName=kit.styles["body"].fontName)
        self.meta, self.ledger = meta, ledger
        self.furnish: Furnish = partial(_decorator, kit, banner, FieldValues.of(meta, ".pdf"))
        frame = NoteFrame(ledger, kit.margins[3], kit.margins[2], kit.text_width, kit.text_height,
                          leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
        self.addPageTemplates([PageTemplate("page", [frame], onPage=self._begin_page, onPageEnd=self._end_page)])
        self._outline_level = -1
        house = kit.theme.house
        # mirrored margins: an even page's text, notes and furniture are moved by the difference of its two
        # margins, as Word swaps them; the text keeps its width, so the layout is the same
        self.mirror = kit.margins[1] - kit.margins[3] if house is not None and house.mirrored else 0.0

    def _begin_page(self, canv: Canvas, _doc: Any) -> None:
        if self.mirror and self.page % 2 == 0:
            canv.translate(self.mirror, 0)  # links and figures' boxes are placed through it too
            canv.lead = 1

    def _end_page(self, canv: Canvas, _doc: Any) -> None:
        self.ledger.draw(canv)

    def beforeDocument(self) -> None:
        self.canv.furnish = self.furnish
        self.canv._doc._timeStamp = timestamp(self.meta)
        self.canv.setNamedCB("fnref", self.ledger.record)

    def afterFlowable(self, flowable: Flowable) -> None:
        outline = getattr(flowable, "outline", None)
        if outline is None:
            return
        text, level, key = outline
        level = min(level, self._outline_level + 1)
        self._outline_level = level
        top = self.frame._y + flowable.getSpaceAfter() + flowable.height
        self.canv.bookmarkHorizontalAbsolute(key, top)
        self.canv.addOutlineEntry(safe_text(text) or " ", key, level=level, closed=False)


class _Probe(_Template):
    """A template that stops the layout when a page past `limit` begins: the fit needs no more to know."""

    def __init__(self, limit: int, *args: Any) -> None:
        super().__init__(*args)
        self.limit = limit

    def handle_pageBegin(self) -> None:
        super().handle_pageBegin()
        if self.page > self.limit:
            raise _PastLimit


def _decorator(kit: Kit, banner: str, values: FieldValues, total: int) -> Decorator | Letterhead:
    """briefgen's header and footer, or the house style's letterhead with the banner under its footer (its
    fields showing `values`: the brief's date and file name)."""
    house = kit.theme.house
    if house is None or not house.letterhead:
        return Decorator(kit, banner, total)
    return Letterhead(kit, house, banner_line(kit, house, banner), total, values)


UNTITLED = "Untitled brief"  # a PDF/UA file needs a title to show in the viewer's title bar


def _info(text: str) -> str:
    """A document information field: one line (the DOCX core properties get the same). Soft hyphens must go
    in any case: reportlab would store U+00AD as byte 0xAD, which PDFDocEncoding leaves undefined."""
    return one_line(safe_text(text))


@dataclass
class _Pass:
    pages: int
    notes: int
    free: float  # share of the last page's text height left empty (below the text, above its notes)
    canvas: _LayoutCanvas | None  # the drawn pages, until serialised
    buffer: BytesIO
    finish: Finish  # the structure tree, metadata and standards added to the serialised file

    def pdf(self) -> bytes:
        """The PDF of this pass, serialised (and its structure added) on first use."""
        if self.canvas is not None:
            self.canvas.serialise()
            self.buffer = BytesIO(self.finish(self.buffer.getvalue(), self.canvas.tagger))
            self.canvas = None
        return self.buffer.getvalue()


def _laid_out(doc: Document, theme: Theme) -> _Pass:
    """`_layout`, remembered also by the version of the logo file the theme names: a logo replaced under a
    running `watch` (even by one of the same size and time) is drawn anew."""
    try:
        logo = None if theme.logo is None else file_version(theme.logo)
    except OSError:
        logo = None  # the page says what is wrong with it
    return _layout(doc, theme, logo)


@lru_cache(maxsize=8)
def _layout(doc: Document, theme: Theme, logo: FileVersion | None) -> _Pass:
    """Lay the document out once, in memory: drawn, with its furniture and serialisation left to `_Pass.pdf`.

    Memoised on the (frozen) document and theme, so the layout the fit makes when rendering calls `measure` is
    the one the build's `write` of the chosen document then serialises. Entries never go stale (both keys are
    immutable values, the logo file's version with them); eight cover one build's audiences and the last few fit
    attempts.
    """
    buffer = BytesIO()
    template, ledger, free = _laid(doc, theme, _Template, _LayoutCanvas, buffer)
    finish = Finish(doc.meta, theme.pdf_standard)
    return _Pass(template.page, ledger.printed, free, template.canv, buffer, finish)


def _probe(doc: Document, theme: Theme, limit: int) -> tuple[int, float]:
    """What `measure` answers, found without drawing anything and given up as soon as a page past `limit`
    begins: then (limit + 1, 0.0). The frames place every flowable as in `_layout`, so the answer agrees."""
    try:
        laid, _, free = _laid(doc, theme, partial(_Probe, limit), _ProbeCanvas, BytesIO())
    except _PastLimit:
        return limit + 1, 0.0
    return laid.page, free


def _laid(doc: Document, theme: Theme, template_class: Callable[..., _Template], canvas: type[Canvas],
          buffer: BytesIO) -> tuple[_Template, Ledger, float]:
    """The document laid out by `template_class` on `canvas`: the template, its notes, the last page's free share."""
    doc = without_skipped_levels(ascending(doc))  # the policies every writer shares (document/notes, outline)
    tags.install()
    banner = next((b.text for b in doc.blocks if isinstance(b, Banner)), "")
    the_kit, numbering = with_room(kit(theme), banner, FieldValues.of(doc.meta, ".pdf")), Numbering()
    builder = StoryBuilder(the_kit, numbering.cite, doc.meta.language, top_level(doc))
    story = builder.blocks(doc.blocks) or [Spacer(0, 0)]  # never 0 pages
    # Nothing follows the last flowable, so it keeps with nothing. Left on, reportlab loops forever when the
    # last flowable is a heading taller than a page (its keep-together group splits back into itself).
    story[-1].keepWithNext = 0
    ledger = Ledger(the_kit, numbering, doc.meta.language)
    template = template_class(buffer, doc, the_kit, ledger, banner)
    try:
        template.build(story, canvasmaker=canvas)
    except LayoutError as exc:
        raise Unplaced("a block together with its footnotes is taller than a page",
                       "shorten that text or its source notes") from exc
    frame = template.frame
    return template, ledger, max(0.0, frame._y - frame._y1p) / the_kit.text_height


def count_pages(doc: Document, theme: Theme) -> int:
    """Pages the document takes, laid out in memory (nothing is serialised or written)."""
    return _laid_out(doc, theme).pages


def measure(doc: Document, theme: Theme, limit: int | None = None) -> tuple[int, float]:
    """Pages, and the share of the last page's text height still free. The layout is remembered, so a
    `write` of the same document and theme right after (the fit's final answer) does not lay it out again.

    With a `limit`, a probe: nothing is drawn or remembered, and past `limit` pages the answer is
    (limit + 1, 0.0): for a document the fit expects to overflow, which is then never written."""
    if limit is not None:
        return _probe(doc, theme, limit)
    laid = _laid_out(doc, theme)
    return laid.pages, laid.free


def write(doc: Document, path: Path, theme: Theme) -> WriteResult:
    """Write the PDF atomically: a temporary file in the same directory, fsync, then rename onto path."""
    laid = _laid_out(doc, theme)  # the layout the fit measured, if it did: serialised, not laid out again
    atomic_write(path, laid.pdf())
    return WriteResult(path=path, pages=laid.pages, notes=laid.notes)
