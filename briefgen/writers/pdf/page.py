"""What every page carries besides the story: header, logo, footer with the handling line and page numbers."""

from __future__ import annotations

import calendar
import datetime
import io
from functools import cache, cached_property
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, TimeStamp
from reportlab.pdfgen.canvas import Canvas

from briefgen.document.layout import (
    FURNITURE_DISTANCE_MM,
    FURNITURE_LINE,
    PAGE_NUMBERS_WIDEST,
    banner_shares_line,
    footer_shares_line,
    furniture_size,
    wrap_words,
)
from briefgen.document.nodes import LOGO_HINT, Meta, one_line, safe_text
from briefgen.errors import ThemeError, Unplaced
from briefgen.safeio import FileVersion, file_version
from briefgen.writers.pdf import oneline
from briefgen.writers.pdf.styles import Kit
from briefgen.writers.pictures import drawable

LOGO_MAX = (36.0 * 2.83465, 11.0 * 2.83465)  # points: at most 36 mm wide, 11 mm high


def _logo(path: Path) -> ImageReader:
    try:
        version = file_version(path)
    except OSError as exc:
        raise ThemeError("logo", f"{path.name}: {exc.strerror}", LOGO_HINT) from exc
    return _read_logo(path, version)  # a changed file is read again (watch mode)


@cache
def _read_logo(path: Path, version: FileVersion) -> ImageReader:
    try:
        return ImageReader(io.BytesIO(drawable(path.read_bytes())))
    except Exception as exc:  # reportlab/PIL raise many kinds for unreadable images
        raise ThemeError("logo", f"{path.name}: not a readable PNG or JPEG image", LOGO_HINT) from exc


def timestamp(meta: Meta) -> TimeStamp:
    """A reportlab timestamp fixed at midnight UTC of the document date (never the wall clock)."""
    try:
        day = datetime.date.fromisoformat(meta.date[:10])
    except ValueError as exc:
        raise Unplaced(f"document date {meta.date!r} is not an ISO date (YYYY-MM-DD)") from exc
    stamp = TimeStamp(1)
    stamp.t = calendar.timegm(day.timetuple())
    stamp.lt = day.timetuple()
    stamp.YMDhms = tuple(day.timetuple())[:6]
    return stamp


