"""Characters no font can draw: a warning naming the item, the field, the character and its code point.

The PDF would show such a character as an empty box (the DOCX keeps it, for the reader's word processor to
find a font). Fonts are the bundled ones (briefgen.document.typefaces), which every profile can use, and each
PDF audience's own (`look.fonts`, fonts found for its house style): a character one audience's fonts draw and
another's do not is reported naming the audiences that lack it.
"""

from __future__ import annotations

import dataclasses
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
_HINT_MANY = ("no bundled font (nor the profile's own, look.fonts) has them, so the PDF would draw empty boxes: name "
              "a font file that has them in the profile's look.fonts, write them another way, or leave them out")


SAMPLE = 8  # characters a grouped warning shows of those it counts


def undrawable(loaded: Loaded, fontsets: Mapping[str, FontSet] | None = None) -> list[Problem]:
    """A warning for each text field holding characters some PDF audience cannot draw, naming them (one warning
    per field and set of audiences lacking them); `fontsets` gives each PDF audience's fonts (default: the
    bundled ones, for every audience)."""
    sets = dict(fontsets) if fontsets else {"": BUNDLED}
    summary = loaded.summary
    problems = [_problem(loaded, ("brief", name), "brief", name, chars, lacking)
                for name, chars, lacking in _grouped(summary.brief, sets)]
    for section in _SECTIONS:
        for i, item in enumerate(getattr(summary, section)):
            problems += [_problem(loaded, (section, i, name), item.id, name, chars, lacking)
                         for name, chars, lacking in _grouped(item, sets)]
    return problems


def _problem(loaded: Loaded, path: tuple[str | int, ...], item: str, field: str, chars: list[str],
             lacking: tuple[str, ...]) -> Problem:
    who = "no font draws" if not lacking else (
        f"no font of audience{'s' if len(lacking) > 1 else ''} {', '.join(lacking)} draws (another audience's does)")
    hint = _HINT if len(chars) == 1 else _HINT_MANY
    found = loaded.summary_src.problem(path, f"{item}: {field} has {_listed(chars)}, which {who}", hint,
                                       severity="warning", item=item, code=CODE)
    return dataclasses.replace(found, details=tuple(_name(c) for c in chars))


def _name(char: str) -> str:
    return f"U+{ord(char):04X} {unicodedata.name(char, 'unnamed character')}"


def _listed(chars: list[str]) -> str:
    """One character by name; several counted, with a sample and the first one's name."""
    first = _name(chars[0])
    if len(chars) == 1:
        return f"{chars[0]!r} ({first})"
    sample = " ".join(chars[:SAMPLE]) + (" …" if len(chars) > SAMPLE else "")
    return f"{len(chars)} characters, {sample} (the first is {first})"


def _grouped(model: Any, sets: dict[str, FontSet]) -> Iterator[tuple[str, list[str], tuple[str, ...]]]:
    """(field name, characters, audiences lacking them) for each field and set of audiences lacking some."""
    groups: dict[tuple[str, tuple[str, ...]], list[str]] = {}
    for name, char, lacking in _fields(model, sets):
        groups.setdefault((name, tuple(lacking)), []).append(char)
    for (field, without), chars in groups.items():
        yield field, chars, without


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
