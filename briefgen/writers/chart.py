"""A chart's geometry, worked out once and drawn by both writers: natively by the PDF writer (reportlab shapes)
and as a PNG by the DOCX writer (Pillow), so the two formats show the same picture at the same size.

Horizontal bars on one axis that starts at zero (a doc.Chart holds figures of one unit only); a reported range
is a solid bar to its low end and a lighter band on to its high end. Coordinates are points with the origin at
the bottom left, as in PDF; text is measured with the bundled fonts' own metrics, as the PDF lays it out.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from briefgen.document import scripts
from briefgen.document.layout import GRID, MUTED, TEXT
from briefgen.document.nodes import Bar, Chart, Theme, safe_text
from briefgen.document.typefaces import BUNDLED, FontSet
from briefgen.writers import bidi
from briefgen.writers.metrics import advance, shaped_advances

TOP_PAD = 4.0  # points above the title, inside the picture (both formats then space it alike)
RIGHT_PAD = 1.0  # points kept clear at the right edge (a bitmap's anti-aliased glyph edges)
RANGE_TINT = 0.38  # how much of the accent the range band keeps (mixed with white)
_SCALES = ((1e12, "trillions"), (1e9, "billions"), (1e6, "millions"))
Anchor = Literal["start", "middle", "end"]


@dataclass(frozen=True)
class Run:
    """Text in one bundled face (`family`, bold or not) with each character's advance in points (no kerning,
    as reportlab sets it): a bitmap renderer places the characters there instead of at its hinted widths. A
    label's runs are in drawing order, left to right (briefgen.writers.bidi.drawing_order)."""

    family: str
    bold: bool
    text: str  # in logical order
    advances: tuple[float, ...]  # of each character; of each glyph, in drawing order, when shaped
    rtl: bool = False  # drawn right to left (its characters reversed, or HarfBuzz's glyphs in that order)
    shaped: bool = False  # drawn as HarfBuzz shapes it (Arabic joined, Devanagari conjuncts)

    @property
    def width(self) -> float:
        return sum(self.advances)


@dataclass(frozen=True)
class Text:
    x: float
    y: float  # baseline
    runs: tuple[Run, ...]
    size: float
    colour: str
    anchor: Anchor = "start"

    def left(self) -> float:
        width = sum(run.width for run in self.runs)
        return self.x - {"start": 0.0, "middle": width / 2, "end": width}[self.anchor]


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    fill: str


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    colour: str


Shape = Rect | Line | Text


@dataclass(frozen=True)
class Plan:
    width: float
    height: float
    shapes: tuple[Shape, ...]


def mix(colour: str, amount: float) -> str:
    """`colour` (#RRGGBB) mixed with white: amount 1 keeps it, 0 is white."""
    rgb = bytes.fromhex(colour.lstrip("#"))
    return "#" + "".join(f"{round(255 - (255 - c) * amount):02X}" for c in rgb)


@dataclass(frozen=True)
class _Type:
    """Sizes and faces of the chart's text, from the theme."""

    family: str
    title: float
    label: float
    tick: float
    fonts: FontSet = BUNDLED

    def text(self, x: float, y: float, text: str, size: float, colour: str = TEXT, anchor: Anchor = "start",
             bold: bool = False) -> Text:
        return Text(x, y, self.runs(text, size, bold), size, colour, anchor)

    def runs(self, text: str, size: float, bold: bool = False) -> tuple[Run, ...]:
        """The text's runs in drawing order: a label in Arabic or Hebrew, or one that needs shaping, is cut and
        ordered by the bidi algorithm and shaped (it was drawn letter by letter, left to right, unjoined)."""
        text = safe_text(text)
        found = [((family, bold and family == self.family), chunk)
                 for family, chunk in self.fonts.runs(text, self.family)]
        if not scripts.reorders(text):
            return tuple(_run(family, strong, chunk, 0, size) for (family, strong), chunk in found)
        return tuple(_run(family, strong, chunk, level, size)
                     for (family, strong), chunk, level in bidi.drawing_order(text, found))

    def width(self, text: str, size: float, bold: bool = False) -> float:
        return sum(run.width for run in self.runs(text, size, bold))


def _run(family: str, bold: bool, text: str, level: int, size: float) -> Run:
    rtl = bool(level % 2)
    if scripts.needs_shaping(text):
        return Run(family, bold, text, shaped_advances(family, bold, text, size, rtl), rtl, shaped=True)
    return Run(family, bold, text, tuple(advance(family, bold, c, size) for c in text), rtl)


def nice_axis(top: float) -> tuple[float, float]:
    """The axis end and tick step for values up to `top`: a round step (1, 2, 2.5 or 5 × 10ⁿ), ≤ 6 steps."""
    top = top if top > 0 else 1.0
    magnitude = 10 ** math.floor(math.log10(top / 5))
    for factor in (1, 2, 2.5, 5, 10, 20):
        step = factor * magnitude
        if math.ceil(top / step - 1e-9) <= 6:
            return math.ceil(top / step - 1e-9) * step, step
    return top, top  # pragma: no cover - factor 20 always gives ≤ 6 steps


