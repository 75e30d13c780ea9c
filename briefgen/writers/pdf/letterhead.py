"""A house style's header and footer drawn on every PDF page, as Word lays out the same DOCX's.

Each letterhead line is a paragraph of the reference's header or footer, split at its tabs: the first part at
the left margin (or where the paragraph's alignment puts it, when it has no tab), each next one at the tab stop
Word takes it to (`tabbed`: the paragraph's and its style's stops, then Word's default ones; Word's Header and
Footer styles centre the second part and end the third at the margin). The header's first line hangs
from the reference's header distance; the footer's last line (the brief's handling line, then the reference's
lines above it) stands on its footer distance. PAGE and NUMPAGES fields print this page and the total,
date fields the brief's date (document/fields.py). A paragraph wider than the text (a disclaimer, a long title
shown by a property field, parts at tab stops that run past the margin) goes on as many lines as it needs, as
in Word (tabrows.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import partial

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from briefgen.document.colours import text_colour
from briefgen.document.fields import FieldValues, filled
from briefgen.document.house import (
    DEFAULT_DISTANCE_MM,
    PICTURE_SHARE,
    House,
    LetterLine,
    Piece,
)
from briefgen.document.layout import furniture_size
from briefgen.document.nodes import one_line, safe_text
from briefgen.writers.pdf import fonts, oneline
from briefgen.writers.pdf.house import image, line_factor
from briefgen.writers.pdf.letterlines import across, down, fitted, stacked, wrapped
from briefgen.writers.pdf.page import Decorator
from briefgen.writers.pdf.shapes import paint
from briefgen.writers.pdf.styles import Kit
from briefgen.writers.pdf.tabrows import decimal_hook, tabbed
from briefgen.writers.pdf.watermark import draw_watermark

_SPACE = re.compile(r"\s+")
_WIDEST_PAGE = 99  # PAGE and NUMPAGES as wide as two digits when lines are wrapped: the same on every page


class Letterhead:
    """Draws the reference's header and footer lines of each page (the first page's and even pages' where the
    reference sets them apart: House.furniture); `banner` is added as every footer's last line."""

    def __init__(self, kit: Kit, house: House, banner: LetterLine | None, total: int,
                 values: FieldValues) -> None:
        self.kit, self.total, self.values, self.house = kit, total, values, house  # document/fields.py
        self.default_size = kit.theme.body_size
        below = () if banner is None else (banner,)
        self.fitted = {kind: (self._laid(header), self._laid((*footer, *below)))
                       for kind, (header, footer) in house.variants.items()}
        self.header_at = (house.header_mm or DEFAULT_DISTANCE_MM) * mm  # from the page's top edge
        self.footer_at = (house.footer_mm or DEFAULT_DISTANCE_MM) * mm  # from its bottom edge
        self.watermark = house.watermark

    def _laid(self, lines: tuple[LetterLine, ...], width: float | None = None) -> tuple[LetterLine, ...]:
        """The lines as drawn: pictures scaled to fit, long paragraphs wrapped (at the text's width, or a
        text box's)."""
        box = (self.kit.text_width if width is None else width, self.kit.page[1] * PICTURE_SHARE)
        reach = self.kit.margins[1] if width is None else 0.0  # a tab stop may take text into the right margin
        return tuple(part for line in lines for part in wrapped(fitted(line, box, self.kit.page), box[0],
                                                                 partial(self._measure, line),
                                                                 self.house.default_tab, reach,
                                                                 self.house.decimal_symbol))

    def _measure(self, line: LetterLine, text: str) -> float:
        shown = filled(text, _WIDEST_PAGE, _WIDEST_PAGE, self.values)
        return oneline.width(self._shaped(shown, line), self._font(line)[1])

    @property
    def has_under(self) -> bool:
        """Whether anything is drawn behind the pages' text (a watermark, a picture set behind text)."""
        return self.watermark is not None or any(
            piece.anchor is not None and piece.anchor.behind for header, footer in self.fitted.values()
            for line in (*header, *footer) for cell in line.cells for piece in cell)

    def under(self, canv: Canvas, page: int) -> None:
        """What is drawn behind page `page`'s text: the watermark, and its pictures set behind text."""
        if self.watermark is not None:
            draw_watermark(canv, self.watermark, self.kit)
        for line, _, top in self._placed(page):
            self._floating(canv, line, top, page, behind=True)

    def reach(self) -> tuple[float, float]:
        """How far the tallest header reaches down from the page's top edge, and the tallest footer up from its
        bottom (one frame serves every page: the text never runs under any page's letterhead)."""
        return (self.header_at + max(sum(map(self.height, header)) for header, _ in self.fitted.values()),
                self.footer_at + max(sum(map(self.height, footer)) for _, footer in self.fitted.values()))

    def __call__(self, canv: Canvas, page: int) -> None:
        canv.saveState()
        for line, baseline, top in self._placed(page):
            if line.columns:
                self._row(canv, line, top, page)
            else:
                self._line(canv, line, baseline, page)
            self._floating(canv, line, top, page, behind=False)
        canv.restoreState()

    def _placed(self, page: int) -> Iterator[tuple[LetterLine, float, float]]:
        """Each header and footer line of page `page` with its baseline and its top: the header's down from
        its distance to the page's top edge, the footer's up from its distance to the bottom edge."""
        header, footer = self.fitted[self.house.furniture_of(page)]
        yield from self._down_from(header, self.kit.page[1] - self.header_at)
        bottom = self.footer_at
        for line in reversed(footer):
            bottom += line.after
            yield line, bottom + self._descent(line), bottom + self.height(line) - line.spacing()
            bottom += self.height(line) - line.after

    def _down_from(self, lines: tuple[LetterLine, ...], top: float) -> Iterator[tuple[LetterLine, float, float]]:
        """Lines set from `top` down (a header's, a text box's), each with its baseline and its top."""
        for line in lines:
            top -= self.height(line) - line.after
            yield line, top, top + self.height(line) - line.spacing()
            top -= line.after

    def _font(self, line: LetterLine) -> tuple[str, float]:
        return fonts.font_name(self._family(line), line.bold), line.size or self.default_size

    def _family(self, line: LetterLine) -> str:
        return self.kit.theme.fonts.pdf_family(line.font) if line.font else self.kit.families["body"]

    def _runs(self, piece: Piece, line: LetterLine, page: int) -> list[tuple[str, str]]:
        """(font name, text) pieces of a text piece in drawing order, each in a face that has its glyphs (shaped
        and ordered by oneline.py: an Arabic ministry's letterhead)."""
        return self._shaped(filled(piece.text, page, self.total, self.values), line)

    def _shaped(self, raw: str, line: LetterLine) -> list[tuple[str, str]]:
        text = _SPACE.sub(" ", safe_text(raw).replace("\u00ad", ""))  # one line; its edge spaces are spacing
        return oneline.pieces(text, self._family(line), line.bold, fontset=self.kit.theme.fonts,
                              size=self._font(line)[1], spacing=line.letter_spacing)

    def height(self, line: LetterLine) -> float:
        """The line's height on the page with its paragraph spacing, as Word sets it (a table row: its tallest
        cell's stack of lines)."""
        if not line.columns:
            return self._one(line, [p for cell in line.cells for p in cell]) + line.spacing()
        return max(sum(self._one(line, part) + line.spacing() * new for new, part in stacked(cell)[1:])
                   + self._one(line, stacked(cell)[0][1]) for cell in line.cells) + line.spacing()

    def _one(self, line: LetterLine, pieces: list[Piece] | tuple[Piece, ...]) -> float:
        """The height of one line of `line`'s text holding `pieces`: its line height, or its tallest picture."""
        name, size = self._font(line)
        return max([line.line_height(size * line_factor(name)), *(p.height for p in pieces if p.image and p.inline)])

    def _row(self, canv: Canvas, line: LetterLine, top: float, page: int) -> None:
        """A table row: each cell's lines from the row's top down, in its column, its paragraphs apart by the
        row's paragraph spacing."""
        size = self._font(line)[1]
        left = self.kit.margins[3]
        canv.setFillColor(HexColor(text_colour(line.colour, None)))
        for cell, (x, width, align) in zip(line.cells, line.columns, strict=False):
            y = top
            for n, (new, part) in enumerate(stacked(cell)):
                y -= self._one(line, part) + (line.spacing() if new and n else 0.0)
                text = any(not p.image for p in part)
                self._pieces(canv, tuple(part), line, (left + x, left + x + width, align),
                             y + (self._descent(line) if text else 0.0), size, page)

    def _descent(self, line: LetterLine) -> float:
        name, size = self._font(line)
        return size * line_factor(name) * 0.22

    def _width(self, cell: tuple[Piece, ...], line: LetterLine, size: float, page: int) -> float:
        return sum(0.0 if not p.inline else p.width if p.image else oneline.width(self._runs(p, line, page), size)
                   for p in cell)

    def _lead(self, cell: tuple[Piece, ...], line: LetterLine, size: float, page: int) -> float | None:
        """The part's width up to where a decimal tab stop lines it up (tabrows.decimal_hook), as drawn on
        page `page`; None where it has no number."""
        text = "".join(filled(p.text, page, self.total, self.values) for p in cell if p.inline and not p.image)
        hook = decimal_hook(text, self.house.decimal_symbol)
        return None if hook is None else self._width((Piece(text[:hook]),), line, size, page)

    def _floating(self, canv: Canvas, line: LetterLine, top: float, page: int, behind: bool) -> None:
        """The line's floating pictures and text boxes set behind the text or in front of it, each where its
        anchor places it (`top`: the paragraph's top)."""
        for piece in (p for cell in line.cells for p in cell if p.anchor is not None):
            assert piece.anchor is not None
            if piece.anchor.behind != behind:
                continue
            x = across(piece.anchor, piece.width, self.kit)
            y = down(piece.anchor, piece.height, self.kit, top)
            if piece.shape is not None:
                paint(canv, piece.shape, (x, y - piece.height, piece.width, piece.height))
            if piece.image:
                canv.drawImage(image(piece.image), x, y - piece.height, piece.width, piece.height, mask="auto")
            else:
                self._box(canv, piece, (x, y), page)

    def _box(self, canv: Canvas, box: Piece, corner: tuple[float, float], page: int) -> None:
        """A floating text box's paragraphs from its top down, each in its own look, wrapped at its width
        inside its insets, as a header's lines are set."""
        (x, top), (left, above, right, below) = corner, box.insets
        laid = self._laid(box.box, box.width - left - right)
        room = box.height - above - below - sum(self.height(line) for line in laid)
        above += {"ctr": room / 2, "b": room}.get(box.valign, 0.0)  # the box's vertical anchor
        for line, baseline, line_top in self._down_from(laid, top - above):
            if line.columns:
                self._row(canv, line, line_top, page)
            else:
                self._line(canv, line, baseline, page, (x + left, x + box.width - right))

    def _line(self, canv: Canvas, line: LetterLine, baseline: float, page: int,
              span: tuple[float, float] | None = None) -> None:
        """A paragraph's line across the text's width (or `span`, a text box's, left to right)."""
        size = self._font(line)[1]
        left, right = span or (self.kit.margins[3], self.kit.page[0] - self.kit.margins[1])
        canv.setFillColor(HexColor(text_colour(line.colour, None)))
        indent_left, indent_right, first = line.indent
        if len(line.cells) == 1:
            slot = (left + indent_left + first, right - indent_right, line.align)
            self._pieces(canv, line.cells[0], line, slot, baseline, size, page)
            return
        widths = [self._width(cell, line, size, page) for cell in line.cells]
        starts = tabbed(widths, line.stops, left, self.house.default_tab, indent_left + first,
                        [self._lead(cell, line, size, page) for cell in line.cells])
        for cell, x in zip(line.cells, starts, strict=True):
            self._drawn(canv, cell, line, x, baseline, size, page)

    def _pieces(self, canv: Canvas, cell: tuple[Piece, ...], line: LetterLine, slot: tuple[float, float, str],
                baseline: float, size: float, page: int) -> None:
        """A part of a line between `slot`'s two edges, aligned as it says."""
        start, end, align = slot
        width = self._width(cell, line, size, page)
        x = {"center": (start + end - width) / 2, "right": end - width}.get(align, start)
        self._drawn(canv, cell, line, x, baseline, size, page)

    def _drawn(self, canv: Canvas, cell: tuple[Piece, ...], line: LetterLine, x: float, baseline: float,
               size: float, page: int) -> None:
        """A part of a line drawn from `x` on its baseline: its text and its pictures in the line."""
        for piece in cell:
            if not piece.inline:  # a floating picture or text box is drawn where its anchor says (_floating)
                continue
            if piece.image:
                canv.drawImage(image(piece.image), x, baseline, piece.width, piece.height, mask="auto")
                x += piece.width
                continue
            x = oneline.draw(canv, x, baseline, self._runs(piece, line, page), size)


