"""A paragraph border a house style defines (Word's w:pBdr: the rule under python-docx's Title, a bar beside a
Quote), drawn as Word draws it: a top rule `space` points above the first line's top, a bottom one `space`
points below the last line's foot, the paragraph growing by space and width for each; a side rule `space`
points out from the text, the paragraph's full height. The rules are layout artifacts, drawn after (never
inside) the paragraph's tagged text. A style's shading (w:shd) fills the paragraph's lines between its indents,
behind the text and up to a top or bottom border, as Word fills it, a layout artifact too.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from briefgen.document.borders import Rule
from briefgen.writers.pdf.tags import artifact

_BLACK = "#000000"  # Word's "auto" border colour on a white page


class Ruled:
    """A paragraph mixin: `rules` drawn around the text, the paragraph's height grown by the top and bottom
    rules' room. A paragraph split across pages keeps its top rule on the first part, its bottom rule on the
    last, its side rules on each."""

    rules: tuple[Rule, ...] = ()
    fill: str | None = None
    _text_height: float = 0.0
    _text_width: float = 0.0

    def _room(self) -> tuple[float, float]:
        return (sum(r.room for r in self.rules if r.side == "top"),
                sum(r.room for r in self.rules if r.side == "bottom"))

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        above, below = self._room()
        width, height = super().wrap(avail_width, avail_height - above - below)  # type: ignore[misc]
        self._text_height, self._text_width = height, avail_width
        return width, height + above + below

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        above, below = self._room()
        parts: list[Any] = super().split(avail_width, avail_height - above - below)  # type: ignore[misc]
        if len(parts) > 1:
            sides = tuple(r for r in self.rules if r.side in ("left", "right"))
            parts[0].rules = tuple(r for r in self.rules if r.side == "top") + sides
            parts[-1].rules = sides + tuple(r for r in self.rules if r.side == "bottom")
            for middle in parts[1:-1]:
                middle.rules = sides
            for part in parts:
                part.fill = self.fill
        return parts

    def draw(self) -> None:
        below = self._room()[1]
        if not below:
            super().draw()  # type: ignore[misc]
            return
        canv: Canvas = self.canv  # type: ignore[attr-defined]
        canv.saveState()
        canv.translate(0, below)
        super().draw()  # type: ignore[misc]
        canv.restoreState()

    def _drawOn(self, canv: Canvas) -> None:  # reportlab's name; the canvas is at the paragraph's corner
        if self.fill:
            style: Any = self.style  # type: ignore[attr-defined]
            left, right = float(style.leftIndent), self._text_width - float(style.rightIndent)
            up, down = (sum(r.space for r in self.rules if r.side == side) for side in ("top", "bottom"))
            canv.saveState()
            with artifact(canv, "Layout"):  # up to the border, where there is one, as Word fills it
                canv.setFillColor(HexColor(self.fill))
                canv.rect(left, self._room()[1] - down, right - left, self._text_height + up + down, stroke=0, fill=1)
            canv.restoreState()
        super()._drawOn(canv)  # type: ignore[misc]
        if self.rules:
            canv.saveState()
            with artifact(canv, "Layout"):
                for rule in self.rules:
                    self._draw_rule(canv, rule)
            canv.restoreState()

    def _draw_rule(self, canv: Canvas, rule: Rule) -> None:
        above, below = self._room()
        style: Any = self.style  # type: ignore[attr-defined]
        left, right = float(style.leftIndent), self._text_width - float(style.rightIndent)
        top, foot = below + self._text_height, below
        canv.setStrokeColor(HexColor(rule.colour or _BLACK))
        canv.setLineWidth(rule.width)
        middle = rule.space + rule.width / 2
        if rule.side == "top":
            canv.line(left, top + middle, right, top + middle)
        elif rule.side == "bottom":
            canv.line(left, foot - middle, right, foot - middle)
        else:
            x = left - middle if rule.side == "left" else right + middle
            canv.line(x, 0, x, foot + self._text_height + above)
