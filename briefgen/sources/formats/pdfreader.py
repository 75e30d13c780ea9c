"""pdfminer.six's laid-out pages, read as a viewer shows and copies them.

Three things pdfminer leaves undone are done while each page is built:
- fonts that draw with their built-in encoding are read through it (pdffonts.py);
- text marked with an /ActualText (a span of marked content the producer says reads otherwise: a Devanagari
  cluster drawn in visual order, a ligature, a hyphen that is only there because a word was broken) reads as
  that text, as copying from a viewer gives it;
- the characters of a page with right-to-left text are put in the order they are seen (pdfbidi.py), so its
  lines come out whole;
- a combining mark goes with the letter it is drawn on, into its line, right after it (pdfmarks.py);
- a vowel sign drawn before the consonant it follows reads after it (pdfprebase.py), and a line's characters
  drawn out of its order (a fallback font's, drawn after the rest) are put in it (pdfinline.py); a form
  XObject's characters are put in their lines as the page's are;
- what the page's annotations show (a form field's value, a text box) is drawn after its content (pdfannots.py);
- characters clipped away (drawn outside the clipping path: pdfclip.py), or under an opaque box filled after
  them (pdfcover.py), are not read;
- characters no reader sees (invisible, or white on nothing, or drawn by a form XObject outside its /BBox, which
  clips it) are left out (pdfvisible.py), and so is content in
  an optional content group (a layer) that is off when the document opens, or, in a tagged PDF, in an artifact
  (its running headers and footers: pdflayers.py); a character drawn
  again over itself (a shadow) is read once (pdfspacing.py);
- a page is read once for each direction its text runs in, turned so that it runs from left to right, keeping
  only that text (pdfturns.py): text drawn sideways or upside down reads in words and lines, not letters; and
  Chinese, Japanese or Korean set in vertical columns (pdfvertical.py) reads as text running down the page.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LAParams, LTChar, LTContainer, LTPage
from pdfminer.pdfcolor import PDFColorSpace
from pdfminer.pdffont import PDFFont
from pdfminer.pdfinterp import PDFGraphicState, PDFStackT, PDFTextState
from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import resolve1
from pdfminer.psparser import PSLiteral
from pdfminer.utils import Matrix, PathSegment, Rect, apply_matrix_rect, decode_text, mult_matrix

from briefgen.sources.formats.pdfannots import draw_annotations
from briefgen.sources.formats.pdfbidi import visual_order
from briefgen.sources.formats.pdfclip import ClippingInterpreter, Paint, inside
from briefgen.sources.formats.pdfcover import Cover, cover, drawn_at, order, uncovered
from briefgen.sources.formats.pdffonts import BuiltinEncodings, undefined_text
from briefgen.sources.formats.pdfgutters import GutteredPage
from briefgen.sources.formats.pdfinline import in_line_order, note_type_size
from briefgen.sources.formats.pdflayers import LayeredInterpreter, hidden_groups, tagged
from briefgen.sources.formats.pdfmarks import on_their_letters
from briefgen.sources.formats.pdfprebase import after_their_consonants
from briefgen.sources.formats.pdfrepair import RepairedDocument
from briefgen.sources.formats.pdfspacing import drawn_once
from briefgen.sources.formats.pdfturns import by_share, page_matrix, quarter_turns
from briefgen.sources.formats.pdfvertical import DOWN, stacked, vertical
from briefgen.sources.formats.pdfvisible import mark, note_fill, on_page, seen, unseen

MAX_PAGES = 3000  # a seed's pages at most: reading one takes ~70 ms, so the longest is read in a few minutes


class _Interpreter(LayeredInterpreter, ClippingInterpreter):
    """pdfminer's interpreter, telling the device what is in a layer that is off and what is clipped away."""


class TooManyPages(Exception):
    """The document has more than MAX_PAGES pages (counted before any is read)."""


@dataclass(frozen=True)
class _Marked:
    """An open span of marked content with an /ActualText: where its characters begin, and its text."""

    container: LTContainer  # type: ignore[type-arg]
    start: int
    text: str


