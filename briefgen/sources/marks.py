"""Raised and lowered characters, note numbers and words hyphenated at a line's end, as a reader copies them.

A page shows "500 km²", "H₂O" and a note's number after a word ("a top priority¹"). What a seed's text holds for
them depends on its producer: Unicode superscripts in a text file, plain digits in a PDF (a raised "1" drawn
small, or a font's superscript glyph that reads "1"), an HTML page's <sup>2</sup> or a Word run set in
superscript read as "2". And the analyst writes whatever their viewer gave them: "km2" copied, "km²" typed as
seen, the note number copied along ("priority1 by") or left out ("priority by"). These are the seed's texts the
locator tries after the text as read, so each of those passages is found:

- `folded`: superscript and subscript characters as the plain ones they raise or lower ("km²" is "km2"), but a
  power of a number, which is another number ("10³" is not "103"), and which a passage may write with a caret
  as a keyboard types it ("10^3" is "10³", "10^-3" is "10⁻³", "km^2" is "km2");
- `unhyphenated`: a word a PDF's line end hyphenated ("expand-" "ing", "counter-" "proliferation") whole, as a
  passage typed from the page writes it; the reader keeps that hyphen (it may be a real one: "twenty-" "first")
  as LINE_END_HYPHEN, which matches as any hyphen does, so a passage copied with it is found too, and a hyphen
  written mid-line ("well-known") always stays;
- `tight`: no space inside quotation marks nor before a colon, semicolon, question or exclamation mark, as
  French sets them (« la priorité absolue », « déclaré : ») and a passage typed in another convention does not
  («la priorité absolue», "déclaré:"); applied to the passage too;
- `unmarked`: a list item's number at the start of its paragraph ("4. ") left out, and a note number (or a note's
  mark, * † ‡ §) glued to a word of three letters or more, or to the punctuation after one, left out ("priority1
  by", "said.²", "said.*" are "priority by", "said."), and so is a web page's bracketed mark glued to any word,
  number or punctuation ("[1]", "[a]", "[note 2]", "[注 1]", "[citation needed]", "[who?]", as Wikipedia and the
  HTML of Google Docs and Word set them: "1,204,000.[3] Its" is "1,204,000. Its"), as in a passage that skips it. A
  unit's power is not a note number ("km2" stays: two letters), nor is a number after a space ("in 2024"), nor one
  a word goes on after ("H2O", "F16s"); the passage's own digits are never dropped, so "Hwasong-15" is never read
  as "Hwasong-17".
"""

from __future__ import annotations

import functools
import re
import unicodedata

from briefgen.text import raised

# The hyphen a PDF line's end cut a word at, as the PDF reader writes it: U+2010 HYPHEN, which looks and matches
# like "-" (a seed's text copied from `seeds show` verifies), where the producer's own hyphens are "-".
LINE_END_HYPHEN = "\u2010"
_LETTERS = r"[^\W\d_]"
_DIGITS = "0-9\u00b9\u00b2\u00b3\u2070-\u2079*\u2020\u2021\u00a7"  # a note's number, or its mark: * † ‡ §
# After the number: white space, the end of the line, or punctuation that closes a word (never a letter or digit).
_AFTER = r"(?=[\s.,;:!?)\]\"'\u2019\u201d\u00bb\u2026]|$)"
# A space a typographic convention puts inside quotation marks or before high punctuation (the opening marks
# « “ „ ‹ ‚ take none after them, the closing ones » ” ‹ none before; a straight " and ' none on either side).
_LOOSE = re.compile(r"(?<=[\u00ab\u201c\u201e\u2039\u201a\"])\s+|\s+(?=[\u00bb\u201d\u203a\";:!?])")
_LOOSE_HINT = re.compile(r"[\u00ab\u00bb\u201c\u201d\u201e\u2039\u203a\u201a\";:!?]")
_CUT_WORD = re.compile(rf"(?<={_LETTERS}){LINE_END_HYPHEN}(?={_LETTERS})")
# A note's mark in brackets, as web pages set it (Wikipedia, Google Docs' and Word's HTML: "[1]", "[a]", "[iv]",
# "[note 2]", "[注 1]", "[citation needed]", "[who?]"), one or more in a row ("[4][5]"); Chinese and Japanese text
# goes on after it without a space.
_BRACKETED = r"(?:\[(?:(?:[^\W\d_]{1,8} ?)?[0-9]{1,3}|[a-z]|[ivx]{1,4}|[a-z][a-z ]{1,30}(?:needed|\?))\])+"
# A number glued to a word of three letters or more, or to the punctuation after one (CJK and Arabic stops too).
_STOPS = ".,;:!?)\"'\u2019\u201d\u00bb\u3002\uff0c\u3001\u300d\u300f\uff09\uff01\uff1f\u060c\u061b\u061f"
_GLUED = rf"(?:(?<={_LETTERS}{{3}})|(?<={_LETTERS}{{2}}[{_STOPS}]))"
# A bracketed mark may follow a number too ("1,204,000.[3]"): its brackets keep it apart from the number's digits.
_NOTE_NUMBER = re.compile(rf"{_GLUED}[{_DIGITS}]{{1,3}}{_AFTER}|(?<=[\w{_STOPS}]){_BRACKETED}", re.MULTILINE)


