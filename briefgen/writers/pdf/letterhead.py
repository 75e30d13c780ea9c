"""A house style's header and footer drawn on every PDF page, as Word lays out the same DOCX's.

Each letterhead line is a paragraph of the reference's header or footer, split at its tabs: the first part at
the left margin (or where the paragraph's alignment puts it, when it has no tab), the second centred, the third
at the right margin, as Word's Header and Footer styles' tab stops place them. The header's first line hangs
from the reference's header distance; the footer's last line (the brief's handling line, then the reference's
lines above it) stands on its footer distance. PAGE and NUMPAGES fields print this page and the total.
"""

from __future__ import annotations

import re

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from briefgen.document.house import NUMPAGES, PAGE, House, LetterLine, Piece
from briefgen.document.layout import FURNITURE_SCALE
from briefgen.document.nodes import one_line, safe_text
from briefgen.writers.pdf import fonts
from briefgen.writers.pdf.house import WORD_BLACK, image, line_factor
from briefgen.writers.pdf.styles import Kit

_SPACE = re.compile(r"\s+")
DEFAULT_DISTANCE_MM = 12.5  # Word's header and footer distance when the reference gives none


class Letterhead:
    """Draws the reference's header and footer lines; `banner` is added as the footer's last line."""

    def __init__(self, kit: Kit, house: House, banner: LetterLine | None, total: int) -> None:
        self.kit, self.house, self.total = kit, house, total
        self.footer = (*house.footer, banner) if banner is not None else house.footer
        self.default_size = kit.theme.body_size

    def __call__(self, canv: Canvas, page: int) -> None:
        canv.saveState()
        top = self.kit.page[1] - (self.house.header_mm or DEFAULT_DISTANCE_MM) * mm
        for line in self.house.header:
            top -= self._height(line)
            self._line(canv, line, top, page)
        bottom = (self.house.footer_mm or DEFAULT_DISTANCE_MM) * mm
        for line in reversed(self.footer):
            self._line(canv, line, bottom + self._descent(line), page)
            bottom += self._height(line)
        canv.restoreState()

    def _font(self, line: LetterLine) -> tuple[str, float]:
        return fonts.font_name(self._family(line), line.bold), line.size or self.default_size

    def _family(self, line: LetterLine) -> str:
        return self.kit.theme.fonts.pdf_family(line.font) if line.font else self.kit.families["body"]

    def _runs(self, piece: Piece, line: LetterLine, page: int) -> list[tuple[str, str]]:
        """(font name, text) runs of a text piece, each in a face that has its glyphs."""
        raw = piece.text.replace(PAGE, str(page)).replace(NUMPAGES, str(self.total))
        text = _SPACE.sub(" ", safe_text(raw).replace("\u00ad", ""))  # one line; its edge spaces are spacing
        found = fonts.runs(text, self._family(line), line.bold, fontset=self.kit.theme.fonts)
        return [(fonts.font_name(fam, line.bold), chunk) for fam, chunk in found]

    def _height(self, line: LetterLine) -> float:
        name, size = self._font(line)
        images = [piece.height for cell in line.cells for piece in cell if piece.image]
        return max([size * line_factor(name), *images])

    def _descent(self, line: LetterLine) -> float:
        name, size = self._font(line)
        return size * line_factor(name) * 0.22

    def _width(self, cell: tuple[Piece, ...], line: LetterLine, size: float, page: int) -> float:
        return sum(p.width if p.image else sum(stringWidth(chunk, name, size)
                                               for name, chunk in self._runs(p, line, page)) for p in cell)

    def _line(self, canv: Canvas, line: LetterLine, baseline: float, page: int) -> None:
        size = self._font(line)[1]
        left, right = self.kit.margins[3], self.kit.page[0] - self.kit.margins[1]
        slots = ["left", "center", "right"] if len(line.cells) > 1 else [line.align]
        canv.setFillColor(HexColor(line.colour or WORD_BLACK))
        for cell, slot in zip(line.cells, slots, strict=False):
            width = self._width(cell, line, size, page)
            x = {"center": (left + right - width) / 2, "right": right - width}.get(slot, left)
            for piece in cell:
                if piece.image:
                    canv.drawImage(image(piece.image), x, baseline, piece.width, piece.height, mask="auto")
                    x += piece.width
                    continue
                for name, chunk in self._runs(piece, line, page):
                    canv.setFont(name, size)
                    canv.drawString(x, baseline, chunk)
                    x += stringWidth(chunk, name, size)


def banner_line(kit: Kit, house: House, banner: str) -> LetterLine | None:
    """The handling line the DOCX adds under the reference's footer: its Footer style, bold, in capitals and
    the banner colour."""
    if not one_line(banner):
        return None
    footer = house.style("Footer")
    size = footer.size if footer.size else kit.theme.body_size * FURNITURE_SCALE
    font = footer.font or kit.theme.heading_font
    return LetterLine(((Piece(banner.upper()),),), align="center", bold=True, size=size,
                      colour=kit.theme.banner_color, font=font)
