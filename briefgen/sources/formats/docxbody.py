"""A DOCX body read as Word shows it with tracked changes accepted and hidden text not shown.

The part is parsed as a stream of start and end events, and each element is dropped once it has ended, so memory
stays the size of the paragraph being read, whatever the size of the part. What is read:

- each w:p is a paragraph, its own text only: a paragraph inside it (a text box) is its own paragraph, after it;
- text of w:t, w:sym (see docxsym), tabs and breaks as spaces, a non-breaking hyphen as "-"; a footnote's
  reference as the number Word shows for it, counted in the body's order ("a top priority1 by", as Word copies
  it; a passage without the number is found too: marks.py), unless the run after it holds its own mark;
- tracked insertions and moves' new places (w:ins, w:moveTo) are read; deletions and moves' old places are not:
  w:del and w:moveFrom content, the content between w:moveFromRangeStart and its w:moveFromRangeEnd, table rows
  and cells marked deleted; a paragraph whose mark is deleted or moved runs on into the next paragraph;
- hidden text is not read: a run hidden by w:vanish or w:specVanish, directly or through its character style,
  its paragraph's style or the document defaults (each level overriding the one before); a hidden paragraph mark
  runs the paragraph on into the next, as Word shows it; table rows marked hidden are left out;
- not read: field codes (w:instrText), the record of old formatting (w:rPrChange and its kin), and a drawing's
  mc:Fallback copy (the same text box again, for older readers).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from briefgen.sources.formats.docxsym import sym_char
from briefgen.sources.formats.plain import SeedError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
P, R, T, SYM, RPR, PPR = (f"{W}{n}" for n in ("p", "r", "t", "sym", "rPr", "pPr"))
VANISHING = {f"{W}vanish", f"{W}specVanish"}
GONE_MARK = {f"{W}del", f"{W}moveFrom"}  # in a paragraph mark's properties: the mark is deleted or moved away
MOVE_FROM_START, MOVE_FROM_END = f"{W}moveFromRangeStart", f"{W}moveFromRangeEnd"
# Elements whose whole content is not shown once changes are accepted, or is a record, not text.
DROPPED = {f"{W}{n}" for n in ("del", "moveFrom", "rPrChange", "pPrChange", "sectPrChange", "tblPrChange",
                                "tblPrExChange", "trPrChange", "tcPrChange", "numberingChange")} | {f"{MC}Fallback"}
# A mark in a row's (cell's) properties that takes the row (cell) away: the row or cell is two levels up.
ROW_OR_CELL_GONE = {(f"{W}trPr", f"{W}del"), (f"{W}trPr", f"{W}hidden"), (f"{W}tcPr", f"{W}cellDel")}
CHARACTERS = {f"{W}tab": " ", f"{W}ptab": " ", f"{W}br": " ", f"{W}cr": " ", f"{W}noBreakHyphen": "-"}
OFF = {"false", "0", "off"}
FOOTNOTE_REFERENCE = f"{W}footnoteReference"


def xml_events(stream: IO[bytes], name: str) -> Iterator[tuple[str, Any]]:
    """The part's start and end events; each element is emptied and let go once its end has been handled, so
    only the elements still open are kept. A part that declares a document type is refused."""
    from lxml import etree

    events = etree.iterparse(stream, events=("start", "end"), resolve_entities=False, load_dtd=False,
                             no_network=True, remove_comments=True, remove_pis=True)
    try:
        for event, element in events:
            refuse_doctype(element, name)  # the root's start: the document type, if any, has been read
            yield event, element
            break
        for event, element in events:
            yield event, element
            if event == "end":
                _release(element)
    except etree.XMLSyntaxError as exc:
        raise SeedError(f"the DOCX is damaged: its part {name} is not well-formed XML ({str(exc)[:120]})",
                        "open it in Word or LibreOffice and save it again") from None


def refuse_doctype(root: Any, name: str) -> None:
    """Refuse a part whose XML declares a document type: Word never writes one, and its entities would be left
    unexpanded (the text after the first one lost) or, expanded, could blow up."""
    if root.getroottree().docinfo.doctype:
        raise SeedError(f"the DOCX is unsafe or damaged: its part {name} declares an XML document type "
                        "(entities or references to other files), which Word never writes",
                        "open it in Word or LibreOffice and save it again as .docx")


def _release(element: Any) -> None:
    element.clear()
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


def is_on(element: Any) -> bool:
    """An on/off property's value: on unless w:val says off."""
    return str(element.get(f"{W}val", "true")).lower() not in OFF


