"""A PDF paragraph's lines joined into one line of text, as a reader reads across the line ends: a word a line's
end hyphenated joined again (its hyphen gone, kept, or marked as the one a line's end cut), and no space where
the break falls inside text written without spaces (Chinese, Japanese, Thai)."""

from __future__ import annotations

import re
from collections.abc import Container, Sequence

from briefgen.document.nodes import one_line
from briefgen.sources.formats.pdfgaps import HANGUL
from briefgen.sources.formats.pdfpage import Line, Page
from briefgen.sources.formats.plain import SPACELESS, no_space_between
from briefgen.sources.marks import LINE_END_HYPHEN

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# Hangul syllables: LibreOffice breaks a Korean line between any two, inside a word ("무" "인기" for 무인기)
_LAST_HANGUL = re.compile(f"([{HANGUL}]+)$")
_FIRST_HANGUL = re.compile(f"[{HANGUL}]+")
_BROKEN_ANYWHERE = re.compile(f"[{HANGUL}]|{SPACELESS.pattern}")  # scripts LibreOffice breaks between any two
_LAST_WORD = re.compile(r"([^\W\d_]+)-$")
_FIRST_WORD = re.compile(r"[^\W\d_]+")
# The hyphen a browser's or WeasyPrint's automatic hyphenation draws at a line's end, U+2010 HYPHEN: read as the
# "-" Word and LaTeX draw there, so the word is joined the same way ("administra‐" "tion" is "administration").
_DRAWN_HYPHEN = re.compile(r"(?<=[^\W\d_])\u2010$")
SHORT = 0.12  # of the type size: a line ending short of its measure by this or more does not reach it
FULL = 1.2  # of the type size: a line ending closer to its measure had no room for one more wide character


def join(lines: list[str], words: Container[str] = frozenset(), spaced: Sequence[bool | None] = ()) -> str:
    """One paragraph from its lines: a word hyphenated at a line's end is joined again, keeping a real hyphen,
    and a line break inside text written without spaces (Chinese, Japanese, Thai) adds none. `words`: the
    document's own words (vocabulary); a hyphen at a line's end goes when the document writes the word whole
    elsewhere and never with that hyphen ("mili-" "tary" is "military" in a text that says "military"), stays
    "-" when it writes the word with it ("long-range"), and is marks.LINE_END_HYPHEN when it writes neither.
    A Korean word a line's end breaks between two syllables is joined again where the document writes it whole
    elsewhere (_broken_hangul). `spaced`: whether each line ends at a space the PDF draws (True), ends inside a
    word (False), or neither is known (None): a line's end next to text without spaces (Thai) or Korean is a
    space or none as it says."""
    out = ""
    for k, raw in enumerate(lines):
        text = _DRAWN_HYPHEN.sub("-", raw.rstrip())
        drawn = _drawn_space(out, text.lstrip(), spaced[k - 1] if 0 < k <= len(spaced) else None)
        if drawn is not None:
            out += (" " if drawn else "") + text.lstrip()
        elif out.endswith("\u00ad") or _broken_word(out, text.lstrip(), words):
            out = out[:-1] + text.lstrip()
        elif _broken_hangul(out, text.lstrip(), words):
            out += text.lstrip()
        elif _unspaced(out, text.lstrip()):
            out = (out[:-1] + _kept_hyphen(out, text.lstrip(), words) if out.endswith("-") else out) + text.lstrip()
        else:
            out += " " + text
    return one_line(out) + ("\u00ad" if out.endswith("\u00ad") else "")  # kept for the next block to join


def _broken_word(before: str, after: str, words: Container[str]) -> bool:
    """Whether a hyphen ending `before` only breaks a word the document writes whole elsewhere."""
    head, tail = _LAST_WORD.search(before), _FIRST_WORD.match(after)
    if head is None or tail is None:
        return False
    whole, hyphenated = head.group(1) + tail.group(), f"{head.group(1)}-{tail.group()}"
    return whole.casefold() in words and hyphenated.casefold() not in words


