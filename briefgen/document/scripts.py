"""Which writing system a piece of text is in, as far as the writers need to know: its direction, whether
it needs shaping, and which of Word's font slots (ascii, eastAsia, complex script) it takes."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

RTL_LANGUAGES = frozenset({"ar", "fa", "he", "iw", "ur", "ps", "yi", "sd", "ug", "ckb", "dv", "syr", "nqo"})
_RTL_SCRIPTS = frozenset({"arab", "hebr", "thaa", "syrc", "nkoo", "adlm"})
# (the Arabic presentation forms end at U+FEFC: U+FEFF, the byte order mark, belongs to no script)
NOT_LATIN = ("[\u0530-\u08ff\u0900-\u0fff\u1000-\u11ff\u13a0-\u167f\u1780-\u18ff\u19e0-\u19ff"
             "\u1c50-\u1c7f\u1c90-\u1cbf\u2d00-\u2d7f\u2e80-\u9fff\ua000-\ua4cf\ua500-\ua63f"
             "\ua960-\ua9df\uab70-\uabbf\uac00-\ud7ff\uf900-\ufaff\ufb13-\ufb17\ufb1d-\ufdff"
             "\ufe30-\ufefc\uff00-\uffef\U00011660-\U0001167f\U0001b000-\U0001b16f\U0001e900-\U0001e95f"
             "\U00020000-\U0003ffff]")


@dataclass(frozen=True)
class ScriptClass:
    name: str  # a key of typefaces.SCRIPT_FACES, or "latin"
    kind: Literal["latin", "complex", "east_asian"]
    rtl: bool
    default_lang: str | None  # the tag to use when the text has no language of its own


LATIN = ScriptClass("latin", "latin", False, None)
# hiragana, katakana (their extensions, half-width and circled forms, the kana supplements): text holding them
# is Japanese
KANA = re.compile("[\u3040-\u30ff\u31f0-\u31ff\u32d0-\u32fe\u3300-\u3357\uff65-\uff9f\U0001b000-\U0001b16f]")
# Hangul: jamo and their extensions, compatibility and half-width jamo, parenthesised and circled syllables
_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\u3200-\u321e\u3260-\u327f\ua960-\ua97f\uac00-\ud7ff"
                     "\uffa0-\uffdc]")
# Ideographs and what east Asian text writes with them: radicals, CJK punctuation, Bopomofo, strokes, enclosed
# and compatibility forms, full-width forms, and the ideographs beyond the BMP (Extension B on, 𠀀)
_IDEOGRAPHIC = re.compile("[\u2e80-\u2fff\u3000-\u303f\u3100-\u312f\u3190-\u31ef\u3200-\u33ff"
                          "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
                          "\U00020000-\U0003ffff]")
_CLASSES = (
    # right-to-left scripts inside the Arabic blocks' span below, first
    *((re.compile(f"[{block}]"), ScriptClass(name, "complex", True, lang)) for name, block, lang in (
        ("syriac", "\u0700-\u074f\u0860-\u086f", "syr"), ("thaana", "\u0780-\u07bf", "dv"),
        ("nko", "\u07c0-\u07ff", "nqo"), ("adlam", "\U0001e900-\U0001e95f", "ff-Adlm"))),
    (re.compile("[\u0600-\u06ff\u0750-\u08ff\ufb50-\ufdff\ufe70-\ufefc]"),
     ScriptClass("arabic", "complex", True, "ar")),
    (re.compile("[\u0590-\u05ff\ufb1d-\ufb4f]"), ScriptClass("hebrew", "complex", True, "he")),
    (re.compile("[\u0900-\u097f\ua8e0-\ua8ff]"), ScriptClass("devanagari", "complex", False, "hi")),
    *((re.compile(f"[{block}]"), ScriptClass(name, "complex", False, lang)) for name, block, lang in (
        ("bengali", "\u0980-\u09ff", "bn"), ("gurmukhi", "\u0a00-\u0a7f", "pa"), ("gujarati", "\u0a80-\u0aff", "gu"),
        ("tamil", "\u0b80-\u0bff", "ta"), ("telugu", "\u0c00-\u0c7f", "te"), ("kannada", "\u0c80-\u0cff", "kn"),
        ("malayalam", "\u0d00-\u0d7f", "ml"), ("sinhala", "\u0d80-\u0dff", "si"), ("thai", "\u0e00-\u0e7f", "th"),
        ("lao", "\u0e80-\u0eff", "lo"), ("myanmar", "\u1000-\u109f", "my"),
        ("khmer", "\u1780-\u17ff\u19e0-\u19ff", "km"), ("oriya", "\u0b00-\u0b7f", "or"),
        ("tibetan", "\u0f00-\u0fff", "bo"), ("mongolian", "\u1800-\u18af\U00011660-\U0001167f", "mn-Mong"),
        ("javanese", "\ua980-\ua9df", "jv-Java"))),
    # alphabets and syllabaries drawn letter by letter, in Word's Latin slots (a face of their own named there)
    *((re.compile(f"[{block}]"), ScriptClass(name, "latin", False, lang)) for name, block, lang in (
        ("armenian", "\u0530-\u058f\ufb13-\ufb17", "hy"), ("georgian", "\u10a0-\u10ff\u1c90-\u1cbf\u2d00-\u2d2f", "ka"),
        ("cherokee", "\u13a0-\u13ff\uab70-\uabbf", "chr"), ("canadian", "\u1400-\u167f\u18b0-\u18ff", "iu"),
        ("tifinagh", "\u2d30-\u2d7f", "zgh"), ("olchiki", "\u1c50-\u1c7f", "sat"), ("vai", "\ua500-\ua63f", "vai"))),
    (re.compile("[\ua000-\ua4cf]"), ScriptClass("yi", "east_asian", False, "ii")),
    (_HANGUL, ScriptClass("hangul", "east_asian", False, "ko")),
    (KANA, ScriptClass("cjk", "east_asian", False, "ja")),
    (_IDEOGRAPHIC, ScriptClass("cjk", "east_asian", False, "zh")),
)


def script_of(char: str) -> ScriptClass | None:
    """The class of a character that decides one (letters, script punctuation), None for the neutral rest."""
    if char < "\u0530":  # Latin, Greek, Cyrillic: before every script of its own
        return LATIN if unicodedata.category(char)[0] == "L" else None
    for pattern, found in _CLASSES:
        if pattern.match(char):
            return found
    return LATIN if unicodedata.category(char)[0] == "L" else None


def pieces(text: str) -> list[tuple[ScriptClass, str]]:
    """The text cut where its script class changes; spaces, digits and punctuation join the piece before
    (or, at the start, the first piece)."""
    out: list[tuple[ScriptClass, str]] = []
    pending = ""
    for char in text:
        found = script_of(char)
        if found is None and not out:
            pending += char
        elif found is None or found.name == out[-1][0].name if out else False:
            # kana anywhere in a run of ideographs makes it Japanese
            kept = found if found is not None and found.default_lang == "ja" else out[-1][0]
            out[-1] = (kept, out[-1][1] + char)
        else:
            out.append((found or LATIN, pending + char))
            pending = ""
    return out or [(LATIN, pending)]


# Scripts whose letters change shape with their neighbours or reorder (HarfBuzz needed), by code point block;
# not Arabic-Indic digits, which HarfBuzz would lay right to left; and combining marks in any script (a letter
# and its accents written apart, as NFD text has them, or stacked): HarfBuzz composes or places them
_COMPLEX = re.compile("[\u0300-\u036f\u0590-\u065f\u066a-\u06ef\u06fa-\u08ff\u0900-\u0dff\u0e00-\u0eff"
                      "\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff\u1800-\u18af\u1ab0-\u1aff\u1dc0-\u1dff"
                      "\u20d0-\u20ff\ua980-\ua9df\ufb1d-\ufdff\ufe20-\ufe2f\ufe70-\ufefc"
                      "\U00011660-\U0001167f\U0001e900-\U0001e95f]")  # not U+FEFF, the byte order mark
# (U+FEFF, the byte order mark, is no letter)
_STRONG_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U0001e900-\U0001e95f]")


def needs_shaping(text: str) -> bool:
    """Whether HarfBuzz must shape the text for it to be drawn right (letters joined, reordered, marks placed)."""
    return _COMPLEX.search(text) is not None


def has_rtl(text: str) -> bool:
    return _STRONG_RTL.search(text) is not None


# Right-to-left scripts that poppler (pdftotext, Evince, Okular) takes for left to right, reading their glyphs in
# drawing order (it puts Arabic, Hebrew, Syriac and Thaana back in reading order): N'Ko and Adlam
_DRAWING_ORDER_RTL = re.compile("[\u07c0-\u07ff\U0001e900-\U0001e95f]")


def rtl_read_as_drawn(text: str) -> bool:
    """Whether all the text's right-to-left letters (one at least) are of scripts readers do not reorder."""
    return _DRAWING_ORDER_RTL.search(text) is not None and not has_rtl(_DRAWING_ORDER_RTL.sub("", text))


