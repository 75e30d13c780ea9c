"""Lines of mixed direction drawn in reading order: the bidi algorithm's line rules over reportlab fragments.

A paragraph whose text runs in several fonts is broken into lines of fragments (a word or a run of words in
one font, a note marker...). reportlab draws a right-to-left line by reversing its fragments, which puts a
run of several Latin words, or a full stop between Arabic and Latin, in the wrong place, and does nothing
for a left-to-right line holding Arabic or Hebrew. `BidiParagraph` draws each line after resolving the
embedding level of each of its characters by UAX #9 itself (briefgen.writers.bidi: numbers after Arabic
letters, separators and percent signs inside and around numbers, brackets and other neutrals), cutting its
fragments where the level changes, resetting trailing spaces (L1) and reversing runs (L2).
A shaped fragment is already in drawing order (HarfBuzz lays out a right-to-left word right to left; shaping.py
cuts the numbers out of it first) and takes the level of its letters.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from bidi.algorithm import MIRRORED
from reportlab.pdfbase.ttfonts import ShapedStr
from reportlab.platypus import Paragraph

from briefgen.text import without_controls
from briefgen.writers import bidi
from briefgen.writers.pdf import glyphs

_OBJECT = "\ufffc"  # what a callback or a note's number counts as for the text around it: a neutral


@dataclass
class _Unit:
    fragments: list[Any]  # one, or a note's marker, number and commas, drawn together in logical order
    text: str  # in logical order
    atomic: bool  # drawn as it is: shaped glyphs (already in drawing order), a note's number, a callback
    level: int = 0


def _unit(fragment: Any) -> _Unit:
    text = getattr(fragment, "text", "")
    if hasattr(fragment, "cbDefn") or not isinstance(text, str) or bool(getattr(fragment, "rise", 0)):
        # a callback, or raised text (a note's number): to the text around it a neutral, as an isolate is
        # (UAX #9 X5a–X5c), itself read left to right; so a note after an Arabic word, or at the start of a
        # line, sits where its mark would (a digit at the end of a Hebrew line after "RFC 2616" would take
        # their direction by W7, pulling the full stop and quotation mark to their side)
        return _Unit([fragment], _OBJECT, True)
    if isinstance(text, ShapedStr):  # glyphs: the characters they stand for, as shaping.py kept them
        return _Unit([fragment], glyphs.read(text) or _OBJECT, True)
    return _Unit([fragment], text, False)


def _words(fragment: Any) -> list[Any]:
    """A fragment, or the words reportlab joined into it (glyphs.py): each run of glyphs, and the plain text
    between them, a fragment of its own, so that the words of a right-to-left run take their places."""
    pieces = glyphs.parts(getattr(fragment, "text", None))
    if len(pieces) < 2:
        return [fragment]
    return [fragment.clone(text=piece) for piece in pieces]


def _units(fragments: list[Any]) -> list[_Unit]:
    """The line's units; neighbouring callbacks and raised fragments (one note's marker and number, the
    numbers and commas of several notes) joined into one."""
    out: list[_Unit] = []
    for unit in map(_unit, [word for fragment in fragments for word in _words(fragment)]):
        if unit.text == _OBJECT and out and out[-1].text == _OBJECT:
            out[-1].fragments += unit.fragments
        else:
            out.append(unit)
    return out


def _atomic_level(text: str, levels: list[int]) -> int:
    """An atomic unit's level: that of its first letter (a shaped run is one script, so one direction), not of
    a mark shaped with it (a name between left-to-right marks, in the paragraph's own face: "\u200eדנה")."""
    for char, level in zip(text, levels, strict=True):
        if unicodedata.bidirectional(char) in ("L", "R", "AL") and unicodedata.category(char) != "Cf":
            return level
    return levels[0]


def _leveled(units: list[_Unit], base: int) -> list[_Unit]:
    """Each unit with its level; a unit of plain text cut where its characters' levels change."""
    line = "".join(u.text for u in units)
    found = bidi.trailing_to_base(line, bidi.levels(line, "RTL" if base else "LTR")[1], base)
    out: list[_Unit] = []
    at = 0
    for unit in units:
        levels = found[at:at + len(unit.text)]
        at += len(unit.text)
        if unit.atomic or not unit.text:
            unit.level = _atomic_level(unit.text, levels) if levels else base
            out.append(unit)
            continue
        start = 0
        for level, same in groupby(levels):
            size = len(list(same))
            piece = unit.text[start:start + size]
            fragment = unit.fragments[0] if size == len(unit.text) else unit.fragments[0].clone(text=piece)
            out.append(_Unit([fragment], piece, False, level))
            start += size
    return out


def _reversed_runs(units: list[_Unit]) -> list[_Unit]:
    """Rule L2: from the highest level down to 1, reverse every run of units at that level or above."""
    for level in range(max((u.level for u in units), default=0), 0, -1):
        i = 0
        while i < len(units):
            if units[i].level < level:
                i += 1
                continue
            j = i
            while j < len(units) and units[j].level >= level:
                j += 1
            units[i:j] = reversed(units[i:j])
            i = j
    return units


def visual(fragments: list[Any], rtl: bool) -> list[Any]:
    """A line's fragments in drawing order, left to right."""
    units = _reversed_runs(_leveled(_units(fragments), int(rtl)))
    for unit in units:  # a right-to-left run of plain text: its characters reversed, brackets mirrored (L4);
        # ordered, plain text is drawn without its bidi format characters (HarfBuzz hides them in shaped runs)
        if unit.atomic:
            continue
        text = "".join(str(MIRRORED.get(c, c)) for c in reversed(unit.text)) if unit.level % 2 else unit.text
        drawn = without_controls(text)
        if drawn != unit.fragments[0].text:
            unit.fragments = [unit.fragments[0].clone(text=drawn)]
    return [fragment for unit in units for fragment in unit.fragments]


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
