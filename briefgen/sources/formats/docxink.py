"""Text a Word document colours as its background, which no reader of the page sees: not seed text.

White text on the white page (or black on a black shaded paragraph) is a way to hide words in a document, as the
HTML and PDF readers know it is in theirs. A run is unseen when its colour (direct, else its character style's, its
paragraph style's, the document's default) is that of the ground behind it: the run's own shading or highlight (else
its styles' run shading), else its paragraph's (direct or from its style), its table cell's or table's, else the
page's (w:background, where the settings show it: w:displayBackgroundShape) or white. In a text box or a table,
whose fill may come from the shape or the table style, which are not read, the ground is known only where it is
shaded explicitly; otherwise nothing there is hidden. A colour of "auto" (Word picks black or white against the
ground) is always seen.
"""

from __future__ import annotations

from typing import Any

from briefgen.document.wordvalues import W as W

WHITE = "FFFFFF"
# Word's highlight colours (ST_HighlightColor)
HIGHLIGHTS = {"black": "000000", "blue": "0000FF", "cyan": "00FFFF", "green": "00FF00", "magenta": "FF00FF",
              "red": "FF0000", "yellow": "FFFF00", "white": "FFFFFF", "darkBlue": "000080", "darkCyan": "008080",
              "darkGreen": "008000", "darkMagenta": "800080", "darkRed": "800000", "darkYellow": "808000",
              "darkGray": "808080", "lightGray": "C0C0C0"}
# What sets the ground of the text inside: a paragraph's, cell's or table's shading, the page's colour; a text
# box or a table (whose fill may come from its shape or table style) a ground not known
TEXT_BOX, TABLE, BACKGROUND, SHADING = f"{W}txbxContent", f"{W}tbl", f"{W}background", f"{W}shd"
GROUNDS = {TEXT_BOX, TABLE, BACKGROUND}
SHADED = {f"{W}pPr", f"{W}tcPr", f"{W}tblPr"}  # what holds a w:shd that shades a paragraph, a cell, a table
_CLOSE = 24  # per channel (of 255): colours this close read as the same against each other


def colour(value: object) -> str | None:
    """A colour value as six hex digits in upper case; None for "auto", a missing or a malformed one."""
    text = str(value or "").strip().upper()
    if len(text) != 6 or any(c not in "0123456789ABCDEF" for c in text):
        return None
    return text


def shading(element: Any) -> str | None:
    """The colour a w:shd fills with: its fill, or its pattern colour when the pattern is solid."""
    if str(element.get(f"{W}val", "")) == "solid":
        return colour(element.get(f"{W}color")) or colour(element.get(f"{W}fill"))
    if str(element.get(f"{W}val", "")) == "nil":
        return None
    return colour(element.get(f"{W}fill"))


def highlight(element: Any) -> str | None:
    return HIGHLIGHTS.get(str(element.get(f"{W}val", "")))


def unseen(text: str | None, ground: str | None) -> bool:
    """Whether text of colour `text` cannot be seen on `ground` (None: not known, so it is seen)."""
    if text is None or ground is None:
        return False
    return all(abs(int(text[k:k + 2], 16) - int(ground[k:k + 2], 16)) <= _CLOSE for k in (0, 2, 4))


class Grounds:
    """The grounds open at a point of a part, each (the depth of its holder, its colour or None when unknown):
    the shading of the open paragraphs, cells and tables, and the page; a text box or a table opens an unknown
    ground."""

    def __init__(self, page_colour: bool = False) -> None:
        """`page_colour`: whether the page colour (w:background) is shown, which Word and LibreOffice do only
        where the settings say so (w:displayBackgroundShape, which Word's Design > Page Color writes); where
        they do not, the page is white whatever colour the document gives it."""
        self.open_grounds: list[tuple[int, str | None]] = []
        self.page_colour = page_colour

    def open(self, tag: str, element: Any, depth: int) -> None:
        """A paragraph's, cell's, table's (w:shd, at `depth` in the part) or the page's shading; a text box or a
        table: a ground not known."""
        if tag in (TEXT_BOX, TABLE):
            self.open_grounds.append((depth, None))
        elif tag == BACKGROUND:
            self.open_grounds.append((depth - 1, (colour(element.get(f"{W}color")) if self.page_colour else None)
                                      or WHITE))
        elif (found := shading(element)) is not None:
            self.open_grounds.append((depth - 2, found))

    def close(self, depth: int) -> None:
        """An element at `depth` ended: the grounds it held end with it."""
        while self.open_grounds and self.open_grounds[-1][0] >= depth:
            self.open_grounds.pop()

    def behind(self, depth: int, style_shade: str | None) -> str | None:
        """The ground behind the text of a paragraph at `depth`: its own shading, else its style's
        (`style_shade`), else the innermost open one, else the white page."""
        own = [found for holder, found in self.open_grounds if holder == depth]
        if own:
            return own[-1]
        return style_shade or (self.open_grounds[-1][1] if self.open_grounds else WHITE)
