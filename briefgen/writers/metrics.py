"""Advance widths of the bundled faces, read from their files with HarfBuzz: what the chart lays its text out
with, so the DOCX's chart picture needs no PDF library. The numbers are reportlab's own (the hmtx advance
scaled to a thousand units an em, then to the size), so the PDF's chart, drawn by reportlab, sits on them."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import uharfbuzz as hb

from briefgen.document.typefaces import face_file


@cache
def _font(path: Path) -> tuple[hb.Font, float]:
    face = hb.Face(hb.Blob.from_file_path(str(path)))
    return hb.Font(face), 1000.0 / face.upem


@cache
def _width(family: str, bold: bool, char: str) -> float:
    """The advance of `char` in thousandths of an em (remembered: furniture and charts measure the same few
    characters in every brief)."""
    font, per_thousand = _font(face_file(family, bold))
    glyph = font.get_nominal_glyph(ord(char)) or 0
    width: int = font.get_glyph_h_advance(glyph)
    return width * per_thousand


def advance(family: str, bold: bool, char: str, size: float) -> float:
    """The width of `char` in points at `size`, in the bundled `family` (its .notdef when it has no glyph)."""
    return 0.001 * size * _width(family, bold, char)


def shaped_advances(family: str, bold: bool, text: str, size: float, rtl: bool) -> tuple[float, ...]:
    """The advances in points of the glyphs HarfBuzz shapes `text` into (one direction, as a line's piece of one
    level is), in drawing order: what a shaped run is as wide as."""
    font, per_thousand = _font(face_file(family, bold))
    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    buffer.direction = "rtl" if rtl else "ltr"
    hb.shape(font, buffer, {"kern": True, "liga": True})
    return tuple(0.001 * size * p.x_advance * per_thousand for p in buffer.glyph_positions)
