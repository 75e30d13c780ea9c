"""The marks a document's footnote and endnote references read as: Word's own, numbered from the settings'
w:footnotePr and w:endnotePr (w:numFmt, w:numStart): a footnote's decimal from 1, an endnote's in lower-case
roman numerals from i, unless they say otherwise.

A mark is read glued to its word ("a top priority1 by", as Word copies it), so that a passage copied with it is
found, and one that leaves it out is too (marks.unmarked drops a number or a * † ‡ § glued to a word). A mark in
letters or roman numerals ("priorityiv") could not be told from the word, so a passage leaving it out would not
be found: such references read as nothing, as all footnote references did before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from briefgen.sources.formats.docxink import W

_CHICAGO = "*\u2020\u2021\u00a7"  # * † ‡ §, then doubled, tripled…


DEFAULT_FORMATS = {"footnote": "decimal", "endnote": "lowerRoman"}


def note_marks(settings: Any) -> Callable[[str, int], str]:
    """The mark of the n-th reference (n from 1) to a note of a kind ("footnote", "endnote"), as the settings
    part (parsed, or None) numbers them."""
    formats = {kind: _numbering(settings, kind) for kind in DEFAULT_FORMATS}
    return lambda kind, n: mark(n + formats[kind][1] - 1, formats[kind][0])


def _numbering(settings: Any, kind: str) -> tuple[str, int]:
    """The format and first number of a kind of notes' references."""
    found = settings.find(f"{W}{kind}Pr") if settings is not None else None
    fmt = found.find(f"{W}numFmt") if found is not None else None
    start = found.find(f"{W}numStart") if found is not None else None
    name = str(fmt.get(f"{W}val", DEFAULT_FORMATS[kind])) if fmt is not None else DEFAULT_FORMATS[kind]
    try:
        return name, max(int(str(start.get(f"{W}val", "1"))), 0) if start is not None else 1
    except ValueError:
        return name, 1


def mark(number: int, fmt: str) -> str:
    """`number` as Word marks it in the format `fmt`: "" in letters or roman numerals (see the module)."""
    if fmt == "chicago" and number > 0:
        return _CHICAGO[(number - 1) % 4] * ((number - 1) // 4 + 1)
    if "Roman" in fmt or "Letter" in fmt:
        return ""
    return str(number)
