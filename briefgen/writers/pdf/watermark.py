"""A house style's watermark drawn behind a PDF page's text, as Word draws the reference's WordArt: the words
in the shape's font (its metric twin or substitute, as any house font), as wide as the shape's box (no taller
than it), turned and centred on the text area, in the shape's colour and opacity. An artifact: a screen reader
does not read it, and copying the page's text does not take it."""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from briefgen.document.house import Watermark
from briefgen.writers.pdf import oneline
from briefgen.writers.pdf.styles import Kit

_CAP_SHARE = 0.7  # of the type size: about a capital's height, which the words are centred on
_LINE_SHARE = 0.9  # of the shape's height: the most the type size may be


def draw_watermark(canv: Canvas, mark: Watermark, kit: Kit) -> None:
    family = kit.theme.fonts.pdf_family(mark.font) if mark.font else kit.families["heading"]
    runs = oneline.pieces(mark.text, family, fontset=kit.theme.fonts)
    natural = oneline.width(runs, 1.0)
    if natural <= 0:
        return
    size = min(mark.width / natural, mark.height * _LINE_SHARE)
    canv.saveState()
    canv.translate(kit.margins[3] + kit.text_width / 2, kit.margins[2] + kit.text_height / 2)
    canv.rotate(mark.angle)
    canv.setFillColor(HexColor(mark.colour))
    canv.setFillAlpha(mark.opacity)
    oneline.draw(canv, -natural * size / 2, -size * _CAP_SHARE / 2, runs, size)
    canv.restoreState()