def reorders(text: str, lang: str | None = None) -> bool:
    """Whether text is shaped and laid out by the bidi algorithm, so that its glyphs are drawn in another order
    than the characters are written (right to left, reordered vowel signs)."""
    return needs_shaping(text) or has_rtl(text) or bool(lang and is_rtl_language(lang))


def is_rtl_language(lang: str) -> bool:
    """Whether a BCP 47 tag names a right-to-left language or script (ar, fa-IR, he, az-Arab …)."""
    parts = lang.lower().replace("_", "-").split("-")
    return parts[0] in RTL_LANGUAGES or any(part in _RTL_SCRIPTS for part in parts[1:])


def direction(text: str, lang: str | None = None) -> Literal["LTR", "RTL"]:
    """A paragraph's direction: its language's if it has one, else its first strong character's (UAX #9 P2)."""
    if lang:
        return "RTL" if is_rtl_language(lang) else "LTR"
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return "RTL"
        if kind == "L":
            return "LTR"
    return "LTR"


LRM = "\u200e"  # LEFT-TO-RIGHT MARK


def in_ltr(text: str) -> str:
    """`text` (a name or title the brief's English sentences print) between left-to-right marks when it holds
    right-to-left letters. The sentence then stays left to right when it opens with the name ("وزارة
    الخارجية: Official statements." was set right to left by its first letter, UAX #9 P2, its full stop moved
    to the far end), and the digits after the name keep the sentence's order ("وزارة الخارجية, ¶6": UAX #9 W2
    gives digits after Arabic letters to the Arabic run, drawn "6¶" at the name's far side). The marks are
    characters every reader lays out (Word, LibreOffice, the PDF): bidi isolates would say the same, but
    not every word processor reads them."""
    return f"{LRM}{text}{LRM}" if has_rtl(text) else text
