"""Tagged PDF while the story is drawn: marked content in the page streams, and the structure it belongs to.

reportlab has no tagging API, so the flowables of one layout pass carry the structure element they draw
(`Tagged.tag`, made by the story builder) and a `Tagger`, one per canvas and so per pass, records as they draw:

- a tagged flowable's drawing is one marked-content sequence `/Role <</MCID n>> BDC ... EMC`, its MCID a kid of
  its element; the element (and its ancestors) join the tree the first time any of it is drawn, so the tree is
  in reading order and a paragraph split across pages is one element with a mark on each page;
- the link annotations a flowable adds become Link elements inside its element (object references);
- whatever is drawn around the story (running header and footer, table rules and shading, the note rule, a
  table header row repeated on a later page) is an `/Artifact` sequence;
- a footnote is a Note placed right after the element that first cites it (`Ledger` reports the citations).

`briefgen.writers.pdf.structure` turns the record of the kept pass into the structure tree of the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from reportlab.pdfbase.pdfdoc import LinkAnnotation, PDFDictionary, PDFString
from reportlab.pdfgen import textobject
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Table
from reportlab.platypus import paragraph as rl_paragraph

from briefgen.writers.pdf.lines import divide, line_ends


@dataclass(frozen=True)
class Mark:
    """A marked-content sequence: page index (from 0) and its MCID on that page."""

    page: int
    mcid: int


@dataclass(frozen=True)
class Annot:
    """A link annotation: page index and its position in that page's /Annots."""

    page: int
    index: int


@dataclass(eq=False)
class Element:
    """A structure element. `attrs` is its /A attribute dictionary (owner first); `note`, for a Note, is the
    reference id whose drawing places it; `bbox` is a Figure's box on its page, in points."""

    role: str
    parent: Element | None = None
    alt: str | None = None
    lang: str | None = None
    attrs: tuple[tuple[str, Any], ...] = ()
    label: Element | None = None  # an LBody's Lbl, drawn by the paragraph's bullet
    note: int | None = None
    ident: str | None = None
    kids: list[Element | Mark | Annot] = field(default_factory=list)
    bbox: tuple[float, float, float, float] | None = None
    placed: bool = False

    def adopt(self, kid: Element) -> None:
        self.kids.insert(0, kid) if kid.role == "Lbl" else self.kids.append(kid)


ARTIFACT = Element("Artifact")  # the tag of a flowable drawn as an artifact (the handling banner)


class Tagger:
    """The structure recorded while one layout pass draws."""

    def __init__(self) -> None:
        self.root = Element("Document", placed=True)
        self.marks: dict[int, list[Element]] = {}  # page index -> element of each MCID
        self.annots: list[tuple[Annot, Element]] = []
        self.notes: list[Element] = []
        self.cited: dict[int, Element] = {}  # reference id -> element drawing it
        self.open: list[Element] = []
        self.spans: list[bool] = []  # whether each open mark holds an ActualText span
        self.spaces: Iterator[bool] = iter(())  # whether each line of the paragraph drawn ends at a space

    def place(self, element: Element) -> None:
        if element.placed:
            return
        element.placed = True
        if element.role == "Note":
            self.notes.append(element)
            return
        parent = element.parent or self.root
        self.place(parent)
        parent.adopt(element)

    def begin(self, canv: Canvas, element: Element, actual: str | None = None) -> None:
        self.place(element)
        page = canv.getPageNumber() - 1
        marks = self.marks.setdefault(page, [])
        element.kids.append(Mark(page, len(marks)))
        canv._code.append(f"/{element.role} <</MCID {len(marks)}>> BDC")
        if actual:  # poppler reads /ActualText from a Span only
            canv._code.append(f"/Span <</ActualText <FEFF{actual.encode('utf-16-be').hex().upper()}>>> BDC")
        self.spans.append(bool(actual))
        marks.append(element)
        self.open.append(element)

    def end(self, canv: Canvas) -> None:
        canv._code.append("EMC EMC" if self.spans.pop() else "EMC")
        self.open.pop()

    def links(self, canv: Canvas, element: Element, before: int) -> None:
        """The link annotations added to the page since `before` belong to `element`."""
        page = canv.getPageNumber() - 1
        for index in range(before, len(canv._annotationrefs)):
            _describe(canv, canv._annotationrefs[index])
            link = Element("Link", element, placed=True, kids=[Annot(page, index)])
            element.kids.append(link)
            self.annots.append((Annot(page, index), link))

    def cite(self, rid: int) -> None:
        """A note reference is being drawn (reportlab's onDraw callback): it belongs to the open element."""
        if self.open:
            self.cited[rid] = self.open[-1]

    def place_notes(self) -> None:
        """Each Note right after the element that first cites it (inside a cell or list body, at its end):
        in reading order, after the reference, not where the page's foot put it."""
        last: dict[int, Element] = {}
        for note in self.notes:
            host = self.cited.get(note.note if note.note is not None else -1, self.root)
            if host is self.root or host.role in ("TD", "TH", "LBody", "Lbl"):
                note.parent = host
                host.kids.append(note)
                continue
            parent = host.parent or self.root
            note.parent = parent
            parent.kids.insert(parent.kids.index(last.get(id(host), host)) + 1, note)
            last[id(host)] = note
        self.notes = []

    def bullet(self, canv: Canvas) -> Element | None:
        """The open LBody whose Lbl the paragraph's bullet is, closed so that the bullet can be marked."""
        if not self.open or self.open[-1].label is None:
            return None
        body = self.open[-1]
        self.end(canv)
        return body


