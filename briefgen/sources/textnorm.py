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
})
_SPACES = re.compile(r"\s+")
# Compatibility forms whose plain form says something else: "10³" is a thousand, "103" a hundred and three;
# "½" is not "1⁄2" in every font, nor "H₂O" "H2O" in a figure. NFKC folds them; matching keeps them as written.
_MEANINGFUL = ("<super>", "<sub>", "<fraction>")


def normalise(text: str) -> str:
    """Fold case, quotes, apostrophes, dashes and hyphens (to a space) and runs of white space; the Arabic
    tanween written after its alef ("وفقاً") as the fonts place it, before ("وفقًا").

    >>> normalise("Kim\u2019s  \u201cnewly-introduced\u201d AI \u2014 now")
    'kim\\'s "newly introduced" ai now'
    """
    if text.isascii():
        folded = text.translate(_TRANSLATE).lower()
    else:
        folded = _compatible(text).translate(_TRANSLATE).casefold().replace("\u0627\u064b", "\u064b\u0627")
    return _SPACES.sub(" ", folded).strip()


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
