"""Invisible characters that make text look other than it is, refused in the model, catalogue and profiles.

A "Trojan source" (CVE-2021-42574) in a brief: U+202E RIGHT-TO-LEFT OVERRIDE before "0.5" shows "5.0"; a
zero-width space inside "1000" shows one number where the checks read "1" and "000"; tag characters carry
text no reader sees. The brief prints the model's text as written, so such a character would have it show
other words or digits than those checked. Refused, each with the character's position in the value:
- the bidi embeddings and overrides (U+202A-U+202E): the brief orders right-to-left words itself (UAX #9);
- an isolate (U+2066-U+2068) not closed by U+2069 on its line, and a U+2069 that closes none;
- the deprecated format characters U+206A-U+206F (they reshape digits and letters) and the interlinear
  annotation characters U+FFF9-U+FFFB (they hide the annotation);
- tag characters (U+E0000-U+E007F) outside a flag emoji's tag sequence (🏴 + tags + U+E007F);
- any invisible character (zero-width space, joiners, direction marks, word joiner, soft hyphen …) between
  two digits of a number.
Kept: the direction marks (LRM, RLM, ALM), closed isolates, and ZWNJ/ZWJ in words (Persian, Indic scripts,
emoji sequences). Passages are compared with their seeds without direction controls and zero-width characters
(sources/textnorm.py), so a passage with the refused ones deleted still matches its seed.
Text made only of characters no page shows (`unseen`: a zero-width space, a Hangul filler) is as blank as
none: the model's fields and an issue's note refuse it.
"""

from __future__ import annotations

import re
import unicodedata

_EMBEDDING = "\u202a-\u202e"
_OPENERS = "\u2066\u2067\u2068"
_PDI = "\u2069"
_DEPRECATED = "\u206a-\u206f\ufff9-\ufffb"
_TAGS = "\U000e0000-\U000e007f"
# invisible between two digits: soft hyphen, grapheme joiner, ALM, Hangul fillers, Khmer inherent vowels,
# Mongolian vowel separator, zero-width space and joiners, LRM, RLM, word joiner, invisible operators, BOM
_INVISIBLE = "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u2060-\u2064\ufeff"
_FLAG = re.compile("\U0001f3f4[\U000e0020-\U000e007e]+\U000e007f")  # 🏴 and its tags: England, Scotland, Wales
_SUSPECT = re.compile(f"[{_EMBEDDING}{_OPENERS}{_PDI}{_DEPRECATED}{_TAGS}{_INVISIBLE}]")
_IN_NUMBER = re.compile(f"\\d[.,\u066b\u066c]?([{_INVISIBLE}]+)[.,\u066b\u066c]?\\d")

# The hint for each refusal, by the start of its message (the loader's hints are keyed the same way)
HINTS = (
    ("holds a bidi embedding or override", "delete it (editors do not show it): the brief orders right-to-left "
     "words itself by the Unicode bidi algorithm; to set a name's direction apart, wrap it in an isolate "
     "(U+2067 … U+2069) on one line; a passage still matches its seed without it"),
    ("holds an isolate", "close each isolate (U+2066, U+2067, U+2068) with U+2069 on the same line, or delete "
     "both (editors do not show them)"),
    ("holds the deprecated", "delete it (editors do not show it): Unicode deprecated it long ago, and no text "
     "needs it"),
    ("holds the tag character", "delete it (editors do not show it): tag characters are text no reader sees; "
     "in a passage, skip it with … (the parts either side are found in order)"),
    ("holds an invisible character between", "delete it (editors do not show it), so the number reads as it "
     "looks; a passage still matches its seed without it"),
)


Found = tuple[int, str]  # where, and what is wrong


def hint_for(message: str) -> str:
    """The hint for a refusal's message, as `disguise` words it."""
    return next((hint for start, hint in HINTS if message.startswith(start)), "")


def disguise(text: str) -> str | None:
    """What in `text` would show the reader other text than was written, as a message; None when nothing."""
    found = first_disguise(text)
    return found[1] if found else None


def first_disguise(text: str) -> Found | None:
    """The first refused character of `text` (by kind: embeddings, isolates, hidden text, then numbers), with
    the message that names it."""
    if text.isascii() or not _SUSPECT.search(text):
        return None
    return _embedding(text) or _isolates(text) or _hidden(text) or _between_digits(text)


