"""What a PDF's annotations show on a page: a form field's value, a text box (FreeText), a stamp.

A viewer draws each annotation's normal appearance (/AP /N, a form XObject; for a check box or a radio button,
the one its /AS state names) in the annotation's /Rect, and so does poppler's pdftotext; pdfminer reads only the
page's own content, so a filled-in form read as its labels without its answers. Each appearance is drawn here
after the page's content, as PDF 1.7 §12.5.5 places it: its /BBox, turned by its /Matrix, fitted into /Rect.
Not drawn: an annotation flagged hidden or not to be viewed, nor one in a layer that is off (pdflayers.py).
"""

from __future__ import annotations

from pdfminer.pdfinterp import PDFPageInterpreter
from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import PDFStream, resolve1
from pdfminer.psparser import PSLiteral, literal_name
from pdfminer.utils import Matrix, Rect, apply_matrix_rect, mult_matrix

from briefgen.sources.formats.pdflayers import hides

_HIDDEN = 2  # the annotation flags (/F) that keep a viewer from showing it: Hidden, NoView
_NO_VIEW = 32
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
MAX_ANNOTATIONS = 2000  # on one page: more than any form has (a hostile file's millions are not all drawn)


def draw_annotations(interpreter: PDFPageInterpreter, page: PDFPage, ctm: Matrix,
                     hidden: frozenset[int]) -> None:
    """Draw what the page's annotations show (`hidden`: the layers that are off), on the device the page's
    content was drawn on, with the page's matrix `ctm`."""
    annotations = resolve1(page.annots)
    if not isinstance(annotations, list):
        return
    for number, entry in enumerate(annotations[:MAX_ANNOTATIONS]):
        annotation = resolve1(entry)
        if isinstance(annotation, dict) and not hides(annotation.get("OC"), hidden):
            appearance = _appearance(annotation)
            rect = _numbers(annotation.get("Rect"), 4)
            if appearance is not None and rect is not None:
                _draw(interpreter, f"annotation{number}", appearance, (rect[0], rect[1], rect[2], rect[3]), ctm)


def _appearance(annotation: dict[str, object]) -> PDFStream | None:
    """The annotation's normal appearance as a viewer shows it, or None (hidden, or none drawn)."""
    flags = resolve1(annotation.get("F"))
    if isinstance(flags, int) and flags & (_HIDDEN | _NO_VIEW):
        return None
    looks = resolve1(annotation.get("AP"))
    normal = resolve1(looks.get("N")) if isinstance(looks, dict) else None
    if isinstance(normal, dict):  # appearance states: the one the annotation is in
        state = resolve1(annotation.get("AS"))
        normal = resolve1(normal.get(literal_name(state))) if isinstance(state, PSLiteral) else None
    return normal if isinstance(normal, PDFStream) else None


def _numbers(value: object, count: int) -> list[float] | None:
    found = resolve1(value)
    if not isinstance(found, list) or len(found) != count:
        return None
    numbers = [resolve1(item) for item in found]
    return [float(n) for n in numbers] if all(isinstance(n, (int, float)) for n in numbers) else None


def _draw(interpreter: PDFPageInterpreter, name: str, form: PDFStream, rect: Rect, ctm: Matrix) -> None:
    """Draw the appearance `form` as a form XObject fitted into `rect` (on the page)."""
    bbox = _numbers(form.get("BBox"), 4)
    given = _numbers(form.get("Matrix"), 6)
    if bbox is None:
        return
    matrix: Matrix = (given[0], given[1], given[2], given[3], given[4], given[5]) if given else _IDENTITY
    x0, y0, x1, y1 = apply_matrix_rect(matrix, (bbox[0], bbox[1], bbox[2], bbox[3]))
    if x1 - x0 <= 0 or y1 - y0 <= 0:
        return
    left, bottom, right, top = min(rect[0], rect[2]), min(rect[1], rect[3]), max(rect[0], rect[2]), \
        max(rect[1], rect[3])
    sx, sy = (right - left) / (x1 - x0), (top - bottom) / (y1 - y0)
    placed = mult_matrix(matrix, (sx, 0.0, 0.0, sy, left - sx * x0, bottom - sy * y0))
    resources = resolve1(form.get("Resources"))
    interpreter.device.set_ctm(ctm)  # the page's (drawing the last appearance left that one's)
    interpreter.device.begin_figure(name, (bbox[0], bbox[1], bbox[2], bbox[3]), placed)
    interpreter.render_contents(resources if isinstance(resources, dict) else {}, [form],
                                ctm=mult_matrix(placed, ctm))
    interpreter.device.end_figure(name)
