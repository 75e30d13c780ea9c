"""A letterhead's lines as the PDF lays them out (writers/pdf/letterhead.py draws them): pictures fitted, a
paragraph wider than the text set on as many lines as it needs (tabrows.py), a table cell's paragraphs
stacked and each wrapped in its column, and where a floating picture stands.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from briefgen.document.house import CELL_BREAK, DEFAULT_TAB, Anchor, LetterLine, Piece
from briefgen.document.layout import wrap_words
from briefgen.writers.pdf.styles import Kit
from briefgen.writers.pdf.tabrows import broken

_WRAP = "\v"  # a Piece of this text ends a line of a table cell's paragraph wrapped in its column


def across(anchor: Anchor, width: float, kit: Kit) -> float:
    """The left edge of a floating picture `width` wide."""
    page, left, right = kit.page[0], kit.margins[3], kit.page[0] - kit.margins[1]
    start, end = {"page": (0.0, page), "leftMargin": (0.0, left), "insideMargin": (0.0, left),
                  "rightMargin": (right, page), "outsideMargin": (right, page)}.get(anchor.across, (left, right))
    align = {"inside": "left", "outside": "right"}.get(anchor.across_align or "", anchor.across_align)
    if align is None:
        return start + anchor.across_offset
    return {"center": (start + end - width) / 2, "right": end - width}.get(align, start)


def down(anchor: Anchor, height: float, kit: Kit, paragraph: float) -> float:
    """The top edge of a floating picture `height` high (`paragraph`: the top of the paragraph holding it)."""
    page, top, bottom = kit.page[1], kit.page[1] - kit.margins[0], kit.margins[2]
    high, low = {"page": (page, 0.0), "margin": (top, bottom), "topMargin": (page, top), "insideMargin": (page, top),
                 "bottomMargin": (bottom, 0.0), "outsideMargin": (bottom, 0.0)}.get(anchor.down, (paragraph, paragraph))
    if anchor.down_align is None or anchor.down == "paragraph":
        return high - anchor.down_offset
    return {"center": (high + low + height) / 2, "bottom": low + height}.get(anchor.down_align, high)


def stacked(cell: tuple[Piece, ...]) -> list[tuple[bool, list[Piece]]]:
    """A table cell's lines, each with whether it begins a paragraph: its pieces parted at each paragraph's
    end (CELL_BREAK) and each wrapped line's."""
    lines: list[tuple[bool, list[Piece]]] = [(True, [])]
    for piece in cell:
        if piece.text in (CELL_BREAK, _WRAP) and not piece.image:
            lines.append((piece.text == CELL_BREAK, []))
        else:
            lines[-1][1].append(piece)
    return lines


def wrapped(line: LetterLine, room: float, measure: Callable[[str], float], default: float = DEFAULT_TAB,
            reach: float = 0.0, decimal: str = ".") -> tuple[LetterLine, ...]:
    """A paragraph wider than `room` less its indents set on as many lines as it needs, as Word sets it
    (tabrows.broken: `default`, the points between Word's default tab stops; `reach`, how far past `room` a
    tab stop may take text; `decimal`, the point a decimal stop lines up); a table row's cells each wrapped in
    its column."""
    if line.columns:
        return (replace(line, cells=tuple(_wrapped_cell(cell, width, measure)
                                          for cell, (_, width, _) in zip(line.cells, line.columns, strict=False))),)
    return broken(line, room, measure, default, reach, decimal)


def _wrapped_cell(cell: tuple[Piece, ...], room: float, measure: Callable[[str], float]) -> tuple[Piece, ...]:
    """A table cell with each of its lines of text wider than its column broken into lines that fit."""
    out: list[Piece] = []
    for n, (new, part) in enumerate(stacked(cell)):
        text = "".join(piece.text for piece in part if piece.inline)
        fits = any(p.image and p.inline for p in part) or measure(text.strip()) <= room
        rows = [text] if fits else wrap_words(text, room, measure)
        pieces = part if fits else [p for p in part if not p.inline] + [
            piece for k, row in enumerate(rows) for piece in ([Piece(_WRAP)] if k else []) + [Piece(row)]]
        out.extend(([Piece(CELL_BREAK if new else _WRAP)] if n else []) + list(pieces))
    return tuple(out)


def fitted(line: LetterLine, box: tuple[float, float], page: tuple[float, float]) -> LetterLine:
    """The line with each picture scaled down, keeping its proportions, to fit `box` (width, height), or a
    floating one the `page` (a letterhead paper behind the text is as large as the page)."""
    def fit(piece: Piece) -> Piece:
        if not piece.image or piece.width <= 0 or piece.height <= 0:
            return piece
        room = box if piece.inline else page
        scale = min(1.0, room[0] / piece.width, room[1] / piece.height)
        return replace(piece, width=piece.width * scale, height=piece.height * scale)

    return replace(line, cells=tuple(tuple(fit(piece) for piece in cell) for cell in line.cells))