# what passages are matched without (sources/textnorm.py): deleted from a passage, it still matches its seed
_UNSEEN_IN_MATCHING = re.compile(f"[{_EMBEDDING}{_OPENERS}{_PDI}{_INVISIBLE}]")


def undisguised(text: str) -> list[str]:
    """`text` (a seed's, for a passage) as the runs the model may hold: each refused character the passage
    matcher ignores deleted, and the text cut at the others (tag and deprecated characters)."""
    pieces: list[str] = []
    while (found := first_disguise(text)) is not None:
        at = found[0]
        if _UNSEEN_IN_MATCHING.match(text[at]):
            text = text[:at] + text[at + 1:]
        else:  # the part before may now hold an isolate whose end was after the cut
            pieces += undisguised(text[:at])
            text = text[at + 1:]
    return [*pieces, text]


def _named(text: str, at: int) -> str:
    char = text[at]
    return f"U+{ord(char):04X} {unicodedata.name(char, 'unnamed character')} (character {at + 1})"


def _embedding(text: str) -> Found | None:
    found = re.search(f"[{_EMBEDDING}]", text)
    if found is None:
        return None
    at = found.start()
    return at, (f"holds a bidi embedding or override, {_named(text, at)}: invisible, it reorders the text after "
                "it, so the brief could show other words or digits than those written and checked")


def _isolates(text: str) -> Found | None:
    opened: list[int] = []
    for found in re.finditer(f"[{_OPENERS}{_PDI}\n]", text):
        char, at = found.group(), found.start()
        if char == _PDI and not opened:
            return at, f"holds an isolate's end, {_named(text, at)}, that closes no isolate"
        if char in _OPENERS:
            opened.append(at)
        elif char == _PDI:
            opened.pop()
        elif opened:  # a line ends with an isolate open
            break
    if not opened:
        return None
    at = opened[-1]
    return at, (f"holds an isolate, {_named(text, at)}, not closed by U+2069 POP DIRECTIONAL ISOLATE on its "
                "line: it would reorder all the text after it")


def _hidden(text: str) -> Found | None:
    flags = [range(flag.start(), flag.end()) for flag in _FLAG.finditer(text)]
    for found in re.finditer(f"[{_DEPRECATED}{_TAGS}]", text):
        at = found.start()
        if found.group() < "\U000e0000":
            return at, (f"holds the deprecated format character {_named(text, at)}: invisible, it changes how "
                        "the text after it looks")
        if not any(at in flag for flag in flags):
            return at, f"holds the tag character {_named(text, at)}: invisible text that no reader sees"
    return None


def _between_digits(text: str) -> Found | None:
    found = _IN_NUMBER.search(text)
    if found is None:
        return None
    at = found.start(1)
    return at, (f"holds an invisible character between the digits of {found.group()!r}, {_named(text, at)}: a "
                "reader sees one number where the checks read two")


# what draws nothing on its own: Hangul fillers and the braille blank (letters and a symbol to Unicode, yet
# empty cells), the Khmer inherent vowels and the Mongolian vowel separator; beside the format characters (zero
# width space, joiners, BOM, soft hyphen, direction marks), variation selectors and marks without a letter
_UNSEEN = frozenset("\u115f\u1160\u17b4\u17b5\u180e\u2800\u3164\uffa0")
_UNSEEN_KINDS = frozenset({"Cf", "Mn", "Me", "Zs", "Zl", "Zp", "Cc"})


def unseen(value: str) -> list[str]:
    """The characters of `value` if none of them shows anything on a page (a title of one zero-width space, a
    Hangul filler), else none: such a value is as blank as an empty one, though Python's strip keeps it."""
    kept = value.strip()
    if any(c not in _UNSEEN and unicodedata.category(c) not in _UNSEEN_KINDS for c in kept):
        return []
    return list(dict.fromkeys(c for c in kept if not c.isspace()))


def named(characters: list[str]) -> str:
    """The first three of `characters` by code point and name (U+200B ZERO WIDTH SPACE)."""
    return ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, 'character')}" for c in characters[:3])