def scale_of(top: float) -> tuple[float, str]:
    """Divide tick values by this and say so on the axis: 10,000,000,000 USD reads '10' on 'USD (billions)'."""
    return next(((size, word) for size, word in _SCALES if top >= size), (1.0, ""))


def tick_label(value: float) -> str:
    return f"{round(value, 6):,g}"


def wrap(kind: _Type, text: str, width: float, size: float, max_lines: int = 3, bold: bool = False) -> list[str]:
    """Greedy word wrap to `width` (a word wider than that is cut); past `max_lines`, an ellipsis."""
    lines: list[str] = []
    for word in _pieces(kind, text, width, size, bold):
        if lines and kind.width(f"{lines[-1]} {word}", size, bold) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        while lines[-1] and kind.width(lines[-1] + "…", size, bold) > width:
            lines[-1] = lines[-1][:-1].rstrip()
        lines[-1] += "…"
    return lines or [""]


def _pieces(kind: _Type, text: str, width: float, size: float, bold: bool) -> list[str]:
    pieces: list[str] = []
    for word in text.split():
        while kind.width(word, size, bold) > width and len(word) > 1:
            cut = next(n for n in range(len(word) - 1, 0, -1) if kind.width(word[:n], size, bold) <= width or n == 1)
            pieces.append(word[:cut])
            word = word[cut:]
        pieces.append(word)
    return pieces


@dataclass
class _Canvas:
    """Shapes placed top-down (y is the depth below the chart's top edge), flipped to PDF orientation at the end.
    Grid lines go `behind` everything else, whenever they are placed."""

    shapes: list[Shape]
    behind: list[Shape]

    def rect(self, x: float, top: float, width: float, height: float, fill: str) -> None:
        self.shapes.append(Rect(x, top, width, height, fill))

    def line(self, x1: float, d1: float, x2: float, d2: float, width: float, colour: str, behind: bool = False) -> None:
        (self.behind if behind else self.shapes).append(Line(x1, d1, x2, d2, width, colour))

    def flip(self, width: float, height: float) -> Plan:
        out: list[Shape] = []
        for s in [*self.behind, *self.shapes]:
            if isinstance(s, Rect):
                out.append(Rect(s.x, height - s.y - s.height, s.width, s.height, s.fill))
            elif isinstance(s, Line):
                out.append(Line(s.x1, height - s.y1, s.x2, height - s.y2, s.width, s.colour))
            else:
                out.append(Text(s.x, height - s.y, s.runs, s.size, s.colour, s.anchor))
        return Plan(width, height, tuple(out))


@dataclass(frozen=True)
class _Axis:
    x0: float  # where zero is
    length: float  # points from zero to the axis end
    end: float  # the value at the axis end
    step: float
    limit: float  # the chart's width: nothing may be drawn beyond it

    def x(self, value: float) -> float:
        return self.x0 + self.length * value / self.end


def plan(chart: Chart, width: float, theme: Theme) -> Plan:
    """Lay the chart out `width` points wide; its height follows from the bars and their labels."""
    size = theme.body_size
    kind = _Type(theme.fonts.pdf_family(theme.heading_font), title=size, label=0.85 * size, tick=0.75 * size,
                 fonts=theme.fonts)
    canvas = _Canvas([], [])
    depth = _heading(canvas, kind, chart, width, theme.accent)
    width -= RIGHT_PAD
    label_width = min(max(kind.width(b.label, kind.label) for b in chart.bars), 0.36 * width)
    labels = [wrap(kind, b.label, label_width, kind.label) for b in chart.bars]
    axis = _axis(kind, chart.bars, label_width + 0.8 * size, width)
    bottom = _bars(canvas, kind, chart.bars, labels, axis, depth, theme.accent, label_width)
    height = _scale(canvas, kind, axis, chart.unit, depth, bottom)
    return canvas.flip(width + RIGHT_PAD, height)


def _heading(canvas: _Canvas, kind: _Type, chart: Chart, width: float, accent: str) -> float:
    """The title, and for a chart with ranges a legend to its right (or below it); returns the depth used."""
    lines = wrap(kind, chart.title, width, kind.title, max_lines=2, bold=True)
    leading = kind.title * 1.2
    for n, line in enumerate(lines):
        canvas.shapes.append(kind.text(0, TOP_PAD + kind.title * 0.9 + n * leading, line, kind.title, bold=True))
    depth = TOP_PAD + kind.title * 0.1 + len(lines) * leading
    if not chart.ranged:
        return depth + 0.3 * kind.title
    entries = (("Value or low estimate", accent), ("Range of estimates", mix(accent, RANGE_TINT)))
    box, gap = kind.tick * 0.85, kind.tick * 0.4
    total = sum(box + gap + kind.width(text, kind.tick) + 2 * gap for text, _ in entries) - 2 * gap
    fits = kind.width(lines[-1], kind.title, bold=True) + kind.title + total <= width
    baseline = TOP_PAD + kind.title * 0.9 + (len(lines) - 1) * leading if fits else depth + kind.tick
    x = width - total
    for text, fill in entries:
        canvas.rect(x, baseline - box + 0.5, box, box, fill)
        canvas.shapes.append(kind.text(x + box + gap, baseline, text, kind.tick, MUTED))
        x += box + gap + kind.width(text, kind.tick) + 2 * gap
    return (depth if fits else baseline + kind.tick * 0.5) + 0.3 * kind.title