class Decorator:
    """Draws the header (organisation, handling line from page 2, page-1 logo) and footer (footer text,
    handling line, page X of Y)."""

    def __init__(self, kit: Kit, banner: str, total: int) -> None:
        self.kit = kit
        self.banner = banner.upper()
        self.total = total
        self.family = kit.families["heading"]
        self.size = furniture_size(kit.theme.body_size)
        house = kit.theme.house  # the DOCX's Header and Footer styles take a house's Normal letter spacing
        self.spacing = (house.style("normal").spacing or 0.0) if house is not None else 0.0

    def __call__(self, canv: Canvas, page: int) -> None:
        canv.saveState()
        self.header(canv, page)
        self.footer(canv, page)
        canv.restoreState()

    def chunks(self, text: str, bold: bool = False) -> tuple[list[tuple[str, str]], float]:
        """One line of literal text as pieces in drawing order, each in a face that has its glyphs (shaped,
        oneline.py), and its width."""
        chunks = oneline.pieces(one_line(safe_text(text)), self.family, bold, fontset=self.kit.theme.fonts,
                                size=self.size, spacing=self.spacing)
        return chunks, oneline.width(chunks, self.size)

    def draw(self, canv: Canvas, text: str, x: float, y: float, align: str, bold: bool = False) -> None:
        chunks, width = self.chunks(text, bold)
        x -= {"left": 0.0, "center": width / 2, "right": width}[align]
        oneline.draw(canv, x, y, chunks, self.size)

    def row(self, canv: Canvas, y: float, sides: tuple[str, str]) -> None:
        """The handling line centred between the side texts drawn at y or, where it would touch one of them, on
        a line of its own above (the header's in the top margin, the footer's towards the text, which the
        bottom margin leaves room for)."""
        kit = self.kit
        centre = (kit.margins[3] + kit.page[0] - kit.margins[1]) / 2
        canv.setFillColor(kit.banner)
        if self.shares(sides):
            self.draw(canv, self.banner, centre, y, "center", bold=True)
            return
        for n, text in enumerate(reversed(self.banner_lines), 1):  # a line of its own, or several, above
            self.draw(canv, text, centre, y + n * self.size * FURNITURE_LINE, "center", bold=True)

    def shares(self, sides: tuple[str, str]) -> bool:
        """Whether the handling line fits between the side texts (else it takes a line of its own above)."""
        before, banner, after = (self.chunks(sides[0])[1], self.chunks(self.banner, bold=True)[1],
                                 self.chunks(sides[1])[1])
        return banner_shares_line(before, banner, after, width=self.kit.text_width, gap=self.size)

    @cached_property
    def banner_lines(self) -> list[str]:
        """The handling line as set on lines of its own: wrapped at the text width where it is wider (a long
        caveat), centred, as Word wraps the DOCX's paragraph."""
        return wrap_words(one_line(safe_text(self.banner)), self.kit.text_width,
                          lambda text: self.chunks(text, bold=True)[1])

    def reach(self) -> tuple[float, float]:
        """How far the header reaches down from the page's top edge, and the footer up from its bottom, as Word
        lays out the DOCX's: FURNITURE_DISTANCE_MM from the edge, one line, and more where the handling line
        takes lines of its own or a long footer does (the page numbers measured at their widest, as the DOCX
        does)."""
        line, distance = self.size * FURNITURE_LINE, FURNITURE_DISTANCE_MM * mm
        lines = [1 + self._banner_above(sides)
                 for sides in ((self.kit.theme.organisation, ""), (self._side, PAGE_NUMBERS_WIDEST))]
        return distance + lines[0] * line, distance + (lines[1] + len(self.own_footer)) * line

    @cached_property
    def own_footer(self) -> list[str]:
        """The footer text's lines, wrapped at the text width, where it does not fit beside the page numbers
        (document/layout.py); none where it does."""
        footer = one_line(safe_text(self.kit.theme.footer))
        numbers = self.chunks(PAGE_NUMBERS_WIDEST)[1]
        if not footer or footer_shares_line(self.chunks(footer)[1], numbers, self.kit.text_width, self.size):
            return []
        return wrap_words(footer, self.kit.text_width, lambda text: self.chunks(text)[1])

    def _banner_above(self, sides: tuple[str, str]) -> int:
        """The lines the handling line takes above a header or footer line with these side texts."""
        return len(self.banner_lines) if self.banner and not self.shares(sides) else 0

    @property
    def _side(self) -> str:
        """The text on the page numbers' line, at the left: the footer, unless it has lines of its own."""
        return "" if self.own_footer else self.kit.theme.footer

    def header(self, canv: Canvas, page: int) -> None:
        kit, top = self.kit, self.kit.page[1] - self.kit.margins[0]
        if kit.theme.organisation:
            canv.setFillColor(kit.muted)
            self.draw(canv, kit.theme.organisation, kit.margins[3], top + 8, "left")
        if page > 1 and self.banner:  # page 1 opens with the banner paragraph
            self.row(canv, top + 8, (kit.theme.organisation, ""))
        if page == 1 and kit.theme.logo is not None:
            image = _logo(kit.theme.logo)
            w, h = image.getSize()
            scale = min(LOGO_MAX[0] / w, LOGO_MAX[1] / h, kit.margins[0] * 0.7 / h)
            x = kit.page[0] - kit.margins[1] - w * scale
            canv.drawImage(image, x, top + 4, w * scale, h * scale, mask="auto")

    def footer(self, canv: Canvas, page: int) -> None:
        """The page numbers' line (a short footer at its left, the handling line between), in the middle of the
        bottom margin, or lower where the lines above it (the handling line's own, a long footer's) would
        reach the text: the margin is grown to hold them all (reach)."""
        kit, numbers, line = self.kit, f"Page {page} of {self.total}", self.size * FURNITURE_LINE
        banner = self._banner_above((self._side, numbers))
        stacked = banner + len(self.own_footer)  # lines above the page numbers'
        y = min(kit.margins[2] / 2 - self.size / 2, kit.margins[2] - stacked * line - self.size)
        left, right = kit.margins[3], kit.page[0] - kit.margins[1]
        canv.setFillColor(kit.muted)
        self.draw(canv, self._side, left, y, "left")
        self.draw(canv, numbers, right, y, "right")
        above = y + line * (1 + banner)
        for n, text in enumerate(reversed(self.own_footer)):
            self.draw(canv, text, left, above + n * line, "left")
        if self.banner:
            self.row(canv, y, (self._side, numbers))