def with_room(kit: Kit, banner: str, values: FieldValues) -> Kit:
    """The kit with its top and bottom margins grown where the letterhead (or briefgen's own header and footer,
    under narrow margins) reaches past them, as Word moves the text down below a tall header (and up above a
    tall footer): the text never runs under the letterhead, but where the reference fixes the margin (Word's
    negative one), which the text keeps."""
    house = kit.theme.house
    if house is None or not house.letterhead:
        header, footer = Decorator(kit, banner, total=0).reach()
    else:
        header, footer = Letterhead(kit, house, banner_line(kit, house, banner), 0, values).reach()
        header, footer = (0.0 if house.fixed_margins[0] else header), (0.0 if house.fixed_margins[1] else footer)
    top, right, bottom, left = kit.margins
    if header <= top and footer <= bottom:
        return kit
    return replace(kit, margins=(max(top, header), right, max(bottom, footer), left))


def banner_line(kit: Kit, house: House, banner: str) -> LetterLine | None:
    """The handling line the DOCX adds under the reference's footer: its Footer style, bold, in capitals and
    the banner colour."""
    if not one_line(banner):
        return None
    footer = house.style("Footer")
    size = footer.size if footer.size else furniture_size(kit.theme.body_size)
    font = footer.font or kit.theme.heading_font
    return LetterLine(((Piece(banner.upper()),),), align="center", bold=True, size=size,
                      colour=kit.theme.banner_color, font=font)
