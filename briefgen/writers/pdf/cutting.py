"""Long words cut to fit their lines: shaped words between glyphs, hyphenated words at a hyphen only where the
rest fits the next line.

Thai, Lao, Khmer and Burmese are written without spaces between words, so a sentence is one word to
reportlab, which cuts a word longer than its line character by character. For shaped text that lost the glyphs
HarfBuzz had chosen (a tone mark's raised form has no character of its own: it was drawn as a box and copied as
nothing). `split_word` stands in for reportlab's cut: a shaped word is cut before a glyph that advances (a
zero-width mark stays with its letter), and each piece keeps its glyphs' shaping and the characters they stand
for (`actual`, which the tagged text reads: lines.py).

A line may end after a word's own hyphen ("nuclear-|armed", as Word and LibreOffice break it: styles.py asks
reportlab for it), but reportlab then never cuts the rest, however long: a URL with hyphens ran off the page
and its text was lost. `hyphenate_word` and `hyphenate_frag_word` take a break at a hyphen only when what
follows it fits a line; a longer word is cut as any long word is.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.platypus import paragraph as rl_paragraph

from briefgen.writers.pdf import glyphs
from briefgen.writers.pdf.glyphs import SIMPLE as _SIMPLE
from briefgen.writers.pdf.wordbreaks import needs_words, word_ends

# reportlab's own cuts, taken before shaping.install puts ours in their place
_SPLIT = rl_paragraph._splitFragWord
_HYPHENATE_WORD = rl_paragraph._hyphenateWord
_HYPHENATE_FRAG_WORD = rl_paragraph._hyphenateFragWord
_SHY_UNSPLIT = rl_paragraph._shyUnsplit


def split_word(word: Any, max_width: float, max_widths: list[float], line_no: int) -> list[Any]:
    """A word too long for its line cut into pieces that fit (`max_width` on this line, then `max_widths` by
    line number), as reportlab's _splitFragWord returns them; a word with no shaped text is cut by reportlab.
    A piece ends between two words of Thai, Lao, Khmer or Burmese where one fits, else between two glyphs."""
    if not any(isinstance(text, ttfonts.ShapedStr) for _, text in word[1:]):
        return list(_SPLIT(word, max_width, max_widths, line_no))
    last = len(max_widths) - 1
    pieces: list[Any] = []
    current: list[_Unit] = []
    for unit in _units(word):
        if current and _width(current) + unit.advance > max_width:
            head, current = _at_word_end(current)
            pieces.append(rl_paragraph._SplitFrag([_width(head), *_joined(head)]))
            line_no += 1
            max_width = max_widths[min(last, line_no)]
        current.append(unit)
    tail = rl_paragraph._SplitFragHS if isinstance(word, rl_paragraph._HSFrag) else rl_paragraph._SplitFragH
    pieces.append(tail([_width(current), *_joined(current)]))
    return pieces


def _at_word_end(units: list[_Unit]) -> tuple[list[_Unit], list[_Unit]]:
    """`units` cut after the last one a word ends with (all of them, when none does but the last)."""
    ends = [n for n, unit in enumerate(units[:-1], 1) if unit.word_end]
    cut = ends[-1] if ends else len(units)
    return units[:cut], units[cut:]


def _width(units: list[_Unit]) -> float:
    return sum(unit.advance for unit in units)


def hyphenate_word(hyphenator: Any, font: str, size: float, word: str, width: float, new_width: float,
                   max_width: float, *rest: Any) -> Any:
    """reportlab's break of a one-font word at a hyphen, refused when what follows the hyphen is wider than
    the line (reportlab would set it on a line of its own, overflowing)."""
    found = _HYPHENATE_WORD(hyphenator, font, size, word, width, new_width, max_width, *rest)
    if found and pdfmetrics.stringWidth(found[-1], font, size) > max_width:
        return None
    return found


def rejoined(head: str, tail: str | None = None) -> str:
    """reportlab's `_shyUnsplit`, which joins the two parts of a word broken at a line's end when a paragraph is
    laid out again (after a page break): it took a trailing hyphen off the head even when joining, where the
    head of a break at the word's own hyphen ends with that very hyphen ("spy-" and "satellite" were drawn
    "spysatellite"). A hyphen the break added is taken off before the join (alone: `rejoined(head)`), as are
    a soft hyphen's (a `_SHYStr` word, still reportlab's own way)."""
    if tail is None or isinstance(head, rl_paragraph._SHYStr):
        return _SHY_UNSPLIT(head, tail)  # type: ignore[no-any-return]
    marks = [*getattr(head, "_shyIndices", ()), *(n + len(head) for n in getattr(tail, "_shyIndices", ()))]
    joined = head + tail
    return rl_paragraph._SHYIndexedStr(joined, marks) if marks else joined


def hyphenate_frag_word(hyphenator: Any, word: Any, new_width: float, max_width: float, *rest: Any) -> Any:
    """The same for a word of several fragments (whose first item is its width); a word of Thai, Lao, Khmer
    or Burmese is broken between its words instead, as many of them as fit the line going on this one."""
    if _without_spaces(word):
        return _word_break(word, max_width - (new_width - float(word[0])), new_width - float(word[0]) <= 0)
    found = _HYPHENATE_FRAG_WORD(hyphenator, word, new_width, max_width, *rest)
    if found and float(found[-1][0]) > max_width:
        return None
    return found


def _without_spaces(word: Any) -> bool:
    return any(isinstance(text, ttfonts.ShapedStr) and needs_words(str(getattr(text, "actual", text)))
               for _, text in word[1:])


def _word_break(word: Any, room: float, line_empty: bool) -> Any:
    """The word as a head that fits `room` (ending where a word ends) and the rest, as reportlab's
    _hyphenateFragWord gives them; None when no word fits (the whole goes to the next line), unless the
    line is empty: the word is then longer than a line, and cut between glyphs."""
    units, fitting, width = _units(word), 0, 0.0
    for n, unit in enumerate(units[:-1], 1):
        width += unit.advance
        if width > room:
            break
        if unit.word_end:
            fitting = n
    if not fitting and line_empty:
        fitting = next((n for n in range(len(units) - 1, 0, -1) if _width(units[:n]) <= room), 0)
    if not fitting:
        return None
    head, tail = units[:fitting], units[fitting:]
    rest = rl_paragraph._SplitFragHS if isinstance(word, rl_paragraph._HSFrag) else rl_paragraph._SplitFrag
    return [rl_paragraph._SplitFragH([_width(head), *_joined(head)]), rest([_width(tail), *_joined(tail)])]


@dataclass(frozen=True)
class _Unit:
    """What a line may end after: a callback, a plain character, or a shaped glyph with the zero-advance
    glyphs (marks) that follow it; `word_end` when a word of a script without spaces ends with it."""

    fragment: Any
    text: str
    advance: float
    word_end: bool = False
    rtl: bool = False  # a glyph of a run HarfBuzz laid right to left (drawn before the glyphs it follows)


def _units(word: Any) -> list[_Unit]:
    """The word's units in reading order: a right-to-left run's glyphs, which HarfBuzz gives in drawing
    order, turned back (so that a line takes the word's beginning, not its end)."""
    groups = [group for fragment, text in word[1:] for group in _in_reading_order(fragment, text)]
    read = [str(getattr(text, "actual", text)) if not hasattr(fragment, "cbDefn") else "\ufffc"
            for fragment, text, _, _ in groups]
    whole = "".join(read)
    ends = word_ends(whole) if needs_words(whole) else frozenset()
    offsets = list(accumulate(len(text) for text in read))
    return [_Unit(fragment, text, advance, offset in ends, rtl)
            for (fragment, text, advance, rtl), offset in zip(groups, offsets, strict=True)]


def _in_reading_order(fragment: Any, text: Any) -> list[tuple[Any, str, float, bool]]:
    groups = list(_glyph_groups(fragment, text))
    rtl = _right_to_left(text)
    return [(*group, rtl) for group in (groups[::-1] if rtl else groups)]


def _right_to_left(text: Any) -> bool:
    """Whether HarfBuzz laid a glyph run out right to left: its clusters descend."""
    clusters = [d.cluster for d in getattr(text, "__shapeData__", ()) if d.cluster != _SIMPLE]
    return len(clusters) > 1 and clusters[0] > clusters[-1]


def _glyph_groups(fragment: Any, text: Any) -> Iterator[tuple[Any, str, float]]:
    """(fragment, text, width) of each unit of one fragment a line may end after, in drawing order: a
    callback, a plain character, or a shaped glyph with the zero-advance glyphs (marks) that follow it."""
    if hasattr(fragment, "cbDefn"):
        yield fragment, text, float(getattr(fragment.cbDefn, "width", 0))
    elif not isinstance(text, ttfonts.ShapedStr):
        for char in text:
            yield fragment, char, pdfmetrics.stringWidth(char, fragment.fontName, fragment.fontSize)
    else:
        data, start = text.__shapeData__, 0
        cuts = [end for end in range(1, len(text) + 1) if end == len(text) or data[end].x_advance]
        for end, actual in zip(cuts, _actual_parts(text, cuts), strict=True):
            piece = text[start:end]
            if actual is not None:
                piece.actual = actual
            yield fragment, piece, _advance(piece, fragment)
            start = end


def _actual_parts(glyphs: Any, cuts: list[int]) -> list[str | None]:
    """The characters each piece of a glyph run cut at `cuts` stands for (its share of the run's `actual`,
    by the clusters its glyphs come from); None for a run without one."""
    actual = getattr(glyphs, "actual", None)
    if actual is None:
        return [None] * len(cuts)
    data = glyphs.__shapeData__
    firsts = [min((d.cluster for d in data[a:b] if d.cluster != _SIMPLE), default=None)
              for a, b in zip([0, *cuts[:-1]], cuts, strict=True)]
    starts = sorted({f for f in firsts if f is not None})
    base = starts[0] if starts else 0
    parts: list[str | None] = []
    for first in firsts:  # each piece: from its first cluster to the next piece's, whichever way they run
        if first is None:
            parts.append(None)
            continue
        after = bisect_right(starts, first)
        parts.append(actual[first - base:starts[after] - base if after < len(starts) else None])
    return parts


def _advance(glyphs: Any, fragment: Any) -> float:
    return float(sum(pdfmetrics.stringWidth(char, fragment.fontName, fragment.fontSize) if d.cluster == _SIMPLE
                     else d.x_advance * fragment.fontSize / 1000
                     for char, d in zip(glyphs, glyphs.__shapeData__, strict=True)))


def _joined(units: list[_Unit]) -> list[tuple[Any, str]]:
    """Consecutive units of one fragment as one: a copy of the fragment holding their text (and, for shaped
    text, the characters it stands for)."""
    runs: list[tuple[Any, str]] = []  # (the fragment the units came from, their text)
    for unit in units:
        fragment, text = unit.fragment, unit.text
        if runs and runs[-1][0] is fragment:
            earlier = runs[-1][1]  # in reading order; a right-to-left glyph is drawn before the earlier ones
            both = text + earlier if unit.rtl else earlier + text
            if isinstance(both, ttfonts.ShapedStr):  # glyphs of one word, in drawing order: drawn as one
                both = glyphs.of(both, glyphs.read(earlier) + glyphs.read(text))
            runs[-1] = (fragment, both)
        else:
            runs.append((fragment, text))
    return [(_holding(fragment, text), text) for fragment, text in runs]


def _holding(fragment: Any, text: str) -> Any:
    if hasattr(fragment, "cbDefn") or not hasattr(fragment, "clone"):
        return fragment
    copy = fragment.clone()
    copy.text = text
    return copy
