"""Lines of mixed direction drawn in reading order: the bidi algorithm's line rules over reportlab fragments.

A paragraph whose text runs in several fonts is broken into lines of fragments (a word or a run of words in
one font, a note marker...). reportlab draws a right-to-left line by reversing its fragments, which puts a
run of several Latin words, or a full stop between Arabic and Latin, in the wrong place, and does nothing
for a left-to-right line holding Arabic or Hebrew. `BidiParagraph` draws each line after cutting its
fragments where the direction changes and ordering the pieces by UAX #9: numbers and neutrals are resolved
from their neighbours (W7, N1, N2), levels given (I1, I2), trailing spaces reset (L1), runs reversed (L2).
A shaped fragment is already in drawing order (HarfBuzz lays out a right-to-left word right to left).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from bidi.algorithm import MIRRORED
from reportlab.pdfbase.ttfonts import ShapedStr
from reportlab.platypus import Paragraph

from briefgen.writers.pdf.fonts import RTL_FONTS

# embedding level of a resolved kind, by paragraph level (UAX #9 I1, I2)
_LEVEL = ({"L": 0, "R": 1, "EN": 2}, {"L": 2, "R": 1, "EN": 2})
# a char's class for cutting: L, R, number (EN, AN and the separators or % inside a number), or neutral
_CHUNK = re.compile(r"\d+(?:[.,:/%٫٬]\d+)*%?|\s+|.", re.UNICODE)


@dataclass
class _Unit:
    fragment: Any
    kind: str  # "L", "R", "EN" or "N"
    shaped: bool
    level: int = 0


def _kind_of(text: str) -> str:
    kinds = {unicodedata.bidirectional(c) for c in text}
    if kinds & {"R", "AL"}:
        return "R"
    if "L" in kinds:
        return "L"
    if kinds & {"EN", "AN"}:
        return "EN"
    return "N"


def _units(fragment: Any) -> list[_Unit]:
    text = getattr(fragment, "text", "")
    if hasattr(fragment, "cbDefn") or not text or not isinstance(text, str):
        return [_Unit(fragment, "N", False)]
    if isinstance(text, ShapedStr):  # glyphs of a right-to-left face, or shaped Devanagari
        return [_Unit(fragment, "R" if fragment.fontName in RTL_FONTS else "L", True)]
    units: list[_Unit] = []
    for piece in _CHUNK.findall(text):
        kind = _kind_of(piece)
        if units and units[-1].kind == kind and kind in ("L", "R"):
            units[-1].fragment.text += piece
            continue
        units.append(_Unit(fragment.clone(text=piece), kind, False))
    return _merge_inner_neutrals(units)


def _merge_inner_neutrals(units: list[_Unit]) -> list[_Unit]:
    """Keep `Annual Report` one piece: a neutral between two pieces of the same strong kind joins them."""
    out: list[_Unit] = []
    for unit in units:
        if (len(out) >= 2 and unit.kind in ("L", "R") and out[-1].kind == "N" and out[-2].kind == unit.kind
                and not out[-2].shaped and not unit.shaped):
            neutral = out.pop()
            out[-1].fragment.text += neutral.fragment.text + unit.fragment.text
        else:
            out.append(unit)
    return out


def _resolve(units: list[_Unit], base: int) -> None:
    """W7, N1, N2, I1, I2 and L1 at the level of pieces."""
    sos = "R" if base else "L"
    previous = sos
    for unit in units:  # W7: a number after L (or at the start of an LTR line) is L
        if unit.kind == "EN" and previous == "L":
            unit.kind = "L"
        elif unit.kind in ("L", "R"):
            previous = unit.kind
    strong = ["R" if u.kind == "EN" else u.kind for u in units]
    for i, unit in enumerate(units):
        if unit.kind != "N":
            continue
        before = next((strong[j] for j in range(i - 1, -1, -1) if strong[j] != "N"), sos)
        after = next((strong[j] for j in range(i + 1, len(units)) if strong[j] != "N"), sos)
        strong[i] = before if before == after else sos  # N1, else N2: the paragraph's direction
    for unit, kind in zip(units, strong, strict=True):
        unit.level = _LEVEL[base][kind if unit.kind == "N" else unit.kind]
    for unit in reversed(units):  # L1: spaces at the end of the line take the paragraph level
        if unit.kind == "N" and str(getattr(unit.fragment, "text", "")).isspace():
            unit.level = base
        elif not hasattr(unit.fragment, "cbDefn"):
            break


def visual(fragments: list[Any], rtl: bool) -> list[Any]:
    """A line's fragments in drawing order, left to right."""
    units = [u for f in fragments for u in _units(f)]
    _resolve(units, int(rtl))
    if not units:
        return fragments
    for level in range(max(u.level for u in units), 0, -1):
        i = 0
        while i < len(units):
            if units[i].level >= level:
                j = i
                while j < len(units) and units[j].level >= level:
                    j += 1
                units[i:j] = reversed(units[i:j])
                i = j
            else:
                i += 1
    for unit in units:
        text = getattr(unit.fragment, "text", None)
        if unit.level % 2 and not unit.shaped and isinstance(text, str) and not hasattr(unit.fragment, "cbDefn"):
            unit.fragment = unit.fragment.clone(text="".join(str(MIRRORED.get(c, c)) for c in reversed(text)))
    return [u.fragment for u in units]


class BidiParagraph(Paragraph):  # type: ignore[misc]
    """A Paragraph whose lines of fragments are drawn in bidi order (see the module's note)."""

    def drawPara(self, debug: int = 0) -> Any:  # reportlab calls it by this name
        lines = getattr(self.blPara, "lines", [])
        wrap = self.style.wordWrap
        if getattr(self.blPara, "kind", 0) != 1 or wrap not in ("RTL", "LTR"):
            return super().drawPara(debug)
        saved = [line.words for line in lines]
        for line in lines:
            order = visual(list(line.words), wrap == "RTL")
            line.words = order[::-1] if wrap == "RTL" else order  # reportlab reverses an RTL line once more
        try:
            return super().drawPara(debug)
        finally:
            for line, words in zip(lines, saved, strict=True):
                line.words = words
