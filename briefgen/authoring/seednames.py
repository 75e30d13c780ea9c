"""The names `seeds add` gives: a seed's file name in seeds/ and its catalogue id, short, readable and unique."""

from __future__ import annotations

import re
import unicodedata


def slug(text: str, limit: int = 40) -> str:
    """Lower-case ASCII words joined by '-', as many whole words as fit in `limit` characters."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    out = ""
    for word in words:
        longer = f"{out}-{word}" if out else word[:limit]
        if len(longer) > limit:
            break
        out = longer
    return out


# Words that say little in an id: "gulf-buyers-and-the-chip-rule" reads as well as "gulf-buyers-chip-rule".
_SMALL_WORDS = frozenset("a an the and or but nor of to in on at by for with from into onto over under as is are was "
                         "were be been its it this that these those how why what when where who s".split())
ID_WORDS = 4  # significant words in a default id


def short_id(title: str) -> str:
    """A short, readable id from a title: its first few significant words ("gulf-buyers-chip-rule")."""
    words = [w for w in slug(title, 200).split("-") if w and w not in _SMALL_WORDS]
    return slug(" ".join(words[:ID_WORDS]), 32)


def unique(base: str, taken: set[str], suffix: str = "") -> str:
    name, n = base + suffix, 2
    while name in taken or name.lower() in taken:
        name, n = f"{base}-{n}{suffix}", n + 1
    taken.add(name)
    return name
