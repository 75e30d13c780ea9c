"""A house style's watermark drawn behind a PDF page's text, as Word draws the reference's WordArt: the words
in the shape's font (its metric twin or substitute, as any house font), as wide as the shape's box (no taller
than it), turned and centred on the text area, in the shape's colour and opacity; or its picture, the shape's
size (no larger than the page), centred on the text area at its opacity. An artifact: a screen reader does not
read it, and copying the page's text does not take it."""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from briefgen.document.house import Watermark
from briefgen.writers.pdf import oneline
from briefgen.writers.pdf.house import image
from briefgen.writers.pdf.styles import Kit

_CAP_SHARE = 0.7  # of the type size: about a capital's height, which the words are centred on
_LINE_SHARE = 0.9  # of the shape's height: the most the type size may be


def draw_watermark(canv: Canvas, mark: Watermark, kit: Kit) -> None:
    if mark.image is not None:
        _draw_picture(canv, mark, mark.image, kit)
        return
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


def _draw_picture(canv: Canvas, mark: Watermark, data: bytes, kit: Kit) -> None:
    scale = min(1.0, kit.page[0] / mark.width, kit.page[1] / mark.height)
    width, height = mark.width * scale, mark.height * scale
    canv.saveState()
    canv.translate(kit.margins[3] + kit.text_width / 2, kit.margins[2] + kit.text_height / 2)
    canv.rotate(mark.angle)
    canv.setFillAlpha(mark.opacity)
    canv.drawImage(image(data), -width / 2, -height / 2, width, height, mask="auto")
    canv.restoreState()
