"""Characters no font can draw: a warning naming the item, the field, the character and its code point.

The PDF would show such a character as an empty box (the DOCX keeps it, for the reader's word processor to
find a font). Fonts are the bundled ones (briefgen.document.typefaces), which every profile can use, and each
PDF audience's own (`look.fonts`, fonts found for its house style): a character one audience's fonts draw and
another's do not is reported naming the audiences that lack it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Mapping
from typing import Any

from briefgen.document.typefaces import BUNDLED, FontSet
from briefgen.errors import Problem
from briefgen.model.loader import Loaded

CODE = "undrawable"
_SECTIONS = ("judgments", "figures", "quotes", "gaps")
_SKIPPED_FIELDS = frozenset({"id", "evidence", "audiences", "tags", "lang"})
_HINT = ("no bundled font (nor the profile's own, look.fonts) has it, so the PDF would draw an empty box: name a "
         "font file that has it in the profile's look.fonts, write it another way, or leave it out")


def undrawable(loaded: Loaded, fontsets: Mapping[str, FontSet] | None = None) -> list[Problem]:
    """A warning for each character some PDF audience cannot draw; `fontsets` gives each PDF audience's fonts
    (default: the bundled ones, for every audience)."""
    sets = dict(fontsets) if fontsets else {"": BUNDLED}
    summary = loaded.summary
    problems = [_problem(loaded, ("brief", name), "brief", name, char, lacking)
                for name, char, lacking in _fields(summary.brief, sets)]
    for section in _SECTIONS:
        for i, item in enumerate(getattr(summary, section)):
            problems += [_problem(loaded, (section, i, name), item.id, name, char, lacking)
                         for name, char, lacking in _fields(item, sets)]
    return problems


def _problem(loaded: Loaded, path: tuple[str | int, ...], item: str, field: str, char: str,
             lacking: list[str]) -> Problem:
    name = unicodedata.name(char, "unnamed character")
    who = "no font draws" if not lacking else (
        f"no font of audience{'s' if len(lacking) > 1 else ''} {', '.join(lacking)} draws (another audience's does)")
    return loaded.summary_src.problem(
        path, f"{item}: {field} has {char!r} (U+{ord(char):04X} {name}), which {who}", _HINT,
        severity="warning", item=item, code=CODE)


def _fields(model: Any, sets: dict[str, FontSet]) -> Iterator[tuple[str, str, list[str]]]:
    """(field name, character, audiences lacking it, or [] for all) for each distinct character in each text
    field that the fonts of some audience do not draw."""
    for name, value in model:
        if name in _SKIPPED_FIELDS or not isinstance(value, str) or value.isascii():
            continue
        for char in dict.fromkeys(value):
            if ord(char) < 0x80 or unicodedata.category(char) in ("Cf", "Cc", "Co", "Cs"):
                continue
            lacking = [audience for audience, fonts in sets.items() if not fonts.drawable(char)]
            if lacking:
                yield name, char, [] if len(lacking) == len(sets) else lacking
