"""A DOCX part's XML read as a stream of events (docxbody.py reads the body from them), a w:t's text as its white
space says (`spaced`), and what the styles part says about hidden text: each style's own w:vanish, what it is
based on, and the document's defaults."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from briefgen.sources.formats.docxink import NO_THEME, W, ink, shading
from briefgen.sources.formats.docxstrict import is_strict, transitional
from briefgen.sources.formats.docxtheme import Theme, hex_colour
from briefgen.sources.formats.plain import SeedError

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
RPR = f"{W}rPr"
VANISHING = {f"{W}vanish", f"{W}specVanish"}
OFF = {"false", "0", "off"}
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_WHITE = str.maketrans("\t\r\n", "   ")
WRITERS = {"DOCX": "Word", "XLSX": "Excel", "PPTX": "PowerPoint"}  # the application writing each package
NUMBERING = {f"{W}numId": "num_id", f"{W}ilvl": "num_level"}  # in w:numPr: the list and level, by attribute


class DamagedPart(SeedError):
    """A part that is not well-formed XML, or whose zip entry cannot be inflated: a part of settings only (styles,
    lists, settings) is read as absent, as Word reads it once it has repaired the file; a part of text is refused.
    A part declaring a document type, or too large, is refused as a SeedError of its own, whatever it holds."""


def xml_events(stream: IO[bytes], name: str, kind: str = "DOCX") -> Iterator[tuple[str, Any]]:
    """The part's start and end events; each element is emptied and let go once its end has been handled, so
    only the elements still open are kept. A part that declares a document type is refused. `kind` names the
    package in messages ("XLSX", "PPTX")."""
    from lxml import etree

    events = etree.iterparse(stream, events=("start", "end"), resolve_entities=False, load_dtd=False,
                             no_network=True, remove_comments=True, remove_pis=True)
    try:
        first = next(events, None)
        if first is None:
            return
        event, root = first
        refuse_doctype(root, name, kind)  # the root's start: the document type, if any, has been read
        strict = is_strict(root)
        if strict:
            transitional(root)
        yield event, root
        for event, element in events:
            if strict and event == "start":
                transitional(element)
            yield event, element
            if event == "end":
                _release(element)
    except etree.XMLSyntaxError as exc:
        raise DamagedPart(f"the {kind} is damaged: its part {name} is not well-formed XML ({str(exc)[:120]})",
                        "open it in Word or LibreOffice and save it again") from None


def spaced(element: Any) -> str:
    """A w:t's text as Word shows it: the white space at its ends left out unless it says to keep it
    (xml:space="preserve", which Word writes wherever it matters: a generator that does not write it gets its
    runs' words glued together, "A run test" shown "Aruntest"); a tab or line end in it is a space."""
    text = element.text or ""
    if not text.isprintable():  # a tab or line end (rare): a space
        text = text.translate(_WHITE)
    if text[:1] != " " and text[-1:] != " ":
        return text
    kept = element.get(XML_SPACE)
    if kept is None:  # xml:space holds for the element it is on and everything inside it
        kept = next((found for item in element.iterancestors() if (found := item.get(XML_SPACE)) is not None), None)
    return text if kept == "preserve" else text.strip(" ")


def refuse_doctype(root: Any, name: str, kind: str = "DOCX") -> None:
    """Refuse a part whose XML declares a document type: Word never writes one, and its entities would be left
    unexpanded (the text after the first one lost) or, expanded, could blow up."""
    if root.getroottree().docinfo.doctype:
        writer = WRITERS.get(kind, "Office")
        raise SeedError(f"the {kind} is unsafe or damaged: its part {name} declares an XML document type "
                        f"(entities or references to other files), which {writer} never writes",
                        f"open it in {writer} or LibreOffice and save it again as .{kind.lower()}")


def _release(element: Any) -> None:
    element.clear()
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


def is_on(element: Any) -> bool:
    """An on/off property's value: on unless w:val says off."""
    return str(element.get(f"{W}val", "true")).lower() not in OFF


def shows_page_colour(settings: Any) -> bool:
    """Whether a document's settings (its parsed settings part, or None) show its page colour: Word and
    LibreOffice draw w:background only with w:displayBackgroundShape on."""
    found = None if settings is None else settings.find(f"{W}displayBackgroundShape")
    return found is not None and is_on(found)


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
    color: str | None = None  # six hex digits, or "auto"
    shade: str | None = None  # a paragraph style's shading (docxink.shading)
    ground: str | None = None  # its runs' shading (w:rPr's w:shd; a highlight in a style is not drawn)
    font: str | None = None  # its runs' font (w:rFonts): text in a symbol font reads as drawn (docxsym.py)
    num_id: str | None = None  # a paragraph style's list (w:numPr), docxnumbers.py
    num_level: str | None = None
    shaded: bool | None = None  # any w:shd in it: a table style shading some of its cells (docxink.Grounds)


@dataclass
class Styles:
    """What the styles part says about hidden text: each style's own w:vanish, text colour and paragraph
    shading, and what it is based on."""

    styles: dict[str, _Style] = field(default_factory=dict)
    default_paragraph: str | None = None
    default_vanish: bool | None = None
    default_color: str | None = None
    default_ground: str | None = None
    default_table: str | None = None

    def vanish(self, style: str | None) -> bool | None:
        """The style's vanish setting, its own or inherited through w:basedOn (None when no style sets it)."""
        found = self._inherited(style, "vanish")
        return found if isinstance(found, bool) else None

    def numbering(self, paragraph: str | None) -> tuple[str | None, str | None]:
        """The list (w:numId) and level (w:ilvl) a paragraph's style numbers it in, each its own or inherited."""
        style = paragraph or self.default_paragraph
        num_id, level = self._inherited(style, "num_id"), self._inherited(style, "num_level")
        return (num_id if isinstance(num_id, str) else None), (level if isinstance(level, str) else None)

    def _inherited(self, style: str | None, name: str) -> object:
        """A setting of the style, its own or inherited through w:basedOn (None when no style sets it)."""
        seen: set[str] = set()
        while style is not None and style not in seen and style in self.styles:
            seen.add(style)
            if (value := getattr(self.styles[style], name)) is not None:
                return value
            style = self.styles[style].based_on
        return None

    def colour(self, direct: str | None, character: str | None, paragraph: str | None) -> str | None:
        """A run's text colour as six hex digits (None: "auto" or unset), as `hidden` settles a setting."""
        for level in (direct, self._inherited(character, "color"),
                      self._inherited(paragraph or self.default_paragraph, "color"), self.default_color):
            if level is not None:
                return hex_colour(level)
        return None

    def ground(self, character: str | None, paragraph: str | None) -> str | None:
        """The shading a run's styles give it (its character style's, its paragraph style's, the document's
        default), drawn behind its text: None when none does. A highlight in a style is not drawn (Word offers
        none in a style, and LibreOffice draws none from one), so it is no ground."""
        for level in (self._inherited(character, "ground"),
                      self._inherited(paragraph or self.default_paragraph, "ground"), self.default_ground):
            if isinstance(level, str):
                return level
        return None

    def font(self, direct: str | None, character: str | None, paragraph: str | None) -> str | None:
        """A run's font: its own (`direct`), else its character style's, else its paragraph style's."""
        for level in (direct, self._inherited(character, "font"),
                      self._inherited(paragraph or self.default_paragraph, "font")):
            if isinstance(level, str):
                return level
        return None

    def table_shaded(self, table: str | None) -> bool:
        """Whether a table's style (None: the document's default table style), or one it is based on, shades any
        of its cells, which is then a ground not known; a style the part does not hold is not known either."""
        style = table or self.default_table
        if style is None:
            return False
        return style not in self.styles or self._inherited(style, "shaded") is True

    def shade(self, paragraph: str | None) -> str | None:
        """The shading a paragraph's style gives it."""
        found = self._inherited(paragraph or self.default_paragraph, "shade")
        return found if isinstance(found, str) else None

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


def read_styles(events: Iterator[tuple[str, Any]], theme: Theme = NO_THEME) -> Styles:
    """The hidden-text settings of a styles part (word/styles.xml): vanish, text colours, paragraph shading."""
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
        elif tag == f"{W}color" and parent == RPR and grand in (f"{W}style", f"{W}rPrDefault"):
            value = ink(element, theme)
            current.color, found.default_color = (value, found.default_color) if grand == f"{W}style" else \
                (current.color, value)
        elif tag == f"{W}shd" and parent == f"{W}pPr" and grand == f"{W}style":
            current.shade = shading(element, theme)
        elif tag == f"{W}rFonts" and parent == RPR and grand == f"{W}style":
            current.font = element.get(f"{W}ascii") or element.get(f"{W}hAnsi")
        elif tag == f"{W}shd" and parent == RPR and grand == f"{W}style":
            current.ground = shading(element, theme)
        elif tag == f"{W}shd" and parent == RPR and grand == f"{W}rPrDefault":
            found.default_ground = shading(element, theme)
        elif tag in NUMBERING and parent == f"{W}numPr" and len(path) > 3 and path[-4] == f"{W}style":
            setattr(current, NUMBERING[tag], str(element.get(f"{W}val", "")))
        if tag == f"{W}shd" and f"{W}style" in path and shading(element, theme) is not None:
            current.shaded = True  # a table style's shading, whole or of some cells: the ground is not known
    return found


def _keep_style(found: Styles, element: Any, style: _Style) -> None:
    ident = str(element.get(f"{W}styleId"))
    found.styles[ident] = style
    if element.get(f"{W}default") in ("1", "true", "on"):
        if element.get(f"{W}type") == "paragraph":
            found.default_paragraph = ident
        elif element.get(f"{W}type") == "table":
            found.default_table = ident

