"""A DOCX body read as Word shows it with tracked changes accepted and hidden text not shown.

The part is parsed as a stream of start and end events, and each element is dropped once it has ended, so memory
stays the size of the paragraph being read, whatever the size of the part. What is read:

- each w:p is a paragraph, its own text only: a paragraph inside it (a text box) is its own paragraph, after it;
- text of w:t (the white space at its ends only where it says xml:space="preserve", as Word shows it), w:sym
  (see docxsym), tabs and breaks as spaces (a break between two Chinese or Japanese characters as nothing:
  they read on, as in the line a reader sees), a non-breaking hyphen as "-"; a footnote's
  or endnote's reference as the mark Word shows for it, counted in the body's order in the settings' format
  (docxnotes.py: "a top priority1 by", as Word copies it; a passage without it is found too: marks.py), unless
  the run after it holds its own mark;
- tracked insertions and moves' new places (w:ins, w:moveTo) are read; deletions and moves' old places are not:
  w:del and w:moveFrom content, the content between w:moveFromRangeStart and its w:moveFromRangeEnd, table rows
  and cells marked deleted; a paragraph whose mark is deleted or moved runs on into the next paragraph;
- text coloured as the ground behind it (white on the white page) is not read (docxink.py);
- hidden text is not read: a run hidden by w:vanish or w:specVanish, directly or through its character style,
  its paragraph's style or the document defaults (each level overriding the one before); a hidden paragraph mark
  runs the paragraph on into the next, as Word shows it; a table row marked hidden shows what its cells do not
  hide themselves (the mark hides only the row's end glyph), as Word and LibreOffice show it;
- a drop cap (a paragraph framed with w:dropCap, holding the next one's first letters) runs on into the next
  paragraph too: "T" and "he ministry said" read "The ministry said";
- a field reads as its result, as Word shows it, never its code (docxfields.py); a list item starts with its
  number (docxnumbers.py); an equation reads as the characters Word draws (docxmath.py); content imported whole
  (w:altChunk), a SmartArt's text and a chart's titles are read from their parts (docxchunks.py,
  docxdiagram.py, docxchart.py);
- not read: the record of old formatting (w:rPrChange and its kin), an mc:AlternateContent's offers but the one
  Word takes (docxmce.py: a drawing's mc:Fallback copy is the same text box again, for older readers), and a
  phonetic guide's reading (w:rt: 無人機 with むじんき set above it reads 無人機).
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterator
from typing import Any

from briefgen.sources.formats.docxchart import CHARTS
from briefgen.sources.formats.docxchunks import R_NS, REL_ID
from briefgen.sources.formats.docxdiagram import DGM
from briefgen.sources.formats.docxfields import Fields, silent, unstored
from briefgen.sources.formats.docxink import NO_THEME, SHADING, WATCHED, Grounds, W, highlight, ink, shading, unseen
from briefgen.sources.formats.docxmath import STRUCTURES, M, MathText
from briefgen.sources.formats.docxmce import ALTERNATE, CHOICE, FALLBACK, understood
from briefgen.sources.formats.docxnotes import NoteMarks
from briefgen.sources.formats.docxnumbers import ListNumbers
from briefgen.sources.formats.docxstate import Paragraph, Props, RunOn
from briefgen.sources.formats.docxstyles import RPR, VANISHING, Styles, is_on_attribute, spaced, vanish_after
from briefgen.sources.formats.docxsym import font_text, sym_char
from briefgen.sources.formats.docxtheme import Theme

P, R, T, SYM, PPR, NUM_PR = (f"{W}{n}" for n in ("p", "r", "t", "sym", "pPr", "numPr"))
INSTR, FIELD_SIMPLE = f"{W}instrText", f"{W}fldSimple"
ALT_CHUNK, DIAGRAM = f"{W}altChunk", f"{DGM}relIds"
WORD_ART = "{urn:schemas-microsoft-com:vml}textpath"  # WordArt as older Word drew it (VML): its text an attribute
DROP_DOWN = {f"{W}listEntry", f"{W}result"}  # a drop-down form field's entries, and the one chosen
RUNS, TEXTS = {R, f"{M}r"}, {T, f"{M}t"}  # a run's text, and an equation's (OMML) run's (docxmath.py)
GONE_MARK = {f"{W}del", f"{W}moveFrom"}  # in a paragraph mark's properties: the mark is deleted or moved away
MOVE_FROM_START, MOVE_FROM_END = f"{W}moveFromRangeStart", f"{W}moveFromRangeEnd"
# Elements whose whole content is not shown once changes are accepted, or is a record, not text.
# A ruby's reading (w:rt, the phonetic guide Word sets small above its base text) is not in the line a reader
# reads and quotes either.
DROPPED = {f"{W}{n}" for n in ("del", "moveFrom", "rPrChange", "pPrChange", "sectPrChange", "tblPrChange",
                                "tblPrExChange", "trPrChange", "tcPrChange", "numberingChange", "rt")}
# A drawing hidden in Word's Selection Pane (its properties' hidden="1": the drawing, or a shape of a group, is
# left out), and a VML shape styled visibility:hidden
HIDDEN_DRAWING = {"{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr",
                  "{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}cNvPr"}
VML_SHAPES = {f"{{urn:schemas-microsoft-com:vml}}{n}" for n in ("shape", "rect", "roundrect", "oval", "group",
                                                                 "textbox")}
MAY_BE_LEFT_OUT = DROPPED | VML_SHAPES | {CHOICE, FALLBACK, f"{W}fldSimple"}  # the elements _left_out looks at
# A mark in a row's (cell's) properties that takes the row (cell) away: the row or cell is two levels up. A row
# marked hidden (w:hidden in w:trPr) is not among them: the mark hides only the row's end glyph, and Word and
# LibreOffice still show a row any of whose text is not hidden itself (ECMA-376 17.4.20).
ROW_OR_CELL_GONE = {(f"{W}trPr", f"{W}del"), (f"{W}tcPr", f"{W}cellDel")}
# A line break is a line feed here, so that one between two Chinese or Japanese characters reads as nothing, as
# Word shows it ("无人" and "机" on two lines read "无人机"; plain.unbroken), and any other as a space.
CHARACTERS = {f"{W}tab": " ", f"{W}ptab": " ", f"{W}br": "\n", f"{W}cr": "\n", f"{W}noBreakHyphen": "-"}
# A note's reference in the body, and the note it refers to in its part (footnotes.xml, endnotes.xml)
REFERENCES = {f"{W}footnoteReference": "footnote", f"{W}endnoteReference": "endnote"}
NOTES = {f"{W}footnote": "footnote", f"{W}endnote": "endnote"}
FIELD_CHAR = f"{W}fldChar"
FRAME, SECTION = f"{W}framePr", f"{W}sectPr"


class BodyReader:
    """Turns a document part's events into its paragraphs' texts (see the module's description)."""

    def __init__(self, styles: Styles, marks: NoteMarks | None = None,
                 shown_notes: Container[tuple[str, str]] | None = None, numbers: ListNumbers | None = None,
                 linked: Callable[[str, str], list[str]] | None = None, page_colour: bool = False,
                 theme: Theme = NO_THEME, drawn_behind: bool = False) -> None:
        """`marks` numbers the part's note references (docxnotes.py); `shown_notes`, for a notes part: the
        (kind, id) of the notes whose reference the body shows; the others are not read (None: every note is).
        `numbers` counts the part's list numbers; `linked` gives the paragraphs of another part the body shows,
        by its kind ("chunk", content imported whole, docxchunks.py; "diagram", a SmartArt's data,
        docxdiagram.py; "chart", a chart's titles, docxchart.py) and its relationship's id; `page_colour`:
        whether the page colour is shown (docxink.Grounds); `theme`, the theme's colours (docxtheme.py);
        `drawn_behind`: whether a drawing lies behind the text (docxpage.py), so the page is no known ground."""
        self.styles, self.marks, self.shown_notes = styles, marks or NoteMarks(), shown_notes
        self.numbers, self.linked = numbers, linked
        self.cited: list[tuple[str, str]] = []  # (kind, id) of each note reference read, as shown_notes takes them
        self.path: list[str] = []
        self.skip = 0  # the depth of the element whose content is being left out; 0 when none is
        self.moved: set[str] = set()  # the open w:moveFromRangeStart ids
        self.paragraphs: list[Paragraph] = []
        self.runs: list[Props] = []
        self.run_on: RunOn | None = None
        self.out: list[str] = []
        self.chosen: set[int] = set()  # the depths of the open mc:AlternateContent, once one choice is read
        self.math = MathText()  # the structures of the equation being read
        self.fields = Fields()  # the open complex fields: text in their code is not shown (docxfields.py)
        self.grounds = Grounds(page_colour, theme, styles.table_shaded, drawn_behind)  # behind text: docxink.py

    def read(self, events: Iterator[tuple[str, Any]]) -> Iterator[str]:
        """Each paragraph's text, in document order, as soon as it is complete."""
        start, end, out = self.start, self.end, self.out
        for event, element in events:
            (start if event == "start" else end)(element)
            if out:
                yield from out
                out.clear()

    def start(self, element: Any) -> None:
        tag, parent = element.tag, self.path[-1] if self.path else ""
        self.path.append(tag)
        if tag in (MOVE_FROM_START, MOVE_FROM_END):
            self._move_range(tag, str(element.get(f"{W}id")))
        elif self.skip:
            return
        elif (parent, tag) in ROW_OR_CELL_GONE:
            self.skip = len(self.path) - 2
        elif tag in HIDDEN_DRAWING and str(element.get("hidden", "")).lower() in ("1", "true"):
            self.skip = len(self.path) - 1
        elif tag in MAY_BE_LEFT_OUT and self._left_out(tag, parent, element):
            self.skip = len(self.path)
        elif tag in STRUCTURES or (self.math.open and tag.startswith(M)):
            self._add(self.math.start(tag, element, len(self.path)))
        elif parent == RPR:
            self._property(tag, element)
        elif tag in WATCHED:
            self.grounds.open(tag, parent, element, len(self.path))
        elif tag == FRAME and parent == PPR and self.paragraphs:
            self.paragraphs[-1].drop_cap = element.get(f"{W}dropCap") in ("drop", "margin")
        elif tag == SECTION and parent == PPR and self.paragraphs:  # the paragraph ends a section
            self.paragraphs[-1].ends_section = True
        elif tag == f"{W}pStyle" and parent == PPR and self.paragraphs:
            self.paragraphs[-1].style = element.get(f"{W}val")
        elif parent == NUM_PR and self.path[-3:-2] == [PPR] and self.paragraphs:
            self.paragraphs[-1].numbering[tag[len(W):]] = str(element.get(f"{W}val", ""))
        elif tag == P:
            self._open_paragraph()
        elif tag == WORD_ART and self._shown():  # its text as a paragraph after its anchor's, as a text box's is
            self.paragraphs[-1].after.append(str(element.get("string", "")))
        elif tag == ALT_CHUNK and self.linked is not None:
            self._emit(self.linked("chunk", str(element.get(REL_ID))))
        elif tag == DIAGRAM and self.linked is not None and self._shown():  # after its anchor, as a text box
            self.paragraphs[-1].after.extend(self.linked("diagram", str(element.get(f"{R_NS}dm"))))
        elif tag in CHARTS and self.linked is not None and self._shown():  # after its anchor, as a text box
            self.paragraphs[-1].after.extend(self.linked("chart", str(element.get(REL_ID))))
        elif tag == R:
            self.runs.append(Props(level=len(self.paragraphs)))
        elif parent == R and tag in CHARACTERS:
            self._add(CHARACTERS[tag])
        elif parent == R and tag == FIELD_CHAR:
            self._add(self.fields.char(str(element.get(f"{W}fldCharType"))))
        elif tag in DROP_DOWN and self.path[-2:-1] == [f"{W}ddList"]:
            self.fields.entry(tag[len(W):], str(element.get(f"{W}val", "")))
        elif parent == R and tag == SYM:
            self._add(sym_char(element.get(f"{W}font"), element.get(f"{W}char")))
        elif parent == R and tag in REFERENCES:
            self._reference(tag, element)
        elif tag in NOTES and self.shown_notes is not None and \
                (NOTES[tag], str(element.get(f"{W}id"))) not in self.shown_notes:
            self.skip = len(self.path)  # a note whose reference no reader sees: deleted, hidden, or none at all

    def end(self, element: Any) -> None:
        depth, tag = len(self.path), self.path.pop()
        if tag == ALTERNATE:
            self.chosen.discard(depth)
        self.grounds.close(depth, tag)
        if self.skip:
            self.skip = 0 if depth == self.skip else self.skip
        elif tag in TEXTS and self.path and self.path[-1] in RUNS:
            text = spaced(element) if tag == T else element.text or ""
            run, style = self.runs[-1] if self.runs else None, self.paragraphs[-1].style if self.paragraphs else None
            font = self.styles.font(run.font, run.style, style) if run and self.path[-1] == R else None
            self._add(font_text(font, text) if font else text)
        elif self.math.open and tag.startswith(M):
            self._add(self.math.end(depth))
        elif tag == INSTR and self.path and self.path[-1] == R:
            self.fields.code(element.text or "")
        elif tag == FIELD_SIMPLE and len(element) == 0:  # a field with no result stored: what Word shows for it
            self._add(unstored(str(element.get(f"{W}instr", ""))))
        elif tag == PPR and self.path and self.path[-1] == P and self.paragraphs:
            self._number(self.paragraphs[-1])
        elif tag == R and self.runs:
            self.runs.pop()
        elif tag == P and self.paragraphs:
            self._close_paragraph()
        if self.run_on is not None and depth < self.run_on.depth:  # its container ended: nothing to run on into
            self._emit([self.run_on.text, *self.run_on.after])
            self.run_on = None

    def _left_out(self, tag: str, parent: str, element: Any) -> bool:
        """Whether an element's whole content is not read: a deletion, an old formatting's record, a reading,
        an mc:AlternateContent's offer other than the one taken (docxmce.py), a field showing nothing, a VML
        shape styled hidden."""
        if tag in VML_SHAPES:
            return "visibility:hidden" in str(element.get("style", "")).replace(" ", "")
        if tag in (CHOICE, FALLBACK) and parent == ALTERNATE:  # the first choice Word understands, else this
            if len(self.path) - 1 in self.chosen or (tag == CHOICE and not understood(element)):
                return True
            self.chosen.add(len(self.path) - 1)
        return (tag in DROPPED and parent != RPR) or (tag == FIELD_SIMPLE and silent(element.get(f"{W}instr", "")))

    def _move_range(self, tag: str, ident: str) -> None:
        if tag == MOVE_FROM_START:
            self.moved.add(ident)
        else:
            self.moved.discard(ident)

    def _reference(self, tag: str, element: Any) -> None:
        """A footnote's or endnote's reference: noted when shown, read as its mark (docxnotes.py)."""
        if self._shown():
            self.cited.append((REFERENCES[tag], str(element.get(f"{W}id"))))
        if not is_on_attribute(element, "customMarkFollows"):
            kind = REFERENCES[tag]
            self._add(self.marks.mark(kind))

    def _property(self, tag: str, element: Any) -> None:
        """A run's or a paragraph mark's property (the element is a child of w:rPr)."""
        holder = self.path[-3] if len(self.path) > 2 else ""
        props = (self.runs[-1] if holder == R and self.runs
                 else self.paragraphs[-1].mark if holder == PPR and self.paragraphs else None)
        if props is None:
            return
        if tag in VANISHING:
            props.vanish = vanish_after(element, props.vanish)
        elif tag == f"{W}rStyle":
            props.style = element.get(f"{W}val")
        elif tag == f"{W}rFonts":
            props.font = element.get(f"{W}ascii") or element.get(f"{W}hAnsi")
        elif tag in GONE_MARK:
            props.gone = True
        elif tag == f"{W}color":
            props.color = ink(element, self.grounds.theme)
        elif tag == f"{W}highlight":  # drawn over the run's shading
            props.ground = highlight(element) or props.ground
        elif tag == SHADING and props.ground is None:
            props.ground = shading(element, self.grounds.theme)
        elif tag in DROPPED:
            self.skip = len(self.path)  # w:rPrChange: the old properties, not these

    def _open_paragraph(self) -> None:
        paragraph = Paragraph(len(self.path))
        if self.run_on is not None:
            paragraph.parts.append(self.run_on.text)
            paragraph.after.extend(self.run_on.after)
            self.run_on = None
        self.paragraphs.append(paragraph)

    def _close_paragraph(self) -> None:
        paragraph = self.paragraphs.pop()
        if paragraph.ends_section:
            self.marks.section_ended()
        text = "".join(paragraph.parts)
        if self._gone(paragraph) or paragraph.drop_cap:
            self.run_on = RunOn(paragraph.depth, text, paragraph.after)
        else:
            label = self._number(paragraph)  # an empty item's number is counted, but is no paragraph
            self._emit([label + text if text.strip() else text, *paragraph.after])

    def _gone(self, paragraph: Paragraph) -> bool:
        """Whether a paragraph's mark is not shown (deleted, moved away, hidden): it runs on into the next."""
        mark = paragraph.mark
        return mark.gone or bool(self.moved) or self.styles.hidden(mark.vanish, mark.style, paragraph.style)

    def _number(self, paragraph: Paragraph) -> str:
        """The paragraph's list number, counted once its properties are read (or at its end, if it has none): a
        hidden paragraph is counted, as Word and LibreOffice count it, but shows none; a deleted or moved one is
        not there once the changes are accepted."""
        if paragraph.label is None:
            numbers, numbering = self.numbers, paragraph.numbering
            label = "" if numbers is None or paragraph.mark.gone or self.moved else \
                numbers.label(numbering.get("numId"), numbering.get("ilvl"), paragraph.style)
            paragraph.label = "" if self._gone(paragraph) else label
        return paragraph.label

    def _emit(self, texts: list[str]) -> None:
        (self.paragraphs[-1].after if self.paragraphs else self.out).extend(texts)

    def _add(self, text: str) -> None:
        if self._shown():
            self.paragraphs[-1].parts.append(text)

    def _shown(self) -> bool:
        """Whether text here is shown: in a paragraph, not moved away, not in a field's code, not hidden."""
        return bool(self.paragraphs) and not self.moved and not self.fields.hiding and \
            not any(self._hidden(run) for run in self.runs)

    def _hidden(self, run: Props) -> bool:
        """Whether a run hides its text: hidden, or coloured as its ground; a run holding the text box the text is
        in only as hidden text (its colour is that of the box's anchor, drawn on another ground)."""
        if 0 < run.level < len(self.paragraphs):
            return self.styles.hidden(run.vanish, run.style, self.paragraphs[run.level - 1].style)
        if run.hidden is None:
            style = self.paragraphs[-1].style if self.paragraphs else None
            depth = self.paragraphs[-1].depth if self.paragraphs else 0
            ground = run.ground or self.styles.ground(run.style, style) or \
                self.grounds.behind(depth, self.styles.shade(style), run.color is not None)
            run.hidden = self.styles.hidden(run.vanish, run.style, style) or \
                unseen(self.styles.colour(run.color, run.style, style), ground)
        return run.hidden
