"""The clipping path: text a PDF draws where its clip lets nothing show is not seed text.

A page draws only inside its current clipping path, which `W` or `W*` narrows to the path just built and `Q`
widens again to what it was at the matching `q`. Text outside it is never seen (overset text in a layout
program's frame, a table cell's overflow, a draft line kept in the file under a clip), yet pdfminer, which
ignores clipping, read it as the page's own, and a passage could be verified against it. Each clip is taken as
the box around its path on the page (a curved or odd-shaped clip keeps what its box holds: text may be kept that a
viewer clips, never left out that it shows), and the device is told (`device.clip`, a box or None for the whole
page) what the text it draws is clipped to. A form XObject draws inside the clip it is drawn in, and leaves it as
it was.
"""

from __future__ import annotations

from typing import Any

from pdfminer.pdfinterp import PDFPageInterpreter, PDFStackT
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


class ClippingInterpreter(PDFPageInterpreter):
    """pdfminer's interpreter, which keeps its device's `clip` as the content stream narrows and restores it."""

    def init_state(self, ctm: Any) -> None:
        super().init_state(ctm)
        self._clips: list[Rect | None] = []  # the clip at each open `q`

    def do_q(self) -> None:
        self._clips.append(getattr(self.device, "clip", None))
        super().do_q()

    def do_Q(self) -> None:
        if self._clips:
            self.device.clip = self._clips.pop()  # type: ignore[attr-defined]
        super().do_Q()

    def do_W(self) -> None:
        self._narrow()

    def do_W_a(self) -> None:
        self._narrow()

    def do_Do(self, xobjid_arg: PDFStackT) -> None:
        clip = getattr(self.device, "clip", None)
        super().do_Do(xobjid_arg)
        self.device.clip = clip  # type: ignore[attr-defined]

    def _narrow(self) -> None:
        box = _box(self.curpath, self.ctm)
        if box is not None:
            self.device.clip = narrowed(getattr(self.device, "clip", None), box)  # type: ignore[attr-defined]
