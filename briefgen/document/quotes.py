"""Quotation marks by language: the one table of the marks a quotation is wrapped in, from the Unicode CLDR's
`delimiters` (quotationStart, quotationEnd; CLDR 41, and CLDR 47 as ICU 77 has it for Syriac, Tamazight and
Kabyle), and the rule that picks them.

The marks are characters of the text in logical order, opening first: a right-to-left paragraph draws the
opening mark at its right edge. CLDR's Arabic and Urdu marks (” … “) are not mirrored characters, so they look
the same in every renderer; Persian's « » are mirrored by the bidi algorithm (UAX #9 L4), as both writers do.
French sets a no-break space inside its guillemets, as French typography does (CLDR leaves spacing out).
"""

from __future__ import annotations

from briefgen.document import scripts

ENGLISH = ("\u201c", "\u201d")  # “ ” : CLDR's root, and every language the table does not name
_LOW_HIGH = ("\u201e", "\u201c")  # „ “
_LOW_RIGHT = ("\u201e", "\u201d")  # „ ”
_GUILLEMETS = ("\u00ab", "\u00bb")  # « »
_RIGHT_RIGHT = ("\u201d", "\u201d")  # ” ”
_RIGHT_LEFT = ("\u201d", "\u201c")  # ” “ (Arabic, Urdu: drawn right to left)
_CORNER = ("\u300c", "\u300d")  # 「 」
_SINGLE = ("\u2018", "\u2019")  # ‘ ’

# Language subtag -> (opening, closing): the CLDR languages whose marks differ from the root's “ ”.
MARKS: dict[str, tuple[str, str]] = {
    **dict.fromkeys(("de", "cs", "sk", "sl", "hr", "bg", "et", "is", "ka", "lt", "lb", "mk", "sr", "dsb", "hsb"),
                    _LOW_HIGH),
    **dict.fromkeys(("pl", "ro", "hu", "bs"), _LOW_RIGHT),
    **dict.fromkeys(("fr", "es", "it", "ca", "el", "ru", "uk", "be", "fa", "hy", "kk", "ky", "no", "nb", "nn",
                     "sq", "am", "ti", "br", "ast", "gsw", "sc", "mg", "rw", "sah", "zgh", "kab"), _GUILLEMETS),
    **dict.fromkeys(("he", "iw", "fi", "sv"), _RIGHT_RIGHT),
    **dict.fromkeys(("ar", "ur", "syr"), _RIGHT_LEFT),
    **dict.fromkeys(("ja", "yue"), _CORNER),
    **dict.fromkeys(("nl", "ia", "xh"), _SINGLE),
}
# (language, script or region) -> marks, where a variant differs from its language (CLDR's child locales)
VARIANTS: dict[tuple[str, str], tuple[str, str]] = {
    **dict.fromkeys((("zh", "hant"), ("zh", "tw"), ("zh", "hk"), ("zh", "mo")), _CORNER),
    ("yue", "hans"): ENGLISH,
    ("az", "cyrl"): _GUILLEMETS,
    ("bs", "cyrl"): _LOW_HIGH,
    ("pt", "pt"): _GUILLEMETS,
}
_SPACED = frozenset({"fr"})  # a no-break space inside the marks
NO_BREAK_SPACE = "\u00a0"


def marks(lang: str) -> tuple[str, str]:
    """The opening and closing marks for a BCP 47 tag (`de-AT`, `zh-Hant-TW`, `pt-PT`…)."""
    language, *rest = lang.lower().replace("_", "-").split("-")
    for subtag in rest:
        if (language, subtag) in VARIANTS:
            return VARIANTS[(language, subtag)]
    if language == "pt" and any(len(s) == 2 and s != "br" for s in rest):
        return _GUILLEMETS  # every Portuguese region but Brazil follows pt-PT in CLDR
    return MARKS.get(language, ENGLISH)


def language_of(text: str, lang: str | None, default: str) -> str:
    """The language whose marks a quotation takes: its own `lang`; else, for text in a script of its own
    (Arabic, Hebrew, Devanagari, kana, ideographs, Hangul), that script's usual language; else the brief's."""
    if lang:
        return lang
    first = next((script for char in text if (script := scripts.script_of(char)) is not None), None)
    if first is None or first.default_lang is None:
        return default
    if first.name == "cjk" and scripts.KANA.search(text):
        return "ja"  # kana anywhere among the ideographs
    return first.default_lang


def quoted(text: str, lang: str | None, default: str = "en") -> str:
    """The text in its language's quotation marks."""
    language = language_of(text, lang, default)
    opening, closing = marks(language)
    if language.lower().split("-")[0] in _SPACED:
        return f"{opening}{NO_BREAK_SPACE}{text}{NO_BREAK_SPACE}{closing}"
    return f"{opening}{text}{closing}"
