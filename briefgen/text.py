"""Plain-text rules shared by the readers of seed documents and the writers of briefs."""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from typing import Any


def counted(number: int, noun: str) -> str:
    """"1 error", "2 errors": a count with its noun (a regular English plural)."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def safe_text(text: str) -> str:
    """`text` with every character no brief may carry replaced by U+FFFD, so that both writers print the same
    and serialising can never fail: those XML 1.0 forbids (C0 controls but tab and line breaks, lone
    surrogates, U+FFFE, U+FFFF), and DEL and the C1 controls, which no font draws."""
    return _UNSAFE.sub("\ufffd", text)


_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def first_unsafe(text: str) -> str | None:
    """The first character of `text` that `safe_text` would replace, if any (to refuse it where it is typed)."""
    found = _UNSAFE.search(text)
    return found.group() if found else None


def safe_pieces(text: str) -> list[str]:
    """`text` cut at every character `safe_text` would replace, and around each terminal escape sequence as a
    whole ("\\x1b[31m" leaves no "[31m" behind): the runs a brief (and a passage) can hold as they are."""
    return _UNSAFE.split(_SEQUENCE.sub("\x7f", text))


# ECMA-48, in its 7-bit and 8-bit forms: a control sequence (CSI parameters, intermediates, final), a command
# or control string (OSC, DCS, SOS, PM, APC … ended by BEL or ST), or ESC and one more character
_SEQUENCE = re.compile(r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
                       r"|(?:\x1b[\]PX^_]|[\x9d\x90\x98\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?|\x1b[ -~]")


def shown(text: str, *, line_feeds: bool = True) -> str:
    """`text` as a terminal may print it: every character that would act on the terminal or hide what
    follows is written as its escape, `\\u001b` for ESC; all other text, Arabic, CJK and emoji included, as
    it is. Without `line_feeds`, line feeds are escaped too (one line).

    Escaped: the C0 controls but tab and line feed (ESC starts the sequences that retitle a window, fill the
    clipboard or hide text), DEL, the C1 controls, the bidi embeddings, overrides and isolates (they reorder
    what a reader sees), the line and paragraph separators, lone surrogates (no terminal encoding holds
    them), U+FFFE and U+FFFF. The escape is the one Python, JSON and YAML's double-quoted strings all read
    back as the character, so JSON and quoted YAML stay valid, and mean the same, once shown."""
    return (_HIDDEN if line_feeds else _HIDDEN_LINE).sub(_escape, text)


_CONTROLS = ("\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff"
             "\ufffe\uffff")
_HIDDEN = re.compile(f"[{_CONTROLS}]")
_HIDDEN_LINE = re.compile(f"[\n{_CONTROLS}]")


def _escape(found: re.Match[str]) -> str:
    return f"\\u{ord(found.group()):04x}"


def one_line(text: str) -> str:
    """`text` as one line: runs of white space, line breaks included, become one space, and soft hyphens go.

    For a header or footer line (banner, organisation, footer on every page), where a line feed or tab would
    print as a missing-glyph box in the PDF and break the DOCX line's tab stops, and a soft hyphen (the line
    never breaks) as a stray hyphen; and for a seed paragraph as the locator reads it."""
    return _SPACE.sub(" ", text.replace("\u00ad", "")).strip()


# A run of white space other than one plain space (which stays as it is): `\s+` replaced every space between two
# words by a new one, and a 19 MB paragraph of words built a list of 8 million pieces (350 MB) to do it
_SPACE = re.compile(r"\s{2,}|[^\S ]")


def sentence(text: str) -> str:
    """`text` ending as a sentence does: a full stop added unless it already ends with one, a question or
    exclamation mark, an ellipsis, or their CJK or Arabic forms, before any closing quotation marks or brackets
    ("Speaking to reporters" becomes "Speaking to reporters."; "as relayed by state media." and "(AFP.)" stay)."""
    body = text.rstrip()
    return body if not body or ends_sentence(body) else body + "."


def ends_sentence(text: str) -> bool:
    """Whether `text` ends with a full stop, a question or exclamation mark or an ellipsis (in any script),
    before any closing quotation marks or brackets."""
    core = without_controls(text).rstrip().rstrip(_CLOSERS)  # the direction marks around a name (scripts.in_ltr)
    return bool(core) and core[-1] in _TERMINALS


# The bidi format characters: the marks (ALM, LRM, RLM), embeddings and overrides, isolates. They order the
# text around them and are never seen: fonts that have glyphs for them draw those as visible marks (Carlito's
# and Noto Naskh's LRM is a bar, for editors that show them), and a redline does not show them as a change.
_BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def without_controls(text: str) -> str:
    """`text` without its bidi format characters: to draw once it is ordered, or to compare as a reader sees it."""
    return _BIDI_CONTROLS.sub("", text) if not text.isascii() else text


_TERMINALS = ".!?…。！？؟।"
_CLOSERS = "\"'”’»›)]」』）"


# Han, kana, CJK symbols and full-width forms, and the scripts of south-east Asia (Thai, Lao, Myanmar, Khmer,
# Tai): written without spaces between words
_SPACE_FREE = re.compile("[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u1980-\u1aaf\u2e80-\u2fdf\u3000-\u30ff"
                         "\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff\ua9e0-\ua9ff\uaa60-\uaadf\uf900-\ufaff"
                         "\uff00-\uffef\U00020000-\U0003ffff]")
_PIECES = re.compile(r"\s+|\S+")


def words(text: str, punctuation_apart: bool = False) -> list[str]:
    """`text` cut into its words and the runs of white space between them, which join back into `text`: at
    spaces, and inside the scripts written without them (Chinese, Japanese, Thai…) where ICU's dictionaries
    find the words. Text in other scripts is cut at spaces only, a word keeping its punctuation, unless
    `punctuation_apart`: then ICU's word boundaries cut every piece that is not all letters and digits, so
    punctuation, quotes and symbols (of any script: "Basin," "«Basin»" "مرحبا،" "नमस्ते।") are tokens of their
    own, while a number ("1,234.5") or a word with an apostrophe inside ("don't") stays whole."""
    found: list[str] = []
    for piece in _PIECES.findall(text):
        cut = _SPACE_FREE.search(piece) or (punctuation_apart and not piece.isspace() and not piece.isalnum())
        found.extend(_marks_glued(_dictionary_words(piece)) if cut else [piece])
    return found


def _marks_glued(pieces: list[str]) -> list[str]:
    """`pieces` with each made of invisible format characters only (a direction mark or isolate ICU set apart)
    joined to the piece after it, or the last to the one before: a mark is no word, and a redline compares
    words without their marks, so one set apart would be a word of nothing, added or gone."""
    found: list[str] = []
    held = ""
    for piece in pieces:
        if all(unicodedata.category(char) == "Cf" for char in piece):
            held += piece
        else:
            found.append(held + piece)
            held = ""
    if held and found:
        found[-1] += held
    return found if found or not held else [held]


def _dictionary_words(piece: str) -> list[str]:
    breaker = _word_breaker()
    breaker.setText(piece)
    starts = utf16_offsets(piece)
    cuts = sorted({0, len(piece), *(starts[u] for u in breaker if u in starts)})
    return [piece[a:b] for a, b in itertools.pairwise(cuts)]


def utf16_offsets(text: str) -> dict[int, int]:
    """ICU's offsets (UTF-16 code units) -> Python's (code points), at each character's start and the end."""
    found, unit = {}, 0
    for index, char in enumerate(text):
        found[unit] = index
        unit += 2 if ord(char) > 0xFFFF else 1
    found[unit] = len(text)
    return found


