"""The clipping path and the fill's opacity, which pdfminer does not keep: what the page shows depends on them.

Text a PDF draws where its clip lets nothing show is not seed text.

A page draws only inside its current clipping path, which `W` or `W*` narrows to the path just built and `Q`
widens again to what it was at the matching `q`. Text outside it is never seen (overset text in a layout
program's frame, a table cell's overflow, a draft line kept in the file under a clip), yet pdfminer, which
ignores clipping, read it as the page's own, and a passage could be verified against it. Each clip is taken as
the box around its path on the page (a curved or odd-shaped clip keeps what its box holds: text may be kept that a
viewer clips, never left out that it shows). Whether a fill is opaque comes from the graphics state parameters
(`gs`: fill alpha, blend mode, soft mask): a box filled over text hides it only when it is (pdfcover.py), not a
highlighter's translucent one. The device is told (`device.paint`) both, as the content stream sets and
restores them; a form XObject draws inside the clip it is drawn in, and leaves the paint as it was.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from pdfminer.pdfinterp import PDFPageInterpreter, PDFStackT
from pdfminer.pdftypes import resolve1
from pdfminer.psparser import PSLiteral, literal_name
from pdfminer.utils import Rect, apply_matrix_pt


def _box(path: list[tuple[Any, ...]], matrix: Any) -> Rect | None:
    """The box on the page around a path's points (each segment's numbers in pairs), None for no points."""
    points = [apply_matrix_pt(matrix, (float(segment[k]), float(segment[k + 1])))
              for segment in path for k in range(1, len(segment) - 1, 2)
              if isinstance(segment[k], (int, float)) and isinstance(segment[k + 1], (int, float))]
    if not points:
        return None
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return min(xs), min(ys), max(xs), max(ys)


def narrowed(clip: Rect | None, box: Rect) -> Rect:
    """The clip `clip` (None: the whole page) narrowed to `box`; empty (x0 > x1) where they do not meet."""
    if clip is None:
        return box
    return max(clip[0], box[0]), max(clip[1], box[1]), min(clip[2], box[2]), min(clip[3], box[3])


def inside(clip: Rect | None, x: float, y: float) -> bool:
    """Whether the point (x, y) on the page shows through `clip` (None: the whole page), within a point."""
    return clip is None or (clip[0] - 1 <= x <= clip[2] + 1 and clip[1] - 1 <= y <= clip[3] + 1)


@dataclass(frozen=True)
class Paint:
    """What the graphics state says of the paint beyond what pdfminer keeps: the clip (the box the clipping
    path allows on the page, None for the whole page) and whether a fill is opaque (no fill alpha below 1, no
    blend mode, no soft mask: a shape so filled hides what is under it)."""

    clip: Rect | None = None
    opaque: bool = True


def opaque(state: object) -> bool:
    """Whether fills under the graphics state parameters `state` (an /ExtGState entry) hide what is under them."""
    if not isinstance(state, dict):
        return True
    alpha, blend, mask = (resolve1(state.get(key)) for key in ("ca", "BM", "SMask"))
    blend = blend[0] if isinstance(blend, list) and blend else blend
    return (not isinstance(alpha, (int, float)) or alpha >= 1) and \
        (blend is None or (isinstance(blend, PSLiteral) and literal_name(blend) in ("Normal", "Compatible"))) and \
        (mask is None or (isinstance(mask, PSLiteral) and literal_name(mask) == "None"))


class ClippingInterpreter(PDFPageInterpreter):
    """pdfminer's interpreter, which keeps its device's `paint` (Paint) as the content stream changes the clip
    and the fill's opacity, and restores it."""

    def init_state(self, ctm: Any) -> None:
        super().init_state(ctm)
        self._saved: list[Paint] = []  # the paint at each open `q`

    def do_q(self) -> None:
        self._saved.append(self.device.paint)  # type: ignore[attr-defined]
        super().do_q()

    def do_Q(self) -> None:
        if self._saved:
            self.device.paint = self._saved.pop()  # type: ignore[attr-defined]
        super().do_Q()

    def do_W(self) -> None:
        self._narrow()

    def do_W_a(self) -> None:
        self._narrow()

    def do_gs(self, name: PDFStackT) -> None:
        states = resolve1(self.resources.get("ExtGState")) if isinstance(self.resources, dict) else None
        state = resolve1(states.get(literal_name(name))) if isinstance(states, dict) and \
            isinstance(name, PSLiteral) else None
        if isinstance(state, dict):
            self.device.paint = replace(self.device.paint, opaque=opaque(state))  # type: ignore[attr-defined]

    def do_Do(self, xobjid_arg: PDFStackT) -> None:
        paint = self.device.paint  # type: ignore[attr-defined]
        super().do_Do(xobjid_arg)
        self.device.paint = paint  # type: ignore[attr-defined]

    def _narrow(self) -> None:
        box = _box(self.curpath, self.ctm)
        if box is not None:
            paint = self.device.paint  # type: ignore[attr-defined]
            self.device.paint = replace(paint, clip=narrowed(paint.clip, box))  # type: ignore[attr-defined]