def _drawn_space(before: str, after: str, spaced: bool | None) -> bool | None:
    """Whether a line's end between `before` and `after` is a space, as `spaced` says, where one side is Korean
    or a script written without spaces (LibreOffice breaks their lines between any two characters, and draws
    the space at a line's end when the break falls on one); None: the rules of join say."""
    if spaced is None or not before or not after or before.endswith(("-", "\u00ad")):
        return None
    return spaced if _BROKEN_ANYWHERE.match(before[-1]) or _BROKEN_ANYWHERE.match(after[0]) else None


def _broken_hangul(before: str, after: str, words: Container[str]) -> bool:
    """Whether a line's end between two Hangul syllables falls inside a word the document writes whole elsewhere:
    Korean spaces its words, but LibreOffice breaks a line between any two syllables and draws no hyphen there,
    so "무" at one line's end and "인기" at the next's start are 무인기 where the text says 무인기 elsewhere."""
    head, tail = _LAST_HANGUL.search(before), _FIRST_HANGUL.match(after)
    return head is not None and tail is not None and head.group(1) + tail.group() in words


def _kept_hyphen(before: str, after: str, words: Container[str]) -> str:
    """The hyphen ending `before` as kept: "-" when the document writes the word with it elsewhere, else the
    hyphen of a word a line's end cut (marks.LINE_END_HYPHEN), which a passage may write whole."""
    head, tail = _LAST_WORD.search(before), _FIRST_WORD.match(after)
    known = head is not None and tail is not None and f"{head.group(1)}-{tail.group()}".casefold() in words
    return "-" if known else LINE_END_HYPHEN


def ends_drawn(pages: list[Page]) -> bool:
    """Whether the document draws the space at a line's end where a line breaks at one, as LibreOffice does."""
    return any(line.spaced for page in pages for block in page.blocks for line in block)


def spaced_end(line: Line, measure: float | None, drawn: bool) -> bool | None:
    """Whether `line` ends at a space (True), inside a word (False: no space drawn where the document draws those
    at lines' ends, `drawn`, and short of its `measure`), or neither is known (a justified line, ending at the
    measure, draws none: the space would stand past it). A full line ending inside a word ends short of the
    measure by what the next character would have needed: a Korean syllable's width, or a space's where typst
    hangs a line's end space past the measure's edge and the edge is that space's ('412' '대를', a Korean word
    broken at a number; LibreOffice and Word end a justified line at the edge itself)."""
    if line.spaced is False and not (drawn and measure is not None and line.x1 < measure - SHORT * line.size):
        return None
    return line.spaced


def run_on_end(line: Line, measure: float | None, drawn: bool) -> bool | None:
    """spaced_end of a block's last line where the next block goes on with its paragraph: no space drawn at its
    end says a word goes on (False) only where the line is full, too short of its measure for one more
    character (a Korean syllable is an em wide); a line ending farther short is as a paragraph's last line is,
    and says nothing there (None)."""
    spaced = spaced_end(line, measure, drawn)
    if spaced is False and measure is not None and line.x1 < measure - FULL * line.size:
        return None
    return spaced


def vocabulary(pages: list[Page]) -> set[str]:
    """The words of a document's lines (compounds whole, "well-known"), in folded case; not a word a line
    ends by breaking, whose two halves are no word of the text."""
    found: set[str] = set()
    for line in (ln for page in pages for block in page.blocks for ln in block):
        found.update(word.casefold() for word in _WORD.findall(line.text.removesuffix("-").removesuffix("\u2010")))
    return found


def _unspaced(before: str, after: str) -> bool:
    """Whether a line goes on from the text before it with no space: after a word hyphenated at the line's end
    (its hyphen kept), or where the break falls between two characters of scripts written without spaces
    between words (Han, kana, Thai, …) or next to a CJK punctuation mark ("。", "、", "「")."""
    if not before or not after:
        return False
    if before.endswith("-") and before[-2:-1].isalpha() and after[0].isalpha():
        return True
    return no_space_between(before[-1], after[0])
