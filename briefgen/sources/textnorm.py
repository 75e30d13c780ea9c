"""Normalisation for matching passages against seeds: what a copy-paste may change, we ignore."""

from __future__ import annotations

import functools
import re
import unicodedata

_TRANSLATE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": " ", "\u2011": " ", "\u2012": " ", "\u2013": " ", "\u2014": " ", "\u2015": " ", "\u2212": " ",
    "-": " ", "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2026": "...",
    "\u200b": None, "\u200c": None, "\u200d": None, "\ufeff": None, "\u00ad": None,
    # marks that set the direction of text and joiners no one sees, typed by no one who copies what a page shows
    # (Arabic and Hebrew pages are full of them): left-to-right and right-to-left and Arabic letter marks, the
    # bidi embeddings, overrides and isolates, the word joiner and invisible operators, Mongolian vowel separator
    **dict.fromkeys("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2060\u2061"
                    "\u2062\u2063\u2064\u180e"),
    # what writing leaves out at will: Arabic's tatweel (a stretched joining line), its short vowels, tanween,
    # shadda and sukun (harakat) and the dagger alef; Hebrew's vowel points and the dagesh; Russian's ё, which
    # most texts write е ("емкости" is "ёмкости", "جفافا" is "جفافاً", "כתב" is "כָּתַב")
    **dict.fromkeys("\u0640\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"),
    **dict.fromkeys(map(chr, range(0x05B0, 0x05BD))), "\u05c1": None, "\u05c2": None, "\u05c7": None,
    "\u0451": "\u0435", "\u0401": "\u0415",
})
_SPACES = re.compile(r"\s+")
# CJK punctuation: ideographic comma and full stop, corner brackets, the fullwidth and vertical forms of marks.
CJK_MARKS = "\u3001-\u303f\ufe10-\ufe1f\ufe30-\ufe4f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
# The characters East Asian Width calls wide, of scripts whose words are not spaced (character-class ranges): Han
# (with radicals, strokes and ideographs of every extension), hiragana, katakana (halfwidth too), bopomofo,
# fullwidth letters and digits, CJK punctuation. Not Hangul: Korean spaces its words.
WIDE_CHARS = (f"{CJK_MARKS}\u2e80-\u2fdf\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
              "\uf900-\ufaff\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff66-\uff9f\U00020000-\U0003ffff")
# A space between two Chinese or Japanese characters: a line's end in the document (a Markdown hard break, a
# text file's wrapped line, a break the reader turned into a space), never one a reader sees between words.
_WIDE_SPACE = re.compile(f"(?<=[{WIDE_CHARS}]) (?=[{WIDE_CHARS}])")
_BEFORE_WIDE = re.compile(f" (?=[{WIDE_CHARS}])")  # a quick test that there may be one
# Compatibility forms whose plain form says something else: "10³" is a thousand, "103" a hundred and three;
# "½" is not "1⁄2" in every font, nor "H₂O" "H2O" in a figure. NFKC folds them; matching keeps them as written.
_MEANINGFUL = ("<super>", "<sub>", "<fraction>")


def normalise(text: str) -> str:
    """Fold case, quotes, apostrophes, dashes and hyphens (to a space) and runs of white space (none between two
    Chinese or Japanese characters: "无人 机" is "无人机"); the Arabic tanween written after its alef ("وفقاً")
    as the fonts place it, before ("وفقًا").

    >>> normalise("Kim\u2019s  \u201cnewly-introduced\u201d AI \u2014 now")
    'kim\\'s "newly introduced" ai now'
    """
    if text.isascii():
        return _SPACES.sub(" ", text.translate(_TRANSLATE).lower()).strip()
    folded = _compatible(text).translate(_TRANSLATE).casefold().replace("\u0627\u064b", "\u064b\u0627")
    folded = _SPACES.sub(" ", folded).strip()
    return _WIDE_SPACE.sub("", folded) if _BEFORE_WIDE.search(folded) else folded


def _compatible(text: str) -> str:
    """NFKC (ligatures, full-width and presentation forms, compatibility letters folded to their plain
    characters), but for superscripts, subscripts and vulgar fractions, which stay as they are written."""
    kept = [char for char in set(text) if not char.isascii() and _meaningful(char)]
    if not kept:
        return unicodedata.normalize("NFKC", text)
    parts = re.split(f"([{re.escape(''.join(kept))}])", text)
    return "".join(part if i % 2 else unicodedata.normalize("NFKC", part) for i, part in enumerate(parts))


@functools.lru_cache(maxsize=4096)
def _meaningful(char: str) -> bool:
    return unicodedata.decomposition(char).startswith(_MEANINGFUL)
