"""Text a Word document colours as its background, which no reader of the page sees: not seed text.

White text on the white page (or black on a black shaded paragraph) is a way to hide words in a document, as the
HTML and PDF readers know it is in theirs. A run is unseen when its colour (direct, else its character style's, its
paragraph style's, the document's default) is that of the ground behind it: the run's own shading or highlight (else
its styles' run shading), else its paragraph's (direct or from its style), its table cell's or table's, else the
page's (w:background, where the settings show it: w:displayBackgroundShape) or white. A text box's ground is its
shape's fill (docxfill.py); a table's is what is behind it when its style shades no cell, else not known but where
a cell is shaded explicitly. A theme colour (w:themeColor, w:themeFill) is the theme's, as Word draws it
(docxtheme.py). Where the ground is not known nothing is hidden. A colour of "auto" (Word picks black or white
against the ground) is always seen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from briefgen.document.wordvalues import W as W
from briefgen.sources.formats.docxfill import WATCHED as FILLS
from briefgen.sources.formats.docxfill import ShapeFills
from briefgen.sources.formats.docxtheme import Theme, hex_colour, word_theme_colour

WHITE = "FFFFFF"
# Word's highlight colours (ST_HighlightColor)
HIGHLIGHTS = {"black": "000000", "blue": "0000FF", "cyan": "00FFFF", "green": "00FF00", "magenta": "FF00FF",
              "red": "FF0000", "yellow": "FFFF00", "white": "FFFFFF", "darkBlue": "000080", "darkCyan": "008080",
              "darkGreen": "008000", "darkMagenta": "800080", "darkRed": "800000", "darkYellow": "808000",
              "darkGray": "808080", "lightGray": "C0C0C0"}
# What sets the ground of the text inside: a paragraph's, cell's, row's or table's shading, the page's colour, a text
# box's shape (docxfill.py), a table (its style's shading, when it has any, is not known)
TEXT_BOX, TABLE, BACKGROUND, SHADING = f"{W}txbxContent", f"{W}tbl", f"{W}background", f"{W}shd"
TABLE_PROPS, TABLE_STYLE = f"{W}tblPr", f"{W}tblStyle"
SHADED = {f"{W}pPr", f"{W}tcPr", TABLE_PROPS, f"{W}tblPrEx"}  # what holds a w:shd shading a paragraph, cell, table
WATCHED = {TEXT_BOX, TABLE, BACKGROUND, SHADING, TABLE_STYLE} | FILLS  # the elements Grounds.open reads
_CLOSE = 24  # per channel (of 255): colours this close read as the same against each other
NO_THEME = Theme()


def colour(value: object) -> str | None:
    """A colour value as six hex digits in upper case; None for "auto", a missing or a malformed one."""
    return hex_colour(value)


def themed(element: Any, theme: Theme, stored: str, kind: str = "Color") -> str | None:
    """The colour an element gives as Word draws it: its theme colour (w:themeColor, or w:themeFill for `kind`
    "Fill", with its tint or shade) where the theme has it, else its `stored` value; None when it has neither."""
    name, changes = element.get(f"{W}theme{kind}"), f"{W}theme{kind}" if kind == "Fill" else f"{W}theme"
    found = None if name is None else \
        word_theme_colour(theme, name, element.get(f"{changes}Tint"), element.get(f"{changes}Shade"))
    return found or colour(element.get(f"{W}{stored}"))


def ink(element: Any, theme: Theme = NO_THEME) -> str:
    """A w:color's colour as Word draws it (`themed`); "auto" for automatic (Word picks black or white against
    the ground)."""
    return themed(element, theme, "val") or "auto"


def shading(element: Any, theme: Theme = NO_THEME) -> str | None:
    """The colour a w:shd fills with (`themed`): its fill, its pattern colour when the pattern is solid, else the
    two mixed as the pattern mixes them (`pct25`: a quarter of the pattern colour, black when automatic, over the
    fill, white when there is none; a stripe or a cross as half)."""
    value = str(element.get(f"{W}val", ""))
    if value == "nil":
        return None
    fill = themed(element, theme, "fill", "Fill")
    if value in ("clear", ""):
        return fill
    if value == "solid":
        return themed(element, theme, "color") or fill
    share = int(value[3:]) / 100 if value.startswith("pct") and value[3:].isdigit() else 0.5
    return mixed(themed(element, theme, "color") or "000000", fill or WHITE, share)


def mixed(pattern: str, fill: str, share: float) -> str:
    """`share` of `pattern` over the rest of `fill` (each six hex digits)."""
    return "".join(f"{round(int(pattern[k:k + 2], 16) * share + int(fill[k:k + 2], 16) * (1 - share)):02X}"
                   for k in (0, 2, 4))


def highlight(element: Any) -> str | None:
    return HIGHLIGHTS.get(str(element.get(f"{W}val", "")))


def unseen(text: str | None, ground: str | None) -> bool:
    """Whether text of colour `text` cannot be seen on `ground` (None: not known, so it is seen)."""
    if text is None or ground is None:
        return False
    return all(abs(int(text[k:k + 2], 16) - int(ground[k:k + 2], 16)) <= _CLOSE for k in (0, 2, 4))


class Grounds:
    """The grounds open at a point of a part, each (the depth of its holder, its colour or None when unknown):
    the shading of the open paragraphs, cells, rows and tables, the text boxes' shapes' fills, and the page."""

    def __init__(self, page_colour: bool = False, theme: Theme = NO_THEME,
                 table_shaded: Callable[[str | None], bool] = lambda style: True, drawn_behind: bool = False) -> None:
        """`page_colour`: whether the page colour (w:background) is shown, which Word and LibreOffice do only
        where the settings say so (w:displayBackgroundShape, which Word's Design > Page Color writes); where
        they do not, the page is white whatever colour the document gives it. `theme`: the theme's colours;
        `table_shaded`: whether a table style (None: the document's default one) shades any cell; `drawn_behind`:
        whether a drawing lies behind the text somewhere (docxpage.py): the page is then not known."""
        self.open_grounds: list[tuple[int, str | None]] = []
        self.page_colour, self.theme, self.table_shaded = page_colour, theme, table_shaded
        self.page = None if drawn_behind else WHITE  # the ground of text on the page, where nothing else is
        self.shapes = ShapeFills(theme)
        self.boxes: list[tuple[int, bool]] = []  # the open text boxes: whether their shape's style colours text
        self.tables: list[int] = []  # the depths of the open tables whose properties are being read
        self.table_style: str | None = None  # the w:tblStyle of the table whose properties are being read

    def open(self, tag: str, parent: str, element: Any, depth: int) -> None:
        """An element of WATCHED at `depth` in the part, a child of `parent`."""
        if tag == TEXT_BOX:
            self.open_grounds.append((depth, self.shapes.ground()))
            self.boxes.append((depth, self.shapes.inks_text()))
        elif tag == TABLE:  # not known until its properties name its style
            self.open_grounds.append((depth, None))
            self.tables.append(depth)
        elif tag == TABLE_STYLE and parent == TABLE_PROPS:
            self.table_style = element.get(f"{W}val")
        elif tag == BACKGROUND:
            shown = themed(element, self.theme, "color") if self.page_colour else None
            self.open_grounds.append((depth - 1, shown or self.page))
        elif tag == SHADING:
            if parent in SHADED and (found := shading(element, self.theme)) is not None:
                self.open_grounds.append((depth - 2, found))
        else:
            self.shapes.start(tag, parent, element, depth)

    def close(self, depth: int, tag: str) -> None:
        """An element `tag` at `depth` ended: the grounds it held end with it. A table's properties ended: a table
        whose style shades nothing lets the ground around it show."""
        if self.shapes.shapes:
            self.shapes.end(depth)
        if tag == TABLE_PROPS and self.tables and self.tables[-1] == depth - 1:
            if not self.table_shaded(self.table_style):
                self.open_grounds = [(held, found) for held, found in self.open_grounds
                                     if held != depth - 1 or found is not None]
            self.tables.pop()
            self.table_style = None
        elif tag == TABLE and self.tables and self.tables[-1] == depth:  # a table without properties
            self.tables.pop()
        while self.open_grounds and self.open_grounds[-1][0] >= depth:
            self.open_grounds.pop()
        while self.boxes and self.boxes[-1][0] >= depth:
            self.boxes.pop()

    def behind(self, depth: int, style_shade: str | None, own_ink: bool = True) -> str | None:
        """The ground behind the text of a paragraph at `depth`: its own shading, else its style's
        (`style_shade`), else the innermost open one, else the white page. Not known for a run without a colour
        of its own (`own_ink`) in a text box whose shape's style colours its text (docxfill.py)."""
        if not own_ink and self.boxes and self.boxes[-1][1]:
            return None
        own = [found for holder, found in self.open_grounds if holder == depth]
        if own:
            return own[-1]
        return style_shade or (self.open_grounds[-1][1] if self.open_grounds else self.page)
