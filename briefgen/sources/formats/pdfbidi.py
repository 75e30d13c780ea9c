"""Right-to-left text in a PDF read in the order it is written, not the order it is drawn.

Most producers (LibreOffice, Word, browsers) draw an Arabic or Hebrew line's glyphs from left to right, the
order the eye meets them on the page: the letters of each right-to-left word come out reversed, and an Arabic
sentence reads backwards. Where a line's right-to-left letters are drawn left to right, the line is put back
in logical order (`logical`): right-to-left runs read from their right end, Latin words and numbers as they
stand, brackets turned back. A line whose letters are
drawn right to left (already in logical order) is left as it is. A line's direction is the one its ends and
its alignment show (drawn_right_to_left): an English line quoting two Arabic words stays left to right.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import Any

from pdfminer.layout import LTChar

from briefgen.sources.formats.pdflists import MARKER

# Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic and their supplements and presentation forms.
_R = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\U00010800-\U00010fff\U0001e800-\U0001efff"
_RTL = re.compile(f"[{_R}]")
_LETTER = re.compile(r"[^\W\d_]")  # a letter, of any script
_STOPS = ".!?\u061f\u06d4"  # what ends a sentence at a line's end: Latin, and the Arabic and Urdu ones
_STRONG_R = f"(?:(?!\\d)[{_R}])"  # a right-to-left character, not a digit (Arabic-Indic digits read left to right)
_LETTER_LTR = re.compile(f"(?:(?![{_R}])[^\\W\\d_])")
# A number as it is drawn left to right: digits, separators between them, currency and percent signs around.
_SIGN = "[%\u2030\u2031$\u00a2-\u00a5\u20a0-\u20c0\u00b0#]"
_NUMBER_RUN = re.compile(f"{_SIGN}*\\d+(?:[.,:/\u066b\u066c]\\d+)*{_SIGN}*")
_LTR_START = f"(?:{_LETTER_LTR.pattern}|{_SIGN}*\\d)"
_LTR_END = f"(?:{_LETTER_LTR.pattern}|\\d{_SIGN}*)"
_LTR_RUN = re.compile(f"{_LTR_START}(?:(?:(?!{_STRONG_R}).)*{_LTR_END})?")
_RTL_RUN = re.compile(f"{_STRONG_R}(?:(?:(?!{_LETTER_LTR.pattern}).)*{_STRONG_R})?")
# A right-to-left run in a left-to-right line with the numbers the Unicode bidi rules draw inside it, at its
# other end: one after it (only a number read before the run, in the context of right-to-left text before it,
# is drawn there); Arabic-Indic digits before it (always drawn inside the runs they touch); and other digits
# before it where the run ends the line (a number the run's sentence goes on with; mid-line, "nested 1 ..."
# drawn so is as likely a Latin phrase's number, read as drawn), and so a stop or comma glued to its left (its
# sentence's end, the paragraph going on in right-to-left text on the next line). Not a number glued to a word
# ("sharply1").
_BESIDE = "[ \u00a0]*"
_ARABIC_NUMBER = f"{_SIGN}*[\u0660-\u0669]+(?:[.,:/\u066b\u066c][\u0660-\u0669]+)*{_SIGN}*"
_RTL_SEGMENT = re.compile(
    f"(?:(?<![^\\W_])(?:{_ARABIC_NUMBER}{_BESIDE}"
    f"|(?:{_NUMBER_RUN.pattern}{_BESIDE}|[{_STOPS},;:\u060c\u061b]+)"
    f"(?={_RTL_RUN.pattern}(?:{_BESIDE}{_NUMBER_RUN.pattern})?\\s*$)))?"
    f"{_RTL_RUN.pattern}(?:{_BESIDE}{_NUMBER_RUN.pattern})?")
# The same where the number before a run that ends the line was drawn before the run's letters (pdfdrawn.py): the
# number the line's left-to-right text goes on with ("nested 2" before an Arabic sentence), read as drawn.
_RTL_SEGMENT_AFTER_NUMBER = re.compile(
    f"(?:(?<![^\\W_])(?:{_ARABIC_NUMBER}{_BESIDE}"
    f"|[{_STOPS},;:\u060c\u061b]+(?={_RTL_RUN.pattern}(?:{_BESIDE}{_NUMBER_RUN.pattern})?\\s*$)))?"
    f"{_RTL_RUN.pattern}(?:{_BESIDE}{_NUMBER_RUN.pattern})?")
_MIRRORED = str.maketrans("()[]{}<>«»‹›", ")(][}{><»«›‹")


def has_rtl(text: str) -> bool:
    return bool(_RTL.search(text))


def drawn_left_to_right(positions: Sequence[float]) -> bool:
    """Whether a line's right-to-left characters (their left edges, in the order the PDF draws them) are drawn
    from left to right: the order the page shows, not the order they are read."""
    rising = sum(after > before for before, after in pairwise(positions))
    falling = sum(after < before for before, after in pairwise(positions))
    return rising >= falling


def read_right_to_left(text: str) -> bool:
    """Whether a line in reading order runs right to left: its first letter is a right-to-left one."""
    first = _LETTER.search(text)
    return first is not None and has_rtl(first.group())


def drawn_right_to_left(drawn: str, flush: str | None, around: bool | None = None,
                        goes_on: bool | None = None) -> bool:
    """Whether a line drawn left to right runs right to left: as its list marker or sentence's stop shows it
    (stated_direction); else as the paragraph it goes on with runs (`goes_on`: the direction of the line
    before, full and stopping mid-sentence; a paragraph's direction is its first strong letter's, so a line
    of Hebrew going on with an English sentence is a left-to-right paragraph's line); else as its letters show
    it (evident_direction); else as the lines `around` it in its block show theirs; else by the side the line
    is flush with and the other not (`flush`: "left", "right" or None); else by the direction most of its
    letters have."""
    stated = stated_direction(drawn)
    if stated is not None:
        return stated
    if goes_on is not None:
        return goes_on
    evident = evident_direction(drawn)
    if evident is not None:
        return evident
    if around is not None:
        return around
    letters = _LETTER.findall(drawn)
    if flush is not None and not has_rtl(letters[0]):
        return flush == "right"
    return 2 * sum(map(has_rtl, letters)) > len(letters)


def ends_sentence(text: str) -> bool:
    """Whether a line in reading order ends a sentence (its stop, maybe in a script's own form, last)."""
    return text.rstrip()[-1:] in tuple(_STOPS)


def stated_direction(drawn: str) -> bool | None:
    """Whether a line drawn left to right runs right to left, where a mark at its ends shows it; None where
    none does. A list's bullet or number drawn at a line's left starts a left-to-right item: a right-to-left
    one draws it at the right. A sentence's stop at one end and none at the other is the line's end: an
    Arabic sentence in a left-to-right paragraph (a document whose author set no direction) draws its full
    stop at the right, a right-to-left one at the left."""
    ends = drawn.strip()
    if MARKER.match(ends):
        return False
    if ends and (ends[0] in _STOPS) != (ends[-1] in _STOPS):
        return ends[0] in _STOPS
    return None


def evident_direction(drawn: str) -> bool | None:
    """Whether a line drawn left to right runs right to left, where the line itself shows it; None where it
    does not. Its marks first (stated_direction). A right-to-left line starts at its right end, a
    left-to-right one at its left: when the letters at both ends are of one direction, the line is of that
    direction. A line with a Latin word at one end and Arabic at the other shows nothing: an English sentence
    going on in Arabic, its stop on the next line, is drawn so, as is an Arabic one going on in English (and
    an indented list item's line filling its column is flush with the right margin only, whichever its
    direction)."""
    stated = stated_direction(drawn)
    if stated is not None:
        return stated
    letters = _LETTER.findall(drawn)
    if not letters:
        return False
    left, right = has_rtl(letters[0]), has_rtl(letters[-1])
    return left if left == right else None


def logical(drawn: str, rtl: bool, number_first: bool = False) -> str:
    """A line drawn left to right, in the order it is read (`rtl`: the line's direction).

    The drawing of a line with one level of embedding undone: a right-to-left line is read from its right end,
    each run of Latin words or numbers in it (_LTR_RUN) kept as drawn; in a left-to-right line, each run of
    right-to-left words with the numbers touching it (_RTL_SEGMENT) is read from its right end, the numbers in it
    kept as drawn: "staff 27 [על דיווח המשרד drawn]" at a line's end reads "staff המשרד דיווח על 27", as the
    bidi rules draw that line of a paragraph whose Hebrew sentence goes on below; unless the number was drawn
    before the run's letters (`number_first`: pdfdrawn.number_drawn_first), as the line's own left-to-right
    text ("nested 2 [أعلنت الوزارة drawn]" reads "nested 2 أعلنت الوزارة"). What is read backwards has its
    brackets turned back ("(" drawn for ")")."""
    if rtl:
        return _backwards(drawn, _ltr_runs(drawn))
    segment = _RTL_SEGMENT_AFTER_NUMBER if number_first else _RTL_SEGMENT
    return segment.sub(lambda run: _backwards(run.group(), list(_NUMBER_RUN.finditer(run.group()))), drawn)


def _ltr_runs(drawn: str) -> list[re.Match[str]]:
    """The runs of a right-to-left line that read left to right: Latin words with what lies between them, and
    numbers (two numbers with only spaces between are two runs, read in the line's order)."""
    runs: list[re.Match[str]] = []
    for run in _LTR_RUN.finditer(drawn):
        runs.extend([run] if _LETTER_LTR.search(run.group()) else _NUMBER_RUN.finditer(drawn, run.start(), run.end()))
    return runs


def _backwards(text: str, kept: list[re.Match[str]]) -> str:
    """`text` read from its right end, but for the `kept` runs, each read as it stands."""
    pieces, position = [], 0
    for run in kept:
        pieces += [text[position:run.start()][::-1].translate(_MIRRORED), run.group()]
        position = run.end()
    pieces.append(text[position:][::-1].translate(_MIRRORED))
    return "".join(pieces[::-1])


def visual_order(objects: list[Any]) -> list[Any]:
    """A page's drawn objects with its characters in the order the page shows them, line by line from the top,
    each line from left to right, when any of them is right-to-left (else as drawn).

    pdfminer builds its text lines from characters drawn one after the other. A producer that draws a
    right-to-left line as runs (the Arabic words, then the number inside them, then the words after) leaves
    it in pieces, and the pieces in other lines' blocks; characters put in the order they are seen make
    whole lines again."""
    chars = [item for item in objects if isinstance(item, LTChar)]
    if not any(has_rtl(char.get_text()) for char in chars):
        return objects
    return [item for item in objects if not isinstance(item, LTChar)] + \
        [char for row in char_rows(chars) for char in sorted(row, key=lambda c: c.x0)]


def char_rows(chars: list[LTChar]) -> list[list[LTChar]]:
    """The characters in rows from the top: a character joins the row above when it stands over half its own
    (or the row's) height inside the row's height, as pdfminer joins a line's characters, so that a raised
    footnote number or a subscript, whose bottom is not its line's, stays in its line ("March¹ and"). A
    character much taller than the row (a glyph whose box is its font's, WeasyPrint's ligatures beside Arabic)
    joins it without making it taller: grown to its height, the row took in the next line, whose characters
    then read interleaved with it, letter by letter ("O ffi c e")."""
    rows: list[list[LTChar]] = []
    top, bottom = 0.0, 0.0
    for char in sorted(chars, key=lambda c: -(c.y0 + c.y1)):
        overlap = min(top, char.y1) - max(bottom, char.y0)
        if rows and overlap > 0.5 * max(0.1, min(top - bottom, char.y1 - char.y0)):
            rows[-1].append(char)
            if char.y1 - char.y0 <= 1.5 * (top - bottom):
                top, bottom = max(top, char.y1), min(bottom, char.y0)
        else:
            rows.append([char])
            top, bottom = char.y1, char.y0
    return rows


def drawn_text(line: Iterable[Any]) -> str:
    """A text line's characters as drawn, a glyph standing for several right-to-left letters (a lam-alef
    ligature, whose letters a PDF gives in reading order) written backwards like the rest of its line, so
    that putting the line in reading order puts them back."""
    return "".join(text[::-1] if len(text) > 1 and isinstance(item, LTChar) and has_rtl(text) else text
                   for item in line if (text := item.get_text()))