def is_on_attribute(element: Any, name: str) -> bool:
    """An on/off attribute's value: off when absent."""
    return str(element.get(f"{W}{name}", "false")).lower() not in OFF


def vanish_after(element: Any, before: bool | None) -> bool | None:
    """The vanish setting after a w:vanish (sets it either way) or a w:specVanish (on hides, off changes nothing)."""
    if element.tag == f"{W}vanish":
        return is_on(element)
    return True if is_on(element) else before


@dataclass
class _Style:
    based_on: str | None = None
    vanish: bool | None = None


@dataclass
class Styles:
    """What the styles part says about hidden text: each style's own w:vanish and what it is based on."""

    styles: dict[str, _Style] = field(default_factory=dict)
    default_paragraph: str | None = None
    default_vanish: bool | None = None

    def vanish(self, style: str | None) -> bool | None:
        """The style's vanish setting, its own or inherited through w:basedOn (None when no style sets it)."""
        seen: set[str] = set()
        while style is not None and style not in seen and style in self.styles:
            seen.add(style)
            if self.styles[style].vanish is not None:
                return self.styles[style].vanish
            style = self.styles[style].based_on
        return None

    def hidden(self, direct: bool | None, character: str | None, paragraph: str | None) -> bool:
        """Whether text with these properties is hidden: direct formatting over the character style, over the
        paragraph's style (the default one when it names none), over the document's defaults."""
        if direct is not None:
            return direct
        if not self.styles and self.default_vanish is None:
            return False
        for level in (self.vanish(character), self.vanish(paragraph or self.default_paragraph)):
            if level is not None:
                return level
        return bool(self.default_vanish)


def read_styles(events: Iterator[tuple[str, Any]]) -> Styles:
    """The hidden-text settings of a styles part (word/styles.xml)."""
    found = Styles()
    path: list[str] = []
    current = _Style()
    for event, element in events:
        if event == "end":
            if path.pop() == f"{W}style" and element.get(f"{W}styleId"):
                _keep_style(found, element, current)
            continue
        tag, parent, grand = element.tag, path[-1] if path else "", path[-2] if len(path) > 1 else ""
        path.append(tag)
        if tag == f"{W}style":
            current = _Style()
        elif tag == f"{W}basedOn" and parent == f"{W}style":
            current.based_on = element.get(f"{W}val")
        elif tag in VANISHING and parent == RPR and grand == f"{W}style":
            current.vanish = vanish_after(element, current.vanish)
        elif tag in VANISHING and parent == RPR and grand == f"{W}rPrDefault":
            found.default_vanish = vanish_after(element, found.default_vanish)
    return found


def _keep_style(found: Styles, element: Any, style: _Style) -> None:
    ident = str(element.get(f"{W}styleId"))
    found.styles[ident] = style
    if element.get(f"{W}type") == "paragraph" and element.get(f"{W}default") in ("1", "true", "on"):
        found.default_paragraph = ident


@dataclass
class _Props:
    """A run's (or a paragraph mark's) properties that decide whether it is shown."""

    vanish: bool | None = None
    style: str | None = None
    gone: bool = False  # a paragraph mark deleted or moved away
    hidden: bool | None = None  # worked out once, at its first text


