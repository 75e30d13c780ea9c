"""The order a PDF draws a line's characters in, as evidence of where a number beside a right-to-left run is read.

A left-to-right line drawn "staff 27 [Hebrew]" or "nested 2 [Arabic]", the run ending the line, reads two ways
from its drawing alone: the number may end the run (a Hebrew sentence broken after its number: the bidi rules
draw the run's last number at its left end, "staff המשרד דיווח על 27") or precede it (a list item's own
number before an Arabic sentence: "nested 2 أعلنت الوزارة"). LibreOffice and typst draw a line's runs in
the order they are laid out: a number the run ends with is drawn after the run's letters, though it stands left
of them; the line's own number is drawn before them, with the words before it. Where the number is drawn before
every letter of the run, it is read as drawn, before the run (pdfbidi.logical's `number_first`) — on a page that
shows it draws its runs in that order: a number inside Hebrew or Arabic text drawn after a letter standing right
of it (`על 27 רחפנים`, `عن ٣٤٥ طائرة`: the words before it in the sentence). A producer that draws each line
from left to right (WeasyPrint) draws every number before the run right of it, and tells nothing: there the
number is read as ending the run, as the bidi rules draw a sentence broken after it.
"""

from __future__ import annotations

import re

from pdfminer.layout import LTChar, LTTextLine

from briefgen.sources.formats.pdfbidi import has_rtl
from briefgen.sources.formats.pdfcover import order

_LTR_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"[0-9]")
_ANY_DIGIT = re.compile(r"\d")
_LOGICAL = "_drawn_logically"  # on a page's text lines: whether the page draws its runs in reading order


def note_drawing_order(lines: list[LTTextLine]) -> None:
    """Note on each of a page's lines whether the page shows it draws its runs in the order they are read: a
    digit of some line drawn after a right-to-left letter standing right of it on that line."""
    found = any(_drawn_logically(line) for line in lines)
    for line in lines:
        setattr(line, _LOGICAL, found)


def _drawn_logically(line: LTTextLine) -> bool:
    chars = [char for char in line if isinstance(char, LTChar) and order(char) >= 0]
    letters = [char for char in chars if has_rtl(char.get_text()) and not _ANY_DIGIT.match(char.get_text())]
    if not letters:
        return False
    return any(order(letter) < order(digit) and letter.x0 > digit.x1 for digit in chars
               if _ANY_DIGIT.match(digit.get_text()) for letter in letters)


def number_drawn_first(line: LTTextLine) -> bool:
    """Whether the number just left of the right-to-left run that ends a line (after its last left-to-right
    letter, only spaces between the number and the run) was drawn before every letter of that run, on a page
    that draws its runs in reading order (note_drawing_order)."""
    if not getattr(line, _LOGICAL, False):
        return False
    chars = [char for char in line if isinstance(char, LTChar)]
    texts = [char.get_text() for char in chars]
    last_ltr = max((k for k, text in enumerate(texts) if _LTR_LETTER.match(text) and not has_rtl(text)),
                   default=-1)
    start = next((k for k in range(last_ltr + 1, len(chars)) if not texts[k].isspace()), len(chars))
    end = start
    while end < len(chars) and (_DIGIT.match(texts[end]) or (end > start and texts[end] in ",.")):
        end += 1
    after = next((k for k in range(end, len(chars)) if not texts[k].isspace()), len(chars))
    if end == start or after == len(chars) or not has_rtl(texts[after]):
        return False
    number = [order(char) for char in chars[start:end]]
    run = [order(char) for char, text in zip(chars[after:], texts[after:], strict=True) if has_rtl(text)]
    return min(number) >= 0 and max(number) < min(run)
