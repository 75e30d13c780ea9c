"""Lines of a paragraph of Chinese or Japanese (reportlab's CJK word wrap): broken where ICU's line breaking
(UAX #14, the rules for CJK punctuation: kinsoku) allows, as Word and LibreOffice break the DOCX.

reportlab's own splitter breaks before any character that overflows, except a few that cannot start a line (one of
them may hang in the margin): a line could start with ？ ： ； ， 》 (not in its list) and end with 「 《 （ (it has no
rule for an opening bracket), and when the overflow fell on a Latin letter or a quotation mark it looked back
for a space with `ord` on a note marker's empty text, and the build failed with an internal error.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import paragraph as rl_paragraph

from briefgen.writers.pdf import wordbreaks

_FUZZ = 1e-6


def split(frags: list[Any], max_widths: list[float], calc_bounds: Any, encoding: str = "utf8") -> Any:
    """reportlab's cjkFragSplit, breaking at ICU's line break opportunities."""
    units = _units(frags, encoding)
    starts = _breakable(units)
    lines: list[Any] = []
    start = 0
    while start < len(units):
        width = _width_for(max_widths, len(lines))
        end, used, hard = _line_end(units, start, width, starts)
        lines.append(rl_paragraph.makeCJKParaLine(units[start:end], width, used, width - used, hard, calc_bounds))
        start = end
    return rl_paragraph.ParaLines(kind=1, lines=lines)


def _units(frags: list[Any], encoding: str) -> list[Any]:
    """One unit per character (a fragment without text, such as a note marker's callback, one empty unit)."""
    units: list[Any] = []
    for frag in frags:
        text = frag.text.decode(encoding) if isinstance(frag.text, bytes) else frag.text
        units.extend([rl_paragraph.cjkU(c, frag, encoding) for c in text] if text else
                     [rl_paragraph.cjkU(text, frag, encoding)])
    return units


def _breakable(units: list[Any]) -> set[int]:
    """The unit indices a line may start at: after an ICU break opportunity, taking along the empty units
    (callbacks) just before the character (a note's marker stays with its number)."""
    text = "".join(units)
    ends = wordbreaks.word_ends(text)
    found, offset = set(), 0
    for index, unit in enumerate(units):
        if unit and offset in ends:
            first = index
            while first > 0 and not units[first - 1]:
                first -= 1
            found.add(first)
        offset += len(unit)
    return found


def _line_end(units: list[Any], start: int, width: float, starts: set[int]) -> tuple[int, float, bool]:
    """Where the line from `start` ends (an index past it), the width it uses, and whether a <br/> ends it."""
    used, cut, cut_used = 0.0, None, 0.0
    for index in range(start, len(units)):
        if index > start and index in starts:
            cut, cut_used = index, used
        advance = _advance(units[index], width)
        if used + advance > width + _FUZZ and index > start and units[index].strip():
            return (cut, cut_used, False) if cut is not None else (index, used, False)
        used += advance
        if hasattr(units[index].frag, "lineBreak"):
            return index + 1, used, True
    return len(units), used, False


def _advance(unit: Any, width: float) -> float:
    advance = unit.width
    if hasattr(advance, "normalizedValue"):  # a percentage width (an image's, say)
        advance._normalizer = width
        advance = advance.normalizedValue(width)
    return float(advance)


def _width_for(max_widths: list[float], line: int) -> float:
    return float(max_widths[line] if line < len(max_widths) else max_widths[-1])
