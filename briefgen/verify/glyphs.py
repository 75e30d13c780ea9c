"""Characters no font can draw: a warning naming the item, the field, the character and its code point.

The PDF would show such a character as an empty box (the DOCX keeps it, for the reader's word processor to
find a font). Fonts are the bundled ones (briefgen.document.typefaces), which every profile can use.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import Any

from briefgen.document.typefaces import drawable
from briefgen.errors import Problem
from briefgen.model.loader import Loaded

CODE = "undrawable"
_SECTIONS = ("judgments", "figures", "quotes", "gaps")
_SKIPPED_FIELDS = frozenset({"id", "evidence", "audiences", "tags", "lang"})
_HINT = "no bundled font has it, so the PDF would draw an empty box: write it another way, or leave it out"


def undrawable(loaded: Loaded) -> list[Problem]:
    summary = loaded.summary
    problems = [_problem(loaded, ("brief", name), "brief", name, char)
                for name, char in _fields(summary.brief)]
    for section in _SECTIONS:
        for i, item in enumerate(getattr(summary, section)):
            problems += [_problem(loaded, (section, i, name), item.id, name, char) for name, char in _fields(item)]
    return problems


def _problem(loaded: Loaded, path: tuple[str | int, ...], item: str, field: str, char: str) -> Problem:
    name = unicodedata.name(char, "unnamed character")
    return loaded.summary_src.problem(
        path, f"{item}: {field} has {char!r} (U+{ord(char):04X} {name}), which no font draws", _HINT,
        severity="warning", item=item, code=CODE)


def _fields(model: Any) -> Iterator[tuple[str, str]]:
    """(field name, character) for each distinct character in each text field that no face draws."""
    for name, value in model:
        if name in _SKIPPED_FIELDS or not isinstance(value, str) or value.isascii():
            continue
        for char in dict.fromkeys(value):
            if ord(char) >= 0x80 and unicodedata.category(char) not in ("Cf", "Cc", "Co", "Cs") \
                    and not drawable(char):
                yield name, char
