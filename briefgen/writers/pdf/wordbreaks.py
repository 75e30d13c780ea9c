"""Where a line may end inside Thai, Lao, Khmer or Burmese text: between its words, which these scripts write
without spaces, so reportlab sees a sentence as one word. ICU's line breaking finds them with its
dictionaries (PyICU, imported the first time such text is laid out); cutting.py cuts there rather than between
two letters of a word. Word and LibreOffice break the DOCX the same way, with dictionaries of their own."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from briefgen.text import utf16_offsets

# Thai, Lao, Myanmar (and its extensions), Khmer (and its symbols), New Tai Lue, Tai Tham, Tai Viet; Tibetan
# (a line ends after a syllable's tsheg) and Javanese (between syllables)
_WITHOUT_SPACES = re.compile("[\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff\u1980-\u19df"
                             "\u1a20-\u1aaf\ua980-\ua9df\ua9e0-\ua9ff\uaa60-\uaa7f\uaa80-\uaadf]")


def needs_words(text: str) -> bool:
    """Whether `text` has letters of a script written without spaces between words."""
    return _WITHOUT_SPACES.search(text) is not None


@lru_cache(maxsize=4096)
def word_ends(text: str) -> frozenset[int]:
    """The offsets in `text` (Python characters) after which a line may end, inside it (not 0 nor its end):
    ICU's line break opportunities, which fall between words and after spaces."""
    breaker = _breaker()
    breaker.setText(text)
    units = utf16_offsets(text)
    return frozenset(units[end] for end in breaker if end in units and 0 < units[end] < len(text))


@cache
def _breaker() -> Any:
    import icu

    return icu.BreakIterator.createLineInstance(icu.Locale.getRoot())
