"""Characters no font can draw: a warning naming the item, the field, the character and its code point.

The PDF would show such a character as an empty box (the DOCX keeps it, for the reader's word processor to
find a font). Fonts are the bundled ones (briefgen.document.typefaces), which every profile can use, and each
PDF audience's own (`look.fonts`, fonts found for its house style): a character one audience's fonts draw and
another's do not is reported naming the audiences that lack it.
"""

from __future__ import annotations

import dataclasses
import json
import unicodedata
from collections.abc import Iterator, Mapping
from typing import Any

from briefgen.document.typefaces import BUNDLED, FontSet
from briefgen.errors import Problem
from briefgen.model.loader import Loaded
from briefgen.model.yamlsrc import Located

CODE = "undrawable"
_SECTIONS = ("judgments", "figures", "quotes", "gaps")
_SKIPPED_FIELDS = frozenset({"id", "source", "audiences", "tags", "lang", "marking"})
_NESTED = frozenset({"evidence", "bluf_evidence"})  # lists of entries whose text a brief prints
_HINT = ("no bundled font (nor the profile's own, look.fonts) has it, so the PDF would draw an empty box: name a "
         "font file that has it in the profile's look.fonts, write it another way, or leave it out")
_HINT_MANY = ("no bundled font (nor the profile's own, look.fonts) has them, so the PDF would draw empty boxes: name "
              "a font file that has them in the profile's look.fonts, write them another way, or leave them out")


SAMPLE = 8  # characters a grouped warning shows of those it counts


def undrawable(loaded: Loaded, fontsets: Mapping[str, FontSet] | None = None) -> list[Problem]:
    """A warning for each text field holding characters some PDF audience cannot draw, naming them (one warning
    per field and set of audiences lacking them); `fontsets` gives each PDF audience's fonts (default: the
    bundled ones, for every audience). Every field a brief can print: the model's items and their evidence
    passages (the analyst brief quotes them), and the catalogue's entries (notes and the list of sources)."""
    sets = dict(fontsets) if fontsets else {"": BUNDLED}
    summary, catalogue = loaded.summary, loaded.catalogue
    found: list[tuple[Located, tuple[str | int, ...], str, Any]] = [
        (loaded.summary_src, ("brief",), "brief", summary.brief)]
    found += [(loaded.summary_src, (section, i), item.id, item)
              for section in _SECTIONS for i, item in enumerate(getattr(summary, section))]
    found += [(loaded.catalogue_src, ("sources", i), source.id, source) for i, source in enumerate(catalogue.sources)]
    parts = {(id(src), path[0]): (src, path[0]) for src, path, _, _ in found}
    plain = {key: src.plain or _ascii_only(src.data.get(part)) for key, (src, part) in parts.items()}
    return [_problem(src, (*path, *inner), item, field, chars, lacking)
            for src, path, item, model in found if not plain[id(src), path[0]]
            for inner, field, chars, lacking in _grouped(model, sets)]


def _ascii_only(data: Any) -> bool:
    """Whether parsed YAML holds only ASCII (keys, text, and dates and numbers written out), found in one pass
    in C: every font draws ASCII, and a part of the model with none of its items walked field by field is
    most of this check's time on a large model (issue 20). Data JSON cannot write counts as not ASCII."""
    try:
        return json.dumps(data, ensure_ascii=False, default=str, check_circular=False).isascii()
    except (TypeError, ValueError, RecursionError):
        return False


def _problem(src: Located, path: tuple[str | int, ...], item: str, field: str, chars: list[str],
             lacking: tuple[str, ...]) -> Problem:
    who = "no font draws" if not lacking else (
        f"no font of audience{'s' if len(lacking) > 1 else ''} {', '.join(lacking)} draws (another audience's does)")
    hint = _HINT if len(chars) == 1 else _HINT_MANY
    found = src.problem(path, f"{item}: {field} has {_listed(chars)}, which {who}", hint,
                        severity="warning", item=item, code=CODE)
    return dataclasses.replace(found, details=tuple(_name(c) for c in chars))


def _name(char: str) -> str:
    unnamed = "a private-use character" if unicodedata.category(char) == "Co" else "unnamed character"
    return f"U+{ord(char):04X} {unicodedata.name(char, unnamed)}"


def _listed(chars: list[str]) -> str:
    """One character by name; several counted, with a sample and the first one's name."""
    first = _name(chars[0])
    if len(chars) == 1:
        return f"{chars[0]!r} ({first})"
    sample = " ".join(chars[:SAMPLE]) + (" …" if len(chars) > SAMPLE else "")
    return f"{len(chars)} characters, {sample} (the first is {first})"


Field = tuple[tuple[str | int, ...], str]  # path inside the item, and the name a message gives it


def _grouped(model: Any, sets: dict[str, FontSet]) -> Iterator[tuple[tuple[str | int, ...], str, list[str],
                                                                     tuple[str, ...]]]:
    """(path, field name, characters, audiences lacking them) for each field and set of audiences lacking some."""
    groups: dict[tuple[Field, tuple[str, ...]], list[str]] = {}
    named: set[str] = set()  # a passage repeats its quote's words: their characters are named once, at the quote
    for where, char, lacking in sorted(_fields(model, sets), key=lambda found: len(found[0][0]) > 1):
        if len(where[0]) == 1 or char not in named:
            groups.setdefault((where, tuple(lacking)), []).append(char)
            named.add(char)
    for ((path, name), without), chars in groups.items():
        yield path, name, chars, without


def _texts(model: Any) -> Iterator[tuple[Field, str]]:
    """Each text field of an item with its path, the evidence passages in it included (`evidence[0].passage`)."""
    for name, value in model:
        if name in _SKIPPED_FIELDS:
            continue
        if isinstance(value, str):
            yield ((name,), name), value
        elif isinstance(value, list) and name in _NESTED:
            for i, entry in enumerate(value):
                for (path, field), text in _texts(entry):
                    yield ((name, i, *path), f"{name}[{i}].{field}"), text


def _fields(model: Any, sets: dict[str, FontSet]) -> Iterator[tuple[Field, str, list[str]]]:
    """(field, character, audiences lacking it, or [] for all) for each distinct character in each text field
    that the fonts of some audience do not draw (a private-use character too: no bundled font draws one)."""
    for where, value in _texts(model):
        if value.isascii():
            continue
        for char in dict.fromkeys(value):
            if ord(char) < 0x80 or unicodedata.category(char) in ("Cf", "Cc", "Cs"):
                continue
            lacking = [audience for audience, fonts in sets.items() if not fonts.drawable(char)]
            if lacking:
                yield where, char, [] if len(lacking) == len(sets) else lacking
