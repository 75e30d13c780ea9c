"""Shaped text that remembers the words it was joined from.

HarfBuzz lays out each word of a shaped paragraph on its own (shaping.py): a right-to-left word's glyphs come
in drawing order, its characters in `actual`. Breaking lines, reportlab joins the words of one style on a line
into one fragment (`text += " " + word`), so a run of several Hebrew words in the paragraph's own face (Liberation
Sans, a house font) became one string holding each word drawn right to left but the words in reading order; the
line's bidi ordering (bidiline.py), which cannot cut into glyphs, drew "דנה לוי" as "לוי" on the right of
"דנה". Fallback faces hid it: a space is drawn in the main face, so each fallback word was a fragment of its own.

`Glyphs` is reportlab's ShapedStr that keeps, through those joins, its `parts` in reading order (each a run
of glyphs drawn as it is, or plain text such as the spaces between them) and the characters it stands for
(`actual`), so bidiline.py orders the words of a joined fragment as it orders fragments.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import ttfonts
from reportlab.pdfgen import textobject


class Glyphs(ttfonts.ShapedStr):  # type: ignore[misc]
    """Shaped text; `parts`, when it was joined from several pieces, those pieces in reading order."""

    parts: tuple[str, ...] = ()

    def __add__(self, other: Any) -> Glyphs:
        return joined(self, other)

    def __radd__(self, other: Any) -> Glyphs:
        return joined(other, self)

    def __getitem__(self, index: Any) -> Any:
        found = ttfonts.ShapedStr.__getitem__(self, index)
        return of(found) if isinstance(found, ttfonts.ShapedStr) else found

    def endswith(self, suffix: Any, *bounds: Any) -> bool:
        """str's, but a glyph HarfBuzz drew for an invisible character (a left-to-right mark, an isolate: the
        space glyph, advancing nothing) is no space: reportlab joins the next word on without one when the
        text "ends with a space" ("\u200eדנה לוי\u200e" was drawn "לוידנה")."""
        if suffix == " " and not bounds and self and _hidden(self.__shapeData__[-1]):
            return False
        return bool(str.endswith(self, suffix, *bounds))


SIMPLE = 0x7FFFFFFF  # the cluster reportlab gives a character added to shaped text unshaped


def _hidden(data: Any) -> bool:
    return bool(data.cluster != SIMPLE and data.x_advance == 0)


def of(text: Any, actual: str | None = None) -> Glyphs:
    """A run of glyphs (a ShapedStr) as one whole: drawn as it is, standing for `actual` (else its own)."""
    made = Glyphs(str(text), shapeData=list(text.__shapeData__))
    found = actual if actual is not None else getattr(text, "actual", None)
    if found is not None:
        made.actual = found
    return made


def read(text: Any) -> str:
    """The characters a piece of text stands for, in reading order (a run of glyphs' `actual`)."""
    return str(getattr(text, "actual", text))


def parts(text: Any) -> tuple[str, ...]:
    """The pieces of a fragment's text in reading order: its joined parts, else itself (none when empty)."""
    found: tuple[str, ...] = getattr(text, "parts", ())
    return found or ((text,) if text else ())


def joined(left: Any, right: Any) -> Glyphs:
    """left + right in reading order, remembering both as parts (neighbouring plain text as one part)."""
    both = ttfonts.ShapedStr.__add__(left, right) if isinstance(left, ttfonts.ShapedStr) else (
        ttfonts.ShapedStr.__radd__(right, left))
    made = Glyphs(str(both), shapeData=both.__shapeData__)
    pieces: list[str] = []
    for piece in (*parts(left), *parts(right)):
        if pieces and not isinstance(piece, ttfonts.ShapedStr) and not isinstance(pieces[-1], ttfonts.ShapedStr):
            pieces[-1] = str(pieces[-1]) + piece
        else:
            pieces.append(piece)
    made.parts = tuple(pieces)
    made.actual = read(left) + read(right)
    return made


_SET_RISE = textobject.PDFTextObject.setRise


def _set_rise(self: textobject.PDFTextObject, rise: float) -> None:
    """reportlab's setRise, which looks at the operator written last and failed on none: a run of glyphs whose
    first is raised (a N'Ko or Arabic mark) drawn in the font already set, as a word after its space is."""
    if self._code:
        _SET_RISE(self, rise)
        return
    self._rise = rise
    self._y -= rise
    self._code.append(f"{fp_str(rise)} Ts")


def install() -> None:
    textobject.PDFTextObject.setRise = _set_rise
