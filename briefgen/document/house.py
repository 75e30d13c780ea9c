"""A house style as both writers see it: what a reference DOCX (or a brand file) says about the page, the named
styles and the letterhead, already resolved (inheritance followed, units in points), so the PDF can follow the
same reference the DOCX is built on.

`render/house.py` reads a reference into these types; writers only read them. A `None` field means the
reference does not say, and briefgen's own metric (document/layout.py) stands.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from briefgen.document.borders import Rule
from briefgen.document.layout import estimated_lines

if TYPE_CHECKING:
    from briefgen.document.tablelook import TableLook

Align = Literal["left", "center", "right", "justify"]
TabKind = Literal["left", "center", "right", "decimal"]  # how text sits at a tab stop
TabStops = tuple[tuple[float, TabKind], ...]  # a paragraph's tab stops: points from the margin, how text sits at each
Indent = tuple[float, float, float]  # a paragraph's left, right and first-line indents, points (hanging < 0)

# The main part's content types a reference DOCX may declare: a document or a template (.dotx), with macros
# or without (.docm, .dotm). The DOCX writer opens each as a document; macros are never carried over.
WORD_DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
WORD_MAIN_TYPES = (WORD_DOCUMENT, "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
                   "application/vnd.ms-word.document.macroEnabled.main+xml",
                   "application/vnd.ms-word.template.macroEnabledTemplate.main+xml")
# The namespace of Word's "Strict Open XML" format, which python-docx (and this reader) cannot read.
STRICT_WORDML = "http://purl.oclc.org/ooxml/wordprocessingml/main"

# Fonts whose metrics a bundled face copies, so text set in one wraps like text set in the other (each bundled
# face under its own names too; Helvetica and Times are the PostScript faces Arial and Times New Roman copy).
METRIC_TWINS = {"Cambria": "Caladea", "Caladea": "Caladea", "Calibri": "Carlito", "Carlito": "Carlito",
                **dict.fromkeys(("Arial", "Helvetica", "Arimo", "Liberation Sans", "LiberationSans"), "LiberationSans"),
                **dict.fromkeys(("Times New Roman", "Times", "Tinos", "Liberation Serif", "LiberationSerif"),
                                "LiberationSerif"),
                **dict.fromkeys(("Courier New", "Courier", "Cousine", "Liberation Mono", "LiberationMono"),
                                "LiberationMono")}
_SERIF_HINTS = ("serif", "times", "georgia", "garamond", "cambria", "caladea", "book", "minion", "palatino",
                "baskerville", "charter", "roman")
# Names of fixed-pitch faces (Consolas, Lucida Console, Menlo, Source Code Pro, DejaVu Sans Mono, OCR-A…): drawn
# in Liberation Mono, whose every letter is as wide as the others, as theirs are; a proportional face sets
# half as many more letters on a line
_MONO_HINTS = ("mono", "courier", "consol", "menlo", "monaco", "code", "typewriter", "fixed", "terminal", "ocr")


def pdf_family(name: str) -> str:
    """The bundled family the PDF draws a named font in: the font itself or its metric twin, else Liberation
    Mono for a fixed-pitch name, Caladea for a serif-looking one and Carlito for the rest (a substitute
    `substitute_note` reports)."""
    if name in METRIC_TWINS:
        return METRIC_TWINS[name]
    lowered = name.lower()
    if any(hint in lowered for hint in _MONO_HINTS):
        return "LiberationMono"
    serif = any(hint in lowered for hint in _SERIF_HINTS) and "sans" not in lowered
    return "Caladea" if serif else "Carlito"


def substitute_note(name: str) -> str:
    """'' when the PDF can draw `name` with its own metrics; otherwise what it draws instead, in words."""
    if name in METRIC_TWINS:
        return ""
    return (f"font {name!r} is not bundled: the PDF uses {pdf_family(name)} in its place, which is not "
            f"metric-compatible, so lines may break differently in the DOCX and the PDF")


@dataclass(frozen=True)
class ListLevel:
    """One level of a Word list: its number format (decimal, upperRoman, lowerLetter, none…) and its text
    pattern ("%1." or "%1.%2", each %n the number of level n)."""

    fmt: str = "decimal"
    text: str = ""
    start: int = 1
    font: str | None = None  # the number's or bullet's font (a bullet's glyph: Symbol, Wingdings…)
    colour: str | None = None  # its colour, "#RRGGBB" (None: the paragraph's)
    indent: Indent | None = None  # the level's indents, left, right, first line (a hanging indent negative)


@dataclass(frozen=True)
class StyleLook:
    """One named style as the reference defines it (None: not said, briefgen's default stands)."""

    font: str | None = None
    size: float | None = None  # points
    colour: str | None = None  # "#RRGGBB"
    bold: bool | None = None
    italic: bool | None = None
    caps: bool | None = None
    hidden: bool | None = None  # Word's "Hidden" font effect (w:vanish): the text is not shown
    spacing: float | None = None  # letter spacing (its w:rPr's w:spacing): points after each character, < 0 condensed
    space_before: float | None = None  # points
    space_after: float | None = None  # points
    line: float | None = None  # line spacing as a multiple of the font's natural line height ("auto" rule)
    line_exact: float | None = None  # an exact line height in points
    line_at_least: float | None = None  # a smallest line height in points (Word's "at least" rule)
    align: Align | None = None
    rules: tuple[Rule, ...] = ()  # the paragraph's border, one rule per side it draws
    indent: Indent | None = None  # its indents (None: it sets none)
    numbered: tuple[str, int] | None = None  # the list (numId) and level its paragraphs are numbered in
    fill: str | None = None  # the paragraph's shading (w:shd), "#RRGGBB", drawn behind its lines
    tabs: TabStops = ()  # its tab stops (w:tabs), by position, its base style's with its own over them
    contextual: bool | None = None  # Word's "don't add space between paragraphs of the same style"
    scripts: tuple[tuple[str, str], ...] = ()  # script tag -> the font its text is set in (document/scriptfonts.py)


# What Word sets text in where nothing in the package says (no styles part, or document defaults and styles that
# name no font or size): its built-in defaults, Times New Roman at 10 pt, as a native Word export shows such a
# document; the DOCX states them (writers/docx/reference.py), as LibreOffice, left to itself, sets Calibri 11 pt
WORD_DEFAULTS = StyleLook(font="Times New Roman", size=10.0)
DEFAULT_TAB = 36.0  # points: Word's default tab stops are half an inch apart unless the settings say otherwise
CELL_BREAK = "\n"  # a Piece of this text parts a table cell's paragraphs (each a line of its own in the cell)


@dataclass(frozen=True)
class Anchor:
    """Where a floating picture stands (Word's wp:anchor: a logo placed at the page's right, say), instead of
    in its line: each way, an alignment or an offset in points from the edge of what it is placed against
    (horizontally "page", "margin", "leftMargin", "rightMargin"; vertically "page", "margin", "topMargin",
    "bottomMargin", "paragraph"). It takes no room in its line."""

    across: str = "margin"
    across_align: str | None = None  # "left", "center", "right"
    across_offset: float = 0.0
    down: str = "paragraph"
    down_align: str | None = None  # "top", "center", "bottom"
    down_offset: float = 0.0
    behind: bool = False  # "behind text" (a letterhead's background picture): drawn under the page's text


# A shape's outline: steps "M" (move), "L" (line), "C" (cubic curve, two control points then its end) and "Z"
# (close), each point a fraction of the shape's box from its top left corner, x then y
Outline = tuple[tuple[str, tuple[float, ...]], ...]


@dataclass(frozen=True)
class Shape:
    """A floating shape's paint (a coloured band or rule across a letterhead, a round seal): a rectangle, rounded
    rectangle, ellipse or outline filled and outlined, or a line from its box's top left to its bottom right;
    None where it has none."""

    line: bool = False
    fill: str | None = None  # "#RRGGBB"
    stroke: str | None = None
    stroke_width: float = 0.75  # points
    kind: str = "rect"  # "rect", "round" (its corners rounded), "ellipse", or "path" (drawn along `path`)
    corner: float = 0.0  # a rounded rectangle's corners' radius, a share of its shorter side
    path: Outline = ()



@dataclass(frozen=True)
class Piece:
    """Part of a letterhead line: literal text (with placeholders of fields: document/fields.py) or an image."""

    text: str = ""
    image: bytes = b""
    width: float = 0.0  # points, for an image
    height: float = 0.0
    anchor: Anchor | None = None  # a floating picture's or text box's place (its size: width, height); None: in
    # the line
    box: tuple[LetterLine, ...] = ()  # a floating text box's paragraphs
    shape: Shape | None = None  # a floating shape's paint (a text box's too), drawn under its text
    insets: tuple[float, float, float, float] = (7.2, 3.6, 7.2, 3.6)  # a text box's, points: left, top, right,
    # bottom (Word's defaults: a tenth of an inch aside, a twentieth above and below)
    valign: str = "t"  # where a text box's text stands in it: "t" (top), "ctr" (middle) or "b" (bottom)

    @property
    def inline(self) -> bool:
        """Whether the piece takes room in its line (text, or a picture that does not float)."""
        return self.anchor is None


@dataclass(frozen=True)
class LetterLine:
    """One paragraph of a header or footer, split at its tabs into parts, each set at the tab stop its tab
    takes it to (`stops`; Word's Header and Footer styles put a centre stop mid-line and a right stop at the
    margin), or one row of a table in it, a part in each of its `columns`."""

    cells: tuple[tuple[Piece, ...], ...]
    align: Align = "left"
    bold: bool = False
    size: float | None = None
    colour: str | None = None
    font: str | None = None
    before: float = 0.0  # paragraph spacing in points, from its style
    after: float = 0.0
    line: float = 1.0  # line spacing, a multiple of the font's natural line height
    line_exact: float | None = None  # or an exact line height in points
    line_at_least: float | None = None  # or at least this height in points
    # a table row's cells: each one's left edge (points from the left margin), width and alignment
    columns: tuple[tuple[float, float, Align], ...] = ()
    stops: TabStops = ()  # where its tabs take its parts (Word's default stops past the last)
    indent: Indent = (0.0, 0.0, 0.0)
    letter_spacing: float = 0.0  # points after each character (Word's w:spacing in its style or runs)

    def spacing(self) -> float:
        return self.before + self.after

    def line_height(self, natural: float) -> float:
        """The height of one of its lines, `natural` being the font's single line height, as Word sets it."""
        if self.line_exact is not None:
            return self.line_exact
        return max(natural * self.line, self.line_at_least or 0.0)


@dataclass(frozen=True)
class Watermark:
    """What Word draws across every page behind the text (Design > Watermark): text ("DRAFT", "CONFIDENTIAL")
    as a WordArt shape in the header, stretched to a box `width` by `height` points, turned `angle` degrees
    counter-clockwise, centred on the text area; or a picture (`image`, PNG or JPEG bytes) that size, centred,
    at `opacity` (Word's "washout" lightens it)."""

    text: str
    colour: str = "#C0C0C0"  # "#RRGGBB"
    opacity: float = 0.5
    angle: float = 45.0
    width: float = 400.0
    height: float = 100.0
    font: str | None = None
    image: bytes | None = None


Furniture = tuple[tuple[LetterLine, ...], tuple[LetterLine, ...]]  # a page's header lines and footer lines


@dataclass(frozen=True)
class House:
    """The house style of one reference document."""

    page_mm: tuple[float, float] | None = None  # width, height
    margins_mm: tuple[float, float, float, float] | None = None  # top, right, bottom, left
    header_mm: float | None = None  # from the page's top edge to the header
    footer_mm: float | None = None  # from the page's bottom edge to the footer
    styles: tuple[tuple[str, StyleLook], ...] = ()  # by Word style name, lower case ("heading 1")
    header: tuple[LetterLine, ...] = ()
    footer: tuple[LetterLine, ...] = ()
    left_out: tuple[str, ...] = ()  # letterhead pictures and shapes the PDF cannot draw as Word does, each with
    # why and what it does instead (check warns)
    lists: tuple[tuple[str, tuple[ListLevel, ...]], ...] = ()  # numId -> its levels (render/numbering.py)
    watermark: Watermark | None = None  # in the header's shapes
    # Word's "different first page" and "different odd and even pages": the header and footer lines of the
    # first page and of even pages (empty when the reference defines none: Word leaves those pages blank);
    # None when the reference does not set them apart, and the default header and footer stand.
    first: Furniture | None = None
    even: Furniture | None = None
    mirrored: bool = False  # Word's "mirror margins": even pages have the left and right margins swapped
    default_tab: float = DEFAULT_TAB  # points between Word's default tab stops (the settings' defaultTabStop)
    # Word's negative top or bottom margin (its absolute value in margins_mm): the text keeps it however tall
    # the header or footer is, which may then run over the text
    fixed_margins: tuple[bool, bool] = (False, False)
    decimal_symbol: str = "."  # where a decimal tab stop lines a number up (the settings' w:decimalSymbol)
    # Word's compatibility mode (the settings' compatibilityMode: 15 for Word 2013 and later, 0 unsaid): from 15
    # a table's indent is measured to its border, before to its first cell's text
    compatibility: int = 0
    unheeded: tuple[str, ...] = ()  # what of UNTAKEN the reference turns on, in words (check warns)
    table: TableLook | None = None  # the table style the data table is set in (None: briefgen's Brief Table)
    table_note: str = ""  # why the reference's first table, formatted by hand, is not followed (check warns)

    def style(self, word_name: str) -> StyleLook:
        return dict(self.styles).get(word_name.lower(), StyleLook())

    def furniture_of(self, page: int) -> str:
        """Which header and footer page `page` (from 1) has, as Word chooses: a key of `variants`."""
        if page == 1 and self.first is not None:
            return "first"
        return "even" if page % 2 == 0 and self.even is not None else "default"

    @property
    def variants(self) -> dict[str, Furniture]:
        """Every header and footer pair some page may have, by kind (default, first, even)."""
        found = {"default": (self.header, self.footer), "first": self.first, "even": self.even}
        return {kind: pair for kind, pair in found.items() if pair is not None}

    @property
    def letterhead(self) -> bool:
        return any(header or footer for header, footer in self.variants.values())

    def reach_mm(self, body_size: float, page_mm: tuple[float, float], text_width_mm: float) -> tuple[float, float]:
        """About how far the header reaches down the page and the footer up it (lines at 1.2 times their
        size, a long paragraph wrapped, pictures at most PICTURE_SHARE of the page): for `check`; the PDF
        measures each line's font."""
        def tall(line: LetterLine) -> float:
            pictures = [min(p.height * PT_MM, page_mm[1] * PICTURE_SHARE) for cell in line.cells
                        for p in cell if p.image and p.inline]
            size = line.size or body_size
            said = "".join(p.text for cell in line.cells for p in cell if p.inline)
            lines = estimated_lines(said, size, text_width_mm / PT_MM) if len(line.cells) == 1 and not pictures \
                else 1
            if line.columns:  # a table row: its tallest cell's paragraphs
                lines = max(sum(p.text == CELL_BREAK for p in cell) + 1 for cell in line.cells) if line.cells else 1
            return max([line.line_height(size * 1.2) * lines * PT_MM, *pictures]) + line.spacing() * PT_MM

        pairs = self.variants.values()
        return ((self.header_mm or DEFAULT_DISTANCE_MM) + max(sum(map(tall, h)) for h, _ in pairs),
                (self.footer_mm or DEFAULT_DISTANCE_MM) + max(sum(map(tall, f)) for _, f in pairs))


PT_MM = 25.4 / 72
DEFAULT_DISTANCE_MM = 12.5  # Word's header and footer distance when the reference gives none
PICTURE_SHARE = 0.25  # a letterhead picture is drawn at most the text's width and this share of the page high