def _axis(kind: _Type, bars: tuple[Bar, ...], x0: float, width: float) -> _Axis:
    """An axis from zero, as long as the value labels beside the bar ends allow."""
    end, step = nice_axis(max(b.high if b.high is not None else b.value for b in bars))
    room = [width - x0 - kind.width(tick_label(end / scale_of(end)[0]), kind.tick) / 2]
    pad = 0.4 * kind.label
    for bar in bars:
        reach = (bar.high if bar.high is not None else bar.value) / end
        if reach > 0:
            room.append((width - x0 - pad - kind.width(_value(bar), kind.label, bold=True)) / reach)
    return _Axis(x0, max(min(room), 0.3 * (width - x0)), end, step, width)


def _value(bar: Bar) -> str:
    return bar.text or tick_label(bar.high if bar.high is not None else bar.value)


def _bars(canvas: _Canvas, kind: _Type, bars: tuple[Bar, ...], labels: list[list[str]], axis: _Axis,
          top: float, accent: str, label_width: float) -> float:
    """Each bar with its label (right-aligned before the axis) and its value (after the bar end)."""
    bar_height, leading, gap = 1.25 * kind.title, kind.label * 1.15, 0.55 * kind.title
    depth = top + gap / 2
    for bar, lines in zip(bars, labels, strict=True):
        row = max(bar_height, len(lines) * leading)
        baseline = depth + (row - len(lines) * leading) / 2 + kind.label * 0.88
        for n, line in enumerate(lines):
            canvas.shapes.append(kind.text(label_width, baseline + n * leading, line, kind.label, anchor="end"))
        bar_top = depth + (row - bar_height) / 2
        _bar(canvas, kind, bar, axis, bar_top, bar_height, accent)
        depth += row + gap
    return depth - gap / 2


def _bar(canvas: _Canvas, kind: _Type, bar: Bar, axis: _Axis, top: float, height: float, accent: str) -> None:
    canvas.rect(axis.x0, top, axis.x(bar.value) - axis.x0, height, accent)
    end = axis.x(bar.value)
    if bar.high is not None and bar.high > bar.value:
        canvas.rect(end, top, axis.x(bar.high) - end, height, mix(accent, RANGE_TINT))
        end = axis.x(bar.high)
    text, pad = _value(bar), 0.4 * kind.label
    baseline = top + height / 2 + kind.label * 0.33
    width = kind.width(text, kind.label, bold=True)
    if end + pad + width <= axis.limit:  # room after the bar: on a white ground, clear of the grid lines
        canvas.rect(end + pad / 2, top, min(width + pad, axis.limit - end - pad / 2), height, "#FFFFFF")
        canvas.shapes.append(kind.text(end + pad, baseline, text, kind.label, bold=True))
    else:  # a value label too long for the width left: inside the bar's end
        canvas.shapes.append(kind.text(end - pad, baseline, text, kind.label, "#FFFFFF", "end", bold=True))


def _scale(canvas: _Canvas, kind: _Type, axis: _Axis, unit: str, top: float, bottom: float) -> float:
    """Grid lines, the zero line, tick labels and the axis title; returns the chart's height."""
    divisor, word = scale_of(axis.end)
    ticks = round(axis.end / axis.step)
    tick_baseline = bottom + 2 + kind.tick * 0.9
    for n in range(ticks + 1):
        x = axis.x(n * axis.step)
        if n:
            canvas.line(x, top, x, bottom, 0.5, GRID, behind=True)
        canvas.shapes.append(kind.text(x, tick_baseline, tick_label(n * axis.step / divisor), kind.tick, MUTED,
                                       "middle"))
    canvas.line(axis.x0, bottom, axis.x(axis.end), bottom, 0.6, MUTED)
    canvas.line(axis.x0, top, axis.x0, bottom, 0.75, MUTED)
    title = f"{unit} ({word})" if unit and word else unit or word.capitalize()
    title_baseline = tick_baseline + kind.tick * 1.4
    canvas.shapes.append(kind.text(axis.x0 + axis.length / 2, title_baseline, title, kind.tick, MUTED, "middle"))
    return title_baseline + kind.tick * 0.35