@functools.cache
def _word_breaker() -> Any:
    import icu  # PyICU: loaded only when such text is compared

    return icu.BreakIterator.createWordInstance(icu.Locale.getRoot())


_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def roman(number: int) -> str:
    """`number` in lower-case roman numerals; in digits below 1 or past 3999, where roman numerals stop (as Word,
    LibreOffice and CSS write a list's number then)."""
    if not 0 < number < 4000:
        return str(number)
    out = []
    for value, numeral in _ROMAN:
        count, number = divmod(number, value)
        out.append(numeral * count)
    return "".join(out)


# The characters Unicode raises and lowers for digits and the signs around them ("10³", "H₂O", "10⁻³").
_RAISED = str.maketrans("0123456789+-\u2212=()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾")
_LOWERED = str.maketrans("0123456789+-\u2212=()", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎")
_SCRIPTABLE = frozenset("0123456789+-\u2212=() \u00a0")


def raised(text: str, lowered: bool = False) -> str | None:
    """`text` set as superscript (or subscript, `lowered`) characters, as a page shows `10<sup>3</sup>`, `10³`;
    None when one of its characters has none (`1<sup>st</sup>`, `<sup>[3]</sup>`) or it has no digit."""
    if not text or not _SCRIPTABLE.issuperset(text) or not any(char.isdigit() for char in text):
        return None
    return text.strip().translate(_LOWERED if lowered else _RAISED)