@dataclass
class _Paragraph:
    depth: int
    style: str | None = None
    parts: list[str] = field(default_factory=list)
    after: list[str] = field(default_factory=list)  # the paragraphs nested in it (text boxes), in order
    mark: _Props = field(default_factory=_Props)


@dataclass
class _RunOn:
    """A paragraph whose mark is gone or hidden: its text starts the next paragraph."""

    depth: int
    text: str
    after: list[str]


class BodyReader:
    """Turns a document part's events into its paragraphs' texts (see the module's description)."""

    def __init__(self, styles: Styles) -> None:
        self.styles = styles
        self.path: list[str] = []
        self.skip = 0  # the depth of the element whose content is being left out; 0 when none is
        self.moved: set[str] = set()  # the open w:moveFromRangeStart ids
        self.paragraphs: list[_Paragraph] = []
        self.runs: list[_Props] = []
        self.run_on: _RunOn | None = None
        self.out: list[str] = []
        self.footnotes = 0  # the footnote references read so far

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
        elif tag in DROPPED and parent != RPR:
            self.skip = len(self.path)
        elif parent == RPR:
            self._property(tag, element)
        elif tag == f"{W}pStyle" and parent == PPR and self.paragraphs:
            self.paragraphs[-1].style = element.get(f"{W}val")
        elif tag == P:
            self._open_paragraph()
        elif tag == R:
            self.runs.append(_Props())
        elif parent == R and tag in CHARACTERS:
            self._add(CHARACTERS[tag])
        elif parent == R and tag == SYM:
            self._add(sym_char(element.get(f"{W}font"), element.get(f"{W}char")))
        elif parent == R and tag == FOOTNOTE_REFERENCE and not is_on_attribute(element, "customMarkFollows"):
            self.footnotes += 1
            self._add(str(self.footnotes))

    def end(self, element: Any) -> None:
        depth, tag = len(self.path), self.path.pop()
        if self.skip:
            self.skip = 0 if depth == self.skip else self.skip
        elif tag == T and self.path and self.path[-1] == R:
            self._add(element.text or "")
        elif tag == R and self.runs:
            self.runs.pop()
        elif tag == P and self.paragraphs:
            self._close_paragraph()
        if self.run_on is not None and depth < self.run_on.depth:  # its container ended: nothing to run on into
            self._emit([self.run_on.text, *self.run_on.after])
            self.run_on = None

    def _move_range(self, tag: str, ident: str) -> None:
        if tag == MOVE_FROM_START:
            self.moved.add(ident)
        else:
            self.moved.discard(ident)

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
        elif tag in GONE_MARK:
            props.gone = True
        elif tag in DROPPED:
            self.skip = len(self.path)  # w:rPrChange: the old properties, not these

    def _open_paragraph(self) -> None:
        paragraph = _Paragraph(len(self.path))
        if self.run_on is not None:
            paragraph.parts.append(self.run_on.text)
            paragraph.after.extend(self.run_on.after)
            self.run_on = None
        self.paragraphs.append(paragraph)

    def _close_paragraph(self) -> None:
        paragraph = self.paragraphs.pop()
        text, mark = "".join(paragraph.parts), paragraph.mark
        if mark.gone or self.moved or self.styles.hidden(mark.vanish, mark.style, paragraph.style):
            self.run_on = _RunOn(paragraph.depth, text, paragraph.after)
        else:
            self._emit([text, *paragraph.after])

    def _emit(self, texts: list[str]) -> None:
        (self.paragraphs[-1].after if self.paragraphs else self.out).extend(texts)

    def _add(self, text: str) -> None:
        if self.paragraphs and not self.moved and not any(self._hidden(run) for run in self.runs):
            self.paragraphs[-1].parts.append(text)

    def _hidden(self, run: _Props) -> bool:
        if run.hidden is None:
            style = self.paragraphs[-1].style if self.paragraphs else None
            run.hidden = self.styles.hidden(run.vanish, run.style, style)
        return run.hidden