def _describe(canv: Canvas, ref: Any) -> None:
    """A link annotation's /Contents, its alternate description (PDF/UA): where the link goes."""
    annotation = canv._doc.idToObject.get(getattr(ref, "name", ""))
    if isinstance(annotation, LinkAnnotation):
        dest = str(getattr(annotation.Destination, "name", ""))
        if dest.startswith("fnref"):
            annotation.Contents = f"Back to the text that cites note {dest[5:]}"
        elif dest.startswith("fn"):
            annotation.Contents = f"Note {dest[2:]}"
    elif isinstance(annotation, PDFDictionary) and "A" in annotation.dict:
        annotation["Contents"] = PDFString(f"Link to {annotation['A']['URI']}")


def tagger_of(canv: Canvas) -> Tagger | None:
    return getattr(canv, "tagger", None)


@contextmanager
def artifact(canv: Canvas, kind: str = "Pagination") -> Iterator[None]:
    """Everything drawn inside is an artifact (running header and footer: Pagination; rules: Layout)."""
    tagged = tagger_of(canv) is not None
    if tagged:
        canv._code.append(f"/Artifact <</Type /{kind}>> BDC")
    yield
    if tagged:
        canv._code.append("EMC")


class Tagged:
    """A flowable whose drawing is marked as the content of `tag`. reportlab calls `_drawOn` once the canvas
    is translated to the flowable's corner; parts a split makes keep the element."""

    tag: Element | None = None

    def _drawOn(self, canv: Canvas) -> None:
        tagger, element = tagger_of(canv), self.tag
        if tagger is None or element is None:
            super()._drawOn(canv)  # type: ignore[misc]
            return
        if element is ARTIFACT or getattr(self, "_drawn_by", None) is tagger:  # a repeated header row
            with artifact(canv, "Pagination" if element is ARTIFACT else "Layout"):
                super()._drawOn(canv)  # type: ignore[misc]
            return
        self._drawn_by = tagger
        if element.role == "Figure":
            element.bbox = _box(canv, float(getattr(self, "width", 0)), float(getattr(self, "height", 0)))
        before = len(canv._annotationrefs)
        tagger.spaces = iter(self.line_ends())
        tagger.begin(canv, element, self.actual_text())
        super()._drawOn(canv)  # type: ignore[misc]
        tagger.end(canv)
        tagger.links(canv, element, before)

    def actual_text(self) -> str | None:
        """What a reader gets instead of the drawn glyphs: set for text drawn in another order than read."""
        return None

    def line_ends(self) -> list[bool]:
        """Whether each line drawn ends where the source has a space (lines.py); none for a picture."""
        return line_ends(self) if hasattr(self, "blPara") else []

    def split(self, *args: Any) -> list[Any]:
        parts: list[Any] = super().split(*args)  # type: ignore[misc]
        for part in parts:
            part.tag = self.tag
        divide(self, parts)
        return parts


def _box(canv: Canvas, width: float, height: float) -> tuple[float, float, float, float]:
    a, _b, _c, d, e, f = canv._currentMatrix
    return (round(e, 2), round(f, 2), round(e + a * width, 2), round(f + d * height, 2))


class DecoratedTable(Table):  # type: ignore[misc]
    """A table whose shading and rules are layout artifacts (its cells' flowables carry their own tags)."""

    def _drawBkgrnd(self) -> None:
        with artifact(self.canv, "Layout"):
            super()._drawBkgrnd()

    def _drawLines(self) -> None:
        with artifact(self.canv, "Layout"):
            super()._drawLines()


_BULLET = rl_paragraph._drawBullet


def _marked_bullet(canvas: Canvas, *args: Any, **kwargs: Any) -> Any:
    """reportlab draws a list paragraph's bullet inside the paragraph: mark it as the item's Lbl."""
    tagger = tagger_of(canvas)
    body = tagger.bullet(canvas) if tagger is not None else None
    if tagger is None or body is None or body.label is None:
        return _BULLET(canvas, *args, **kwargs)
    tagger.begin(canvas, body.label)
    offset = _BULLET(canvas, *args, **kwargs)
    tagger.end(canvas)
    tagger.begin(canvas, body)
    return offset


_TEXT_OUT = textobject.PDFTextObject._textOut


def _spaced_text_out(self: textobject.PDFTextObject, text: str, TStar: int = 0) -> None:
    """A line of a tagged paragraph ends with a space before the move to the next line: text read from the
    structure (a screen reader, `pdfinfo -struct-text`) keeps the words at a line break apart. The space is
    drawn after the line's last glyph, where nothing follows, so the page looks the same. A line that ends
    inside a word (a long word cut, a break between ideographs) gets none."""
    tagger = tagger_of(self._canvas)
    if TStar and tagger is not None and tagger.open and next(tagger.spaces, False):
        if text:
            self._code.append(self._formatText(text))
        text = " "
    _TEXT_OUT(self, text, TStar)


def install() -> None:
    rl_paragraph._drawBullet = _marked_bullet
    textobject.PDFTextObject._textOut = _spaced_text_out