class _Aggregator(PDFPageAggregator):
    """pdfminer's page builder, with /ActualText applied and right-to-left pages in visual order, keeping only
    the characters that run from left to right (`turned` counts those of each direction, kept or not)."""

    def __init__(self, resources: BuiltinEncodings, laparams: LAParams) -> None:
        super().__init__(resources, laparams=laparams)
        self._marked: list[_Marked | None] = []
        self._shown = (0.0, 0.0, 0.0, 0.0)  # the page's crop box, as the page is read
        self.turned: Counter[int] = Counter()
        self._unseen = ""  # why the string being drawn may not be seen (pdfvisible.unseen)
        self._fill: object = None  # the colour it is filled with, when nothing else paints it
        self._painting = False  # a path being painted (pdfminer paints each of its subpaths in turn)
        self._clips: list[Rect] = []  # the box each open form XObject draws in, on the page
        self.hidden = 0  # the open spans of content in a layer that is off (pdflayers.py)
        self.paint = Paint()  # the clip and the fill's opacity (pdfclip.py)
        self._covers: list[Cover] = []  # the opaque boxes filled over the page (pdfcover.py)
        self.turns = 0  # the quarter turns of the reading under way
        self.columns: set[int] = set()  # the characters (by the order drawn) set in vertical columns
        self._drawn = 0  # the characters drawn so far on the page
        self._down: list[LTChar] = []  # those running down the page, as the upright reading finds them

    def begin_tag(self, tag: PSLiteral, props: PDFStackT | None = None) -> None:
        found = resolve1(props.get("ActualText")) if isinstance(props, dict) else None
        text = decode_text(found) if isinstance(found, bytes) else found if isinstance(found, str) else None
        self._marked.append(None if text is None else _Marked(self.cur_item, len(self.cur_item._objs), text))

    def end_tag(self) -> None:
        marked = self._marked.pop() if self._marked else None
        if marked is None or marked.container is not self.cur_item:
            return
        chars = [item for item in self.cur_item._objs[marked.start:] if isinstance(item, LTChar)]
        # a soft hyphen after the span's letters (typst's "d\u00ad" on the d of "ad\u00administered") is where a
        # line may break, not drawn there: it reads as nothing, where one drawn alone reads as the hyphen it shows
        text = marked.text[:1] + marked.text[1:].replace("\u00ad", "")
        for k, char in enumerate(chars):  # the first character carries the span's text, the others none
            char._text = text if k == 0 else ""

    def render_string(self, textstate: PDFTextState, seq: Iterable[int | float | bytes], ncs: PDFColorSpace,
                      graphicstate: PDFGraphicState) -> None:
        self._unseen = unseen(textstate.render, graphicstate.ncolor, graphicstate.scolor)
        self._fill = graphicstate.ncolor if textstate.render in (0, 4) else None  # filled only: its colour
        super().render_string(textstate, seq, ncs, graphicstate)

    def render_char(self, matrix: Matrix, font: PDFFont, fontsize: float, scaling: float, rise: float, cid: int,
                    ncs: PDFColorSpace, graphicstate: PDFGraphicState) -> float:
        advance = super().render_char(matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate)
        drawn, self._drawn = self._drawn, self._drawn + 1
        char = self.cur_item._objs[-1]
        note_type_size(char, fontsize)
        if self.hidden or not inside(self.paint.clip, (char.x0 + char.x1) / 2, (char.y0 + char.y1) / 2):
            self.cur_item._objs.pop()  # in a layer that is off, or clipped away: not seen
            return advance
        down = vertical(font) or drawn in self.columns
        turns = (quarter_turns(matrix) + (DOWN if down else 0)) % 4
        drawn_at(char, drawn)
        self.turned[turns] += 1
        if turns:  # read when the page is turned to it
            char = self.cur_item._objs.pop()
            if turns == DOWN and not self.turns and isinstance(char, LTChar):
                self._down.append(char)
        elif self._unseen:
            mark(self.cur_item._objs[-1], self._unseen)
        if self._fill is not None:
            note_fill(char, self._fill)
        return advance

    def handle_undefined_char(self, font: PDFFont, cid: int) -> str:
        found = undefined_text(font, cid)  # a glyph the font's ToUnicode map leaves out (a kashida): nothing
        return super().handle_undefined_char(font, cid) if found is None else found

    def paint_path(self, gstate: PDFGraphicState, stroke: bool, fill: bool, evenodd: bool,
                   path: Sequence[PathSegment]) -> None:
        before, nested, self._painting = len(self.cur_item._objs), self._painting, True
        super().paint_path(gstate, stroke, fill, evenodd, path)  # which calls this again for each subpath
        self._painting = nested
        if fill and self.paint.opaque and not (self.hidden or nested) and len(self.cur_item._objs) == before + 1:
            found = cover(self.cur_item._objs[-1], path, self.paint.clip, self._drawn, gstate.ncolor)
            if found is not None:
                self._covers.append(found)

    def begin_figure(self, name: str, bbox: Rect, matrix: Matrix) -> None:
        super().begin_figure(name, bbox, matrix)
        self._clips.append(apply_matrix_rect(mult_matrix(matrix, self.ctm), bbox))

    def end_figure(self, name: str) -> None:
        clip = self._clips.pop() if self._clips else None  # a form draws nothing outside its /BBox
        shown = self._upright(self.cur_item._objs)  # what no reader sees is left out with the page's (seen)
        self.cur_item._objs = _in_lines(on_page(shown, clip) if clip is not None else shown)
        super().end_figure(name)

    def begin_page(self, page: PDFPage, ctm: Matrix) -> None:
        super().begin_page(page, ctm)
        self.cur_item = GutteredPage(self.pageno, self.cur_item.bbox)  # as pdfminer's, its lines cut at gutters
        self.hidden, self._drawn, self.paint = 0, 0, Paint()
        self._covers.clear()
        self._down.clear()
        self._clips.clear()
        self._shown = apply_matrix_rect(ctm, page.cropbox)

    def end_page(self, page: PDFPage) -> None:
        self._marked.clear()
        objects = self._upright(uncovered(self.cur_item._objs, self._covers, self._shown))
        shown = seen(drawn_once(on_page(objects, self._shown)))
        self.cur_item._objs = _in_lines(shown)
        super().end_page(page)

    def _upright(self, objects: list[Any]) -> list[Any]:
        """`objects` without the characters set in vertical columns, which the upright reading finds (noting
        them in `columns` and counting them as text running down) and the reading turned to them keeps."""
        chars = [item for item in objects if isinstance(item, LTChar)]
        if self.turns or not chars:
            return objects
        ordered = sorted(chars + self._down, key=order)
        found = stacked(ordered, {id(char) for char in self._down})
        if not found:
            return objects
        self.columns.update(order(char) for char in found)
        self.turned[0] -= len(found)
        self.turned[DOWN] += len(found)
        gone = {id(char) for char in found}
        return [item for item in objects if id(item) not in gone]