# Quotation marks, double (“ ” „ ‟ " « » ‹ ›) or single (‘ ’ ‚ ‛ ') at a word's edge: what a browser draws around a
# <q> element, and which a copy of the page may not hold (the marks are no text of the page's, but its style's).
_QUOTE_MARK = re.compile("[\"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a]"
                         "|(?<!\\w)['\u2018\u2019\u201a\u201b]|['\u2018\u2019\u201a\u201b](?!\\w)")
# The number of a list item at a paragraph's start: "4. ", "d. ", "iv. ", "IV. ", "β. " (listmarks.py draws them).
_LIST_NUMBER = re.compile(
    r"^(?:-?[0-9]{1,4}|[a-zA-Z]|[ivxlcdm]{1,8}|[IVXLCDM]{1,8}|[\u03b1-\u03c9]{1,2})\. (?=\S)", re.MULTILINE)


@functools.lru_cache(maxsize=1024)
def _plain(char: str) -> str:
    if unicodedata.decomposition(char).startswith(("<super>", "<sub>")):
        return unicodedata.normalize("NFKC", char)
    return char


def has_scripts(text: str) -> bool:
    """Whether `text` holds a superscript or subscript character ("²", "₂", "ⁿ", "™")."""
    return not text.isascii() and any(_plain(char) != char for char in set(text) if not char.isascii())


# A power written with a caret after a number, a letter or a bracket: "10^3", "10^-3", "km^2", "(x+1)^2".
_CARET = re.compile(r"(?<=[^\W_)\]])\^([+\-\u2212]?[0-9]{1,4})(?![0-9])")


def folded(text: str) -> str:
    """`text` with each superscript and subscript character that follows no digit as the plain one ("H₂O" is
    "H2O", "km²" "km2", "priority¹" "priority1"); after a digit it is a power and stays ("10³" is a thousand,
    never "103"), as one written with a caret reads ("10^3" is "10³")."""
    if "^" in text:
        text = _CARET.sub(lambda found: raised(found.group(1)) or found.group(), text)
    if not has_scripts(text):
        return text
    out, power, before = [], False, " "
    for char in text:
        plain = _plain(char) if not char.isascii() else char
        if plain == char:
            out.append(char)
        else:
            power = power if _plain(before) != before else before.isdigit()  # a run keeps its first's reading
            out.append(char if power else plain)
        before = char
    return "".join(out)


def has_note_numbers(text: str) -> bool:
    return _NOTE_NUMBER.search(text) is not None


def note_number_at(text: str, start: int) -> bool:
    """Whether the digits at `start` are a note's number: glued to the word before them ("the recovery.12"), or
    in a web page's brackets after it ("residents.[3]")."""
    begin = start - 1 if start and text[start - 1] == "[" else start
    return _NOTE_NUMBER.match(text, begin) is not None


def unmarked(text: str) -> str:
    """`text` without the note numbers glued to its words ("a top priority1 by" is "a top priority by"), nor the
    number an ordered list draws before each item ("4. The drones", as the HTML reader reads a list item): a
    passage selected across two items in a browser that copies no numbers runs from one into the next."""
    return _LIST_NUMBER.sub("", _NOTE_NUMBER.sub("", text))


def unquoted(text: str) -> str:
    """`text` without its quotation marks: every double one, and a single one that is not between two letters (an
    apostrophe, "army’s", stays)."""
    return _QUOTE_MARK.sub("", text)


def tight(text: str) -> str:
    """`text` without the spaces inside quotation marks and before : ; ? ! (see the module)."""
    return _LOOSE.sub("", text) if _LOOSE_HINT.search(text) else text


def unhyphenated(text: str) -> str:
    """`text` with the words hyphenated at a PDF line's end whole ("expand\u2010ing" is "expanding")."""
    return _CUT_WORD.sub("", text) if LINE_END_HYPHEN in text else text