def _in_lines(objects: list[Any]) -> list[Any]:
    """A page's (or a form XObject's) characters put in the lines they are seen in: each combining mark with its
    letter, a vowel sign drawn before its consonant read after it, a line's characters drawn out of its order put
    in it, right-to-left text in visual order."""
    return visual_order(in_line_order(after_their_consonants(on_their_letters(objects))))


def pages(raw: bytes, laparams: LAParams) -> Iterator[list[LTPage]]:
    """Each page as pdfminer lays it out (as pdfminer.high_level.extract_pages gives it), read as above: one
    laid-out page for each direction its text runs in, the one most of its text takes first."""
    resources = BuiltinEncodings()
    device = _Aggregator(resources, laparams=laparams)
    interpreter = _Interpreter(resources, device)
    document = RepairedDocument(raw)
    interpreter.hidden_ids, interpreter.artifacts = hidden_groups(document), tagged(document)
    listed = list(islice(PDFPage.create_pages(document), MAX_PAGES + 1))
    if len(listed) > MAX_PAGES:
        raise TooManyPages
    for page in listed:
        device.turned.clear()
        device.columns.clear()
        upright = _read(interpreter, device, page, 0)
        counts = dict(device.turned)
        yield [upright if turns == 0 else _read(interpreter, device, page, turns) for turns in by_share(counts)]


def _read(interpreter: _Interpreter, device: _Aggregator, page: PDFPage, turns: int) -> LTPage:
    """The page laid out turned `turns` quarter turns clockwise from how a viewer shows it."""
    ctm = page_matrix(page, turns)
    device.turns = turns
    device.begin_page(page, ctm)
    interpreter.render_contents(page.resources, page.contents, ctm=ctm)
    device.paint = Paint()  # annotations are drawn over the page, whatever clip its content left
    draw_annotations(interpreter, page, ctm, interpreter.hidden_ids)
    device.end_page(page)
    return device.get_result()
